package formula

import (
	"fmt"

	"github.com/expr-lang/expr/ast"

	"github.com/omni-metrics/omni/builtins"
)

// This file lowers the calls that read other rows than the cell's or the
// touchpoint's own: a KPI's value in an earlier period (previous(revenue))
// and a touchpoint's customer's earlier touchpoints (had_before(…)). The
// engine computes each with a window (Env.Window).

// compareCall lowers a function of a value of the cell in an earlier period.
func (c *compiler) compareCall(fn *builtins.Builtin, n *ast.CallNode) value {
	if problem := c.compareProblem(fn); problem != "" {
		c.errorAt(n.Location(), "Misplaced "+fn.Name, problem)
		return atom("NULL", builtins.Any)
	}
	outer := c.comparing
	c.comparing = fn
	args := c.arguments(fn, n)
	c.comparing = outer
	x := args[0]
	switch {
	case x.unknown || c.diags.HasErrors():
		return combine("NULL", builtins.TypeOf(n.Type()), precAtom, x)
	case x.level != CellLevel:
		c.errorAt(extent(n.Arguments[0]), "Value per cell expected", fmt.Sprintf("%s(…) reads the value of the same cell in another period, and a constant is the same in every period: give it a KPI or an aggregate, as in %[1]s(revenue) or %[1]s(count()).", fn.Name))
		return atom("NULL", builtins.Any)
	}
	sql := fn.Lower(builtins.Call{Args: sqls(args), Window: c.env.Window(fn, sqls(args)), Dialect: c.env.Dialect()})
	return combine(sql, builtins.TypeOf(n.Type()), precAtom, x)
}

// compareProblem explains why a function of an earlier period cannot be
// called where it stands, or returns "".
func (c *compiler) compareProblem(fn *builtins.Builtin) string {
	switch {
	case c.scope != KPIScope:
		return fmt.Sprintf("%s(…) compares a KPI's value per scorecard cell with another period: use it in a KPI.", fn.Name)
	case c.agg != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…), which reduces rows; %[1]s(…) takes a value per cell: write the aggregate inside it, as in %[1]s(sum(revenue)).", fn.Name, c.agg.fn.Name)
	case c.comparing != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…): comparisons with other periods do not nest in one formula. Define a KPI of the inner one and compare that KPI.", fn.Name, c.comparing.Name)
	}
	return ""
}

// beforeCall lowers a condition on the customer's earlier touchpoints,
// which stands in the condition of an aggregate of touchpoints.
func (c *compiler) beforeCall(fn *builtins.Builtin, n *ast.CallNode) value {
	if problem := c.beforeProblem(fn); problem != "" {
		c.errorAt(n.Location(), "Misplaced "+fn.Name, problem)
		return atom("NULL", builtins.Any)
	}
	c.before = fn
	args := c.arguments(fn, n)
	c.before = nil
	if c.agg.rowName == "" {
		c.agg.rowName = fn.Name + "(…)" // a condition on touchpoints
	}
	if c.diags.HasErrors() {
		return combine("NULL", builtins.Bool, precAtom, args...)
	}
	return combine(fn.Lower(builtins.Call{Args: sqls(args), Window: c.env.Window(fn, sqls(args)), Dialect: c.env.Dialect()}), builtins.Bool, precAtom, args...)
}

// beforeProblem explains why a condition on earlier touchpoints cannot be
// called where it stands, or returns "".
func (c *compiler) beforeProblem(fn *builtins.Builtin) string {
	example := fmt.Sprintf("count(channel == 'store' && %s(channel == 'web'))", fn.Name)
	switch {
	case c.scope != KPIScope || c.agg == nil:
		return fmt.Sprintf("%s(…) is a condition on each touchpoint that a KPI aggregates: use it inside a KPI's aggregate, as in %s.", fn.Name, example)
	case c.agg.fn.Kind != builtins.Aggregate:
		return fmt.Sprintf("%s(…) is a condition on touchpoints, and %s(…) does not aggregate touchpoints: use it inside count, sum… as in %s.", fn.Name, c.agg.fn.Name, example)
	case c.before != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…): conditions on earlier touchpoints do not nest.", fn.Name, c.before.Name)
	}
	return ""
}

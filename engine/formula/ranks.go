package formula

import (
	"fmt"

	"github.com/expr-lang/expr/ast"

	"github.com/omni-metrics/omni/builtins"
)

// rankCall lowers a function that places a customer's value among those of
// the customers of the period (ntile, rank, percent_rank): the engine
// computes it with a window over the customers' rows (Env.Window).
func (c *compiler) rankCall(fn *builtins.Builtin, n *ast.CallNode) value {
	if problem := c.rankProblem(fn); problem != "" {
		c.errorAt(n.Location(), "Misplaced "+fn.Name, problem)
		return atom("NULL", builtins.Any)
	}
	c.ranking = fn
	args := c.arguments(fn, n)
	c.ranking = nil
	x := args[0]
	switch {
	case x.unknown || c.diags.HasErrors():
		return combine("NULL", builtins.TypeOf(n.Type()), precAtom, args...)
	case x.level == Constant:
		c.errorAt(extent(n.Arguments[0]), "Value per customer expected", fmt.Sprintf("%s(…) places a customer's value among the other customers', and a constant is the same for all: give it a trait or an aggregate of the customer's touchpoints, as in %[1]s(monetary) or %[1]s(sum(revenue)).", fn.Name))
		return atom("NULL", builtins.Any)
	}
	if fn.Name == "ntile" {
		if buckets, _ := literalNumber(n.Arguments[1]); buckets < 1 {
			c.errorAt(extent(n.Arguments[1]), "Buckets out of range", fmt.Sprintf("ntile splits the customers into at least 1 bucket, not %v: 5 gives quintile scores from 1 to 5.", buckets))
			return atom("NULL", builtins.Any)
		}
	}
	window := c.env.Window(fn, sqls(args))
	if window == "" {
		c.errorAt(n.Location(), "Misplaced "+fn.Name, fmt.Sprintf("%s(…) places a customer among the customers of a scorecard's period, which a loyalty ladder does not compute: use the trait in KPIs, and in the ladder's rules the values it ranks.", fn.Name))
		return atom("NULL", builtins.Any)
	}
	return combine(fn.Lower(builtins.Call{Args: sqls(args), Window: window}), builtins.TypeOf(n.Type()), precAtom, x)
}

// rankProblem explains why a rank cannot be called where it stands, or
// returns "".
func (c *compiler) rankProblem(fn *builtins.Builtin) string {
	buckets := ""
	if len(fn.Params) > 1 {
		buckets = ", 5"
	}
	switch {
	case c.scope != TraitScope:
		return fmt.Sprintf("%s(…) places a customer's value among the customers of a period: use it in a trait, as in trait \"score\" { formula = \"%[1]s(monetary%s)\" }, and the trait here.", fn.Name, buckets)
	case c.agg != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…), which reduces a customer's touchpoints; %[1]s(…) takes a value per customer: write the aggregate inside it, as in %[1]s(sum(revenue)%[3]s).", fn.Name, c.agg.fn.Name, buckets)
	case c.ranking != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…): ranks do not nest in one formula. Define a trait of the inner one and rank that trait.", fn.Name, c.ranking.Name)
	}
	return ""
}

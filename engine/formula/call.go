package formula

import (
	"fmt"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// aggregation is the state of an aggregate call while its arguments are
// lowered: which levels they name, which decides what the call aggregates.
type aggregation struct {
	fn      *builtins.Builtin
	rowName string // a touchpoint column named in the arguments
	trait   string // a trait named in the arguments
}

// use checks a name used inside an aggregate's arguments.
func (a *aggregation) use(c *compiler, n *ast.IdentifierNode, s *Symbol) {
	if a.fn.Kind == builtins.SpendAggregate && !s.InSpend {
		c.errorAt(n.Location(), "Not a column of spend", fmt.Sprintf("%s(…) adds up rows of the spend source, which know their day, channel and channel metadata only: %q is a %s.", a.fn.Name, s.Name, s.What))
		return
	}
	switch s.Level {
	case CellLevel:
		c.errorAt(n.Location(), "Aggregate of a KPI", fmt.Sprintf("%q is a KPI, already one value per cell: use it outside %s(…).", s.Name, a.fn.Name))
	case TraitLevel:
		if c.scope == TraitScope {
			c.errorAt(n.Location(), "Aggregate of a trait", fmt.Sprintf("%q is a trait, already one value per customer and period: use it outside %s(…).", s.Name, a.fn.Name))
		}
		if a.fn.Kind == builtins.BaseAggregate && s.LooksBack {
			c.errorAt(n.Location(), "History trait in "+a.fn.Name, fmt.Sprintf("%s(…) counts the customers without a touchpoint in the cell with the traits of no touchpoint, but %q looks back over a customer's history, which they have too. Count over the cell's customers with count(…) or share(…), or use a loyalty ladder, which has every customer in every period.", a.fn.Name, s.Name))
		}
		a.trait = s.Name
	case RowLevel:
		if a.fn.Kind == builtins.CustomerAggregate || a.fn.Kind == builtins.BaseAggregate {
			c.errorAt(n.Location(), "Touchpoint column in "+a.fn.Name, fmt.Sprintf("%s(…) counts customers, but %q is a column of the touchpoints. Define a trait that aggregates it per customer, and use the trait here.", a.fn.Name, s.Name))
		}
		a.rowName = s.Name
	}
}

// sourceNeeded are the aggregates over the rows of a source of their own,
// which a project may lack: the grain of those rows, and what to say then.
var sourceNeeded = map[builtins.Kind]struct {
	grain           Grain
	summary, detail string
}{
	builtins.SpendAggregate: {Spend, "No spend source", "adds up the amounts of the spend source, and the project has none: declare a source with time and amount columns (and channel, to split spend by channel)."},
	builtins.BaseAggregate:  {Base, "No customers source", "counts the customers of the customers source, and the project has none: declare a source with a key column, one row per customer."},
}

// call lowers a function call.
func (c *compiler) call(n *ast.CallNode) value {
	fn := builtins.Lookup(n.Callee.(*ast.IdentifierNode).Value)
	switch fn.Kind {
	case builtins.Scalar:
		return c.scalarCall(fn, n)
	case builtins.Compare:
		return c.compareCall(fn, n)
	case builtins.Before:
		return c.beforeCall(fn, n)
	case builtins.Rank:
		return c.rankCall(fn, n)
	}
	if problem := c.aggregateProblem(fn); problem != "" {
		c.errorAt(n.Location(), "Misplaced aggregate", problem)
		return atom("NULL", builtins.Any)
	}
	if need, ok := sourceNeeded[fn.Kind]; ok && !c.env.Has(need.grain) {
		c.errorAt(n.Location(), need.summary, fn.Name+"(…) "+need.detail)
		return atom("NULL", builtins.Any)
	}
	outer := c.agg
	c.agg = &aggregation{fn: fn}
	args := c.arguments(fn, n)
	agg := c.agg
	c.agg = outer
	if agg.rowName != "" && agg.trait != "" {
		c.errorAt(n.Location(), "Mixed levels in an aggregate", fmt.Sprintf("%s(…) uses %q, a column of the touchpoints, and %q, a trait per customer: it can aggregate touchpoints or customers, not both.", fn.Name, agg.rowName, agg.trait))
	}
	call := builtins.Call{Args: sqls(args), Time: c.env.Time(), Amount: c.env.Amount(), Dialect: c.env.Dialect()}
	if fn.Name == "retained_customers" {
		call.Window = c.env.Window(fn, call.Args)
	}
	sql := fn.Lower(call)
	t := builtins.TypeOf(n.Type())
	if c.scope == TraitScope {
		var err error
		switch env := c.env.(type) {
		case CellEnv:
			sql, err = env.Aggregate(fn, sql)
		case HistoryEnv:
			sql, err = env.History(fn, sql)
		}
		if err != nil {
			c.errorAt(n.Location(), "Aggregate without history", err.Error())
		}
		return value{sql: sql, typ: t, level: TraitLevel, prec: precAtom}
	}
	grain := Touchpoints
	switch {
	case fn.Kind == builtins.SpendAggregate:
		grain = Spend
	case fn.Kind == builtins.BudgetAggregate:
		grain = Budget
	case fn.Kind == builtins.BaseAggregate:
		grain = Base
	case fn.Kind == builtins.CustomerAggregate || agg.trait != "":
		grain = Customers
	}
	return value{sql: c.env.Measure(grain, sql, fn.Empty), typ: t, level: CellLevel, prec: precAtom, grains: Grains(0).Add(grain)}
}

// aggregateProblem explains why an aggregate cannot be called where it
// stands, or returns "".
func (c *compiler) aggregateProblem(fn *builtins.Builtin) string {
	switch {
	case c.agg != nil:
		return fmt.Sprintf("%s(…) stands inside %s(…): aggregates do not nest. Define a trait for the inner one.", fn.Name, c.agg.fn.Name)
	case c.scope == RowScope || c.scope == CustomerScope:
		return fmt.Sprintf("%s(…) aggregates many rows, but this formula is computed on each row by itself.", fn.Name)
	case fn.Kind == builtins.HistoryAggregate && !c.looksBack():
		return fmt.Sprintf("%s(…) looks back over a customer's history from the end of a period, a value per customer: name it in a trait (trait \"recency\" { formula = \"%[1]s(…)\" }) and use the trait here, or use it in a loyalty ladder's rule or volume.", fn.Name)
	case c.scope == TraitScope && fn.Kind != builtins.Aggregate && fn.Kind != builtins.HistoryAggregate:
		return fmt.Sprintf("%s(…) is computed per scorecard cell; a trait is computed per customer. Use it in a KPI.", fn.Name)
	}
	return ""
}

// looksBack reports whether the env says how aggregates look back over a
// customer's history: a trait-scope formula in a CellEnv or a HistoryEnv.
func (c *compiler) looksBack() bool {
	_, history := c.env.(HistoryEnv)
	return c.scope == TraitScope && (history || c.inCells())
}

// inCells reports whether the formula is a trait-scope formula evaluated in
// two steps (see CellEnv).
func (c *compiler) inCells() bool {
	_, ok := c.env.(CellEnv)
	return ok && c.scope == TraitScope
}

func (c *compiler) scalarCall(fn *builtins.Builtin, n *ast.CallNode) value {
	args := c.arguments(fn, n)
	sql := fn.Lower(builtins.Call{Args: sqls(args), Time: c.env.Time(), Amount: c.env.Amount(), Dialect: c.env.Dialect()})
	return combine(sql, builtins.TypeOf(n.Type()), precAtom, args...)
}

// arguments lowers the arguments of a call, checking those that must be
// literals, and that no argument is nil (SQL functions need typed values).
func (c *compiler) arguments(fn *builtins.Builtin, n *ast.CallNode) []value {
	args := make([]value, len(n.Arguments))
	for i, a := range n.Arguments {
		args[i] = c.lower(a)
		switch {
		case isNil(a):
			c.errorAt(a.Location(), "Nil argument", fmt.Sprintf("The %s of %s cannot be nil.", fn.Params[i].Name, fn.Name))
		case fn.Params[i].Constant:
			c.checkConstant(fn, i, a)
		case fn.Name == "date":
			c.checkDate(a)
		}
	}
	return args
}

// checkConstant checks an argument that SQL needs as a literal number,
// possibly negative.
func (c *compiler) checkConstant(fn *builtins.Builtin, i int, a ast.Node) {
	x, ok := literalNumber(a)
	if !ok {
		c.errorAt(a.Location(), "Literal expected", fmt.Sprintf("The %s of %s must be written as a number.", fn.Params[i].Name, fn.Name))
		return
	}
	switch {
	case fn.Name == "quantile" && (x < 0 || x > 1):
		c.errorAt(extent(a), "Fraction out of range", fmt.Sprintf("The fraction of quantile must be from 0 to 1, not %v.", x))
	case fn.Name == "had_before" && x < 1:
		c.errorAt(extent(a), "Days out of range", fmt.Sprintf("had_before looks back over at least 1 day, not %v: leave days out to look back over the whole data.", x))
	}
}

// literalNumber is the value of a number literal, with its sign.
func literalNumber(a ast.Node) (float64, bool) {
	switch lit := a.(type) {
	case *ast.IntegerNode:
		return float64(lit.Value), true
	case *ast.FloatNode:
		return lit.Value, true
	case *ast.UnaryNode:
		x, ok := literalNumber(lit.Node)
		if lit.Operator == "-" {
			x = -x
		}
		return x, ok && (lit.Operator == "-" || lit.Operator == "+")
	}
	return 0, false
}

// extent is the location of a node with all its operands, where expr
// locates an operator at its sign alone (and a ternary past its end).
func extent(n ast.Node) file.Location {
	v := extentFinder{root: n, loc: file.Location{From: -1}}
	ast.Walk(&n, &v)
	return v.loc
}

type extentFinder struct {
	root ast.Node
	loc  file.Location
}

func (v *extentFinder) Visit(n *ast.Node) {
	if _, ternary := (*n).(*ast.ConditionalNode); ternary && *n == v.root {
		return
	}
	loc := (*n).Location()
	if v.loc.From < 0 {
		v.loc = loc
	}
	v.loc.From, v.loc.To = min(v.loc.From, loc.From), max(v.loc.To, loc.To)
}

// checkDate checks a date written as a literal at compile time.
func (c *compiler) checkDate(a ast.Node) {
	lit, ok := a.(*ast.StringNode)
	if !ok {
		return
	}
	if _, problem := dsl.ParseDate(lit.Value); problem != "" {
		c.errorAt(a.Location(), "Invalid date", problem)
	}
}

func sqls(values []value) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.sql
	}
	return out
}

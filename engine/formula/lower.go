package formula

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr/file"

	"github.com/expr-lang/expr/ast"

	"github.com/omni-metrics/omni/builtins"
)

// value is a lowered subexpression.
type value struct {
	sql    string
	typ    builtins.Type // Any for nil, whose type comes from where it stands
	level  Level
	prec   precedence // of the SQL's outermost operator, for parentheses
	grains Grains
	// intLiteral marks an integer literal, which DuckDB types by its size
	// (INTEGER for 100000) where expr computes in 64 bits.
	intLiteral bool
	// unknown marks a value that depends on a definition that failed to
	// compile: its errors are already reported.
	unknown bool
}

// lower emits the SQL of a checked node: one method per node kind.
func (c *compiler) lower(node ast.Node) value {
	switch n := node.(type) {
	case *ast.IdentifierNode:
		return c.identifier(n)
	case *ast.NilNode:
		return atom("NULL", builtins.Any)
	case *ast.IntegerNode:
		v := atom(fmt.Sprint(n.Value), builtins.Int)
		v.intLiteral = true
		return v
	case *ast.FloatNode:
		return atom(floatLiteral(n.Value, c.env.Dialect()), builtins.Float)
	case *ast.StringNode:
		if !utf8.ValidString(n.Value) {
			c.errorAt(n.Location(), "Invalid text", "This string is not valid UTF-8 text.")
		}
		return atom(stringLiteral(n.Value), builtins.String)
	case *ast.BoolNode:
		return atom(strings.ToUpper(fmt.Sprint(n.Value)), builtins.Bool)
	case *ast.UnaryNode:
		return c.unary(n)
	case *ast.BinaryNode:
		return c.binary(n)
	case *ast.ConditionalNode:
		return c.conditional(n)
	case *ast.CallNode:
		return c.call(n)
	case *ast.ArrayNode:
		c.errorAt(n.Location(), "Unsupported list", "A list can only stand on the right of in, as in channel in ['email', 'webinar'].")
	default:
		c.errorAt(n.Location(), "Unsupported syntax", fmt.Sprintf("The expression %q is expr syntax that omni formulas do not support: formulas are compiled to SQL, with the operators and functions of the omni reference.", n.String()))
	}
	return atom("NULL", builtins.Any)
}

func atom(sql string, t builtins.Type) value {
	return value{sql: sql, typ: t, prec: precAtom}
}

// combine gives the level and grains of an expression made of parts: the
// most aggregated level, and all the grains.
func combine(sql string, t builtins.Type, prec precedence, parts ...value) value {
	v := value{sql: sql, typ: t, prec: prec}
	for _, p := range parts {
		v.level = max(v.level, p.level)
		v.grains |= p.grains
		v.unknown = v.unknown || p.unknown
	}
	return v
}

// identifier lowers a name, checking that its level makes sense where it stands.
func (c *compiler) identifier(n *ast.IdentifierNode) value {
	s := c.symbols[n.Value]
	v := value{sql: s.SQL, typ: s.Type, level: s.Level, prec: precAtom, grains: s.Grains, unknown: s.Type == builtins.Any}
	if c.agg != nil {
		c.agg.use(c, n, s)
		return v
	}
	if problem := c.scopeProblem(s); problem != "" {
		c.errorAt(n.Location(), "Misplaced "+s.What, problem)
		return v
	}
	if c.scope == TraitScope && s.Level == CustomerLevel {
		// A trait is one row per customer and period: one attribute value.
		v.level = TraitLevel
		if !c.inCells() {
			v.sql = "any_value(" + s.SQL + ")"
		}
	}
	return v
}

// scopeProblem explains why a symbol cannot be used outside any aggregate in
// the compiler's scope, or returns "".
func (c *compiler) scopeProblem(s *Symbol) string {
	switch {
	case s.Level == CellLevel && c.scope != KPIScope:
		return fmt.Sprintf("%q is a KPI: a value per scorecard cell, which only other KPIs can use.", s.Name)
	case s.Level == TraitLevel && c.scope == RowScope:
		return fmt.Sprintf("%q is a trait, one value per customer and period; this condition selects touchpoints one by one. Use touchpoint columns and customer attributes here.", s.Name)
	case s.Level == TraitLevel && c.scope == CustomerScope:
		return fmt.Sprintf("%q is a trait, which changes from period to period; segments select customers by their attributes. To count customers by a trait, write a KPI such as share(%s).", s.Name, s.Name)
	case s.Level == TraitLevel && c.scope == KPIScope:
		return fmt.Sprintf("%q is a trait, one value per customer; a KPI is one value per cell. Aggregate it over the cell's customers: avg(%s), or share(...) with a condition on it.", s.Name, s.Name)
	case s.Level == RowLevel && c.scope == CustomerScope:
		return fmt.Sprintf("%q is a column of the touchpoints; a segment is a group of customers chosen by their attributes (the columns of the customers source). To measure customers by their touchpoints, define a trait and a KPI such as share(trait > 0).", s.Name)
	case s.Level == RowLevel && (c.scope == TraitScope || c.scope == KPIScope):
		return fmt.Sprintf("%q is a column of the touchpoints, one value per row; this formula needs one value for many rows. Aggregate it: sum(%s), count_distinct(%s)…", s.Name, s.Name, s.Name)
	case s.Level == CustomerLevel && c.scope == KPIScope:
		return fmt.Sprintf("%q is a customer attribute, one value per customer; a KPI is one value per cell. Aggregate it: avg(%s), or count(...) with a condition on it.", s.Name, s.Name)
	}
	return ""
}

func (c *compiler) unary(n *ast.UnaryNode) value {
	x := c.lower(n.Node)
	switch n.Operator {
	case "!", "not":
		return combine("NOT "+paren(x, precNot), builtins.Bool, precNot, x)
	case "-":
		return combine("-"+paren(x, precUnary+1), x.typ, precUnary, x)
	}
	return x // unary plus
}

func (c *compiler) conditional(n *ast.ConditionalNode) value {
	cond, yes, no := c.lower(n.Cond), c.lower(n.Exp1), c.lower(n.Exp2)
	t := c.unify(n, "?:", yes, no)
	sql := "CASE WHEN " + cond.sql + " THEN " + yes.sql + " ELSE " + no.sql + " END"
	return combine(sql, t, precAtom, cond, yes, no)
}

// unify gives the type of an expression that is either of two values, as
// c ? a : b and a ?? b are: integers and numbers make numbers, nil takes the
// other's type, and any other mix is an error.
func (c *compiler) unify(n ast.Node, op string, a, b value) builtins.Type {
	switch {
	case a.typ == b.typ || b.typ == builtins.Any || a.unknown || b.unknown:
		return a.typ
	case a.typ == builtins.Any:
		return b.typ
	case isNumber(a.typ) && isNumber(b.typ):
		return builtins.Float
	}
	c.errorAt(extent(n), "Mixed types", fmt.Sprintf("The two sides of %s are %s %s and %s %s: they must have the same type.", op, article(a.typ), a.typ, article(b.typ), b.typ))
	return a.typ
}

func isNumber(t builtins.Type) bool { return t == builtins.Int || t == builtins.Float }

// checkResult checks the formula's final type against what is wanted.
func (c *compiler) checkResult(v value) {
	whole := file.Location{From: 0, To: utf8.RuneCountInString(c.f.Text)}
	is := fmt.Sprintf("%s %s", article(v.typ), v.typ)
	switch {
	case v.unknown:
		// The failed definition it uses is reported already.
	case v.typ == builtins.Any:
		c.errorAt(whole, "Unknown type", "This formula is nil, or nil in every case: it has no type. Give it a value.")
	case c.want == Condition && v.typ != builtins.Bool:
		c.errorAt(whole, "Condition expected", fmt.Sprintf("This formula selects rows, so it must be true or false; it is %s. Compare it: x == 'value', x > 10.", is))
	case c.want == Number && !isNumber(v.typ):
		c.errorAt(whole, "Number expected", fmt.Sprintf("This formula must be a number; it is %s.", is))
	case c.want == Value && v.typ == builtins.StringList:
		c.errorAt(whole, "Single value expected", "This formula must be one value: a number, string, bool or time, not a list.")
	}
}

func article(t builtins.Type) string {
	if strings.ContainsRune("aeiou", rune(t.String()[0])) {
		return "an"
	}
	return "a"
}

package formula

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"

	"github.com/omni-metrics/omni/builtins"
)

// sqlOperators maps expr's binary operators that translate one to one.
var sqlOperators = map[string]struct {
	sql  string
	prec precedence
}{
	"&&": {"AND", precAnd}, "and": {"AND", precAnd},
	"||": {"OR", precOr}, "or": {"OR", precOr},
	"<": {"<", precCompare}, ">": {">", precCompare},
	"<=": {"<=", precCompare}, ">=": {">=", precCompare},
	"==": {"IS NOT DISTINCT FROM", precIs}, "!=": {"IS DISTINCT FROM", precIs},
	"+": {"+", precAdd}, "-": {"-", precAdd}, "*": {"*", precMul},
}

// stringOperators are expr's string tests and their SQL functions. A
// missing string passes none of them, as in expr.
var stringOperators = map[string]string{
	"contains": "contains", "startsWith": "starts_with", "endsWith": "ends_with", "matches": "regexp_matches",
}

// binary lowers a binary operator. Equality follows expr's semantics, where
// nil equals nil and nothing else, rather than SQL's unknown.
func (c *compiler) binary(n *ast.BinaryNode) value {
	if n.Operator == "in" {
		return c.in(n)
	}
	l, r := c.lower(n.Left), c.lower(n.Right)
	t := builtins.TypeOf(n.Type())
	switch n.Operator {
	case "==", "!=":
		if isNil(n.Left) || isNil(n.Right) {
			return isNull(l, r, isNil(n.Left), n.Operator == "!=")
		}
	case "+":
		if l.typ == builtins.String || r.typ == builtins.String {
			return infix(l, "||", r, precOther, builtins.String)
		}
	case "/":
		// A division by zero is null, not an infinity nor an error.
		return combine(c.env.Dialect().Divide(paren(l, precMul), r.sql), builtins.Float, precMul, l, r)
	case "%":
		return combine(paren(bigint(l, r), precMul)+" % nullif("+r.sql+", 0)", builtins.Int, precMul, l, r)
	case "**", "^":
		return combine("pow("+l.sql+", "+r.sql+")", builtins.Float, precAtom, l, r)
	case "??":
		return combine("coalesce("+l.sql+", "+r.sql+")", c.unify(n, "??", l, r), precAtom, l, r)
	}
	if fn, ok := stringOperators[n.Operator]; ok {
		return combine("coalesce("+c.env.Dialect().StringTest(fn, l.sql, r.sql)+", FALSE)", builtins.Bool, precAtom, l, r)
	}
	if (n.Operator == "+" || n.Operator == "-") && (l.typ == builtins.Time || r.typ == builtins.Time) {
		c.errorAt(n.Location(), "Arithmetic on times", "Times cannot be added or subtracted here: use days_between(from, to) for a duration in days.")
	}
	op, ok := sqlOperators[n.Operator]
	if !ok {
		c.errorAt(n.Location(), "Unsupported operator", fmt.Sprintf("The operator %q has no SQL translation in omni formulas.", n.Operator))
		return l
	}
	if op.prec == precAdd || op.prec == precMul {
		l = bigint(l, r)
	}
	return infix(l, op.sql, r, op.prec, t)
}

// bigint makes an integer literal a BIGINT when the other operand is one
// too, so that arithmetic on literals is done in 64 bits as in expr, not
// in the INTEGER DuckDB gives 100000. (Integer columns reach formulas as
// BIGINT already.)
func bigint(l, r value) value {
	if l.intLiteral && r.intLiteral {
		l.sql += "::BIGINT"
	}
	return l
}

// isNull lowers x == nil and x != nil.
func isNull(l, r value, nilOnLeft, negated bool) value {
	x, not := l, ""
	if nilOnLeft {
		x = r
	}
	if negated {
		not = "NOT "
	}
	return combine(paren(x, precIs+1)+" IS "+not+"NULL", builtins.Bool, precIs, x)
}

// infix writes l op r; operands of the same precedence on the right are
// parenthesized, since a - (b - c) is not (a - b) - c.
func infix(l value, op string, r value, prec precedence, t builtins.Type) value {
	sql := paren(l, prec) + " " + op + " " + paren(r, prec+1)
	if prec == precCompare || prec == precIs {
		// Comparisons do not chain: (a < b) = c needs its parentheses.
		sql = paren(l, prec+1) + " " + op + " " + paren(r, prec+1)
	}
	return combine(sql, t, prec, l, r)
}

// in lowers membership: in a literal list, or in a list-typed column. A
// missing value is in a list only when the list holds nil, as in expr.
func (c *compiler) in(n *ast.BinaryNode) value {
	l := c.lower(n.Left)
	list, ok := n.Right.(*ast.ArrayNode)
	if !ok {
		r := c.lower(n.Right)
		if r.typ != builtins.StringList {
			c.errorAt(n.Location(), "Unsupported in", fmt.Sprintf("The right side of in must be a list such as ['a', 'b'] or a list column, not %s %s.", article(r.typ), r.typ))
			return l
		}
		return combine("coalesce(list_contains("+r.sql+", "+l.sql+"), FALSE)", builtins.Bool, precAtom, l, r)
	}
	var items []string
	parts, holdsNil := []value{l}, false
	for _, item := range list.Nodes {
		v := c.lower(item)
		switch {
		case isNil(item):
			holdsNil = true
			continue
		case !l.unknown && l.typ != builtins.Any && l.typ != v.typ && !(isNumber(l.typ) && isNumber(v.typ)):
			c.errorAt(item.Location(), "Mixed types", fmt.Sprintf("This list item is %s %s, but the value tested is %s %s.", article(v.typ), v.typ, article(l.typ), l.typ))
		}
		items, parts = append(items, v.sql), append(parts, v)
	}
	if len(items) == 0 && !holdsNil {
		return atom("FALSE", builtins.Bool)
	}
	sql := "FALSE"
	if len(items) > 0 {
		sql = "coalesce(" + paren(l, precIn+1) + " IN (" + strings.Join(items, ", ") + "), FALSE)"
	}
	if holdsNil {
		return combine(paren(l, precIs+1)+" IS NULL OR "+sql, builtins.Bool, precOr, parts...)
	}
	return combine(sql, builtins.Bool, precAtom, parts...)
}

func isNil(n ast.Node) bool {
	_, ok := n.(*ast.NilNode)
	return ok
}

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
			x, not := l, ""
			if isNil(n.Left) {
				x = r
			}
			if n.Operator == "!=" {
				not = "NOT "
			}
			return combine(paren(x, precIs+1)+" IS "+not+"NULL", builtins.Bool, precIs, x)
		}
	case "+":
		if l.typ == builtins.String {
			return infix(l, "||", r, precOther, builtins.String)
		}
	case "/":
		return combine(paren(l, precMul)+" / nullif("+r.sql+", 0)", builtins.Float, precMul, l, r)
	case "%":
		return combine(paren(l, precMul)+" % nullif("+r.sql+", 0)", builtins.Int, precMul, l, r)
	case "**", "^":
		return combine("pow("+l.sql+", "+r.sql+")", builtins.Float, precAtom, l, r)
	case "??":
		return combine("coalesce("+l.sql+", "+r.sql+")", l.typ, precAtom, l, r)
	case "contains":
		return call("contains", builtins.Bool, l, r)
	case "startsWith":
		return call("starts_with", builtins.Bool, l, r)
	case "endsWith":
		return call("ends_with", builtins.Bool, l, r)
	case "matches":
		return call("regexp_matches", builtins.Bool, l, r)
	}
	if (n.Operator == "+" || n.Operator == "-") && (l.typ == builtins.Time || r.typ == builtins.Time) {
		c.errorAt(n.Location(), "Arithmetic on times", "Times cannot be added or subtracted here: use days_between(from, to) for a duration in days.")
	}
	op, ok := sqlOperators[n.Operator]
	if !ok {
		c.errorAt(n.Location(), "Unsupported operator", fmt.Sprintf("The operator %q has no SQL translation in omni formulas.", n.Operator))
		return l
	}
	return infix(l, op.sql, r, op.prec, t)
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

func call(fn string, t builtins.Type, args ...value) value {
	sqls := make([]string, len(args))
	for i, a := range args {
		sqls[i] = a.sql
	}
	return combine(fn+"("+strings.Join(sqls, ", ")+")", t, precAtom, args...)
}

// in lowers membership: in a literal list, or in a list-typed column. A null
// on the left is in nothing, as in expr.
func (c *compiler) in(n *ast.BinaryNode) value {
	l := c.lower(n.Left)
	if list, ok := n.Right.(*ast.ArrayNode); ok {
		items := make([]string, len(list.Nodes))
		parts := []value{l}
		for i, item := range list.Nodes {
			v := c.lower(item)
			items[i], parts = v.sql, append(parts, v)
		}
		if len(items) == 0 {
			return atom("FALSE", builtins.Bool)
		}
		sql := "coalesce(" + paren(l, precIn+1) + " IN (" + strings.Join(items, ", ") + "), FALSE)"
		return combine(sql, builtins.Bool, precAtom, parts...)
	}
	r := c.lower(n.Right)
	if r.typ != builtins.StringList {
		c.errorAt(n.Location(), "Unsupported in", fmt.Sprintf("The right side of in must be a list such as ['a', 'b'] or a list column, not %s %s.", article(r.typ), r.typ))
		return l
	}
	return combine("coalesce(list_contains("+r.sql+", "+l.sql+"), FALSE)", builtins.Bool, precAtom, l, r)
}

func isNil(n ast.Node) bool {
	_, ok := n.(*ast.NilNode)
	return ok
}

package formula

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// maxIndicatorDepth bounds how deep CustomerIndicator follows the KPIs a
// formula names (the compiler rejects cycles; this keeps a long chain cheap).
const maxIndicatorDepth = 16

// CustomerIndicator says whether a KPI formula, computed over one
// customer's touchpoints, can only be 0 or 1 (or null): a count of
// customers, count_distinct(customer[, condition]), a KPI that is one
// (kpiFormula gives the formula of a KPI name, "" for any other name), or
// a ratio of such. Per customer it says whether he did something, and over
// the customers of a variant its mean is a rate of customers.
func CustomerIndicator(text string, kpiFormula func(name string) string) bool {
	return indicator(text, kpiFormula, 0)
}

func indicator(text string, kpiFormula func(string) string, depth int) bool {
	if depth > maxIndicatorDepth {
		return false
	}
	tree, err := parser.ParseWithConfig(text, newConfig())
	if err != nil {
		return false
	}
	var is func(ast.Node) bool
	is = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallNode:
			fn, ok := n.Callee.(*ast.IdentifierNode)
			if !ok || fn.Value != "count_distinct" || len(n.Arguments) == 0 {
				return false
			}
			arg, ok := n.Arguments[0].(*ast.IdentifierNode)
			return ok && arg.Value == "customer"
		case *ast.BinaryNode:
			return n.Operator == "/" && is(n.Left) && is(n.Right)
		case *ast.IdentifierNode:
			named := kpiFormula(n.Value)
			return named != "" && indicator(named, kpiFormula, depth+1)
		}
		return false
	}
	return is(tree.Node)
}

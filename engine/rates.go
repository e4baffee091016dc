package engine

import (
	"fmt"
	"strconv"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// isRate reports whether a KPI's values are shares, from 0 to 1: it is shown
// in percent, and its formula is a share(…), a base_share(…) or a count
// divided by a count (count, count_distinct, base_count or an integer KPI).
// Other KPIs shown in percent,
// such as a return on investment, can go below 0 or beyond 100%.
func (c *Compiled) isRate(k *KPI) bool {
	if k.Def.Format.Value != "percent" {
		return false
	}
	tree, err := parser.Parse(k.Def.Formula.Text)
	if err != nil {
		return false
	}
	switch n := tree.Node.(type) {
	case *ast.CallNode:
		return calleeName(n) == "share" || calleeName(n) == "base_share"
	case *ast.BinaryNode:
		return n.Operator == "/" && c.isCount(n.Left) && c.isCount(n.Right)
	}
	return false
}

func (c *Compiled) isCount(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		k := c.kpis[n.Value]
		return k != nil && k.Type == builtins.Int
	case *ast.CallNode:
		b := builtins.Lookup(calleeName(n))
		return b != nil && (b.Kind == builtins.Aggregate || b.Kind == builtins.BaseAggregate) && b.Returns == builtins.Int
	}
	return false
}

func calleeName(n *ast.CallNode) string {
	if id, ok := n.Callee.(*ast.IdentifierNode); ok {
		return id.Value
	}
	return ""
}

// rateCheck reports the values a rate cannot take: an absolute target or a
// given baseline outside 0 to 1, or a change that leads out of it.
func rateCheck(def *dsl.Objective, k *KPI) hcl.Diagnostics {
	outside := func(v float64) bool { return v < 0 || v > 1 }
	switch {
	case def.Target.Kind == dsl.TargetAbsolute && outside(def.Target.Value):
		return errorDiag("Rate target outside 0 to 1", fmt.Sprintf("KPI %q is a rate, from 0 to 1 (shown as 0%% to 100%%): a target of %s is out of reach. Write 0.36 for 36%%.",
			k.Def.Name, def.Target.Text), &def.Target.Range)
	case def.Baseline == nil:
		return nil
	case outside(def.Baseline.Value):
		return errorDiag("Rate baseline outside 0 to 1", fmt.Sprintf("KPI %q is a rate, from 0 to 1 (shown as 0%% to 100%%): it cannot have been %s. Write 0.31 for 31%%.",
			k.Def.Name, strconv.FormatFloat(def.Baseline.Value, 'g', -1, 64)), &def.Baseline.Range)
	case outside(def.Target.From(def.Baseline.Value)):
		return errorDiag("Rate target outside 0 to 1", fmt.Sprintf("From the baseline %s, %q gives %s, and KPI %q is a rate, from 0 to 1.",
			strconv.FormatFloat(def.Baseline.Value, 'g', -1, 64), def.Target.Text, strconv.FormatFloat(def.Target.From(def.Baseline.Value), 'g', 6, 64), k.Def.Name), &def.Target.Range)
	}
	return nil
}

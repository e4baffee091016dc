package formula

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// KPIQualifier starts the name of a KPI written kpi.name, which names the
// KPI even where a column, an attribute or a trait has its name too.
const KPIQualifier = "kpi."

// resolve looks up every name the formula uses, reporting unknown ones.
// Inside an aggregate a name is a column's (an attribute's, a trait's);
// outside an aggregate of a KPI it is a KPI's first, since only KPIs can
// stand there: kpi "revenue" { formula = "sum(revenue)" } sums the column,
// and revenue / orders in another KPI divides the KPIs.
func (c *compiler) resolve(root *ast.Node) map[string]*Symbol {
	qualifyKPIs(root)
	values, callees := names(*root)
	for _, node := range callees {
		if builtins.Lookup(node.Value) == nil {
			c.errorAt(node.Location(), "Unknown function", fmt.Sprintf("There is no function %q.%s", node.Value, suggestFunction(node.Value)))
		}
	}
	inAggregate := aggregated(*root)
	symbols := map[string]*Symbol{}
	for _, node := range values {
		written := node.Value
		s, err := c.lookup(node, inAggregate[node])
		switch {
		case err != nil:
			c.errorAt(node.Location(), "Cannot use "+written, err.Error()+c.shadowHint(written, node.Value))
		case s == nil:
			c.errorAt(node.Location(), "Unknown name", c.unknownName(written))
		default:
			symbols[node.Value] = s
		}
	}
	return symbols
}

// lookup finds the symbol of the name at node. A bare name that is a KPI's,
// outside an aggregate of a KPI, is rewritten kpi.name, so that the type
// checker and the SQL generator tell it from a column of the same name.
func (c *compiler) lookup(node *ast.IdentifierNode, aggregated bool) (*Symbol, error) {
	if c.scope == KPIScope && !aggregated && !strings.HasPrefix(node.Value, KPIQualifier) {
		qualified := KPIQualifier + node.Value
		if s, err := c.env.Lookup(qualified); s != nil || err != nil {
			node.Value = qualified
			return s, err
		}
	}
	return c.env.Lookup(node.Value)
}

// shadowHint says, for a name written bare that could not be used as the
// KPI it names here, how to write the column or attribute of that name.
func (c *compiler) shadowHint(written, resolved string) string {
	if written == resolved {
		return ""
	}
	s, err := c.env.Lookup(written)
	if err != nil || s == nil || s.Level == CellLevel {
		return ""
	}
	return ShadowHint(written, s.What)
}

// ShadowHint tells how to write the column (what: "touchpoint column",
// "attribute"…) that a KPI of the same name hides outside an aggregate.
func ShadowHint(name, what string) string {
	return fmt.Sprintf(" Outside an aggregate, %s names the KPI; for the %s, aggregate it, as in sum(%s).", name, what, name)
}

// unknownName explains a name that nothing has, with the closest one.
func (c *compiler) unknownName(written string) string {
	if kpi, ok := strings.CutPrefix(written, KPIQualifier); ok {
		return fmt.Sprintf("No KPI is named %q.%s", kpi, dsl.DidYouMean(kpi, c.env.Names()))
	}
	if filter, ok := strings.CutPrefix(written, dsl.FilterQualifier); ok {
		return fmt.Sprintf("No filter is named %q.%s", filter, dsl.DidYouMean(written, c.env.Names()))
	}
	if instead, ok := literals[strings.ToLower(written)]; ok {
		return fmt.Sprintf("Nothing is named %q here. %s", written, instead)
	}
	return fmt.Sprintf("Nothing is named %q here.%s", written, dsl.DidYouMean(written, c.env.Names()))
}

// literals say how a formula writes SQL's constants.
var literals = map[string]string{
	"null":  "A missing value is nil in a formula: write nil.",
	"true":  "Constants are lower case in a formula: write true.",
	"false": "Constants are lower case in a formula: write false.",
}

// qualifyKPIs turns each kpi.name and filter.name of a tree into one
// identifier "kpi.name", "filter.name", spanning its characters.
func qualifyKPIs(root *ast.Node) {
	ast.Walk(root, qualifier{})
}

type qualifier struct{}

func (qualifier) Visit(node *ast.Node) {
	m, ok := (*node).(*ast.MemberNode)
	if !ok || m.Optional {
		return
	}
	kind, isIdent := m.Node.(*ast.IdentifierNode)
	name, isName := m.Property.(*ast.StringNode)
	if !isIdent || !isName {
		return
	}
	qualifier := kind.Value + "."
	if qualifier != KPIQualifier && qualifier != dsl.FilterQualifier {
		return
	}
	id := &ast.IdentifierNode{Value: qualifier + name.Value}
	id.SetLocation(file.Location{From: kind.Location().From, To: name.Location().To})
	*node = id
}

// aggregated marks the identifiers that stand in an aggregate's arguments.
func aggregated(root ast.Node) map[*ast.IdentifierNode]bool {
	marker := aggregateMarker{inside: map[*ast.IdentifierNode]bool{}}
	ast.Walk(&root, &marker)
	return marker.inside
}

type aggregateMarker struct{ inside map[*ast.IdentifierNode]bool }

func (m *aggregateMarker) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok {
		return
	}
	callee, ok := call.Callee.(*ast.IdentifierNode)
	if !ok {
		return
	}
	if fn := builtins.Lookup(callee.Value); fn == nil || !fn.Aggregates() {
		return
	}
	for i := range call.Arguments {
		var ids nameCollector
		ast.Walk(&call.Arguments[i], &ids)
		for _, id := range ids.all {
			m.inside[id] = true
		}
	}
}

// names lists the identifiers of a tree: those that name values, and those
// that name the function of a call.
func names(root ast.Node) (values, callees []*ast.IdentifierNode) {
	var v nameCollector
	ast.Walk(&root, &v)
	isCallee := map[*ast.IdentifierNode]bool{}
	for _, id := range v.callees {
		isCallee[id] = true
	}
	for _, id := range v.all {
		if !isCallee[id] {
			values = append(values, id)
		}
	}
	return values, v.callees
}

type nameCollector struct{ all, callees []*ast.IdentifierNode }

func (v *nameCollector) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		v.all = append(v.all, n)
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			v.callees = append(v.callees, id)
		}
	}
}

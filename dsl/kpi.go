package dsl

import "github.com/hashicorp/hcl/v2"

// KPIFormats are the ways a KPI value can be displayed.
var KPIFormats = []string{"number", "integer", "percent", "currency"}

// KPI is a kpi block: a population-scope formula, the number a scorecard reports.
type KPI struct {
	Name        string
	Label       Text
	Description Text
	Format      Text        // one of KPIFormats; "" means number
	Formula     *Formula    // a population-scope expression
	By          []Breakdown // the breakdowns always reported for this KPI
	NotBy       []Text      // the breakdowns it has no meaning by, never reported
	Direction   Text        // which way is good: one of Directions; "" means up
	DeclRange   hcl.Range
}

// LowerIsBetter reports whether the KPI improves by falling, as a cost does.
func (k *KPI) LowerIsBetter() bool { return k.Direction.Value == "down" }

var kpiSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "formula", Required: true}, {Name: "label"}, {Name: "description"},
	{Name: "format"}, {Name: "by"}, {Name: "not_by"}, {Name: "direction"},
}}

func (l *loader) decodeKPIBlock(block *hcl.Block) (*KPI, hcl.Diagnostics) {
	name, diags := blockName(block)
	k := &KPI{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(kpiSchema)
	diags = append(diags, d...)
	k.Label, k.Description, d = describe(content)
	diags = append(diags, d...)
	k.Format, d = choiceAttr(content.Attributes["format"], KPIFormats)
	diags = append(diags, d...)
	k.Formula, d = l.formulaAttr(content.Attributes["formula"])
	diags = append(diags, d...)
	k.By, d = breakdownListAttr(content.Attributes["by"])
	diags = append(diags, d...)
	k.NotBy, d = textListAttr(content.Attributes["not_by"])
	diags = append(diags, d...)
	k.Direction, d = choiceAttr(content.Attributes["direction"], Directions)
	diags = append(diags, d...)
	return k, diags
}

// describe decodes the label and description every named definition may have.
func describe(content *hcl.BodyContent) (label, description Text, diags hcl.Diagnostics) {
	label, diags = textAttr(content.Attributes["label"])
	description, d := textAttr(content.Attributes["description"])
	return label, description, append(diags, d...)
}

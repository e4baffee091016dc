package dsl

import "github.com/hashicorp/hcl/v2"

// FilterQualifier starts the name by which formulas read a filter:
// filter.valid_orders, never a bare name, so that a filter cannot be taken
// for a column of the data.
const FilterQualifier = "filter."

// Filter is a filter block: a condition on the touchpoints written once,
// which every row-level formula reads as filter.<name> — a campaign's or a
// ladder's where, a KPI's condition, a ladder's rules, another filter.
type Filter struct {
	Name        string
	Label       Text
	Description Text
	Where       *Formula // a condition on a touchpoint's columns
	DeclRange   hcl.Range
}

var filterSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "where", Required: true}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeFilterBlock(block *hcl.Block) (*Filter, hcl.Diagnostics) {
	name, diags := blockName(block)
	f := &Filter{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(filterSchema)
	diags = append(diags, d...)
	f.Label, f.Description, d = describe(content)
	diags = append(diags, d...)
	f.Where, d = l.formulaAttr(content.Attributes["where"])
	return f, append(diags, d...)
}

// column is the filter as the touchpoints' view has it: a derived column
// named filter.<name>, whose formula is its condition.
func (f *Filter) column(touchpoints string) *DerivedColumn {
	return &DerivedColumn{
		Name: FilterQualifier + f.Name, Label: f.Label, Description: f.Description,
		Sources: []Ref{{Kind: "source", Name: touchpoints}}, Formula: f.Where, Filter: f, DeclRange: f.DeclRange,
	}
}

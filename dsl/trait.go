package dsl

import "github.com/hashicorp/hcl/v2"

// Trait is a trait block: a value per customer and period, aggregated over
// that customer's touchpoints, such as the number of channels used.
type Trait struct {
	Name        string
	Label       Text
	Description Text
	Formula     *Formula // a customer-scope expression
	DeclRange   hcl.Range
}

var traitSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "formula", Required: true}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeTraitBlock(block *hcl.Block) (*Trait, hcl.Diagnostics) {
	name, diags := blockName(block)
	t := &Trait{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(traitSchema)
	diags = append(diags, d...)
	t.Label, t.Description, d = describe(content)
	diags = append(diags, d...)
	t.Formula, d = l.formulaAttr(content.Attributes["formula"])
	diags = append(diags, d...)
	return t, diags
}

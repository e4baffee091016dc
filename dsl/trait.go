package dsl

import "github.com/hashicorp/hcl/v2"

// Trait is a trait block: a value per customer and period, aggregated over
// that customer's touchpoints, such as the number of channels used.
type Trait struct {
	Name        string
	Label       Text
	Description Text
	Formula     *Formula // a customer-scope expression
	// History makes its aggregates look back from the end of each period
	// over the customer's whole history, or a trailing window of it; nil:
	// over the period's touchpoints.
	History   *History
	DeclRange hcl.Range
}

var traitSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "formula", Required: true}, {Name: "history"}, {Name: "label"}, {Name: "description"},
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
	t.History, d = historyAttr(content.Attributes["history"])
	diags = append(diags, d...)
	return t, diags
}

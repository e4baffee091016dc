package dsl

import "github.com/hashicorp/hcl/v2"

// Segment is a segment block: a named group of customers, chosen by a rule
// over their attributes.
type Segment struct {
	Name        string
	Label       Text
	Description Text
	Where       *Formula // a customer-scope condition
	DeclRange   hcl.Range
}

var segmentSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "where", Required: true}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeSegmentBlock(block *hcl.Block) (*Segment, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := &Segment{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(segmentSchema)
	diags = append(diags, d...)
	s.Label, s.Description, d = describe(content)
	diags = append(diags, d...)
	s.Where, d = l.formulaAttr(content.Attributes["where"])
	diags = append(diags, d...)
	return s, diags
}

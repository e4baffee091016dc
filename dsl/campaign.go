package dsl

import (
	"github.com/hashicorp/hcl/v2"
)

// Campaign is a campaign block: a time window and a touchpoint filter that
// select the campaign's activity, and its budget per channel.
type Campaign struct {
	Name        string
	Label       Text
	Description Text
	Start, End  Date     // both days included
	Where       *Formula // a row-scope condition; nil selects every touchpoint in the window
	Budget      []Amount // per channel name
	DeclRange   hcl.Range
}

var campaignSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "start", Required: true}, {Name: "end", Required: true},
	{Name: "where"}, {Name: "budget"}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeCampaignBlock(block *hcl.Block) (*Campaign, hcl.Diagnostics) {
	name, diags := blockName(block)
	c := &Campaign{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(campaignSchema)
	diags = append(diags, d...)
	c.Label, c.Description, d = describe(content)
	diags = append(diags, d...)
	c.Start, d = dateAttr(content.Attributes["start"])
	diags = append(diags, d...)
	c.End, d = dateAttr(content.Attributes["end"])
	diags = append(diags, d...)
	c.Where, d = l.formulaAttr(content.Attributes["where"])
	diags = append(diags, d...)
	c.Budget, d = amountMapAttr(content.Attributes["budget"])
	diags = append(diags, d...)
	if !c.Start.IsZero() && !c.End.IsZero() && c.End.Value.Before(c.Start.Value) {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Campaign ends before it starts",
			Detail:   "The end date " + c.End.String() + " is before the start date " + c.Start.String() + ".",
			Subject:  c.End.Range.Ptr(),
		})
	}
	return c, diags
}

package dsl

import (
	"time"

	"github.com/hashicorp/hcl/v2"
)

var settingsSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "timezone"}, {Name: "currency"}, {Name: "grain"}, {Name: "as_of"},
}}

func decodeProjectBlock(block *hcl.Block) (*Settings, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := defaultSettings()
	s.Name, s.DeclRange = name, block.DefRange
	content, d := block.Body.Content(settingsSchema)
	diags = append(diags, d...)
	if attr := content.Attributes["timezone"]; attr != nil {
		s.Timezone, d = textAttr(attr)
		diags = append(diags, d...)
		// "" and "Local" name the machine's zone: results would change from machine to machine.
		_, err := time.LoadLocation(s.Timezone.Value)
		if !d.HasErrors() && (err != nil || s.Timezone.Value == "" || s.Timezone.Value == "Local") {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unknown time zone",
				Detail:   "The time zone " + s.Timezone.Value + " is not an IANA time zone name such as \"Europe/Paris\" or \"UTC\".",
				Subject:  attr.Expr.Range().Ptr(),
			})
		}
	}
	s.Currency, d = textAttr(content.Attributes["currency"])
	diags = append(diags, d...)
	if attr := content.Attributes["grain"]; attr != nil {
		s.Grain, d = choiceAttr(attr, Grains)
		diags = append(diags, d...)
	}
	s.AsOf, d = asOfAttr(content.Attributes["as_of"])
	diags = append(diags, d...)
	return s, diags
}

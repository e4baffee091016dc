package dsl

import (
	"fmt"
	"math"

	"github.com/hashicorp/hcl/v2"
)

// Loyalty is a loyalty block: a ladder of ordered stages that customers
// climb and descend from period to period. In each period a customer is in
// the highest stage whose rule holds, or else in the first stage, the entry
// stage, which has no rule.
type Loyalty struct {
	Name        string
	Label       Text
	Description Text
	Period      Text     // one of Grains; "" means the project's grain
	Stages      []*Stage // from the entry stage up
	Volume      *Formula // what a customer produces in a period; nil: no volume
	Horizon     Number   // how many periods the forecast looks ahead
	By          []Text   // breakdowns: "segment" or customer attributes
	AsOf        Date     // its own reference date (see Settings.AsOf); zero: the project's
	DeclRange   hcl.Range
}

// Stage is one rung of a ladder.
type Stage struct {
	Name        string
	Label       Text
	Description Text
	When        *Formula // a customer-and-period condition; nil for the entry stage
	DeclRange   hcl.Range
}

// MaxHorizon bounds the forecast: a transition matrix says little about a
// distant future.
const MaxHorizon = 12

var loyaltySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "period"}, {Name: "volume"}, {Name: "horizon"}, {Name: "by"},
		{Name: "label"}, {Name: "description"}, {Name: "as_of"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "stage", LabelNames: []string{"name"}}},
}

var stageSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "when"}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeLoyaltyBlock(block *hcl.Block) (*Loyalty, hcl.Diagnostics) {
	name, diags := blockName(block)
	y := &Loyalty{Name: name, Horizon: Number{Value: 1}, DeclRange: block.DefRange}
	content, d := block.Body.Content(loyaltySchema)
	diags = append(diags, d...)
	y.Label, y.Description, d = describe(content)
	diags = append(diags, d...)
	y.Period, d = choiceAttr(content.Attributes["period"], Grains)
	diags = append(diags, d...)
	y.Volume, d = l.formulaAttr(content.Attributes["volume"])
	diags = append(diags, d...)
	y.By, d = textListAttr(content.Attributes["by"])
	diags = append(diags, d...)
	y.AsOf, d = dateAttr(content.Attributes["as_of"])
	diags = append(diags, d...)
	if attr := content.Attributes["horizon"]; attr != nil {
		y.Horizon, d = horizonAttr(attr)
		diags = append(diags, d...)
	}
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		s, d := l.decodeStageBlock(b, len(y.Stages) == 0)
		diags = append(diags, d...)
		if prev, dup := seen[s.Name]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate stage",
				Detail:   fmt.Sprintf("Ladder %q already has a stage %q, at %s. Stage names are unique within a ladder.", y.Name, s.Name, prev),
				Subject:  s.DeclRange.Ptr(),
			})
			continue
		}
		seen[s.Name] = s.DeclRange
		y.Stages = append(y.Stages, s)
	}
	if len(y.Stages) < 2 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Too few stages",
			Detail:   "A ladder needs an entry stage, without a rule, and at least one stage above it with a rule: stage \"none\" {} then stage \"buyer\" { when = \"count() >= 1\" }.",
			Subject:  block.DefRange.Ptr(),
		})
	}
	return y, diags
}

// decodeStageBlock decodes a stage; the entry stage, the first, has no rule
// and every other stage has one.
func (l *loader) decodeStageBlock(block *hcl.Block, entry bool) (*Stage, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := &Stage{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(stageSchema)
	diags = append(diags, d...)
	s.Label, s.Description, d = describe(content)
	diags = append(diags, d...)
	when := content.Attributes["when"]
	s.When, d = l.formulaAttr(when)
	diags = append(diags, d...)
	switch {
	case entry && when != nil:
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Rule on the entry stage",
			Detail:   "The first stage is the entry stage: customers are in it when no other stage's rule holds, and new customers enter the ladder through it. Remove its when, or add a stage without a rule below it.",
			Subject:  when.Expr.Range().Ptr(),
		})
	case !entry && when == nil:
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Stage without a rule",
			Detail:   fmt.Sprintf("A customer is in stage %q in a period when its rule holds (and no higher stage's does): give it one, such as when = \"count(event == 'purchase') >= 1\". Only the first stage, the entry stage, has none.", s.Name),
			Subject:  block.DefRange.Ptr(),
		})
	}
	return s, diags
}

func horizonAttr(attr *hcl.Attribute) (Number, hcl.Diagnostics) {
	n, diags := numberValue(attr, attr.Expr)
	if diags.HasErrors() {
		return Number{Value: 1}, diags
	}
	if n.Value < 1 || n.Value > MaxHorizon || n.Value != math.Trunc(n.Value) {
		return Number{Value: 1}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid horizon",
			Detail:   fmt.Sprintf("The horizon is how many periods the forecast looks ahead: a whole number from 1 to %d, not %v.", MaxHorizon, n.Value),
			Subject:  n.Range.Ptr(),
		}}
	}
	return n, nil
}

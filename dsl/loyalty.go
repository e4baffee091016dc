package dsl

import (
	"fmt"
	"math"

	"github.com/hashicorp/hcl/v2"
)

// Loyalty is a loyalty block: a ladder of ordered stages that customers
// climb and descend from period to period. In each period a customer is in
// the stage of the first rule that holds, the rules tried in the ladder's
// Order, or else in the one stage without a rule, the catch-all.
type Loyalty struct {
	Name        string
	Label       Text
	Description Text
	Period      Text     // one of Grains; "" means the project's grain
	Order       Text     // one of Orders; "" means OrderHighest
	Stages      []*Stage // from the lowest up
	Volume      *Formula // what a customer produces in a period; nil: no volume
	Horizon     Number   // how many periods the forecast looks ahead
	Discount    *Number  // the rate per period that discounts the forecast volume; nil: no value
	By          []Text   // breakdowns: "segment" or customer attributes
	// Where keeps the touchpoints that the rules and the volume read, as a
	// campaign's where does; nil: every touchpoint. A ladder reads no
	// scorecard's campaign: its history spans the whole data.
	Where     *Formula
	AsOf      AsOf // its own reference date (see Settings.AsOf); zero: the project's
	DeclRange hcl.Range
}

// Stage is one rung of a ladder.
type Stage struct {
	Name        string
	Label       Text
	Description Text
	When        *Formula // a customer-and-period condition; nil for the catch-all
	DeclRange   hcl.Range
}

// MaxHorizon bounds the forecast: a transition matrix says little about a
// distant future.
const MaxHorizon = 12

var loyaltySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "period"}, {Name: "order"}, {Name: "volume"}, {Name: "horizon"}, {Name: "discount"},
		{Name: "by"}, {Name: "label"}, {Name: "description"}, {Name: "as_of"}, {Name: "where"},
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
	y.Order, d = choiceAttr(content.Attributes["order"], Orders)
	diags = append(diags, d...)
	y.Volume, d = l.formulaAttr(content.Attributes["volume"])
	diags = append(diags, d...)
	y.By, d = textListAttr(content.Attributes["by"])
	diags = append(diags, d...)
	y.AsOf, d = asOfAttr(content.Attributes["as_of"])
	diags = append(diags, d...)
	y.Where, d = l.formulaAttr(content.Attributes["where"])
	diags = append(diags, d...)
	if attr := content.Attributes["horizon"]; attr != nil {
		y.Horizon, d = horizonAttr(attr)
		diags = append(diags, d...)
	}
	if attr := content.Attributes["discount"]; attr != nil {
		y.Discount, d = discountAttr(attr, content.Attributes["volume"] != nil)
		diags = append(diags, d...)
	}
	seen, whens := map[string]hcl.Range{}, map[*Stage]*hcl.Attribute{}
	for _, b := range content.Blocks {
		s, when, d := l.decodeStageBlock(b)
		whens[s] = when
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
		return y, diags
	}
	if y.FirstMatch() {
		return y, append(diags, checkFirstMatch(y.Stages, whens)...)
	}
	return y, append(diags, checkHighest(y.Stages, whens)...)
}

// decodeStageBlock decodes a stage, and returns its when attribute, nil
// without one: which stages have a rule depends on the ladder's order
// (checkHighest, checkFirstMatch).
func (l *loader) decodeStageBlock(block *hcl.Block) (*Stage, *hcl.Attribute, hcl.Diagnostics) {
	name, diags := blockName(block)
	s := &Stage{Name: name, DeclRange: block.DefRange}
	content, d := block.Body.Content(stageSchema)
	diags = append(diags, d...)
	s.Label, s.Description, d = describe(content)
	diags = append(diags, d...)
	when := content.Attributes["when"]
	s.When, d = l.formulaAttr(when)
	return s, when, append(diags, d...)
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

// discountAttr reads a ladder's discount rate per period, a fraction from
// 0 to 1; it discounts the forecast volume, which the ladder must have.
func discountAttr(attr *hcl.Attribute, volume bool) (*Number, hcl.Diagnostics) {
	n, diags := numberValue(attr, attr.Expr)
	switch {
	case diags.HasErrors():
		return nil, diags
	case n.Value < 0 || n.Value > 1:
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid discount",
			Detail:   fmt.Sprintf("The discount is a rate per period of the ladder, a fraction from 0 to 1 such as 0.1 for 10%%, not %v.", n.Value),
			Subject:  n.Range.Ptr(),
		}}
	case !volume:
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Discount without volume",
			Detail:   "The discount applies to the volume the forecast expects of the customers: give the ladder a volume, such as volume = \"sum(amount, event == 'purchase')\".",
			Subject:  n.Range.Ptr(),
		}}
	}
	return &n, nil
}

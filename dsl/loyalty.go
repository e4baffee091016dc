package dsl

import (
	"fmt"
	"math"
	"slices"

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
	DeclRange   hcl.Range
}

// The orders in which a ladder tries its stages' rules.
const (
	// OrderHighest tries them from the highest stage down: a customer is in
	// the highest stage whose rule holds, else in the first, the entry
	// stage, which has no rule.
	OrderHighest = "highest"
	// OrderFirstMatch tries them as written, from the first stage: the
	// first rule that holds wins, and the last stage, which has no rule,
	// catches the rest.
	OrderFirstMatch = "first_match"
)

// Orders are the values of a ladder's order.
var Orders = []string{OrderHighest, OrderFirstMatch}

// FirstMatch says whether the ladder tries its rules as written.
func (y *Loyalty) FirstMatch() bool { return y.Order.Value == OrderFirstMatch }

// Tried lists the stages that have a rule, by index, in the order their
// rules are tried: from the highest down, or as written with first_match.
func (y *Loyalty) Tried() []int {
	var out []int
	for i, s := range y.Stages {
		if s.When != nil {
			out = append(out, i)
		}
	}
	if !y.FirstMatch() {
		slices.Reverse(out)
	}
	return out
}

// CatchAll is the index of the stage without a rule: the stage of the
// customers for whom no rule holds.
func (y *Loyalty) CatchAll() int {
	for i, s := range y.Stages {
		if s.When == nil {
			return i
		}
	}
	return 0
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
		{Name: "period"}, {Name: "order"}, {Name: "volume"}, {Name: "horizon"}, {Name: "discount"},
		{Name: "by"}, {Name: "label"}, {Name: "description"},
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
	if attr := content.Attributes["horizon"]; attr != nil {
		y.Horizon, d = horizonAttr(attr)
		diags = append(diags, d...)
	}
	if attr := content.Attributes["discount"]; attr != nil {
		y.Discount, d = discountAttr(attr, y.Volume != nil)
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

// checkHighest checks the stages of a ladder whose rules are tried from the
// highest down: the first, the entry stage, has no rule and every other
// stage has one.
func checkHighest(stages []*Stage, whens map[*Stage]*hcl.Attribute) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if when := whens[stages[0]]; when != nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Rule on the entry stage",
			Detail:   "The first stage is the entry stage: customers are in it when no other stage's rule holds, and new customers enter the ladder through it. Remove its when, or add a stage without a rule below it. (To try the rules as written, the last stage catching the rest, set order = \"first_match\".)",
			Subject:  when.Expr.Range().Ptr(),
		})
	}
	for i, s := range stages[1:] {
		if whens[s] != nil {
			continue
		}
		detail := fmt.Sprintf("A customer is in stage %q in a period when its rule holds (and no higher stage's does): give it one, such as when = \"count(event == 'purchase') >= 1\". Only the first stage, the entry stage, has none.", s.Name)
		if i == len(stages)-2 {
			detail += " (To try the rules as written, this last stage catching the rest, set order = \"first_match\".)"
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Stage without a rule",
			Detail:   detail,
			Subject:  s.DeclRange.Ptr(),
		})
	}
	return diags
}

// checkFirstMatch checks the stages of a ladder whose rules are tried as
// written: every stage has a rule but the last, which catches the rest.
func checkFirstMatch(stages []*Stage, whens map[*Stage]*hcl.Attribute) hcl.Diagnostics {
	var diags hcl.Diagnostics
	var catchAll *Stage
	for _, s := range stages {
		switch when := whens[s]; {
		case catchAll == nil && when == nil:
			catchAll = s
		case catchAll != nil && when == nil:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Two catch-all stages",
				Detail:   fmt.Sprintf("Stage %q has no when, like stage %q before it: with order = \"first_match\", only the last stage has none, and takes the customers for whom no rule holds. Give it a when.", s.Name, catchAll.Name),
				Subject:  s.DeclRange.Ptr(),
			})
		case catchAll != nil:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Stage after the catch-all",
				Detail:   fmt.Sprintf("Stage %q comes after stage %q, which has no when and takes every customer the rules before it leave: with order = \"first_match\" its rule would never be tried. Move the stage without a when last.", s.Name, catchAll.Name),
				Subject:  when.Expr.Range().Ptr(),
			})
		}
	}
	if catchAll == nil {
		last := stages[len(stages)-1]
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No catch-all stage",
			Detail:   fmt.Sprintf("With order = \"first_match\", the rules are tried as written and the last stage, without a when, takes the customers for whom none holds. Remove the when of stage %q, or add a last stage without one.", last.Name),
			Subject:  whens[last].Expr.Range().Ptr(),
		})
	}
	return diags
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

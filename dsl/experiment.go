package dsl

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Experiment is an experiment block: an A/B test of variants of a message
// or a journey, judged on KPIs per customer.
type Experiment struct {
	Name        string
	Label       Text
	Description Text
	// Assignment is a row-scope value naming each customer's variant: a
	// touchpoint column, a customer attribute or a derived column.
	Assignment *Formula
	Control    Text
	Start, End Date // both days included
	Segment    *Ref // the population's customers; nil for all
	Campaign   *Ref // the campaign whose filter selects the touchpoints; nil for all
	KPIs       []Ref
	// Variants lists the variants in the order of Split; nil when no split
	// is given.
	Variants []Text
	Split    []Number // the intended shares, as [50, 50]
	// Confidence is the level of the intervals, 0.95 unless set.
	Confidence Number
	CUPED      bool // adjust by the same KPI per customer before Start
	DeclRange  hcl.Range
}

// DefaultConfidence is the level of an experiment's intervals unless it sets one.
const DefaultConfidence = 0.95

var experimentSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "assignment", Required: true}, {Name: "control", Required: true},
	{Name: "start", Required: true}, {Name: "end", Required: true}, {Name: "kpis", Required: true},
	{Name: "segment"}, {Name: "campaign"}, {Name: "unit"}, {Name: "variants"}, {Name: "split"},
	{Name: "confidence"}, {Name: "cuped"}, {Name: "label"}, {Name: "description"},
}}

func (l *loader) decodeExperimentBlock(block *hcl.Block) (*Experiment, hcl.Diagnostics) {
	name, diags := blockName(block)
	e := &Experiment{Name: name, DeclRange: block.DefRange, Confidence: Number{Value: DefaultConfidence}}
	content, d := block.Body.Content(experimentSchema)
	diags = append(diags, d...)
	e.Label, e.Description, d = describe(content)
	diags = append(diags, d...)
	e.Assignment, d = l.formulaAttr(content.Attributes["assignment"])
	diags = append(diags, d...)
	e.Control, d = textAttr(content.Attributes["control"])
	diags = append(diags, d...)
	e.Start, d = dateAttr(content.Attributes["start"])
	diags = append(diags, d...)
	e.End, d = dateAttr(content.Attributes["end"])
	diags = append(diags, d...)
	e.Segment, d = refAttr(content.Attributes["segment"], "segment")
	diags = append(diags, d...)
	e.Campaign, d = refAttr(content.Attributes["campaign"], "campaign")
	diags = append(diags, d...)
	e.KPIs, d = refListAttr(content.Attributes["kpis"], "kpi")
	diags = append(diags, d...)
	_, d = choiceAttr(content.Attributes["unit"], []string{"customer"})
	diags = append(diags, d...)
	e.Variants, d = textListAttr(content.Attributes["variants"])
	diags = append(diags, d...)
	e.CUPED, d = boolAttr(content.Attributes["cuped"], false)
	diags = append(diags, d...)
	diags = append(diags, e.decodeConfidence(content.Attributes["confidence"])...)
	diags = append(diags, e.decodeSplit(content.Attributes["split"])...)
	return e, append(diags, e.check(content)...)
}

// decodeConfidence reads the level of the intervals, strictly between 0 and 1.
func (e *Experiment) decodeConfidence(attr *hcl.Attribute) hcl.Diagnostics {
	if attr == nil {
		return nil
	}
	n, diags := numberValue(attr, attr.Expr)
	if diags.HasErrors() {
		return diags
	}
	if n.Value <= 0 || n.Value >= 1 {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Confidence out of range",
			Detail:  fmt.Sprintf("confidence is the level of the intervals, between 0 and 1 (0.95 for 95%%), not %v.", n.Value),
			Subject: n.Range.Ptr()}}
	}
	e.Confidence = n
	return nil
}

// decodeSplit reads the intended shares of the variants, positive numbers
// in the order of variants.
func (e *Experiment) decodeSplit(attr *hcl.Attribute) hcl.Diagnostics {
	if attr == nil {
		return nil
	}
	exprs, diags := listOf(attr)
	for _, x := range exprs {
		n, d := numberValue(attr, x)
		if !d.HasErrors() && n.Value <= 0 {
			d = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Share not positive",
				Detail:  fmt.Sprintf("split holds the intended shares of the variants, each more than 0 (as [50, 50]), not %v.", n.Value),
				Subject: n.Range.Ptr()}}
		}
		diags = append(diags, d...)
		e.Split = append(e.Split, n)
	}
	return diags
}

// check reports what the attributes cannot say together.
func (e *Experiment) check(content *hcl.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	problem := func(summary, detail string, at hcl.Range) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()})
	}
	if !e.Start.IsZero() && !e.End.IsZero() && e.End.Value.Before(e.Start.Value) {
		problem("Experiment ends before it starts", "The end date "+e.End.String()+" is before the start date "+e.Start.String()+".", e.End.Range)
	}
	if attr := content.Attributes["kpis"]; attr != nil && len(e.KPIs) == 0 {
		problem("No KPI judged", "An experiment judges its variants on KPIs: name at least one, as kpis = [kpi.conversion_rate].", attr.Expr.Range())
	}
	var variants []string
	for _, v := range e.Variants {
		variants = append(variants, v.Value)
	}
	for i, v := range e.Variants {
		if slices.Index(variants, v.Value) < i {
			problem("Duplicate variant", fmt.Sprintf("The variant %q is listed twice; list each variant once.", v.Value), v.Range)
		}
	}
	if e.Variants != nil && e.Control.Value != "" && !slices.Contains(variants, e.Control.Value) {
		problem("Control not among the variants", fmt.Sprintf("The control %q is not one of the variants %q. Add it, or fix its name.", e.Control.Value, variants), e.Control.Range)
	}
	if attr := content.Attributes["split"]; attr != nil {
		switch {
		case e.Variants == nil:
			problem("Split without variants", "split gives the intended share of each variant, in the order of variants: list them too, as variants = [\"a\", \"b\"] with split = [50, 50].", attr.Expr.Range())
		case len(e.Split) != len(e.Variants):
			problem("Split and variants differ in length", fmt.Sprintf("split has %d shares and variants %d names: give one share per variant, in the same order.", len(e.Split), len(e.Variants)), attr.Expr.Range())
		}
	}
	return diags
}

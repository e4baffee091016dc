package dsl

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// This file holds the expectations of a test on attributions and loyalty
// ladders: what an attribution credits each key with, and how many
// customers a ladder has on each stage of a period and how they moved to it.

// AttributionExpectation is an expect_attribution block: the conversions
// (and value) an attribution credits each key with, in one scope and
// segment.
type AttributionExpectation struct {
	Attribution *Ref // nil when missing: reported
	Campaign    *Ref
	Segment     Text     // "": every customer
	Conversions []Amount // by key
	Value       []Amount // by key; nil: not checked
	Tolerance   float64
	DeclRange   hcl.Range
}

// LadderExpectation is an expect_ladder block: a ladder's customers on each
// stage in one period, and the probabilities of the moves into that period
// from the one before, for everybody.
type LadderExpectation struct {
	Ladder        *Ref // nil when missing: reported
	Period        Text
	Counts        []Amount // by stage
	Probabilities []Amount // by "from > to"
	Tolerance     float64
	DeclRange     hcl.Range
}

var attributionExpectSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "attribution", Required: true}, {Name: "campaign"}, {Name: "segment"},
	{Name: "conversions", Required: true}, {Name: "value"}, {Name: "tolerance"},
}}

var ladderExpectSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "ladder", Required: true}, {Name: "period", Required: true},
	{Name: "counts"}, {Name: "probabilities"}, {Name: "tolerance"},
}}

func decodeAttributionExpectBlock(block *hcl.Block) (*AttributionExpectation, hcl.Diagnostics) {
	e := &AttributionExpectation{DeclRange: block.DefRange}
	content, diags := block.Body.Content(attributionExpectSchema)
	attrs := content.Attributes
	var d hcl.Diagnostics
	e.Attribution, d = refAttr(attrs["attribution"], "attribution")
	diags = append(diags, d...)
	e.Campaign, d = refAttr(attrs["campaign"], "campaign")
	diags = append(diags, d...)
	e.Segment, d = textAttr(attrs["segment"])
	diags = append(diags, d...)
	e.Conversions, d = amountMapAttr(attrs["conversions"])
	diags = append(diags, d...)
	e.Value, d = amountMapAttr(attrs["value"])
	diags = append(diags, d...)
	e.Tolerance, d = toleranceAttr(attrs["tolerance"])
	return e, append(diags, d...)
}

func decodeLadderExpectBlock(block *hcl.Block) (*LadderExpectation, hcl.Diagnostics) {
	e := &LadderExpectation{DeclRange: block.DefRange}
	content, diags := block.Body.Content(ladderExpectSchema)
	attrs := content.Attributes
	var d hcl.Diagnostics
	e.Ladder, d = refAttr(attrs["ladder"], "loyalty")
	diags = append(diags, d...)
	e.Period, d = textAttr(attrs["period"])
	diags = append(diags, d...)
	e.Counts, d = amountMapAttr(attrs["counts"])
	diags = append(diags, d...)
	e.Probabilities, d = amountMapAttr(attrs["probabilities"])
	diags = append(diags, d...)
	for _, p := range e.Probabilities {
		if _, _, ok := MoveStages(p.Key.Value); !ok {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid move",
				Detail:  fmt.Sprintf("A key of probabilities is a move between two stages written \"from > to\", such as \"cold > warm\"; not %q.", p.Key.Value),
				Subject: p.Key.Range.Ptr()})
		}
	}
	if attrs["counts"] == nil && attrs["probabilities"] == nil && !diags.HasErrors() {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Nothing expected",
			Detail:  `An expect_ladder block checks counts = { cold = 3 }, probabilities = { "cold > warm" = 0.5 }, or both.`,
			Subject: block.DefRange.Ptr()})
	}
	e.Tolerance, d = toleranceAttr(attrs["tolerance"])
	return e, append(diags, d...)
}

// MoveStages splits a move written "from > to" into its stages.
func MoveStages(move string) (from, to string, ok bool) {
	from, to, ok = strings.Cut(move, " > ")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	return from, to, ok && from != "" && to != ""
}

func toleranceAttr(attr *hcl.Attribute) (float64, hcl.Diagnostics) {
	if attr == nil {
		return DefaultTolerance, nil
	}
	n, diags := numberValue(attr, attr.Expr)
	return n.Value, diags
}

// checkTestOutcomes checks what a test's expect_attribution and
// expect_ladder blocks name: declared attributions, ladders, campaigns and
// segments, and the ladder's stages.
func (p *Project) checkTestOutcomes(t *Test) hcl.Diagnostics {
	var diags hcl.Diagnostics
	attributions := names(p.Attributions, func(a *Attribution) string { return a.Name })
	campaigns := names(p.Campaigns, func(c *Campaign) string { return c.Name })
	segments := names(p.Segments, func(s *Segment) string { return s.Name })
	for _, e := range t.AttributionExpects {
		if e.Attribution != nil {
			diags = append(diags, checkRef(*e.Attribution, attributions)...)
			diags = append(diags, p.checkSummaryFixture(t, e)...)
		}
		if e.Campaign != nil {
			diags = append(diags, checkRef(*e.Campaign, campaigns)...)
		}
		if e.Segment.Value != "" {
			diags = append(diags, checkRef(Ref{Kind: "segment", Name: e.Segment.Value, Range: e.Segment.Range}, segments)...)
		}
	}
	for _, e := range t.LadderExpects {
		if e.Ladder == nil {
			continue
		}
		var ladder *Loyalty
		for _, y := range p.Ladders {
			if y.Name == e.Ladder.Name {
				ladder = y
			}
		}
		if ladder == nil {
			diags = append(diags, checkRef(*e.Ladder, names(p.Ladders, func(y *Loyalty) string { return y.Name }))...)
			continue
		}
		stages := names(ladder.Stages, func(s *Stage) string { return s.Name })
		for _, c := range e.Counts {
			diags = append(diags, checkStage(c.Key.Value, c.Key.Range, ladder, stages)...)
		}
		for _, m := range e.Probabilities {
			from, to, ok := MoveStages(m.Key.Value)
			if !ok {
				continue // reported
			}
			diags = append(diags, checkStage(from, m.Key.Range, ladder, stages)...)
			diags = append(diags, checkStage(to, m.Key.Range, ladder, stages)...)
		}
	}
	return diags
}

func checkStage(name string, at hcl.Range, y *Loyalty, stages []string) hcl.Diagnostics {
	if contains(stages, name) {
		return nil
	}
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "No such stage",
		Detail:  fmt.Sprintf("Ladder %q has no stage %q.%s Its stages: %s.", y.Name, name, DidYouMean(name, stages), strings.Join(stages, ", ")),
		Subject: at.Ptr()}}
}

// checkSummaryFixture reports a test that expects the credit of an
// attribution of a path summary without giving the summary's rows.
func (p *Project) checkSummaryFixture(t *Test, e *AttributionExpectation) hcl.Diagnostics {
	for _, a := range p.Attributions {
		if a.Name != e.Attribution.Name || a.Paths == nil {
			continue
		}
		for _, f := range t.Fixtures {
			if f.Source == a.Paths.Name {
				return nil
			}
		}
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Test without the path summary",
			Detail:  fmt.Sprintf("Attribution %q reads the path summary %q: give its rows, source %q { rows = [ … ] }.", a.Name, a.Paths.Name, a.Paths.Name),
			Subject: e.Attribution.Range.Ptr()}}
	}
	return nil
}

package deftest

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file runs a test's expectations on attributions and loyalty
// ladders: the project a test sees keeps the attributions and ladders it
// expects outcomes of, and the outcomes are compared with the scorecard's.

// keepOutcomes adds to q, the project as the test sees it, the
// attributions and ladders the test expects outcomes of, with the
// campaigns and segments they need, and lists them on the test's
// scorecard. It returns the names the ladders' formulas read, whose traits
// the test needs too.
func keepOutcomes(p, q *dsl.Project, t *dsl.Test, card *dsl.Scorecard, campaigns map[string]bool) []string {
	for _, e := range t.AttributionExpects {
		i := slices.IndexFunc(p.Attributions, func(a *dsl.Attribution) bool { return a.Name == e.Attribution.Name })
		if i < 0 {
			continue
		}
		a := p.Attributions[i]
		if !slices.Contains(q.Attributions, a) {
			q.Attributions = append(q.Attributions, a)
			card.Attributions = append(card.Attributions, *e.Attribution)
		}
		if e.Campaign != nil {
			campaigns[e.Campaign.Name] = true
		}
		if e.Segment.Value != "" || slices.ContainsFunc(a.By, isSegment) {
			q.Segments = p.Segments
		}
	}
	var reads []string
	for _, e := range t.LadderExpects {
		i := slices.IndexFunc(p.Ladders, func(y *dsl.Loyalty) bool { return y.Name == e.Ladder.Name })
		if i < 0 || slices.Contains(q.Ladders, p.Ladders[i]) {
			continue
		}
		y := p.Ladders[i]
		q.Ladders = append(q.Ladders, y)
		card.Loyalty = append(card.Loyalty, *e.Ladder)
		if slices.ContainsFunc(y.By, isSegment) {
			q.Segments = p.Segments
		}
		for _, s := range append([]*dsl.Stage{{When: y.Volume}}, y.Stages...) {
			if s.When != nil {
				reads = append(reads, identifiers(s.When.Text)...)
			}
		}
	}
	return reads
}

func isSegment(t dsl.Text) bool { return t.Value == "segment" }

// identifiers are the names a formula reads.
func identifiers(formula string) []string {
	tokens, _ := lexer.Lex(file.NewSource(formula))
	var out []string
	for _, tok := range tokens {
		if tok.Kind == lexer.Identifier {
			out = append(out, tok.Value)
		}
	}
	return out
}

// checkAttribution compares what an attribution credits each key with, in
// one scope and segment, with what an expect_attribution block expects.
func checkAttribution(sc *scorecard.Scorecard, e *dsl.AttributionExpectation) []Failure {
	campaign := ""
	if e.Campaign != nil {
		campaign = e.Campaign.Name
	}
	where := cellText(campaign, "", "", "")
	if e.Segment.Value != "" {
		where = cellText(campaign, "segment", e.Segment.Value, "")
	}
	i := slices.IndexFunc(sc.Attribution, func(a scorecard.Attribution) bool {
		return a.Name == e.Attribution.Name && a.Campaign == campaign && a.Segment == e.Segment.Value
	})
	if i < 0 {
		return []Failure{{e.DeclRange, fmt.Sprintf("attribution.%s has no credit (%s): no conversion there", e.Attribution.Name, where)}}
	}
	rows := sc.Attribution[i].Rows
	var out []Failure
	for _, f := range []struct {
		what  string
		want  []dsl.Amount
		field func(scorecard.AttributionRow) scorecard.Number
	}{
		{"conversions", e.Conversions, func(r scorecard.AttributionRow) scorecard.Number { return r.Conversions }},
		{"value", e.Value, func(r scorecard.AttributionRow) scorecard.Number { return r.Value }},
	} {
		for _, w := range f.want {
			j := slices.IndexFunc(rows, func(r scorecard.AttributionRow) bool { return r.Key == w.Key.Value })
			switch {
			case j < 0:
				out = append(out, Failure{w.Key.Range, fmt.Sprintf("attribution.%s credits %s %s %s, but %s is in no journey (%s)",
					e.Attribution.Name, w.Key.Value, f.what, number(w.Value), w.Key.Value, where)})
			case far(f.field(rows[j]), w.Value, e.Tolerance):
				out = append(out, Failure{w.Key.Range, fmt.Sprintf("attribution.%s credits %s %s %s, got %s (%s)",
					e.Attribution.Name, w.Key.Value, f.what, number(w.Value), f.field(rows[j]), where)})
			}
		}
	}
	return out
}

// checkLadder compares a ladder's counts in a period, and the
// probabilities of the moves into it, with what an expect_ladder block
// expects, for everybody.
func checkLadder(sc *scorecard.Scorecard, e *dsl.LadderExpectation) []Failure {
	i := slices.IndexFunc(sc.Loyalty, func(l scorecard.Loyalty) bool { return l.Name == e.Ladder.Name })
	if i < 0 {
		return []Failure{{e.DeclRange, fmt.Sprintf("loyalty.%s is not in the scorecard", e.Ladder.Name)}}
	}
	l := sc.Loyalty[i]
	name, period := e.Ladder.Name, e.Period.Value
	var out []Failure
	if len(e.Counts) > 0 {
		j := slices.IndexFunc(l.Periods, func(p scorecard.LadderPeriod) bool { return p.Period == period })
		if j < 0 {
			return []Failure{{e.Period.Range, fmt.Sprintf("loyalty.%s has no period %s", name, period)}}
		}
		for _, w := range e.Counts {
			got := scorecard.Null
			for _, c := range l.Periods[j].Counts {
				if c.Stage == w.Key.Value {
					got = c.Value
				}
			}
			if far(got, w.Value, e.Tolerance) {
				out = append(out, Failure{w.Key.Range, fmt.Sprintf("loyalty.%s has %s customers on %s in %s, got %s", name, number(w.Value), w.Key.Value, period, got)})
			}
		}
	}
	if len(e.Probabilities) > 0 {
		j := slices.IndexFunc(l.Transitions, func(t scorecard.Transition) bool { return t.To == period })
		if j < 0 {
			return append(out, Failure{e.Period.Range, fmt.Sprintf("loyalty.%s has no move into %s: it is its first period, or not one of its periods", name, period)})
		}
		for _, w := range e.Probabilities {
			from, to, _ := dsl.MoveStages(w.Key.Value)
			got := l.Transitions[j].Probabilities[slices.Index(l.Stages, from)][slices.Index(l.Stages, to)]
			if far(got, w.Value, e.Tolerance) {
				out = append(out, Failure{w.Key.Range, fmt.Sprintf("loyalty.%s moves %s into %s with probability %s, got %s", name, w.Key.Value, period, number(w.Value), got)})
			}
		}
	}
	return out
}

// far reports whether a value is missing or further than the tolerance
// from the one expected.
func far(got scorecard.Number, want, tolerance float64) bool {
	return got.IsNull() || math.Abs(float64(got)-want) > tolerance
}

func number(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

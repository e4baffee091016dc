package review

import (
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// run is a scorecard with the experiment "welcome": control A, and B's
// lift on buyers with its Holm p-value (better below 0.05).
func run(lift, holm scorecard.Number) *scorecard.Scorecard {
	null := scorecard.Null
	return &scorecard.Scorecard{Experiments: []scorecard.Experiment{{Name: "welcome", Control: "A", Confidence: 0.95,
		KPIs: []scorecard.ExperimentKPI{{Name: "buyers", Format: "percent"}},
		Results: []scorecard.ExperimentResult{
			{KPI: "buyers", Variant: "A", Value: 0.2, Lift: null, Adjusted: null},
			{KPI: "buyers", Variant: "B", Value: 0.2 + lift, Lift: lift, Adjusted: holm},
		}}}}
}

func TestLiftChanges(t *testing.T) {
	c := CompareScorecards(run(0.02, 0.4), run(0.08, 0.01))
	want := LiftChange{Experiment: "welcome", KPI: "buyers", Variant: "B", Before: 0.02, After: 0.08,
		VerdictBefore: "inconclusive", VerdictAfter: "better"}
	if len(c.Lifts) != 1 || c.Lifts[0] != want {
		t.Fatalf("lifts %+v, want [%+v]", c.Lifts, want)
	}
	var b strings.Builder
	writeLiftChanges(&b, c.Lifts, false, func(s string) string { return s })
	if got := b.String(); !strings.Contains(got, "- welcome, buyers, B against control: +0.02 → +0.08 (inconclusive → better)") {
		t.Errorf("text:\n%s", got)
	}
	// The same lift, and noise in the 13th digit: nothing moved.
	if c := CompareScorecards(run(0.08, 0.01), run(0.08000000000001, 0.01)); len(c.Lifts) != 0 {
		t.Errorf("lifts %+v, want none", c.Lifts)
	}
	// An experiment only before: its lift is gone.
	c = CompareScorecards(run(0.08, 0.01), &scorecard.Scorecard{})
	if len(c.Lifts) != 1 || !c.Lifts[0].After.IsNull() || c.Lifts[0].VerdictAfter != "" {
		t.Errorf("lifts %+v, want B's lift gone", c.Lifts)
	}
}

package attribution

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Bryl's example (see TestMarkovPublishedExample), its transitions counted
// as the engine's SQL counts them: P(conversion) = 1/3; without C1, the
// start leads to C2 only: 1/3 · 1/2 = 1/6, effect 1/2; without C2 or C3,
// nothing converts, effect 1. The transitions leave each state with their
// counts over the state's: start → C1 2/3, → C2 1/3; C1 → C2 1/2, → null
// 1/2; C2 → C3 1; C3 → conversion 1/2, → null 1/2 — the published matrix.
func TestMarkovReportPublishedExample(t *testing.T) {
	c1, c2, c3 := []string{"C1"}, []string{"C2"}, []string{"C3"}
	ts := []Transition{
		{To: c1, Count: 2}, {To: c2, Count: 1}, {From: c1, To: c2, Count: 1}, {From: c1, Count: 1},
		{From: c2, To: c3, Count: 2}, {From: c3, Converted: true, Count: 1}, {From: c3, Count: 1},
	}
	r, err := RemovalEffects(ts)
	if err != nil {
		t.Fatal(err)
	}
	got := markovReport(1, ts, r)
	want := &scorecard.Markov{Order: 1, Conversion: 1.0 / 3,
		Removal: []scorecard.RemovalEffect{{Key: "C1", Without: 1.0 / 6, Effect: 0.5}, {Key: "C2", Without: 0, Effect: 1}, {Key: "C3", Without: 0, Effect: 1}},
		Transitions: []scorecard.MarkovTransition{
			{From: []string{}, To: c1, Journeys: 2, Probability: 2.0 / 3},
			{From: []string{}, To: c2, Journeys: 1, Probability: 1.0 / 3},
			{From: c1, To: c2, Journeys: 1, Probability: 0.5},
			{From: c1, To: []string{}, End: "null", Journeys: 1, Probability: 0.5},
			{From: c2, To: c3, Journeys: 2, Probability: 1},
			{From: c3, To: []string{}, End: "conversion", Journeys: 1, Probability: 0.5},
			{From: c3, To: []string{}, End: "null", Journeys: 1, Probability: 0.5},
		}}
	near := cmp.Comparer(func(a, b scorecard.Number) bool { return a-b < 1e-12 && b-a < 1e-12 })
	if diff := cmp.Diff(want, got, near); diff != "" {
		t.Errorf("markov report (-want +got):\n%s", diff)
	}
}

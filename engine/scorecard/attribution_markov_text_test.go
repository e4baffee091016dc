package scorecard

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A first-order chain of one converting path, email > search: removal
// effects and transitions as a person reads them.
func TestMarkovTables(t *testing.T) {
	e, s := []string{"email"}, []string{"search"}
	a := Attribution{Name: "m", Key: "channel", Markov: &Markov{Order: 1, Conversion: 0.5,
		Removal: []RemovalEffect{{Key: "email", Without: 0.25, Effect: 0.5}, {Key: "search", Without: 0, Effect: 1}},
		Transitions: []MarkovTransition{{From: []string{}, To: e, Journeys: 2, Probability: 1},
			{From: e, To: s, Journeys: 2, Probability: 1}, {From: s, To: []string{}, End: "conversion", Journeys: 1, Probability: 0.5}}}}
	want := []Table{{
		Title:  "m: removal effects (Markov chain of order 1)",
		Header: []string{"channel", "P(conversion) without", "removal effect"},
		Rows:   [][]string{{"email", "25.0%", "50.0%"}, {"search", "0.0%", "100.0%"}},
		Note:   "P(conversion) from the start: 50.0%; each key's credit is in proportion to its removal effect, 1 − without / P(conversion)",
	}, {
		Title:  "m: transitions",
		Header: []string{"from", "to", "journeys", "probability"},
		Rows:   [][]string{{"(start)", "email", "2", "100.0%"}, {"email", "search", "2", "100.0%"}, {"search", "(conversion)", "1", "50.0%"}},
	}}
	if diff := cmp.Diff(want, markovTables(a)); diff != "" {
		t.Errorf("markov tables (-want +got):\n%s", diff)
	}
}

package scorecard

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Stage values are written as an object in the ladder's order, not the
// alphabet's, with null for what does not exist, and read back in order.
func TestStageValuesJSON(t *testing.T) {
	v := StageValues{{"non_user", 3}, {"informed", Null}, {"advocate", 0.5}}
	b, err := json.Marshal(v)
	if err != nil || string(b) != `{"non_user":3,"informed":null,"advocate":0.5}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back StageValues
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(v, back, sameNumber); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`[1]`), &back); err == nil {
		t.Error("a list read as stage values")
	}
}

// A scorecard with a ladder reads back as written.
func TestLoyaltyRoundTrip(t *testing.T) {
	counts := StageValues{{"a", 2}, {"b", 1}}
	total := Number(7)
	sc := &Scorecard{FormatVersion: FormatVersion, Project: "p", Name: "s", Values: []Value{},
		Loyalty: []Loyalty{{Name: "l", Period: "year", Stages: []string{"a", "b"},
			LadderSeries: LadderSeries{
				Periods: []LadderPeriod{{Period: "2025", Distribution: Distribution{Counts: counts, Volume: counts, VolumeTotal: &total}}},
				Transitions: []Transition{{From: "2024", To: "2025", Matrix: [][]Number{{1, 1}, {0, 0}},
					Probabilities: [][]Number{{0.5, 0.5}, {Null, Null}}, StageProgression: StageValues{{"a", 0.5}, {"b", Null}}}},
				Forecast: []LadderPeriod{}, Backtest: []BacktestPeriod{},
			},
			Groups: []LadderGroup{{By: "segment", Key: new("young")}},
		}}}
	var b bytes.Buffer
	if err := WriteJSON(&b, sc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"counts": {`) {
		t.Errorf("no counts object in\n%s", b.String())
	}
	back, err := ReadJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sc, back, sameNumber, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

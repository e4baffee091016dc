package engine_test

import (
	"maps"
	"slices"
	"testing"
)

// The conventions of other tools, over the journeys of testdata/attribution
// (see attribution_test.go).
//
// lookback_days = 1 keeps the touches on the conversion's date and the day
// before: P1 (converting 03-04 10:00) keeps the email of 03-03 10:00; P2
// its display of 03-05, Q1 its display of 03-10, S1 both simultaneous
// touches (email first, by key), U1 the display of 03-27. First touch:
// email 2, display 3. lookback = "1d" is the 24 hours before, the window
// (conversion − 24h, conversion]: P1's, P2's, Q1's and U1's last touches
// are exactly 24 hours before, so out; S1 alone is credited, to email, and
// display is in no journey left.
//
// after_last_conversion = "drop" drops P's email after his last
// prescription (P3): the only journey without conversion left is T's,
// email > visit, who never converted.
func TestAttributionConventions(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution")
	for name, want := range map[string]map[string]float64{
		"calendar_day": {"email": 2, "display": 3, "visit": 0},
		"one_day":      {"email": 1, "visit": 0},
	} {
		if c := credits(got[entryKey{name, "", ""}]); !maps.Equal(c, want) {
			t.Errorf("%s: credits %v, want %v", name, c, want)
		}
	}
	nonConverting := func(name string) []string {
		var paths []string
		for _, p := range got[entryKey{name, "", ""}].Paths.NonConverting {
			paths = append(paths, p.Path)
		}
		return paths
	}
	if p := nonConverting("dropped_after"); !slices.Equal(p, []string{"email > visit"}) {
		t.Errorf("dropped after the last conversion: non-converting paths %v, want [email > visit]", p)
	}
	if p := nonConverting("first"); !slices.Equal(p, []string{"email", "email > visit"}) {
		t.Errorf("a journey after the last conversion: non-converting paths %v, want [email, email > visit]", p)
	}
}

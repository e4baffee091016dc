package engine_test

// Ties in time, over testdata/attribution_ties (e email, v visit, d display;
// conversions are purchases, lookback 30 days):
//
//	A  e 03-01, v and two purchases (30, 20) at 03-02 10:00, d 03-03, purchase 50 03-04, e 03-05
//	B  d 03-01, e 03-02, never converts
//	C  v and a purchase (40) at 03-10 10:00
//	D  a purchase (10) 03-12, no touch
//
// The journeys: A1 e v → 20 (the visit at the instant of the purchases
// counts for them; of two purchases at one instant, the touches go to the
// one of the smallest value, the other has none), A2 d → 50 (A's third
// conversion), A3 e → (none), B1 d e → (none), C1 v → 40. Five conversions
// (value 150), three with a touch (value 110). Campaign late (from 03-03)
// sees A2 d → 50 (A's first conversion there), A3 e, C1 v → 40 and D's
// purchase: three conversions (value 100), two with a touch.
//
// lookback = "1d" keeps the touches less than 24 hours before the end: A1
// is v alone, A2's display is exactly 24 hours before, so A2 has no touch.
// after_last_conversion = "drop" drops A3; B, who never converted, keeps
// his journey.

import (
	"maps"
	"slices"
	"testing"
)

func TestAttributionTies(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution_ties")
	for _, c := range []struct {
		entry                          entryKey
		conversions, attributed, value float64
		credits, values                map[string]float64
		nonConverting                  []string
	}{
		{entryKey{"first", "", ""}, 5, 3, 110, map[string]float64{"email": 1, "visit": 1, "display": 1},
			map[string]float64{"email": 20, "visit": 40, "display": 50}, []string{"display > email", "email"}},
		{entryKey{"last", "", ""}, 5, 3, 110, map[string]float64{"email": 0, "visit": 2, "display": 1},
			map[string]float64{"email": 0, "visit": 60, "display": 50}, []string{"display > email", "email"}},
		{entryKey{"last", "late", ""}, 3, 2, 90, map[string]float64{"email": 0, "visit": 1, "display": 1},
			map[string]float64{"email": 0, "visit": 40, "display": 50}, []string{"email"}},
		{entryKey{"one_day", "", ""}, 5, 2, 60, map[string]float64{"email": 0, "visit": 2},
			map[string]float64{"email": 0, "visit": 60}, []string{"email"}},
		{entryKey{"dropped_after", "", ""}, 5, 3, 110, map[string]float64{"email": 1, "visit": 1, "display": 1},
			map[string]float64{"email": 20, "visit": 40, "display": 50}, []string{"display > email"}},
	} {
		a, ok := got[c.entry]
		if !ok {
			t.Errorf("%v: no entry", c.entry)
			continue
		}
		if float64(a.Conversions) != c.conversions || float64(a.Attributed) != c.attributed || float64(a.Value) != c.value {
			t.Errorf("%v: %v conversions, %v attributed, value %v; want %v, %v, %v", c.entry, a.Conversions, a.Attributed, a.Value, c.conversions, c.attributed, c.value)
		}
		values := map[string]float64{}
		for _, r := range a.Rows {
			values[r.Key] = float64(r.Value)
		}
		if cr := credits(a); !maps.Equal(cr, c.credits) || !maps.Equal(values, c.values) {
			t.Errorf("%v: credits %v, values %v; want %v, %v", c.entry, cr, values, c.credits, c.values)
		}
		var paths []string
		for _, p := range a.Paths.NonConverting {
			paths = append(paths, p.Path)
		}
		if !slices.Equal(paths, c.nonConverting) {
			t.Errorf("%v: non-converting paths %v, want %v", c.entry, paths, c.nonConverting)
		}
	}
}

// The credits file numbers each customer's conversions in each scope:
// A's display counts for his third conversion, the second at 03-02 having
// no touch; in campaign late, for his first.
func TestCreditsNumberTiedConversions(t *testing.T) {
	want := `campaign,customer,conversion,time,key,position,credit,value
,A,1,2026-03-02 10:00:00,email,1,0,0
,A,1,2026-03-02 10:00:00,visit,2,1,20
,A,3,2026-03-04 10:00:00,display,1,1,50
,C,1,2026-03-10 10:00:00,visit,1,1,40
late,A,1,2026-03-04 10:00:00,display,1,1,50
late,C,1,2026-03-10 10:00:00,visit,1,1,40
`
	if got := creditsFile(t, compileDir(t, "testdata/attribution_ties"), "last"); got != want {
		t.Errorf("credits:\n%s\nwant:\n%s", got, want)
	}
}

// Every conversion counts in its segment's total, with a touch or not,
// over testdata/attribution (see attribution_test.go): gp is P (two
// prescriptions), R and U, cardio Q and S.
func TestAttributionTotalsBySegment(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution")
	for segment, want := range map[string]float64{"": 6, "gp": 4, "cardio": 2} {
		if a := got[entryKey{"first", "", segment}]; float64(a.Conversions) != want {
			t.Errorf("first, segment %q: %v conversions, want %v", segment, a.Conversions, want)
		}
	}
}

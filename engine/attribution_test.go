package engine_test

// The attribution specification: testdata/attribution holds six customers
// whose journeys are small enough to attribute by hand. With conversions
// the prescriptions (values 100, 50, 80, 60, 40, 70) and a lookback of
// 30 days, the journeys are (e email, v visit, d display):
//
//	P1  e e v e → 100   two emails on 03-01 (10:00, 22:00), a visit 03-02, an email 03-03; converts 03-04
//	P2  d → 50          the display after P's first conversion counts for the second
//	P3  e → (none)      P's email after his last conversion: a journey without conversion
//	Q1  d → 80
//	R1  → 60            R's only email is 73 days before: no touch in the lookback
//	S1  e v → 40        both touches at the instant of the conversion count; ties sort by key
//	T1  e v → (none)
//	U1  d e d → 70
//
// Six conversions, five with a touch (value 340). Every model must share
// exactly those five among the keys: the efficiency property.

import (
	"math"
	"slices"
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// entryKey names an attribution's entry: attribution, campaign, segment.
type entryKey struct{ name, campaign, segment string }

func attributionsOf(t *testing.T, dir string) map[entryKey]scorecard.Attribution {
	t.Helper()
	got := map[entryKey]scorecard.Attribution{}
	for _, a := range runProject(t, dir)[0].Attribution {
		got[entryKey{a.Name, a.Campaign, a.Segment}] = a
		sum := 0.0
		for _, r := range a.Rows {
			sum += float64(r.Conversions)
		}
		if math.Abs(sum-float64(a.Attributed)) > 1e-9 {
			t.Errorf("%s %s %s: credits add up to %v, not the %v conversions with a touch", a.Name, a.Campaign, a.Segment, sum, a.Attributed)
		}
	}
	return got
}

// credits maps each key to its attributed conversions.
func credits(a scorecard.Attribution) map[string]float64 {
	out := map[string]float64{}
	for _, r := range a.Rows {
		out[r.Key] = float64(r.Conversions)
	}
	return out
}

func TestAttributionByHand(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution")
	half := math.Pow(2, -1.5) // P's second email, 36 hours before his last step, at a half-life of one day
	for _, c := range []struct {
		entry      entryKey
		attributed float64
		want       map[string]float64
	}{
		// First and last touch: P1 e…e, P2 d, Q1 d, S1 e…v, U1 d…d.
		{entryKey{"first", "", ""}, 5, map[string]float64{"e": 2, "d": 3, "v": 0}},
		{entryKey{"last", "", ""}, 5, map[string]float64{"e": 1, "d": 3, "v": 1}},
		// Linear, per touch, repeats included: P1 gives e 3/4 and v 1/4, S1 1/2
		// each, U1 d 2/3 and e 1/3.
		{entryKey{"linear", "", ""}, 5, map[string]float64{"e": 3.0/4 + 1.0/2 + 1.0/3, "v": 1.0/4 + 1.0/2, "d": 2 + 2.0/3}},
		// Position 0.3 / 0.5: P1 (4 steps) e 0.3 + 0.5, the middle 0.2 split
		// in two (e 0.1, v 0.1); S1 (2 steps) in proportion 0.3 : 0.5, e 3/8,
		// v 5/8; U1 (3 steps) d 0.3 + 0.5, e 0.2.
		{entryKey{"position", "", ""}, 5, map[string]float64{"e": 0.9 + 3.0/8 + 0.2, "v": 0.1 + 5.0/8, "d": 2.8}},
		// Time decay, half-life one day: P1's steps are 2, 1.5, 1 and 0 days
		// before its last, weights 1/4, 2^-1.5, 1/2, 1; S1's touches are
		// simultaneous, 1/2 each; U1's 2, 1, 0 days: d (1/4 + 1) / (7/4), e 2/7.
		{entryKey{"decay", "", ""}, 5, map[string]float64{
			"e": (0.25+half+1)/(1.75+half) + 0.5 + 2.0/7,
			"v": 0.5/(1.75+half) + 0.5,
			"d": 2 + 5.0/7}},
		// Custom weights [3, 1] by position: P1 3,1,1,1 → e 5/6, v 1/6; S1 3,1
		// → e 3/4, v 1/4; U1 3,1,1 → d 4/5, e 1/5.
		{entryKey{"by_position", "", ""}, 5, map[string]float64{"e": 5.0/6 + 3.0/4 + 1.0/5, "v": 1.0/6 + 1.0/4, "d": 2 + 4.0/5}},
		// Custom weights { visit = 3 }, 1 for the others: P1 e 3/6, v 3/6; S1
		// e 1/4, v 3/4; U1 d 2/3, e 1/3.
		{entryKey{"by_key", "", ""}, 5, map[string]float64{"e": 0.5 + 0.25 + 1.0/3, "v": 0.5 + 0.75, "d": 2 + 2.0/3}},
		// Markov, order 1, over the seven journeys (two without conversion):
		//   start → e 4/7, → d 3/7
		//   e → e 1/7, → v 3/7, → d 1/7, → conv 1/7, → null 1/7
		//   v → e 1/3, → conv 1/3, → null 1/3
		//   d → e 1/4, → conv 3/4
		// so 6 pE = 3 pV + pD + 1, 3 pV = pE + 1, 4 pD = pE + 3: pE = 11/19,
		// pV = 10/19, pD = 17/19, P(conv) = 4/7 · 11/19 + 3/7 · 17/19 = 5/7.
		// Without e: P = 3/7 · 3/4 = 9/28, effect 11/20. Without v: pE = 7/23,
		// pD = 19/23, P = 85/161, effect 6/23. Without d: pE = 2/5, P = 8/35,
		// effect 17/25. Effects sum to 3429/2300; 5 conversions shared so.
		{entryKey{"markov", "", ""}, 5, map[string]float64{"e": 5 * 1265.0 / 3429, "v": 5 * 600.0 / 3429, "d": 5 * 1564.0 / 3429}},
		// Order 2: states are pairs. (e,v) converts 2/3, (e,e) leads to it,
		// (e) 1/4 · 2/3 + 2/4 · 2/3 = 1/2, (d) 1; P = 4/7 · 1/2 + 3/7 = 5/7.
		// Without e: 3/7 · 2/3, effect 3/5; without v: 3/7, effect 2/5;
		// without d: 2/7, effect 3/5.
		{entryKey{"markov2", "", ""}, 5, map[string]float64{"e": 5 * 3.0 / 8, "v": 5 * 2.0 / 8, "d": 5 * 3.0 / 8}},
		// Shapley (Zhao et al.): sets {e,v} ×2, {d} ×2, {d,e} ×1.
		{entryKey{"shapley", "", ""}, 5, map[string]float64{"e": 1 + 0.5, "v": 1, "d": 2 + 0.5}},
		// Path rules, with the linear model unless said. Exposure: P1 e v e,
		// U1 d e d. First (and frequency): P1 e v, U1 d e.
		{entryKey{"exposure", "", ""}, 5, map[string]float64{"e": 2.0/3 + 0.5 + 1.0/3, "v": 1.0/3 + 0.5, "d": 2 + 2.0/3}},
		{entryKey{"firsts", "", ""}, 5, map[string]float64{"e": 1.5, "v": 1, "d": 2.5}},
		{entryKey{"frequency", "", ""}, 5, map[string]float64{"e": 1.5, "v": 1, "d": 2.5}},
		// remove d: U1 becomes e; P2 and Q1 are all d, and stay.
		{entryKey{"removed", "", ""}, 5, map[string]float64{"e": 3.0/4 + 0.5 + 1, "v": 0.25 + 0.5, "d": 2}},
		// remove trailing d, last touch: U1 becomes d e, its last touch e.
		{entryKey{"trailing", "", ""}, 5, map[string]float64{"e": 2, "v": 1, "d": 2}},
		// The last two steps, first touch: P1 v e → v, U1 e d → e.
		{entryKey{"two_steps", "", ""}, 5, map[string]float64{"e": 2, "v": 1, "d": 2}},
		// A lookback of exactly a day: the window is (conversion − 24h,
		// conversion], so touches exactly a day before are out; only S1 keeps
		// its touches.
		{entryKey{"day", "", ""}, 1, map[string]float64{"e": 0.5, "v": 0.5}},
		// 36 hours: P1 keeps its last email, U1 its last display.
		{entryKey{"day_and_half", "", ""}, 5, map[string]float64{"e": 1.5, "v": 0.5, "d": 3}},
		// No lookback: R's email, 73 days before, is R1's first touch.
		{entryKey{"forever", "", ""}, 6, map[string]float64{"e": 3, "d": 3, "v": 0}},
		// Touches are what the touch formula says: without visits (and the
		// prescriptions) P1 is e e e.
		{entryKey{"no_visits", "", ""}, 5, map[string]float64{"e": 2, "d": 3}},
		// A row both conversion and touch is a touch at the instant of its
		// own conversion: every conversion has a touch, mostly its last. S1's
		// three touches are simultaneous: by key, email < rx < visit.
		{entryKey{"self_touch", "", ""}, 6, map[string]float64{"rx": 5, "v": 1, "e": 0, "d": 0}},
		// Campaigns as keys: rows without a campaign are no touches. P1 is C1
		// ×4, P2 C2, U1 C2 ×3; Q1 has no touch left.
		{entryKey{"campaigns", "", ""}, 3, map[string]float64{"C1": 1, "C2": 2}},
		// Segments: gp is P, R, T, U; cardio Q and S.
		{entryKey{"first", "", "gp"}, 3, map[string]float64{"e": 1, "d": 2, "v": 0}},
		{entryKey{"first", "", "cardio"}, 2, map[string]float64{"e": 1, "d": 1, "v": 0}},
		// Campaign spring drops the displays: P1 e e v e, P3 e, S1 e v, T1 e
		// v, U1 e; P2, Q1 and R1 have no touch left. Markov: start → e 1; e →
		// e 1/7, → v 3/7, → conv 2/7, → null 1/7; v → e, conv, null 1/3 each:
		// pE = 3/5; without v, pE = 1/3, effect 4/9; without e, effect 1.
		{entryKey{"linear", "spring", ""}, 3, map[string]float64{"e": 0.75 + 0.5 + 1, "v": 0.25 + 0.5}},
		{entryKey{"markov", "spring", ""}, 3, map[string]float64{"e": 3 * 9.0 / 13, "v": 3 * 4.0 / 13}},
	} {
		a, ok := got[c.entry]
		if !ok {
			t.Errorf("%+v: no entry", c.entry)
			continue
		}
		if float64(a.Attributed) != c.attributed {
			t.Errorf("%+v: %v conversions with a touch, want %v", c.entry, a.Attributed, c.attributed)
		}
		g := credits(a)
		if len(g) != len(c.want) {
			t.Errorf("%+v: keys %v, want %v", c.entry, g, c.want)
		}
		for k, w := range c.want {
			key := map[string]string{"e": "email", "v": "visit", "d": "display"}[k]
			if key == "" {
				key = k
			}
			if math.Abs(g[key]-w) > 1e-9 {
				t.Errorf("%+v: %s = %.12g, want %.12g", c.entry, key, g[key], w)
			}
		}
	}
}

func TestAttributionValueSpendAndPaths(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution")
	linear := got[entryKey{"linear", "", ""}]
	if linear.Conversions != 6 || linear.Value != 340 {
		t.Errorf("linear: %v conversions, %v value; want 6 and 340 (R's 60 has no touch)", linear.Conversions, linear.Value)
	}
	// Value follows the shares: email 3/4 of P1's 100, 1/2 of S1's 40, 1/3
	// of U1's 70. Spend is the spend source's per channel (email 30, visit
	// 120, display 10 + 40).
	want := map[string]scorecard.AttributionRow{
		"email":   {Value: 75 + 20 + 70.0/3, Spend: 30, PathConversions: 3},
		"visit":   {Value: 25 + 20, Spend: 120, PathConversions: 2},
		"display": {Value: 50 + 80 + 140.0/3, Spend: 50, PathConversions: 3},
	}
	for _, r := range linear.Rows {
		w := want[r.Key]
		conv := float64(r.Conversions)
		for what, pair := range map[string][2]float64{
			"value":               {float64(r.Value), float64(w.Value)},
			"spend":               {float64(r.Spend), float64(w.Spend)},
			"path conversions":    {float64(r.PathConversions), float64(w.PathConversions)},
			"ROAS":                {float64(r.ROAS), float64(w.Value / w.Spend)},
			"ROI":                 {float64(r.ROI), float64((w.Value - w.Spend) / w.Spend)},
			"cost per conversion": {float64(r.CostPerConversion), float64(w.Spend) / conv},
		} {
			if math.Abs(pair[0]-pair[1]) > 1e-9 {
				t.Errorf("linear %s: %s = %v, want %v", r.Key, what, pair[0], pair[1])
			}
		}
	}
	// Without a value formula each conversion is worth 1, and ROAS and ROI
	// mean nothing; spend splits by campaign, a column the spend source has.
	for _, r := range got[entryKey{"campaigns", "", ""}].Rows {
		spend := map[string]float64{"C1": 150, "C2": 40}[r.Key]
		if r.Value != r.Conversions || !r.ROAS.IsNull() || !r.ROI.IsNull() || float64(r.Spend) != spend {
			t.Errorf("campaigns %s: value %v, ROAS %v, ROI %v, spend %v; want %v, null, null, %v", r.Key, r.Value, r.ROAS, r.ROI, r.Spend, r.Conversions, spend)
		}
	}
	// Segments have no spend.
	for _, r := range got[entryKey{"first", "", "gp"}].Rows {
		if !r.Spend.IsNull() || !r.CostPerConversion.IsNull() {
			t.Errorf("first, gp, %s: spend %v, want none", r.Key, r.Spend)
		}
	}
	// The paths, most frequent first, ties by path; frequency counts repeats.
	// Each has its conversions, their value (without a value formula, 1
	// each), and its journeys without one: display(1) is P2 and Q1;
	// email(1) > visit(1) is S1, and T1 without conversion.
	paths := got[entryKey{"frequency", "", ""}].Paths
	emailVisit := scorecard.PathCount{Path: "email(1) > visit(1)", Conversions: 1, NonConversions: 1, Value: 1}
	wantPaths := scorecard.Paths{
		Converting: []scorecard.PathCount{{Path: "display(1)", Conversions: 2, Value: 2}, {Path: "display(2) > email(1)", Conversions: 1, Value: 1},
			emailVisit, {Path: "email(3) > visit(1)", Conversions: 1, Value: 1}},
		NonConverting: []scorecard.PathCount{{Path: "email(1)", NonConversions: 1}, emailVisit},
	}
	if paths == nil || !slices.Equal(paths.Converting, wantPaths.Converting) || !slices.Equal(paths.NonConverting, wantPaths.NonConverting) {
		t.Errorf("frequency paths = %+v, want %+v", paths, wantPaths)
	}
	if p := got[entryKey{"linear", "", ""}].Paths; p == nil || p.Converting[1].Path != "display > email > display" {
		t.Errorf("linear paths = %+v", p)
	}
	if got[entryKey{"first", "", "gp"}].Paths != nil {
		t.Error("segment entries carry no paths")
	}
	if p := got[entryKey{"day_and_half", "", ""}].Paths; p == nil || len(p.Converting)+len(p.NonConverting) > 0 {
		t.Errorf("top_paths = 0: paths = %+v, want none of either kind", p)
	}
}

package engine_test

import (
	"math"
	"testing"
)

// TestScalarsByHand runs testdata/scalars, every scalar function and
// operator of formulas, which TestFeaturesSameOnPostgres runs on both
// engines. By hand, over the six touchpoints (Mon 2026-01-05 09:00, Sat
// 01-10 19:30, Sat 02-14 20:00, Tue 03-31 23:59, Wed 04-01 00:00, Wed
// 2025-12-31 12:00; amounts 2.5, -2.5, 3.5, 0.125, 1.45, -0.5; units 3,
// 4, 5, 7, -3, 2): halves round away from zero (3 - 3 + 4 + 0 + 1 - 1); a
// code left empty is null, which trim and length keep null, and null is
// not the empty text (comparisons are expr's, null-safe: 6 codes); "a" + "b"
// joins texts, and trim(" A ") keeps its case, so no row is "web-a"; units
// / 2 divides as numbers (1.5 + 2 + 2.5 + 3.5 - 1.5 + 1); -3 % 3 is 0.
func TestScalarsByHand(t *testing.T) {
	want := map[string]float64{
		"weekdays": 4, "evenings": 3, "in_2026": 5, "first_quarter": 4, "february": 1, "first_week": 2,
		"rounded": 4, "rounded_2": 4.58, "floors": 2, "ceils": 8, "absolute": 10.575,
		"lowered": 3, "uppered": 3, "trimmed": 6, "lengths": 10, "since_february": 3, "days": 90, "joined": 0,
		"remainders": 6, "halves": 9, "squares": 112, "negated": -18,
	}
	got := map[string]float64{}
	for _, v := range runProject(t, "testdata/scalars")[0].Values {
		if v.Period == "" && v.By == "" {
			got[v.KPI] = float64(v.Value)
		}
	}
	for kpi, w := range want {
		if g, ok := got[kpi]; !ok || math.Abs(g-w) > 1e-9 {
			t.Errorf("%s = %v (%v), want %v", kpi, g, ok, w)
		}
	}
}

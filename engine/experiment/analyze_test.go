package experiment

import (
	"testing"
)

// Arms as the engine gives them, by name: without listed variants control
// comes first, then the others by name; a listed variant nobody was in has
// 0 customers; Holm counts every comparison of every KPI (2 variants × 1
// KPI here: the smaller p doubled).
func TestAnalyzeOrderAndHolm(t *testing.T) {
	arms := []Arm{
		{Name: "a", Customers: 200, KPIs: []Moments{{N: 200, MeanY: 0.3}}},
		{Name: "b", Customers: 200, KPIs: []Moments{{N: 200, MeanY: 0.25}}},
		{Name: "control", Customers: 200, KPIs: []Moments{{N: 200, MeanY: 0.2}}},
	}
	d := Design{Control: "control", Confidence: 0.95, KPIs: []Judged{{Name: "buyers", Rate: true}}}
	variants, srm, results := Analyze(d, arms)
	if srm != nil || len(variants) != 3 || variants[0].Name != "control" || variants[1].Name != "a" || !variants[0].Split.IsNull() {
		t.Fatalf("variants %+v, srm %+v: want control, a, b without a split", variants, srm)
	}
	// a: 0.2 against 0.3 of 200, p 0.0209213 (see TestCompareTwoProportions).
	a := Compare(Sample{N: 200, Mean: 0.2}, Sample{N: 200, Mean: 0.3}, true, 0.95)
	b := Compare(Sample{N: 200, Mean: 0.2}, Sample{N: 200, Mean: 0.25}, true, 0.95)
	near(t, "a p", float64(results[1].P), a.P, 12)
	near(t, "a Holm", float64(results[1].Adjusted), 2*a.P, 12)
	near(t, "b Holm", float64(results[2].Adjusted), max(2*a.P, b.P), 12)
	if !results[0].P.IsNull() || results[0].Test != string(TwoProportion) {
		t.Errorf("control's row %+v: want no p-value", results[0])
	}

	d.Variants, d.Split = []string{"control", "a", "missing"}, []float64{1, 1, 1}
	variants, srm, _ = Analyze(d, arms)
	if len(variants) != 4 || variants[2].Name != "missing" || variants[2].Customers != 0 || variants[3].Name != "b" {
		t.Fatalf("variants %+v: want control, a, missing (0), then b", variants)
	}
	// 200, 200 and 0 against 133⅓ each: (66⅔² + 66⅔² + 133⅓²) / 133⅓ = 200.
	near(t, "chi-square", float64(srm.ChiSquare), 200, 9)
}

// With CUPED, a listed variant nobody was in neither adds to θ nor spoils
// the others' figures: its own are null.
func TestAnalyzeCUPEDWithAnEmptyVariant(t *testing.T) {
	arms := []Arm{
		{Name: "A", Customers: 3, KPIs: []Moments{{N: 3, MeanY: 10.0 / 3, VarY: 7.0 / 3, MeanX: 2, VarX: 1, Covariance: 1.5}}},
		{Name: "B", Customers: 3, KPIs: []Moments{{N: 3, MeanY: 14.0 / 3, VarY: 7.0 / 3, MeanX: 3, VarX: 1, Covariance: 1.5}}},
	}
	d := Design{Control: "A", Variants: []string{"A", "B", "C"}, Confidence: 0.95, CUPED: true, KPIs: []Judged{{Name: "revenue"}}}
	_, _, results := Analyze(d, arms)
	near(t, "theta", float64(results[0].Theta), 8/5.5, 12) // as in TestCUPED
	near(t, "B", float64(results[1].Value), 3.939394, 6)
	if !results[2].Value.IsNull() || !results[2].Lift.IsNull() {
		t.Errorf("the empty variant: %+v, want null figures", results[2])
	}
}

package loyalty

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The forecast of tiny (TestForecastOneAndTwoPeriodsAhead), discounted at
// 10% per period: volumes [0 22/3 80/3] (34) then [0 7 30] (37), so
//
//	mid   22/3 / 1.1 + 7 / 1.21   = (22/3×1.1 + 7) / 1.21  = 15.0667 / 1.21
//	high  80/3 / 1.1 + 30 / 1.21  = (80/3×1.1 + 30) / 1.21 = 59.3333 / 1.21
//	total 34 / 1.1 + 37 / 1.21    = 74.4 / 1.21            = 61.4876
//
// One customer in low: [1/2 1/2 0] then [1/4 5/12 1/3], worth 1/2×2 = 1
// then 5/12×2 + 1/3×5 = 2.5: (1.1 + 2.5) / 1.21. In mid or high: [0 1/3
// 2/3] both periods, worth 2/3 + 10/3 = 4 each: (4.4 + 4) / 1.21. And
// 2×3.6 + 4×8.4 + 4×8.4 = 74.4: the customers' values add up to the total.
func TestValue(t *testing.T) {
	v := tiny.Value(2, 0.1)
	want := &Value{
		Stages:      []float64{0, (22.0/3*1.1 + 7) / 1.21, (80.0/3*1.1 + 30) / 1.21},
		PerCustomer: []float64{3.6 / 1.21, 8.4 / 1.21, 8.4 / 1.21},
	}
	if diff := cmp.Diff(want, v, approx); diff != "" {
		t.Errorf("value (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(74.4/1.21, sum(v.Stages), approx); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
	// Undiscounted, the value is the forecast volume: 34 + 37.
	if diff := cmp.Diff(71.0, sum(tiny.Value(2, 0).Stages), approx); diff != "" {
		t.Errorf("at 0%% (-want +got):\n%s", diff)
	}
	one := Series{Counts: tiny.Counts[:1], Volumes: tiny.Volumes[:1]}
	if one.Value(2, 0.1) != nil {
		t.Error("a series of one period has no forecast, hence no value")
	}
}

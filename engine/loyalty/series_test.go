package loyalty

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A ladder of three stages (low, mid, high) and ten customers over three
// periods, small enough to compute everything below by hand.
//
//	period 0: counts [5 3 2], volumes [0  6 10]
//	period 1: counts [4 3 3], volumes [0  9 12]   (column sums of Moves[0])
//	period 2: counts [2 4 4], volumes [0  8 20]   (column sums of Moves[1])
var tiny = Series{
	Counts:  [][]float64{{5, 3, 2}, {4, 3, 3}, {2, 4, 4}},
	Volumes: [][]float64{{0, 6, 10}, {0, 9, 12}, {0, 8, 20}},
	Moves: []Matrix{
		{{3, 2, 0}, {1, 1, 1}, {0, 0, 2}},
		{{2, 2, 0}, {0, 1, 2}, {0, 1, 2}},
	},
}

// approx compares floats to 1e-9, NaN equal to NaN.
var approx = cmp.Options{cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateNaNs()}

func TestProbabilitiesAndRates(t *testing.T) {
	m := tiny.Moves[1]
	want := [][]float64{{0.5, 0.5, 0}, {0, 1.0 / 3, 2.0 / 3}, {0, 1.0 / 3, 2.0 / 3}}
	if diff := cmp.Diff(want, m.Probabilities(), approx); diff != "" {
		t.Errorf("probabilities (-want +got):\n%s", diff)
	}
	// Up: low→mid 2, mid→high 2; down: high→mid 1; of 10 customers.
	up, down := m.Rates()
	if diff := cmp.Diff([]float64{0.4, 0.1}, []float64{up, down}, approx); diff != "" {
		t.Errorf("progression, regression (-want +got):\n%s", diff)
	}
	// low: 2 of 4 moved up; mid: 2 of 3; high cannot.
	if diff := cmp.Diff([]float64{0.5, 2.0 / 3, math.NaN()}, m.StageProgression(), approx); diff != "" {
		t.Errorf("stage progression (-want +got):\n%s", diff)
	}
	empty := Matrix{{0, 0}, {0, 3}}
	if diff := cmp.Diff([][]float64{{math.NaN(), math.NaN()}, {0, 1}}, empty.Probabilities(), approx); diff != "" {
		t.Errorf("a row with no customer has no probabilities (-want +got):\n%s", diff)
	}
}

func TestForecastOneAndTwoPeriodsAhead(t *testing.T) {
	// From period 2's [2 4 4] with Moves[1]'s probabilities:
	//   low  = 2×1/2                     = 1
	//   mid  = 2×1/2 + 4×1/3 + 4×1/3     = 11/3
	//   high = 4×2/3 + 4×2/3             = 16/3
	// Mean volumes of period 2: low 0/2 = 0, mid 8/4 = 2, high 20/4 = 5;
	// volumes: 0, 11/3×2 = 22/3, 16/3×5 = 80/3 (total 34).
	// Two ahead, from [1 11/3 16/3]:
	//   low  = 1×1/2                     = 1/2
	//   mid  = 1×1/2 + 11/9 + 16/9       = 7/2
	//   high = 11/3×2/3 + 16/3×2/3       = 6
	// volumes: 0, 7, 30 (total 37).
	want := []Projection{
		{Counts: []float64{1, 11.0 / 3, 16.0 / 3}, Volume: []float64{0, 22.0 / 3, 80.0 / 3}},
		{Counts: []float64{0.5, 3.5, 6}, Volume: []float64{0, 7, 30}},
	}
	got := tiny.Forecast(2)
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("forecast (-want +got):\n%s", diff)
	}
	if v := got[0].TotalVolume(); math.Abs(v-34) > 1e-9 {
		t.Errorf("next period's volume = %v, want 34", v)
	}
}

func TestBacktest(t *testing.T) {
	// Period 2 as period 1 would have forecast it, with Moves[0]:
	// probabilities low [3/5 2/5 0], mid [1/3 1/3 1/3], high [0 0 1];
	// from [4 3 3]: low 4×3/5 + 3×1/3 = 3.4, mid 4×2/5 + 1 = 2.6,
	// high 1 + 3 = 4. Actual [2 4 4]: errors +1.4, −1.4, 0; misplaced
	// (1.4 + 1.4) / 20 = 0.14; no change ([4 3 3]) would misplace
	// (2 + 1 + 1) / 20 = 0.2. Mean volumes of period 1: 0, 9/3 = 3,
	// 12/3 = 4: predicted 2.6×3 + 4×4 = 23.8 against 28: −4.2, −15%.
	got := tiny.Backtest()
	want := []Check{{
		Period:    2,
		Predicted: Projection{Counts: []float64{3.4, 2.6, 4}, Volume: []float64{0, 7.8, 16}},
		Actual:    Projection{Counts: []float64{2, 4, 4}, Volume: []float64{0, 8, 20}},
		Error: Error{Counts: []float64{1.4, -1.4, 0}, Misplaced: 0.14, NaiveMisplaced: 0.2,
			Volume: -4.2, VolumeRelative: -0.15},
	}}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("backtest (-want +got):\n%s", diff)
	}
}

func TestShortSeries(t *testing.T) {
	one := Series{Counts: [][]float64{{3, 1}}}
	if f := one.Forecast(2); f != nil {
		t.Errorf("one period: forecast %v, want none", f)
	}
	two := Series{Counts: [][]float64{{3, 1}, {2, 2}}, Moves: []Matrix{{{2, 1}, {0, 1}}}}
	if b := two.Backtest(); b != nil {
		t.Errorf("two periods: backtest %v, want none", b)
	}
	if f := two.Forecast(1); len(f) != 1 || f[0].Volume != nil {
		t.Errorf("two periods without volume: forecast %v, want one period without volume", f)
	}
}

func TestStagesNobodyWasIn(t *testing.T) {
	// Nobody was in stage 1 when the matrix was observed: its customers
	// now are assumed to stay.
	m := Matrix{{2, 0}, {0, 0}}
	if diff := cmp.Diff([]float64{0, 5}, m.Step([]float64{0, 5}), approx); diff != "" {
		t.Errorf("step (-want +got):\n%s", diff)
	}
	// Stage 1 is empty in the last period: its mean volume is that of the
	// latest period it had customers (12/3 = 4); stage 2 never had any: 0.
	s := Series{
		Counts:  [][]float64{{1, 3, 0}, {4, 0, 0}},
		Volumes: [][]float64{{1, 12, 0}, {2, 0, 0}},
	}
	if diff := cmp.Diff([]float64{0.5, 4, 0}, s.MeanVolumes(1), approx); diff != "" {
		t.Errorf("mean volumes (-want +got):\n%s", diff)
	}
}

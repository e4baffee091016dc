package loyalty

import (
	"math"
	"testing"
)

// TestDeBruynDatabaseValue values a customer database as the customer-
// migration tutorial of A. De Bruyn's "Foundations of Marketing Analytics"
// (ESSEC, module 4, "customer lifetime value") does, with the numbers it
// publishes as reproduced in S. Kacem, "Forecasting Customer Lifetime Value
// Using RFM-Analysis and Markov Chain" (2022,
// skacem.github.io/ml/2022/03/01/Customer-Lifetime-Value-Prediction): the
// 2014 → 2015 transitions of 16,905 customers between eight segments, the
// 2015 segment sizes, and the mean 2015 revenue of a customer per segment
// (only the three active ones spend). It forecasts ten years and discounts
// year t (2015 = 0) by 1.1^t, so that the database is worth the observed
// 2015 revenue plus omni's Value, whose t starts at 1.
func TestDeBruynDatabaseValue(t *testing.T) {
	// inactive, cold, warm high value, warm low value, new warm, active
	// high value, active low value, new active.
	moves := Matrix{
		{7227, 0, 0, 0, 0, 35, 250, 0},
		{1931, 0, 0, 0, 0, 22, 200, 0},
		{0, 75, 0, 0, 0, 35, 1, 0},
		{0, 689, 0, 0, 0, 1, 266, 0},
		{0, 1139, 0, 0, 0, 15, 96, 0},
		{0, 0, 119, 0, 0, 354, 2, 0},
		{0, 0, 0, 901, 0, 22, 2088, 0},
		{0, 0, 0, 0, 938, 89, 410, 0},
	}
	counts2015 := []float64{9158, 1903, 119, 901, 938, 573, 3313, 1512}
	revenue := []float64{0, 0, 0, 0, 0, 323.57, 52.31, 79.17}
	// The tutorial's yearly revenue 2016 to 2025; it rounds the segment
	// sizes to whole customers every year before multiplying.
	published := []float64{397606, 379698, 366171, 351254, 339715, 330444, 322700, 316545, 311445, 307568}

	rounded := counts2015
	for k, want := range published {
		rounded = moves.Step(rounded)
		var got float64
		for i := range rounded {
			rounded[i] = math.Round(rounded[i])
			got += rounded[i] * revenue[i]
		}
		if math.Round(got) != want {
			t.Errorf("year %d with the tutorial's rounding: revenue %.2f, want %v", 2016+k, got, want)
		}
	}

	var counts2014 []float64 // the rows' customers
	for _, row := range moves {
		counts2014 = append(counts2014, sum(row))
	}
	volumes := make([]float64, len(revenue))
	for i := range volumes {
		volumes[i] = counts2015[i] * revenue[i]
	}
	s := Series{
		Counts:  [][]float64{counts2014, counts2015},
		Volumes: [][]float64{make([]float64, 8), volumes},
		Moves:   []Matrix{moves},
	}
	// Without the yearly rounding, the next year's sizes round to the
	// tutorial's: [10517 1584 144 991 987 657 3537 0].
	next := s.Forecast(1)[0].Counts
	for i, want := range []float64{10517, 1584, 144, 991, 987, 657, 3537, 0} {
		if math.Round(next[i]) != want {
			t.Errorf("2016, segment %d: %.2f customers, want %v", i, next[i], want)
		}
	}
	// Σ published_t / 1.1^t = 2,151,674.78 (to which the tutorial adds
	// 2015's 478,414); unrounded, omni's is 2,150,640.22: the tutorial's
	// rounding of the sizes is worth 0.05%.
	var want float64
	for k, y := range published {
		want += y / math.Pow(1.1, float64(k+1))
	}
	got := sum(s.Value(10, 0.1).Stages)
	if math.Abs(got-2150640.22) > 0.01 || math.Abs(got-want)/want > 0.001 {
		t.Errorf("database value %.2f, want 2,150,640.22, within 0.1%% of the tutorial's %.2f", got, want)
	}
}

package loyalty

import (
	"math"
	"testing"
)

// TestPfeiferCarrawayRecencyExample reproduces the recency migration model
// of P. E. Pfeifer and R. L. Carraway, "Modeling customer relationships as
// Markov chains", Journal of Interactive Marketing 14(2), 2000, pp. 43–55,
// with the parameters of its worked example as reproduced in C. Celis,
// "Modelling Customer Relationships as Markov Chains" (2020,
// github.com/celis/personal, _notebooks/2020-08-06-customer-relationships-
// as-markov-chains.ipynb), which leaves out the discounting.
//
// A customer's state is his recency r, the periods since his last purchase
// (1 to 5); he buys again with probability p_r = 0.30, 0.20, 0.15, 0.05 (and
// never from r = 5, where the firm stops marketing to him). Buying takes him
// back to r = 1, else to r + 1:
//
//	P = | .30 .70  0   0   0  |      R = | NC − M |   | 36 |
//	    | .20  0  .80  0   0  |          |  −M    |   | −4 |
//	    | .15  0   0  .85  0  |          |  −M    | = | −4 |
//	    | .05  0   0   0  .95 |          |  −M    |   | −4 |
//	    |  0   0   0   0   1  |          |   0    |   |  0 |
//
// with a net contribution NC = 40 per purchase and a marketing cost M = 4 per
// period. The value of a customer who has just bought is Σ_t [P^t]_1· R.
// Omni's forecast is this model with stages for states and the mean volume
// per stage for R: its distributions and volumes must give the same numbers.
func TestPfeiferCarrawayRecencyExample(t *testing.T) {
	buy := []float64{0.30, 0.20, 0.15, 0.05}
	// Transition counts of 100 customers per state, whose probabilities are P.
	m := make(Matrix, 5)
	for r := range m {
		m[r] = make([]float64, 5)
		if r == 4 {
			m[r][4] = 100
			continue
		}
		m[r][0], m[r][r+1] = 100*buy[r], 100*(1-buy[r])
	}
	reward := []float64{36, -4, -4, -4, 0}
	start := []float64{1, 0, 0, 0, 0} // a customer who has just bought: 36 now

	// One period ahead, by hand: [.3 .7 0 0 0], worth .3×36 − .7×4 = 8
	// (the reproduction's "second term", p1(NC − M) − (1 − p1)M). Two
	// ahead: r=1 .3×.3 + .7×.2 = .23, r=2 .3×.7 = .21, r=3 .7×.8 = .56,
	// worth .23×36 − (.21 + .56)×4 = 5.2.
	ahead := Project(start, m, reward, 2)
	for k, want := range []struct {
		counts []float64
		value  float64
	}{{[]float64{0.3, 0.7, 0, 0, 0}, 8}, {[]float64{0.23, 0.21, 0.56, 0, 0}, 5.2}} {
		for r, p := range want.counts {
			if math.Abs(ahead[k].Counts[r]-p) > 1e-12 {
				t.Errorf("%d period(s) ahead: P(r=%d) = %v, want %v", k+1, r+1, ahead[k].Counts[r], p)
			}
		}
		if got := ahead[k].TotalVolume(); math.Abs(got-want.value) > 1e-12 {
			t.Errorf("%d period(s) ahead: value %v, want %v", k+1, got, want.value)
		}
	}

	// The lifetime value, over an unbounded horizon, is 64.25 in the
	// reproduction; so it is here, 36 now plus every forecast period's value.
	lifetime := 36.0
	for _, p := range Project(start, m, reward, 2000) {
		lifetime += p.TotalVolume()
	}
	if math.Round(lifetime*100)/100 != 64.25 {
		t.Errorf("lifetime value = %.4f, want 64.25", lifetime)
	}
}

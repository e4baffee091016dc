package experiment

import (
	"math"
	"testing"
)

// By hand: p = 0.01, 0.04, 0.03 and an untested NaN, so m = 3. Sorted,
// 0.01·3 = 0.03; 0.03·2 = 0.06; 0.04·1 = 0.04, raised to the 0.06 before it.
func TestHolm(t *testing.T) {
	got := Holm([]float64{0.01, 0.04, 0.03, math.NaN()})
	for i, want := range []float64{0.03, 0.06, 0.06} {
		near(t, "adjusted p", got[i], want, 12)
	}
	if !math.IsNaN(got[3]) {
		t.Errorf("untested p adjusted to %v, want NaN", got[3])
	}
	near(t, "capped at 1", Holm([]float64{0.6, 0.7})[0], 1, 12)
}

// GrowthBook's gbstats, gbstats/tests/test_gbstats.py, test_srm:
// check_srm([1000, 1200], [0.5, 0.5]) = 0.000020079 (chi-square 18.1818).
func TestSampleRatioGrowthBook(t *testing.T) {
	s := SampleRatio([]int{1000, 1200}, []float64{50, 50})
	near(t, "chi-square", s.ChiSquare, 2*100.0*100/1100, 9)
	near(t, "p", s.P, 0.000020079, 9)
}

// By hand, three variants meant equal: 30, 50 and 20 customers against
// 33⅓ each: (11.1 + 277.8 + 177.8) / 33⅓ = 14, with 2 degrees of freedom,
// whose survival function is e^(−x/2): p = e^(−7) = 0.000911882.
func TestSampleRatioThreeVariants(t *testing.T) {
	s := SampleRatio([]int{30, 50, 20}, []float64{1, 1, 1})
	near(t, "chi-square", s.ChiSquare, 14, 9)
	near(t, "p", s.P, math.Exp(-7), 12)
	if s := SampleRatio([]int{500, 500}, []float64{50, 50}); s.ChiSquare != 0 || s.P != 1 {
		t.Errorf("an exact split: %+v, want chi-square 0 and p 1", s)
	}
}

// By hand: control customers (x, y) = (1, 2), (2, 3), (3, 5); treatment
// (2, 3), (3, 5), (4, 6). Control: X̄ 2, Ȳ 10/3, var X 1, cov 1.5, var Y
// 7/3; treatment: X̄ 3, Ȳ 14/3, the same spreads. Over all six, X̄ = 2.5
// and Ȳ = 4: the pooled cov is 2·1.5 + 2·1.5 within plus 3·(−0.5)(−2/3) +
// 3·(0.5)(2/3) = 2 between, 8; var X is 4 + 1.5 = 5.5; θ = 8/5.5 =
// 1.4545…. Control's mean becomes 10/3 − θ·(2 − 2.5) = 4.060606, the
// treatment's 14/3 − θ·0.5 = 3.939394; each variance 7/3 − 2θ·1.5 + θ²
// = 7/3 − 4.363636 + 2.115702 = 0.085399.
func TestCUPED(t *testing.T) {
	adjusted, theta := CUPED([]Moments{
		{N: 3, MeanY: 10.0 / 3, VarY: 7.0 / 3, MeanX: 2, VarX: 1, Covariance: 1.5},
		{N: 3, MeanY: 14.0 / 3, VarY: 7.0 / 3, MeanX: 3, VarX: 1, Covariance: 1.5},
	})
	near(t, "theta", theta, 8/5.5, 12)
	near(t, "control mean", adjusted[0].Mean, 4.060606, 6)
	near(t, "treatment mean", adjusted[1].Mean, 3.939394, 6)
	near(t, "variance", adjusted[0].Variance, 0.085399, 6)
	if adjusted[1].N != 3 {
		t.Errorf("N = %d, want 3", adjusted[1].N)
	}
	_, theta = CUPED([]Moments{{N: 2, MeanY: 1, VarY: 1, MeanX: 0}, {N: 2, MeanY: 2, VarY: 1, MeanX: 0}})
	if theta != 0 {
		t.Errorf("θ = %v without a varying covariate, want 0", theta)
	}
}

// The distributions against published tables: Student's t with 10
// degrees of freedom has its 97.5% quantile at 2.228139; with 1, the
// Cauchy distribution, P(T ≤ 1) = 0.75; the chi-square with 1 degree of
// freedom exceeds 3.841459 with probability 0.05.
func TestDistributions(t *testing.T) {
	near(t, "t quantile", tQuantile(0.975, 10), 2.228139, 6)
	near(t, "t cdf", tCDF(1, 1), 0.75, 12)
	near(t, "t cdf below", tCDF(-2.228139, 10), 0.025, 6)
	near(t, "normal quantile", normalQuantile(0.975), 1.959964, 6)
	near(t, "chi-square", chiSquareSurvival(3.841459, 1), 0.05, 6)
}

package experiment

import (
	"math"
	"testing"
)

// near fails unless got rounds to want at the given number of decimals.
func near(t *testing.T, what string, got, want float64, decimals int) {
	t.Helper()
	scale := math.Pow(10, float64(decimals))
	if math.Round(got*scale) != math.Round(want*scale) {
		t.Errorf("%s = %.*f, want %.*f", what, decimals+2, got, decimals, want)
	}
}

// fromSums is a sample given as GrowthBook's SampleMeanStatistic gives it:
// the sum and the sum of squares of n values.
func fromSums(sum, squares float64, n int) Sample {
	k := float64(n)
	return Sample{N: n, Mean: sum / k, Variance: (squares - sum*sum/k) / (k - 1)}
}

// GrowthBook's gbstats, gbstats/tests/frequentist/test_tests.py,
// TestTwoSidedTTest: control sum 1396.87, sum of squares 52377.9767, n
// 3407 (mean 0.41); treatment 2422.7, 134698.29, 3461 (mean 0.7).
// test_two_sided_ttest_absolute expects the lift 0.29 with the 95%
// interval [0.04538, 0.53462] and p 0.02016; test_two_sided_ttest (the
// relative lift) expects 0.70732 with [-0.03526, 1.44989].
func TestCompareGrowthBookWelch(t *testing.T) {
	c := Compare(fromSums(1396.87, 52377.9767, 3407), fromSums(2422.7, 134698.29, 3461), false, 0.95)
	near(t, "lift", c.Lift, 0.29, 5)
	near(t, "low", c.Low, 0.04538, 5)
	near(t, "high", c.High, 0.53462, 5)
	near(t, "p", c.P, 0.02016, 5)
	near(t, "relative", c.Relative, 0.70732, 5)
	near(t, "relative low", c.RelativeLow, -0.03526, 5)
	near(t, "relative high", c.RelativeHigh, 1.44989, 5)
}

// scipy.stats.ttest_ind(a, b, equal_var=False) on Student's sleep data
// (the example of R's t.test, whose Welch output is t = -1.8608, df =
// 17.776, p-value = 0.07939, 95% interval of the difference x − y
// [-3.3654832, 0.2054832]): here treatment − control, so the interval is
// the opposite one.
func TestCompareSleepData(t *testing.T) {
	x := []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	y := []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
	c := Compare(sample(x), sample(y), false, 0.95)
	near(t, "lift", c.Lift, 1.58, 5)
	near(t, "df", c.DF, 17.776, 3)
	near(t, "p", c.P, 0.07939, 5)
	near(t, "low", c.Low, -0.2054832, 7)
	near(t, "high", c.High, 3.3654832, 7)
}

func sample(values []float64) Sample {
	n, sum := float64(len(values)), 0.0
	for _, v := range values {
		sum += v
	}
	mean, squares := sum/n, 0.0
	for _, v := range values {
		squares += (v - mean) * (v - mean)
	}
	return Sample{N: len(values), Mean: mean, Variance: squares / (n - 1)}
}

// The two-proportion z-test by hand: control 40 of 200 (0.2), treatment 60
// of 200 (0.3). Pooled p = 100/400 = 0.25, its standard error
// √(0.25·0.75·(1/200 + 1/200)) = √0.001875 = 0.0433013, z = 0.1/0.0433013 =
// 2.3094011, p = 2·(1 − Φ(2.3094011)) = 0.0209213. The interval uses the
// unpooled error √(0.2·0.8/200 + 0.3·0.7/200) = √0.00185 = 0.04301163:
// 0.1 ± 1.9599640·0.04301163 = [0.0156988, 0.1843012]. Relative: 0.5, with
// the delta method's error √(0.21/(200·0.04) + 0.16·0.09/(200·0.0016)) =
// √(0.02625 + 0.045) = 0.2669270: 0.5 ± 0.5231672 = [-0.0231672,
// 1.0231672]. MDE: (1.9599640 + 0.8416212)·√(0.16·(1/200 + 1/200)) =
// 2.8015852·0.04 = 0.1120634.
func TestCompareTwoProportions(t *testing.T) {
	c := Compare(Sample{N: 200, Mean: 0.2}, Sample{N: 200, Mean: 0.3}, true, 0.95)
	if c.Test != TwoProportion || !math.IsInf(c.DF, 1) {
		t.Errorf("test %q with df %v, want the two-proportion z-test", c.Test, c.DF)
	}
	near(t, "p", c.P, 0.0209213, 7)
	near(t, "low", c.Low, 0.0156988, 7)
	near(t, "high", c.High, 0.1843012, 7)
	near(t, "relative", c.Relative, 0.5, 7)
	near(t, "relative low", c.RelativeLow, -0.0231672, 7)
	near(t, "relative high", c.RelativeHigh, 1.0231672, 7)
	near(t, "mde", c.MDE, 0.1120634, 7)
}

// At 90% the quantile is 1.6448536: 0.1 ± 1.6448536·0.04301163 =
// [0.0292522, 0.1707478].
func TestCompareConfidence(t *testing.T) {
	c := Compare(Sample{N: 200, Mean: 0.2}, Sample{N: 200, Mean: 0.3}, true, 0.90)
	near(t, "low", c.Low, 0.0292522, 7)
	near(t, "high", c.High, 0.1707478, 7)
}

func TestCompareUndefined(t *testing.T) {
	for name, c := range map[string]Comparison{
		"one customer":     Compare(Sample{N: 1, Mean: 2}, Sample{N: 10, Mean: 3, Variance: 1}, false, 0.95),
		"no variance":      Compare(Sample{N: 5, Mean: 2}, Sample{N: 5, Mean: 2}, false, 0.95),
		"rates of 0 and 0": Compare(Sample{N: 5}, Sample{N: 5}, true, 0.95),
	} {
		if !math.IsNaN(c.P) || !math.IsNaN(c.Low) || !math.IsNaN(c.Relative) {
			t.Errorf("%s: %+v, want NaN statistics", name, c)
		}
	}
	c := Compare(Sample{N: 5, Mean: 0, Variance: 1}, Sample{N: 5, Mean: 1, Variance: 1}, false, 0.95)
	if math.IsNaN(c.P) || !math.IsNaN(c.Relative) {
		t.Errorf("control mean 0: %+v, want a p-value and no relative lift", c)
	}
}

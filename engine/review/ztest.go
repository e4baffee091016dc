package review

import "math"

// MinExpected is the smallest expected number of successes and of failures
// in each sample for which the normal approximation of the two-proportion
// z-test is trusted (the usual rule of thumb: n·p ≥ 5 and n·(1−p) ≥ 5).
const MinExpected = 5

// TwoProportionZTest tests whether two proportions, x1 successes of n1
// trials and x2 of n2, differ: it returns the two-sided p-value of the
// pooled z-test. ok is false when the counts do not allow it: not whole
// numbers, successes outside [0, trials], or too few expected successes or
// failures under the pooled proportion. The samples are assumed
// independent, which two campaigns reaching the same customers are not
// quite: read the p-value as a guide.
func TwoProportionZTest(x1, n1, x2, n2 float64) (p float64, ok bool) {
	for _, c := range [][2]float64{{x1, n1}, {x2, n2}} {
		x, n := c[0], c[1]
		if !whole(x) || !whole(n) || n <= 0 || x < 0 || x > n {
			return 0, false
		}
	}
	pooled := (x1 + x2) / (n1 + n2)
	for _, n := range []float64{n1, n2} {
		if n*pooled < MinExpected || n*(1-pooled) < MinExpected {
			return 0, false
		}
	}
	se := math.Sqrt(pooled * (1 - pooled) * (1/n1 + 1/n2))
	z := (x1/n1 - x2/n2) / se
	return math.Erfc(math.Abs(z) / math.Sqrt2), true
}

// whole reports whether a count read back from 12 significant digits is a
// whole number.
func whole(x float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && math.Abs(x-math.Round(x)) < 1e-6
}

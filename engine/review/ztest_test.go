package review

import (
	"math"
	"testing"
)

func TestTwoProportionZTestByHand(t *testing.T) {
	// 45 of 100 against 30 of 100: pooled p = 75/200 = 0.375,
	// SE = sqrt(0.375 × 0.625 × (1/100 + 1/100)) = 0.0684653,
	// z = (0.45 − 0.30) / 0.0684653 = 2.19089, two-sided p = 2 × (1 − Φ(2.19089)) = 0.02846.
	p, ok := TwoProportionZTest(45, 100, 30, 100)
	if !ok || math.Abs(p-0.02846) > 5e-5 {
		t.Errorf("TwoProportionZTest(45/100, 30/100) = %v, %v; want 0.02846, true", p, ok)
	}
	// The test is symmetric.
	if q, _ := TwoProportionZTest(30, 100, 45, 100); q != p {
		t.Errorf("swapped samples give %v, want %v", q, p)
	}
	// Equal proportions: nothing to see.
	if p, ok := TwoProportionZTest(20, 100, 40, 200); !ok || p != 1 {
		t.Errorf("equal proportions: got %v, %v; want 1, true", p, ok)
	}
}

func TestTwoProportionZTestRefuses(t *testing.T) {
	for _, tc := range []struct {
		name           string
		x1, n1, x2, n2 float64
	}{
		{"more successes than trials", 120, 100, 30, 100},
		{"negative successes", -1, 100, 30, 100},
		{"no trials", 0, 0, 30, 100},
		{"not whole counts", 45.5, 100, 30, 100},
		{"missing count", math.NaN(), 100, 30, 100},
		{"too few expected successes", 1, 20, 2, 20},
		{"too few expected failures", 99, 100, 100, 100},
	} {
		if p, ok := TwoProportionZTest(tc.x1, tc.n1, tc.x2, tc.n2); ok {
			t.Errorf("%s: got p = %v, want no test", tc.name, p)
		}
	}
}

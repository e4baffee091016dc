package experiment

import "math"

// This file holds the distributions the tests read: the standard normal,
// Student's t (through the regularized incomplete beta function) and the
// chi-square (through the regularized incomplete gamma function), after
// Numerical Recipes (Press et al., 3rd ed., §6.2 and §6.4).

// normalCDF is P(Z ≤ z) for a standard normal Z.
func normalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normalQuantile is the z with P(Z ≤ z) = p, for 0 < p < 1.
func normalQuantile(p float64) float64 { return math.Sqrt2 * math.Erfinv(2*p-1) }

// tCDF is P(T ≤ t) for Student's t with df degrees of freedom (df > 0,
// not necessarily an integer, as Welch–Satterthwaite's are).
func tCDF(t, df float64) float64 {
	if math.IsInf(df, 1) {
		return normalCDF(t)
	}
	tail := 0.5 * incompleteBeta(df/2, 0.5, df/(df+t*t))
	if t > 0 {
		return 1 - tail
	}
	return tail
}

// tQuantile is the t with P(T ≤ t) = p for Student's t with df degrees of
// freedom: bisection on tCDF, which is monotone, to full precision.
func tQuantile(p, df float64) float64 {
	if math.IsInf(df, 1) {
		return normalQuantile(p)
	}
	if p < 0.5 {
		return -tQuantile(1-p, df)
	}
	lo, hi := 0.0, 1.0
	for tCDF(hi, df) < p {
		lo, hi = hi, hi*2
	}
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if tCDF(mid, df) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// chiSquareSurvival is P(X ≥ x) for a chi-square X with df degrees of freedom.
func chiSquareSurvival(x float64, df int) float64 {
	if x <= 0 {
		return 1
	}
	return upperIncompleteGamma(float64(df)/2, x/2)
}

// incompleteBeta is the regularized incomplete beta function I_x(a, b).
func incompleteBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	// The continued fraction converges fast for x below (a+1)/(a+b+2);
	// above, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) brings it there.
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(a, b, x) / a
	}
	return 1 - front*betaFraction(b, a, 1-x)/b
}

// betaFraction evaluates the continued fraction of the incomplete beta
// function by the modified Lentz method.
func betaFraction(a, b, x float64) float64 {
	const tiny, eps = 1e-300, 1e-16
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 10000; m++ {
		fm := float64(m)
		for _, coef := range []float64{
			fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm)),
			-(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1)),
		} {
			d = 1 + coef*d
			if math.Abs(d) < tiny {
				d = tiny
			}
			c = 1 + coef/c
			if math.Abs(c) < tiny {
				c = tiny
			}
			d = 1 / d
			h *= d * c
		}
		if math.Abs(d*c-1) < eps {
			break
		}
	}
	return h
}

// upperIncompleteGamma is the regularized upper incomplete gamma function
// Q(a, x) = 1 − P(a, x): a series below a+1, a continued fraction above.
func upperIncompleteGamma(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	front := math.Exp(-x + a*math.Log(x) - lg)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 10000 && math.Abs(term) > math.Abs(sum)*1e-16; n++ {
			term *= x / (a + float64(n))
			sum += term
		}
		return 1 - front*sum
	}
	const tiny = 1e-300
	b := x + 1 - a
	c, d := 1/tiny, 1/b
	h := d
	for i := 1; i < 10000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		if math.Abs(d*c-1) < 1e-16 {
			break
		}
	}
	return front * h
}

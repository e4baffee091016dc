package experiment

// SRM is the sample-ratio-mismatch check: Pearson's chi-square of the
// customers counted per variant against the split intended, with k − 1
// degrees of freedom. A small P says the assignment did not work as
// designed, and the lifts are not to be trusted.
type SRM struct {
	ChiSquare float64
	P         float64
}

// SampleRatio checks counts against weights (any positive numbers, as
// [50, 50]), variant by variant. It needs as many weights as counts.
func SampleRatio(counts []int, weights []float64) SRM {
	total, weight := 0, 0.0
	for i, n := range counts {
		total += n
		weight += weights[i]
	}
	chi := 0.0
	for i, n := range counts {
		expected := float64(total) * weights[i] / weight
		d := float64(n) - expected
		chi += d * d / expected
	}
	return SRM{ChiSquare: chi, P: chiSquareSurvival(chi, len(counts)-1)}
}

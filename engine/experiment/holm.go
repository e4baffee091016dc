package experiment

import (
	"math"
	"sort"
)

// Holm adjusts p-values for the number of tests by Holm's step-down method
// (S. Holm, "A simple sequentially rejective multiple test procedure",
// Scandinavian Journal of Statistics 6(2), 1979): the i-th smallest of m
// p-values becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). NaNs are
// not tests: they stay NaN and do not count in m.
func Holm(p []float64) []float64 {
	var order []int
	for i, v := range p {
		if !math.IsNaN(v) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return p[order[a]] < p[order[b]] })
	out := make([]float64, len(p))
	for i := range out {
		out[i] = math.NaN()
	}
	m, running := len(order), 0.0
	for rank, i := range order {
		running = math.Max(running, math.Min(1, float64(m-rank)*p[i]))
		out[i] = running
	}
	return out
}

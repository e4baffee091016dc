package attribution

import "slices"

// Probabilistic returns each key's credit under the simple probabilistic
// model of Shao and Li ("Data-driven multi-touch attribution models", KDD
// 2011, section 3.2). Over the journeys, P(y|i) is the share of the
// journeys exposed to key i that converted, and P(y|i,j) that of the
// journeys exposed to both i and j. The model's contribution of a key i,
// computed, as the paper says, at each converting journey over the N keys
// it was exposed to, is
//
//	C(i) = P(y|i) + 1/(2(N−1)) Σ_{j≠i} [P(y|i,j) − P(y|i) − P(y|j)]
//
// (the paper's N_{j≠i}, the number of the other keys j, read per journey,
// as the sum runs over the journey's keys). A converting path's
// conversions and value are shared among its distinct keys in proportion
// to their contributions floored at 0, equally when every one is 0.
func Probabilistic(paths []SummaryPath) (conversions, value map[string]float64) {
	exposed, converted := map[[2]string]float64{}, map[[2]string]float64{}
	sets := make([][]string, len(paths))
	for n, p := range paths {
		sets[n] = distinct(p.Keys)
		for a, i := range sets[n] {
			for _, j := range sets[n][a:] {
				exposed[[2]string{i, j}] += p.Conversions + p.NonConversions
				converted[[2]string{i, j}] += p.Conversions
			}
		}
	}
	probability := func(i, j string) float64 {
		if i > j {
			i, j = j, i
		}
		if n := exposed[[2]string{i, j}]; n > 0 {
			return converted[[2]string{i, j}] / n
		}
		return 0
	}
	conversions, value = map[string]float64{}, map[string]float64{}
	for n, p := range paths {
		for _, k := range sets[n] {
			conversions[k] += 0
			value[k] += 0
		}
		if p.Conversions == 0 || len(sets[n]) == 0 {
			continue
		}
		shares := contributions(sets[n], probability)
		for a, k := range sets[n] {
			conversions[k] += shares[a] * p.Conversions
			value[k] += shares[a] * p.Value
		}
	}
	return conversions, value
}

// contributions shares a converting journey among its keys by Shao and
// Li's C(i), floored at 0 and normalised; equally when all are 0.
func contributions(keys []string, probability func(i, j string) float64) []float64 {
	shares := make([]float64, len(keys))
	sum := 0.0
	for a, i := range keys {
		pi := probability(i, i)
		c := pi
		for _, j := range keys {
			if j != i {
				c += (probability(i, j) - pi - probability(j, j)) / float64(2*(len(keys)-1))
			}
		}
		shares[a] = max(c, 0)
		sum += shares[a]
	}
	for a := range shares {
		if sum == 0 {
			shares[a] = 1 / float64(len(keys))
		} else {
			shares[a] /= sum
		}
	}
	return shares
}

// distinct returns the keys in sorted order, each once.
func distinct(keys []string) []string {
	set := slices.Clone(keys)
	slices.Sort(set)
	return slices.Compact(set)
}

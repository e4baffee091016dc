package attribution

import "slices"

// SummaryPath is one path of the journeys and what the journeys along it
// did: the labels of its steps, which identify it (a key, or with path =
// "frequency" a key and its count), the key of each step, and the journeys
// that converted, with their value, and that did not.
type SummaryPath struct {
	Steps          []string
	Keys           []string
	Conversions    float64
	NonConversions float64
	Value          float64
}

// Fractribution returns each key's credit under the data-driven model of
// Google's Fractribution (github.com/google/fractribution, py/fractribution.py,
// run_shapley_attribution), which it calls Shapley: over the path summary,
// each step of a converting path is worth the path's probability of
// conversion, conversions / (conversions + non-conversions), less that of
// the path without the step (0 for a path nobody took), floored at 0; the
// path's conversions and value are shared in proportion, its last step
// taking all when every step is worth 0, and a path of one step taking all
// of it. A key's credit is the sum over its steps.
func Fractribution(paths []SummaryPath) (conversions, value map[string]float64) {
	probability := make(map[string]float64, len(paths))
	for _, p := range paths {
		if n := p.Conversions + p.NonConversions; n > 0 {
			probability[listID(p.Steps)] = p.Conversions / n
		}
	}
	conversions, value = map[string]float64{}, map[string]float64{}
	for _, p := range paths {
		for _, k := range p.Keys {
			conversions[k] += 0
			value[k] += 0
		}
		if p.Conversions == 0 || len(p.Steps) == 0 {
			continue
		}
		shares := leaveOneOut(p.Steps, probability)
		for i, k := range p.Keys {
			conversions[k] += shares[i] * p.Conversions
			value[k] += shares[i] * p.Value
		}
	}
	return conversions, value
}

// leaveOneOut shares a converting path among its steps by what removing
// each costs its probability of conversion.
func leaveOneOut(steps []string, probability map[string]float64) []float64 {
	shares := make([]float64, len(steps))
	if len(steps) == 1 {
		shares[0] = 1
		return shares
	}
	whole := probability[listID(steps)]
	sum := 0.0
	for i := range steps {
		without := slices.Concat(steps[:i], steps[i+1:])
		shares[i] = max(whole-probability[listID(without)], 0)
		sum += shares[i]
	}
	if sum == 0 {
		clear(shares)
		shares[len(shares)-1] = 1
		return shares
	}
	for i := range shares {
		shares[i] /= sum
	}
	return shares
}

package attribution

import (
	"math"
	"testing"
)

// Shao and Li's simple probabilistic model by hand. Journeys: a > b
// (1 converted with value 10, 1 not), a (2 and 2), b (1 and 3), c (0 and 4).
//
//	P(y|a) = (1+2)/(2+4) = 1/2, P(y|b) = (1+1)/(2+4) = 1/3, P(y|a,b) = 1/2
//	on a > b, N = 2, 1/(2(N−1)) = 1/2:
//	C(a) = 1/2 + (1/2 − 1/2 − 1/3)/2 = 1/3, C(b) = 1/3 + (1/2 − 1/3 − 1/2)/2 = 1/6
//	shares 2/3 and 1/3: a 2/3 + 2 = 8/3 conversions (value 20/3), b 1/3 + 1 = 4/3 (10/3)
//
// A journey of one key takes all; c, which never converts, is credited 0.
func TestProbabilisticByHand(t *testing.T) {
	conv, value := Probabilistic([]SummaryPath{
		{Steps: []string{"a", "b"}, Keys: []string{"a", "b"}, Conversions: 1, NonConversions: 1, Value: 10},
		{Steps: []string{"a"}, Keys: []string{"a"}, Conversions: 2, NonConversions: 2},
		{Steps: []string{"b"}, Keys: []string{"b"}, Conversions: 1, NonConversions: 3},
		{Steps: []string{"c"}, Keys: []string{"c"}, NonConversions: 4},
	})
	for k, want := range map[string][2]float64{"a": {8.0 / 3, 20.0 / 3}, "b": {4.0 / 3, 10.0 / 3}, "c": {0, 0}} {
		if _, ok := conv[k]; !ok || math.Abs(conv[k]-want[0]) > 1e-12 || math.Abs(value[k]-want[1]) > 1e-12 {
			t.Errorf("%s: credited %v (value %v), want %v (%v)", k, conv[k], value[k], want[0], want[1])
		}
	}
}

// A key whose contribution is negative is floored at 0. c > d converts
// once and not once; c alone never in 9; d alone 8 times in 9:
//
//	P(y|c) = 1/11, P(y|d) = 9/11, P(y|c,d) = 1/2
//	C(c) = 1/11 + (1/2 − 1/11 − 9/11)/2 = −5/44, floored at 0
//	C(d) = 9/11 + (1/2 − 9/11 − 1/11)/2 = 27/44
//
// so d takes c > d's conversion: c 0, d 1 + 8 = 9.
func TestProbabilisticFloor(t *testing.T) {
	conv, _ := Probabilistic([]SummaryPath{
		{Steps: []string{"c", "d"}, Keys: []string{"c", "d"}, Conversions: 1, NonConversions: 1},
		{Steps: []string{"c"}, Keys: []string{"c"}, NonConversions: 9},
		{Steps: []string{"d"}, Keys: []string{"d"}, Conversions: 8, NonConversions: 1},
	})
	for k, want := range map[string]float64{"c": 0, "d": 9} {
		if got, ok := conv[k]; !ok || math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: credited %v, want %v", k, got, want)
		}
	}
}

// Against an independent implementation: kevinnewgame/attribution-algorithms'
// SimpleProbabilisticModel (src/spm/simple_prob_model.py) computes one
// C(i) per key over the whole data, its N_{j≠i} the keys ever seen with i,
// and 1/(2N) as the paper writes it. Where every key's companions are those
// of the converting journey they share, its C and omni's per-journey C are
// the same numbers. Journeys: a > b > c (1 converted with value 30, 1
// not), a > b (0 and 2), c (2 and 2), b (1 and 1). Its formula, applied by
// hand (pandas could not be installed to run it here):
//
//	P(y|a) = 1/4, P(y|b) = 2/6 = 1/3, P(y|c) = 3/6 = 1/2
//	P(y|a,b) = 1/4, P(y|a,c) = 1/2, P(y|b,c) = 1/2; each key's companions are the two others: N = 2
//	C(a) = 1/4 + [(1/4 − 1/4 − 1/3) + (1/2 − 1/4 − 1/2)]/4 = 5/48
//	C(b) = 1/3 + [(1/4 − 1/3 − 1/4) + (1/2 − 1/3 − 1/2)]/4 = 8/48
//	C(c) = 1/2 + [(1/2 − 1/2 − 1/4) + (1/2 − 1/2 − 1/3)]/4 = 17/48
//
// a > b > c's conversion and 30 are shared 5 : 8 : 17; c alone takes its 2
// and b its 1: a 1/6 (value 5), b 1 + 4/15 (8), c 2 + 17/30 (17).
func TestProbabilisticAgainstAnIndependentImplementation(t *testing.T) {
	conv, value := Probabilistic([]SummaryPath{
		{Steps: []string{"a", "b", "c"}, Keys: []string{"a", "b", "c"}, Conversions: 1, NonConversions: 1, Value: 30},
		{Steps: []string{"a", "b"}, Keys: []string{"a", "b"}, NonConversions: 2},
		{Steps: []string{"c"}, Keys: []string{"c"}, Conversions: 2, NonConversions: 2},
		{Steps: []string{"b"}, Keys: []string{"b"}, Conversions: 1, NonConversions: 1},
	})
	for k, want := range map[string][2]float64{"a": {1.0 / 6, 5}, "b": {1 + 4.0/15, 8}, "c": {2 + 17.0/30, 17}} {
		if math.Abs(conv[k]-want[0]) > 1e-12 || math.Abs(value[k]-want[1]) > 1e-12 {
			t.Errorf("%s: credited %v (value %v), want %v (%v)", k, conv[k], value[k], want[0], want[1])
		}
	}
}

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

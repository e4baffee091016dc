package attribution

import "testing"

// Fractribution's rules beyond the leave-one-out, by hand: a path whose
// steps are all worth 0 goes to its last step; a path of one step takes
// all; steps are identified by their labels (frequency's counts) and
// credit their keys; a path without conversion credits nothing but names
// its keys.
//
// a(1) > b(1): P = 1/2; without a(1), b(1) has P 1; without b(1), a(1) has
// P 1: both worth max(1/2 − 1, 0) = 0, so b takes the conversion and its
// value 10. a(1) and b(1) take their own conversions; c(1) converts never.
func TestFractributionRules(t *testing.T) {
	conv, value := Fractribution([]SummaryPath{
		{Steps: []string{"a(1)", "b(1)"}, Keys: []string{"a", "b"}, Conversions: 1, NonConversions: 1, Value: 10},
		{Steps: []string{"a(1)"}, Keys: []string{"a"}, Conversions: 2},
		{Steps: []string{"b(1)"}, Keys: []string{"b"}, Conversions: 3},
		{Steps: []string{"c(1)"}, Keys: []string{"c"}, NonConversions: 4},
	})
	for k, want := range map[string][2]float64{"a": {2, 0}, "b": {4, 10}, "c": {0, 0}} {
		if got, ok := conv[k]; !ok || got != want[0] || value[k] != want[1] {
			t.Errorf("%s: credited %v (value %v), want %v (%v)", k, conv[k], value[k], want[0], want[1])
		}
	}
}

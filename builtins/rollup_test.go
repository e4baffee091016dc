package builtins

import "testing"

// TestRollups: every as-of function rolls up, since it only makes sense
// over a history, and every rollup is an SQL aggregate that combines values
// of consecutive stretches into the value over all of them.
func TestRollups(t *testing.T) {
	combines := map[string]bool{"": true, "sum": true, "min": true, "max": true}
	for _, b := range All {
		if b.Kind == HistoryAggregate && b.Rollup == "" {
			t.Errorf("%s is an as-of function without a Rollup", b.Name)
		}
		if !combines[b.Rollup] || (b.Rollup != "" && b.Kind != Aggregate && b.Kind != HistoryAggregate) {
			t.Errorf("%s has the Rollup %q", b.Name, b.Rollup)
		}
	}
}

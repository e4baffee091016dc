package engine

import (
	"testing"

	"github.com/omni-metrics/omni/builtins"
)

// TestHistoryRollups: the engine must know how the per-period values of
// every history aggregate roll up over the periods before.
func TestHistoryRollups(t *testing.T) {
	for _, b := range builtins.All {
		if b.Kind == builtins.HistoryAggregate && historyRollups[b.Name] == "" {
			t.Errorf("%s is a history aggregate without a rollup in historyRollups", b.Name)
		}
	}
}

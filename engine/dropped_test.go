package engine_test

import (
	"testing"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Rows without a time or a customer are counted, not silently left out.
func TestDroppedRowsCounted(t *testing.T) {
	if got := runProject(t, "testdata/tiny")[0].DroppedRows; got != nil {
		t.Errorf("tiny drops no row, got %+v", *got)
	}
	dir := tinyWith(t, map[string]string{
		"touchpoints.csv": "C,,email,open,\nD,,email,open,\n,2026-01-10 10:00:00,email,open,\n",
		"spend.csv":       ",email,5\n",
	})
	got := runProject(t, dir)[0].DroppedRows
	want := scorecard.DroppedRows{TouchpointsWithoutTime: 2, TouchpointsWithoutCustomer: 1, SpendWithoutTime: 1}
	if got == nil || *got != want {
		t.Errorf("dropped rows %+v, want %+v", got, want)
	}
}

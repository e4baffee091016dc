package engine_test

import (
	"reflect"
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
	if got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("dropped rows %+v, want %+v", got, want)
	}
}

// A source that says distinct drops the rows that repeat others, and counts
// them. By hand: of order o1, the row of 01-04 (12) is the earlier, kept;
// o2's two rows are equal, one is kept; o3 is alone: 3 touchpoints, 24
// spent, A (north) 12 and B (south) 5 + 7 = 12. The customers file repeats
// A's row once: without distinct = true, A's touchpoints would count twice
// in the north.
func TestDuplicateRowsDropped(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"tp.csv":        "order_id,id,ts,amount\no1,A,2026-01-05,10\no1,A,2026-01-04,12\no2,B,2026-01-06,5\no2,B,2026-01-06,5\no3,B,2026-01-07,7\n",
		"customers.csv": "id,region\nA,north\nA,north\nB,south\n",
		"omni.hcl": `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  distinct = ["order_id"]
}
source "customers" {
  path     = "customers.csv"
  key      = "id"
  distinct = true
}
segment "north" { where = "region == 'north'" }
segment "south" { where = "region == 'south'" }
kpi "orders" { formula = "count()" }
kpi "amount" { formula = "sum(amount)" }
scorecard "default" { by = ["segment"] }
`,
	})
	sc := runProject(t, dir)[0]
	expectCells(t, cellValues(sc), map[cell]float64{
		{"", "orders", "", "", ""}:             3,
		{"", "amount", "", "", ""}:             24,
		{"", "amount", "segment", "north", ""}: 12,
		{"", "amount", "segment", "south", ""}: 12,
		{"", "orders", "segment", "south", ""}: 2,
	})
	want := &scorecard.DroppedRows{Duplicates: map[string]int64{"touchpoints": 2, "customers": 1}}
	if !reflect.DeepEqual(sc.DroppedRows, want) {
		t.Errorf("dropped rows %+v, want %+v", sc.DroppedRows, want)
	}
}

func TestDistinctByNoColumn(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"tp.csv": "order_id,id,ts\no1,A,2026-01-05\n",
		"omni.hcl": `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  distinct = ["order"]
}
`,
	})
	diags := bindDiagnostics(t, dir)
	want := `No such column: Source "touchpoints" has no column "order" to tell duplicates by. Did you mean "order_id"? Its columns: order_id, id, ts.`
	if len(diags) != 1 || diags[0].Summary+": "+diags[0].Detail != want || diags[0].Subject.Start.Line != 5 {
		t.Errorf("got %v, want at line 5: %s", diags, want)
	}
}

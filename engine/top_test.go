package engine_test

// The stores of testdata/top ranked by hand, top = 3 by revenue.
//
//	whole data   revenue  buyers       february   revenue
//	north        50 + 30 = 80  c1       north      30
//	south        60 + 10 = 70  c2, c5   west       20
//	east         20            c3       south      10
//	west         20            c4       (none)      5
//	(none)        5            c6       total      65
//	total       195
//
// Whole data: north 80/195 = 0.410256410256, south 70/195 =
// 0.358974358974, then east and west tie at 20 and the tie goes to the
// key, east (20/195 = 0.102564102564); held 170/195 = 0.871794871795; the
// others are west and the store-less touchpoint, 25/195 = 0.128205128205.
// February: north 30/65 = 0.461538461538, west 20/65 = 0.307692307692,
// south 10/65 = 0.153846153846; held 60/65 = 0.923076923077; one other,
// 5/65 = 0.0769230769231.

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestTopStoresByHand(t *testing.T) {
	cards := runProject(t, "testdata/top")
	sc := cards[0]
	key := func(k string) *string { return &k }
	want := &scorecard.Top{N: 3, By: "revenue", Rankings: []scorecard.Ranking{{
		By: "store", Total: 195,
		Keys: []scorecard.Ranked{
			{Key: key("north"), Value: 80, Share: 80.0 / 195},
			{Key: key("south"), Value: 70, Share: 70.0 / 195},
			{Key: key("east"), Value: 20, Share: 20.0 / 195},
		},
		Held:   170.0 / 195,
		Others: &scorecard.Others{Keys: 2, Share: 25.0 / 195},
	}, {
		Campaign: "february", By: "store", Total: 65,
		Keys: []scorecard.Ranked{
			{Key: key("north"), Value: 30, Share: 30.0 / 65},
			{Key: key("west"), Value: 20, Share: 20.0 / 65},
			{Key: key("south"), Value: 10, Share: 10.0 / 65},
		},
		Held:   60.0 / 65,
		Others: &scorecard.Others{Keys: 1, Share: 5.0 / 65},
	}}}
	if diff := cmp.Diff(want, sc.Top, cmp.Comparer(func(a, b scorecard.Number) bool { return math.Abs(float64(a-b)) < 1e-12 })); diff != "" {
		t.Errorf("top (-want +got):\n%s", diff)
	}
	// The values of every store stay: the ranking only chooses the rows shown.
	expectCells(t, cellValues(sc), map[cell]float64{
		{"", "revenue", "store", "west", ""}:           20,
		{"", "buyers", "store", "south", ""}:           2,
		{"february", "revenue", "store", "(none)", ""}: 5,
	})
}

func TestTopDiagnosticDetails(t *testing.T) {
	dir := projectWith(t, "testdata/top", map[string]string{"top.hcl": `
scorecard "unreported" {
  kpis   = [kpi.revenue]
  by     = ["store"]
  top    = 2
  top_by = kpi.buyers
}
scorecard "unbroken" {
  kpis = [kpi.revenue]
  top  = 2
}
`})
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags = compileWithDiagnostics(t, p)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d: %s: %s", d.Subject.Start.Line, d.Summary, d.Detail))
	}
	want := []string{
		`36: Ranking by a KPI not reported: top_by names kpi.buyers, which scorecard "unreported" does not report: name one of its KPIs (revenue), or add it to kpis.`,
		`38: Top without a breakdown: top keeps the keys of a breakdown with the highest kpi.revenue, but scorecard "unbroken" reports it by no single breakdown: add one to by (as "channel"), or remove top.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

package report_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// A ladder of two stages over one observed and one forecast period, for
// everybody and for one segment and the customers without a region: one
// row per population, period and stage; a ladder without volume leaves it
// empty.
func TestLoyaltyCSV(t *testing.T) {
	dist := func(cold, warm scorecard.Number, volume bool) scorecard.Distribution {
		d := scorecard.Distribution{Counts: scorecard.StageValues{{Stage: "cold", Value: cold}, {Stage: "warm", Value: warm}}}
		if volume {
			d.Volume = scorecard.StageValues{{Stage: "cold", Value: 0}, {Stage: "warm", Value: 120.5}}
		}
		return d
	}
	series := func(volume bool) scorecard.LadderSeries {
		return scorecard.LadderSeries{
			Periods:  []scorecard.LadderPeriod{{Period: "2026-01", Distribution: dist(3, 1, volume)}},
			Forecast: []scorecard.LadderPeriod{{Period: "2026-02", Distribution: dist(2.5, 1.5, volume)}},
		}
	}
	gp := "gp"
	sc := &scorecard.Scorecard{Loyalty: []scorecard.Loyalty{{Name: "ladder", LadderSeries: series(true),
		Groups: []scorecard.LadderGroup{{By: "segment", Key: &gp, LadderSeries: series(true)}, {By: "region", LadderSeries: series(false)}}}}}
	var b bytes.Buffer
	if err := report.WriteLoyaltyCSV(&b, sc); err != nil {
		t.Fatal(err)
	}
	want := `ladder,by,key,period,kind,stage,customers,volume
ladder,,,2026-01,observed,cold,3,0
ladder,,,2026-01,observed,warm,1,120.5
ladder,,,2026-02,forecast,cold,2.5,0
ladder,,,2026-02,forecast,warm,1.5,120.5
ladder,segment,gp,2026-01,observed,cold,3,0
ladder,segment,gp,2026-01,observed,warm,1,120.5
ladder,segment,gp,2026-02,forecast,cold,2.5,0
ladder,segment,gp,2026-02,forecast,warm,1.5,120.5
ladder,region,,2026-01,observed,cold,3,
ladder,region,,2026-01,observed,warm,1,
ladder,region,,2026-02,forecast,cold,2.5,
ladder,region,,2026-02,forecast,warm,1.5,
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("loyalty CSV (-want +got):\n%s", diff)
	}
}

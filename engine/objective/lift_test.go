package objective

// The status of a lift objective at its boundaries, both ways: an interval
// that touches the target counts as at or beyond it; a lift wanted down
// (a negative target, on a KPI where less is better) mirrors one wanted up.

import (
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestLiftStatusBoundaries(t *testing.T) {
	for _, c := range []struct {
		low, high, target float64
		up                bool
		want              scorecard.Status
	}{
		{0.02, 0.4, 0.02, true, scorecard.Achieved}, // touches the target from above
		{0.01, 0.4, 0.02, true, scorecard.AtRisk},
		{-0.3, 0.02, 0.02, true, scorecard.AtRisk}, // its high end reaches the target
		{-0.3, 0.019, 0.02, true, scorecard.OffTrack},
		{-0.9, -0.5, -0.5, false, scorecard.Achieved}, // down: all at or below -0.5
		{-0.9, -0.4, -0.5, false, scorecard.AtRisk},
		{-0.49, 0.3, -0.5, false, scorecard.OffTrack},
		{-0.2, -0.1, 0, false, scorecard.Achieved}, // no harm on a KPI where less is better
	} {
		if got := liftStatus(c.low, c.high, c.target, c.up); got != c.want {
			t.Errorf("[%v, %v] against %v (up %v) = %s, want %s", c.low, c.high, c.target, c.up, got, c.want)
		}
	}
}

// A lift wanted down, judged from an experiment's result: fewer no-shows
// with B, by 0.6 [-0.9, -0.3] per customer, against a target of -0.25.
func TestJudgeLiftDown(t *testing.T) {
	kpi := &dsl.KPI{Name: "no_shows", Direction: dsl.Text{Value: "down"}}
	def := &dsl.Objective{Name: "fewer", Experiment: &dsl.Ref{Kind: "experiment", Name: "x"}, Variant: dsl.Text{Value: "B"},
		KPI: &dsl.Ref{Kind: "kpi", Name: "no_shows"}, Target: dsl.Target{Kind: dsl.TargetAbsolute, Value: -0.25, Text: "-0.25"}}
	e := scorecard.Experiment{Name: "x", Control: "A", Start: "2026-01-01", End: "2026-01-31", Confidence: 0.95,
		KPIs: []scorecard.ExperimentKPI{{Name: "no_shows", Format: "number", Direction: "down"}},
		Results: []scorecard.ExperimentResult{{KPI: "no_shows", Variant: "A", Customers: 10, Value: 1},
			{KPI: "no_shows", Variant: "B", Customers: 10, Value: 0.4, Lift: -0.6, LiftLow: -0.9, LiftHigh: -0.3,
				Relative: -0.6, RelativeLow: -0.9, RelativeHigh: -0.3}}}
	o := JudgeLift(def, kpi, e)
	if o.Status != scorecard.Achieved || o.Direction != "down" || o.Value != -0.6 || o.Lift.Low != -0.9 || o.Lift.Relative {
		t.Errorf("judged %+v (lift %+v), want achieved, down, -0.6 [-0.9, -0.3] absolute", o, o.Lift)
	}
	if got := o.FormatValue(o.Value, ""); got != "-0.60" {
		t.Errorf("value written %q, want -0.60", got)
	}
}

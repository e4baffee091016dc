package objective

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// JudgeLift says where an objective on an experiment's lift stands, from
// the experiment's results: achieved when the whole interval of the lift
// is at or beyond the target, off track when the whole interval falls
// short of it, at risk while the interval holds the target (the data cannot
// tell yet), no data when the variant has no customers with a value.
//
// The interval is the one the experiment reports, at its confidence level
// and not adjusted by Holm: an objective is one question declared ahead
// (does this variant lift this KPI by this much?), and Holm's step-down
// correction adjusts p-values across the experiment's many comparisons
// without giving intervals that agree with it.
func JudgeLift(def *dsl.Objective, kpi *dsl.KPI, e scorecard.Experiment) scorecard.Objective {
	lift := &scorecard.ObjectiveLift{Experiment: e.Name, Variant: def.Variant.Value, Control: e.Control,
		Relative: def.Target.Kind == dsl.TargetRelative, Low: scorecard.Null, High: scorecard.Null, Confidence: e.Confidence}
	out := scorecard.Objective{
		Name: def.Name, Label: def.Label.Value, Description: def.Description.Value, KPI: kpi.Name,
		Format: cmp.Or(kpi.Format.Value, "number"), Owner: def.Owner.Value, Segment: e.Segment, Campaign: e.Campaign,
		TargetText: def.Target.Text, Direction: "up", Start: e.Start, Deadline: e.End,
		Baseline: scorecard.Null, Target: scorecard.Number(def.Target.Value), Value: scorecard.Null,
		Expected: scorecard.Null, Projected: scorecard.Null, Progress: scorecard.Null, Lift: lift,
	}
	if !def.Up(kpi) {
		out.Direction = "down"
	}
	for _, k := range e.KPIs {
		if k.Name == kpi.Name {
			out.Format = k.Format // that of the values per customer: percent for a rate of customers
		}
	}
	var r *scorecard.ExperimentResult
	for i := range e.Results {
		if e.Results[i].KPI == kpi.Name && e.Results[i].Variant == def.Variant.Value {
			r = &e.Results[i]
		}
	}
	if r == nil || r.Customers == 0 {
		var found []string
		for _, v := range e.Variants {
			if v.Customers > 0 {
				found = append(found, fmt.Sprintf("%q", v.Name))
			}
		}
		out.Status = scorecard.NoData
		out.Warnings = []string{fmt.Sprintf("Experiment %s has no customer of variant %q with a value of KPI %s (variants with customers: %s).",
			e.Name, def.Variant.Value, kpi.Name, cmp.Or(strings.Join(found, ", "), "none"))}
		return out
	}
	out.Value, lift.Low, lift.High = r.Lift, r.LiftLow, r.LiftHigh
	if lift.Relative {
		out.Value, lift.Low, lift.High = r.Relative, r.RelativeLow, r.RelativeHigh
	}
	if lift.Low.IsNull() || lift.High.IsNull() {
		out.Status = scorecard.NoData
		out.Warnings = []string{fmt.Sprintf("The lift of variant %q on KPI %s has no interval: the control %q has too few customers with a value (or a value of 0 for a relative lift).",
			def.Variant.Value, kpi.Name, e.Control)}
		return out
	}
	out.Status = liftStatus(float64(lift.Low), float64(lift.High), def.Target.Value, out.Direction == "up")
	return out
}

// liftStatus places an interval of a lift against its target.
func liftStatus(low, high, target float64, up bool) scorecard.Status {
	if !up { // a lift wanted down is a lift up of the opposite
		low, high, target = -high, -low, -target
	}
	switch {
	case low >= target:
		return scorecard.Achieved
	case high < target:
		return scorecard.OffTrack
	}
	return scorecard.AtRisk
}

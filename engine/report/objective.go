package report

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// objectiveView is an objective with its numbers written for a person.
type objectiveView struct {
	Name, Title, KPI, Population, Owner, Start, Deadline   string
	Baseline, Target, Value, Expected, Projected, Progress string
	Status                                                 scorecard.Status
	Trend                                                  bool // Projected is known
	Warnings                                               []string
	// Done and Pace are the shares of the way from baseline to target made
	// and expected by now, clamped to [0, 1], for a progress bar; Bar is
	// false when they are unknown.
	Done, Pace float64
	Bar        bool
	// Lift is set for an objective on an experiment's lift: Value is the
	// lift, Interval its interval at the experiment's level, Population
	// the experiment and the variant against the control.
	Lift     bool
	Interval string
}

// objectives are the scorecard's objectives, formatted.
func (v *view) objectives() []objectiveView {
	var out []objectiveView
	for _, o := range v.sc.Objectives {
		out = append(out, v.objective(o))
	}
	return out
}

func (v *view) objective(o scorecard.Objective) objectiveView {
	if o.Lift != nil {
		return v.liftObjective(o)
	}
	f := func(n scorecard.Number) string { return scorecard.FormatValue(n, o.Format, v.sc.Currency) }
	pace := func(n scorecard.Number) string { return scorecard.FormatValue(n, o.PaceFormat(), v.sc.Currency) }
	ov := objectiveView{
		Name: o.Name, Title: o.Name, KPI: o.KPI, Population: population(o), Owner: o.Owner,
		Start: o.Start, Deadline: o.Deadline, Status: o.Status, Warnings: o.Warnings,
		Baseline: f(o.Baseline), Target: f(o.Target), Value: f(o.Value), Expected: pace(o.Expected),
		Projected: pace(o.Projected), Progress: "–", Trend: finite(o.Projected),
	}
	if o.Label != "" {
		ov.Title = o.Label
	}
	if k, ok := v.kpis[o.KPI]; ok {
		ov.KPI = k.Title()
	}
	switch {
	case o.BaselineMeasured && o.BaselinePeriod != "" && finite(o.Baseline):
		ov.Baseline += " in " + o.BaselinePeriod
	case !o.BaselineMeasured:
		ov.Baseline += " (given)"
	}
	if strings.HasPrefix(o.TargetText, "+") || strings.HasPrefix(o.TargetText, "-") {
		ov.Target += " (" + o.TargetText + ")"
	}
	if o.Period != "" && finite(o.Value) {
		ov.Value += " in " + o.Period
	}
	if finite(o.Progress) {
		ov.Progress = fmt.Sprintf("%.0f%%", float64(o.Progress)*100)
		ov.Done = clamp(float64(o.Progress))
		if gap := float64(o.Target - o.Baseline); gap != 0 && finite(o.Expected) {
			ov.Pace, ov.Bar = clamp(float64(o.Expected-o.Baseline)/gap), true
		}
	}
	return ov
}

// liftObjective is an objective on an experiment's lift, formatted: no
// baseline but the control, no pace nor trend.
func (v *view) liftObjective(o scorecard.Objective) objectiveView {
	l := o.Lift
	ov := objectiveView{
		Name: o.Name, Title: cmp.Or(o.Label, o.Name), KPI: o.KPI, Owner: o.Owner, Start: o.Start, Deadline: o.Deadline,
		Status: o.Status, Warnings: o.Warnings, Lift: true,
		Population: "experiment " + l.Experiment + ": " + l.Variant + " against " + l.Control,
		Baseline:   "control " + l.Control, Target: o.FormatValue(o.Target, v.sc.Currency),
		Value: o.FormatValue(o.Value, v.sc.Currency), Expected: "–", Projected: "–", Progress: "–",
	}
	if k, ok := v.kpis[o.KPI]; ok {
		ov.KPI = k.Title()
	}
	if interval := o.Interval(v.sc.Currency); interval != "–" {
		ov.Interval = fmt.Sprintf("%s at %.0f%%", interval, float64(l.Confidence)*100)
		ov.Value += " " + interval
	}
	return ov
}

// population says whom an objective is about, and over which scope.
func population(o scorecard.Objective) string {
	var parts []string
	switch {
	case o.Segment != "":
		parts = append(parts, "segment "+o.Segment)
	case o.Channel != "":
		parts = append(parts, "channel "+o.Channel)
	}
	if o.Campaign != "" {
		parts = append(parts, "campaign "+o.Campaign)
	}
	if len(parts) == 0 {
		return "everybody"
	}
	return strings.Join(parts, ", ")
}

func clamp(x float64) float64 { return math.Max(0, math.Min(1, x)) }

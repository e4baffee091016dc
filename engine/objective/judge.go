// Package objective judges objectives: from the series of an objective's
// KPI (its values per period in its cell, measured by the engine's
// objectives query), where it stands on the data's last day — the baseline,
// the value expected on the straight line to the target, the trend, the
// status — and the warnings that only the data can raise; and, from an
// experiment's results, where an objective on a variant's lift stands.
//
// It is arithmetic in Go over scorecard values: it may import dsl,
// engine/scorecard and engine/period, never the engine's root or DuckDB.
package objective

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Objective is an objective as its judging needs it: its definition, its
// KPI's, and the cell of the objectives query its series is read from.
type Objective struct {
	Def      *dsl.Objective
	KPI      *dsl.KPI
	Campaign string // "" for the whole data
	By       string // the breakdown, "segment" or "channel"; "" for everybody
	Key      string // the segment's or the channel's name
	Rate     bool   // the KPI is a share, from 0 to 1
}

// SeriesKey names a value of the objectives query.
type SeriesKey struct{ Campaign, KPI, By, Key, Period string }

// Series is what the objectives query measured: the values of the KPIs
// by cell and period, and the data's first and last days (zero when
// unknown).
type Series struct {
	Values      map[SeriesKey]scorecard.Number
	First, Last time.Time
}

// Judge says where an objective stands on the data's last day, its periods
// those of the project's grain, its numbers written in its currency.
func Judge(o Objective, s Series, settings *dsl.Settings) scorecard.Objective {
	j := &judgement{o: o, values: s.Values, grain: settings.Grain.Value, currency: settings.Currency.Value}
	return j.judge(s.First, s.Last)
}

// judgement is the assessment of one objective.
type judgement struct {
	o               Objective
	values          map[SeriesKey]scorecard.Number
	grain, currency string
	out             scorecard.Objective
}

// judge says where the objective stands on the data's last day.
func (j *judgement) judge(first, last time.Time) scorecard.Objective {
	def := j.o.Def
	j.describe()
	if last.IsZero() {
		return j.fail(scorecard.NoData, "The touchpoints source has no rows.")
	}
	asOf := last
	if def.Deadline.Value.Before(last) {
		asOf = def.Deadline.Value
	}
	j.out.AsOf = asOf.Format(time.DateOnly)
	base, _ := BaselinePeriod(def.Start.Value, j.grain)
	now, n, points := j.series(first, base, asOf)
	b := j.baseline(base)
	started := !last.Before(def.Start.Value)
	switch {
	case b.IsNull() && !started:
		j.out.Status = scorecard.NotStarted
		return j.out
	case b.IsNull():
		return j.fail(scorecard.NoData, fmt.Sprintf("KPI %s has no value in %s, the %s before start, to measure the baseline from. Give baseline = <value>.",
			j.out.KPI, period.Label(base, j.grain), period.Noun(j.grain, 1)))
	}
	up, target := j.out.Direction == "up", def.Target.From(float64(b))
	j.out.Target = scorecard.Number(target)
	j.warnRealism(float64(b), target, up, n, points)
	if !started {
		j.out.Status = scorecard.NotStarted
		return j.out
	}
	j.out.Period = period.Label(period.Start(asOf, j.grain), j.grain)
	v := j.value(period.Start(asOf, j.grain))
	if v.IsNull() {
		return j.fail(scorecard.NoData, fmt.Sprintf("KPI %s has no value in %s.", j.out.KPI, j.out.Period))
	}
	expected, progress, status := pace(float64(b), target, float64(v), now, n, up)
	projected := trend(points, n)
	if j.o.Rate {
		projected = math.Max(0, math.Min(1, projected)) // a share stays a share
	}
	j.out.Value, j.out.Expected, j.out.Progress = v, scorecard.Number(expected), scorecard.Number(progress)
	j.out.Projected, j.out.Status = scorecard.Number(projected), status
	return j.out
}

// describe fills in the objective as written, its numbers unknown.
func (j *judgement) describe() {
	def, kpi := j.o.Def, j.o.KPI
	j.out = scorecard.Objective{
		Name: def.Name, Label: def.Label.Value, Description: def.Description.Value,
		KPI: kpi.Name, Format: cmp.Or(kpi.Format.Value, "number"),
		Owner: def.Owner.Value, TargetText: def.Target.Text, Direction: "up",
		Start: def.Start.String(), Deadline: def.Deadline.String(),
		Baseline: scorecard.Null, Target: scorecard.Null, Value: scorecard.Null,
		Expected: scorecard.Null, Projected: scorecard.Null, Progress: scorecard.Null,
	}
	switch {
	case def.Segment != nil:
		j.out.Segment = j.o.Key
	case def.Channel != nil:
		j.out.Channel = j.o.Key
	}
	j.out.Campaign = j.o.Campaign
	if !def.Up(kpi) {
		j.out.Direction = "down"
	}
}

// series indexes the periods from the baseline's (0): it returns the index
// of the latest period (that of asOf), the deadline's, and the KPI's values
// from the data's first period to the latest.
func (j *judgement) series(first, base, asOf time.Time) (now, n int, points []point) {
	periods := periodsBetween(period.Start(minTime(first, base), j.grain), period.Start(j.o.Def.Deadline.Value, j.grain), j.grain)
	index := func(t time.Time) int {
		return slices.Index(periods, period.Start(t, j.grain)) - slices.Index(periods, base)
	}
	now, n = index(asOf), index(j.o.Def.Deadline.Value)
	for _, p := range periods {
		if k := index(p); k <= now {
			if v := j.value(p); !v.IsNull() {
				points = append(points, point{k, float64(v)})
			}
		}
	}
	return now, n, points
}

// baseline is the given baseline, or the KPI in the period before start.
func (j *judgement) baseline(base time.Time) scorecard.Number {
	if b := j.o.Def.Baseline; b != nil {
		j.out.Baseline = scorecard.Number(b.Value)
		return j.out.Baseline
	}
	j.out.BaselineMeasured, j.out.BaselinePeriod = true, period.Label(base, j.grain)
	j.out.Baseline = j.value(base)
	return j.out.Baseline
}

// value is the objective's KPI in its cell in the period starting on p.
func (j *judgement) value(p time.Time) scorecard.Number {
	key := SeriesKey{Campaign: j.o.Campaign, KPI: j.o.KPI.Name, By: j.o.By, Key: j.o.Key, Period: period.Label(p, j.grain)}
	if v, ok := j.values[key]; ok {
		return v
	}
	return scorecard.Null
}

// fail gives the objective a status that is no judgement, and says why.
func (j *judgement) fail(s scorecard.Status, why string) scorecard.Objective {
	j.out.Status = s
	j.out.Warnings = append(j.out.Warnings, why)
	return j.out
}

// BaselinePeriod is the first day of the period before the one holding
// start, and the first day of start's period.
func BaselinePeriod(start time.Time, grain string) (from, to time.Time) {
	to = period.Start(start, grain)
	return period.Start(to.AddDate(0, 0, -1), grain), to
}

// periodsBetween lists the first days of the periods from one to another.
func periodsBetween(from, to time.Time, grain string) []time.Time {
	var out []time.Time
	for p := from; !p.After(to); p = period.Next(p, grain) {
		out = append(out, p)
	}
	return out
}

// minTime is the earlier of two days, a zero a being unknown.
func minTime(a, b time.Time) time.Time {
	if !a.IsZero() && a.Before(b) {
		return a
	}
	return b
}

// formatChange writes a change of a KPI's value: +2.5 pp for a rate.
func formatChange(d float64, format, currency string) string {
	if format == "percent" {
		return fmt.Sprintf("%+.1f pp", d*100)
	}
	sign := "+"
	if d < 0 {
		sign = "-"
	}
	return sign + scorecard.FormatValue(scorecard.Number(math.Abs(d)), format, currency)
}

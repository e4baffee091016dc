package loyalty

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Ladder is a ladder as its report needs it.
type Ladder struct {
	Def    *dsl.Loyalty
	Grain  string   // the grain of its periods
	By     []string // its breakdowns, in order
	Volume bool     // it measures a volume
}

// Report writes the report of a ladder from the series of its populations
// (periods starting on periods): everybody first (the group without a
// breakdown), then the values of each breakdown, in the order of By.
func Report(l Ladder, groups []*Group, periods []time.Time) scorecard.Loyalty {
	r := &ladderReport{l: l, periods: periods}
	out := scorecard.Loyalty{
		Name: l.Def.Name, Label: l.Def.Label.Value, Description: l.Def.Description.Value,
		Period: l.Grain, LadderSeries: r.series(Series{}),
	}
	for _, s := range l.Def.Stages {
		out.Stages = append(out.Stages, s.Name)
		if s.Label.Value != "" {
			if out.StageLabels == nil {
				out.StageLabels = map[string]string{}
			}
			out.StageLabels[s.Name] = s.Label.Value
		}
	}
	if l.Def.Volume != nil {
		out.Volume = l.Def.Volume.Text
	}
	if d := l.Def.Discount; d != nil {
		out.Discount = new(scorecard.Number(d.Value))
	}
	rank := map[string]int{}
	for i, b := range l.By {
		rank[b] = i + 1
	}
	byRank := func(g *Group) int {
		if g.By == nil {
			return 0
		}
		return rank[*g.By]
	}
	slices.SortStableFunc(groups, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(byRank(a), byRank(b)), scorecard.CompareKeys(a.Key, b.Key))
	})
	var everybody *Group
	for _, g := range groups {
		if g.By == nil {
			everybody = g
			out.LadderSeries = r.series(g.Series)
			continue
		}
		out.Groups = append(out.Groups, scorecard.LadderGroup{By: *g.By, Key: g.Key, LadderSeries: r.series(g.Series)})
	}
	if everybody != nil && len(everybody.Series.Moves) > 0 {
		out.Strongest = r.strongest(everybody, groups)
	}
	return out
}

// ladderReport turns the series of a ladder's populations into their
// scorecard form: period labels, stage names, forecast and backtest.
type ladderReport struct {
	l       Ladder
	periods []time.Time
}

func (r *ladderReport) series(s Series) scorecard.LadderSeries {
	out := scorecard.LadderSeries{
		Periods: []scorecard.LadderPeriod{}, Transitions: []scorecard.Transition{},
		Forecast: []scorecard.LadderPeriod{}, Backtest: []scorecard.BacktestPeriod{},
	}
	for t, counts := range s.Counts {
		p := Projection{Counts: counts}
		if s.Volumes != nil {
			p.Volume = s.Volumes[t]
		}
		out.Periods = append(out.Periods, scorecard.LadderPeriod{Period: r.label(t), Distribution: r.distribution(p)})
	}
	for t, m := range s.Moves {
		out.Transitions = append(out.Transitions, r.transition(t, m))
	}
	for k, p := range s.Forecast(int(r.l.Def.Horizon.Value)) {
		out.Forecast = append(out.Forecast, scorecard.LadderPeriod{Period: r.label(len(s.Counts) + k), Distribution: r.distribution(p)})
	}
	if d := r.l.Def.Discount; d != nil {
		if v := s.Value(int(r.l.Def.Horizon.Value), d.Value); v != nil {
			out.Value = &scorecard.LadderValue{Stages: r.stageValues(v.Stages), Total: scorecard.Number(sum(v.Stages)),
				PerCustomer: r.stageValues(v.PerCustomer)}
		}
	}
	for _, c := range s.Backtest() {
		out.Backtest = append(out.Backtest, scorecard.BacktestPeriod{
			Period: r.label(c.Period), Predicted: r.distribution(c.Predicted), Actual: r.distribution(c.Actual),
			Error: r.backtestError(c.Error),
		})
	}
	return out
}

// label names the t-th period, counting on past the last one for forecasts.
func (r *ladderReport) label(t int) string {
	last := len(r.periods) - 1
	if t <= last {
		return period.Label(r.periods[t], r.l.Grain)
	}
	p := r.periods[last]
	for range t - last {
		p = period.Next(p, r.l.Grain)
	}
	return period.Label(p, r.l.Grain)
}

func (r *ladderReport) distribution(p Projection) scorecard.Distribution {
	d := scorecard.Distribution{Counts: r.stageValues(p.Counts), Volume: r.stageValues(p.Volume)}
	if p.Volume != nil {
		d.VolumeTotal = numberOrNil(p.TotalVolume())
	}
	return d
}

func (r *ladderReport) transition(t int, m Matrix) scorecard.Transition {
	up, down := m.Rates()
	return scorecard.Transition{
		From: r.label(t), To: r.label(t + 1),
		Matrix: numbers(m), Probabilities: numbers(m.Probabilities()),
		ProgressionRate: scorecard.Number(up), RegressionRate: scorecard.Number(down),
		StageProgression: r.stageValues(m.StageProgression()),
	}
}

func (r *ladderReport) backtestError(e Error) scorecard.BacktestError {
	out := scorecard.BacktestError{Counts: r.stageValues(e.Counts),
		Misplaced: scorecard.Number(e.Misplaced), NaiveMisplaced: scorecard.Number(e.NaiveMisplaced)}
	if r.l.Volume {
		out.Volume, out.VolumeRelative = numberOrNil(e.Volume), numberOrNil(e.VolumeRelative)
	}
	return out
}

// strongest ranks the stages of everybody's latest transition, and the
// breakdown values, by their progression.
func (r *ladderReport) strongest(everybody *Group, groups []*Group) *scorecard.Strongest {
	last := len(everybody.Series.Moves) - 1
	s := &scorecard.Strongest{From: r.label(last), To: r.label(last + 1)}
	for i, rate := range everybody.Series.Moves[last].StageProgression() {
		if !math.IsNaN(rate) {
			s.Stages = append(s.Stages, scorecard.StageShare{Stage: r.l.Def.Stages[i].Name, Rate: scorecard.Number(rate)})
		}
	}
	slices.SortStableFunc(s.Stages, func(a, b scorecard.StageShare) int { return cmp.Compare(b.Rate, a.Rate) })
	for _, g := range groups {
		if g.By == nil || len(g.Series.Moves) <= last {
			continue
		}
		if up, _ := g.Series.Moves[last].Rates(); !math.IsNaN(up) {
			s.Groups = append(s.Groups, scorecard.GroupShare{By: *g.By, Key: g.Key, Rate: scorecard.Number(up)})
		}
	}
	slices.SortStableFunc(s.Groups, func(a, b scorecard.GroupShare) int { return cmp.Compare(b.Rate, a.Rate) })
	return s
}

// stageValues names a vector's entries by stage; nil for nil.
func (r *ladderReport) stageValues(v []float64) scorecard.StageValues {
	if v == nil {
		return nil
	}
	out := make(scorecard.StageValues, len(v))
	for i, x := range v {
		out[i] = scorecard.StageValue{Stage: r.l.Def.Stages[i].Name, Value: scorecard.Number(x)}
	}
	return out
}

func numbers(m [][]float64) [][]scorecard.Number {
	out := make([][]scorecard.Number, len(m))
	for i, row := range m {
		out[i] = make([]scorecard.Number, len(row))
		for j, x := range row {
			out[i][j] = scorecard.Number(x)
		}
	}
	return out
}

// numberOrNil is a pointer to a value, nil when it does not exist.
func numberOrNil(x float64) *scorecard.Number {
	if math.IsNaN(x) {
		return nil
	}
	n := scorecard.Number(x)
	return &n
}

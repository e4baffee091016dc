package engine

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Run executes a scorecard's plan and builds the scorecard.
func (c *Compiled) Run(ctx context.Context, p *Plan) (*scorecard.Scorecard, error) {
	return c.RunObserved(ctx, p, nil)
}

// RunObserved is Run telling observe, when not nil, where the run stands
// (see Step). It never calls observe from two goroutines at once, nor once
// it has returned.
func (c *Compiled) RunObserved(ctx context.Context, p *Plan, observe func(Step)) (*scorecard.Scorecard, error) {
	if err := c.checkUniqueKeys(ctx); err != nil {
		return nil, err
	}
	dropped, err := c.droppedRows(ctx)
	if err != nil {
		return nil, err
	}
	sc := c.header(p)
	sc.DroppedRows = dropped
	if sc.AsOf, err = c.referenceDate(ctx); err != nil {
		return nil, err
	}
	steps := c.steps(p, sc)
	for i, s := range steps {
		var err error
		if observe == nil {
			err = s.run(ctx)
		} else {
			err = s.observed(ctx, Step{Scorecard: p.Name, Index: i + 1, Total: len(steps), Name: s.name}, observe)
		}
		if err != nil {
			return nil, err
		}
	}
	if p.Top != nil {
		sc.RankTop(p.Top.N, p.Top.KPI)
	}
	return sc, nil
}

// step is one query of a scorecard's run, and what fills the scorecard in
// from its rows.
type step struct {
	name string
	run  func(context.Context) error
}

// observed runs a step, telling observe when it starts (at), how far its
// query is while it runs, and when it ends.
func (s step) observed(ctx context.Context, at Step, observe func(Step)) error {
	start := time.Now()
	at.State, at.Percent = StepStarted, -1
	observe(at)
	err := s.run(withPercent(ctx, func(percent float64) {
		at.State, at.Percent, at.Elapsed = StepRunning, percent, time.Since(start)
		observe(at)
	}))
	if err != nil {
		return err
	}
	at.State, at.Percent, at.Elapsed = StepDone, 100, time.Since(start)
	observe(at)
	return nil
}

// steps are the queries of a scorecard in the order they run: the KPIs,
// the objectives, each loyalty ladder, each group of attributions, each
// experiment.
func (c *Compiled) steps(p *Plan, sc *scorecard.Scorecard) []step {
	var steps []step
	experiments := c.experimentsOnce()
	if p.SQL != "" {
		steps = append(steps, step{kpiStepName(p), func(ctx context.Context) (err error) {
			sc.Values, err = c.values(ctx, p)
			return err
		}})
	}
	if p.Objectives != nil {
		steps = append(steps, step{"objectives", func(ctx context.Context) (err error) {
			sc.Objectives, err = c.runObjectives(ctx, p.Objectives, experiments)
			return err
		}})
	}
	for _, l := range p.Ladders {
		steps = append(steps, step{"loyalty ladder " + l.Def.Name, func(ctx context.Context) error {
			report, err := c.runLadder(ctx, l)
			if err != nil {
				return err
			}
			sc.Loyalty = append(sc.Loyalty, report)
			return nil
		}})
	}
	if p.Attribution != nil {
		steps = append(steps, c.attributionSteps(p.Attribution, sc)...)
	}
	for _, e := range p.Experiments {
		steps = append(steps, step{"experiment " + e.Def.Name, func(ctx context.Context) error {
			result, err := experiments(ctx, e)
			if err != nil {
				return err
			}
			sc.Experiments = append(sc.Experiments, result)
			return nil
		}})
	}
	return steps
}

// kpiStepName says what the KPI query computes: "KPIs (12 KPIs × 3 breakdowns)".
func kpiStepName(p *Plan) string {
	name := "KPIs (" + quantity(len(p.KPIs), "KPI", "KPIs")
	if len(p.Breakdowns) > 0 {
		name += " × " + quantity(len(p.Breakdowns), "breakdown", "breakdowns")
	}
	return name + ")"
}

// quantity writes a number of things: 1 KPI, 3 KPIs.
func quantity(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// values executes a plan's query: the KPI values of every cell, sorted by
// scope, KPI, breakdown, key and period.
func (c *Compiled) values(ctx context.Context, p *Plan) ([]scorecard.Value, error) {
	if p.SQL == "" {
		return []scorecard.Value{}, nil
	}
	rows, err := c.Session.query(ctx, p.SQL)
	if err != nil {
		return nil, queryError(ctx, "scorecard "+p.Name, err)
	}
	defer rows.Close()
	grain, out := c.Session.Project.Settings.Grain.Value, []scorecard.Value{}
	scopeRank, byRank := map[string]int{}, map[string]int{"": 0}
	for i, s := range p.Scopes {
		scopeRank[scopeName(s)] = i
	}
	for i, b := range p.Breakdowns {
		byRank[b.Name] = i + 1
	}
	values := make([]sql.NullFloat64, len(p.KPIs))
	dest := make([]any, 4+len(values))
	var scope string
	var by, key sql.NullString
	var start sql.NullTime
	dest[0], dest[1], dest[2], dest[3] = &scope, &by, &key, &start
	for i := range values {
		dest[4+i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scorecard %s: %w", p.Name, err)
		}
		b := p.breakdown(by.String)
		var keys []*string
		if b != nil && b.parts != nil {
			if keys, err = crossedKeys(key.String, len(b.parts)); err != nil {
				return nil, fmt.Errorf("scorecard %s: %w", p.Name, err)
			}
		}
		for i, k := range p.KPIs {
			if by.Valid && !p.Reports(k, b) {
				continue
			}
			v := scorecard.Value{KPI: k.Def.Name, By: by.String, Keys: keys, Value: scorecard.Null}
			if scope != "*" {
				v.Campaign = scope
			}
			if by.Valid && key.Valid && keys == nil {
				v.Key = new(key.String)
			}
			if start.Valid {
				v.Period = period.Label(start.Time, grain)
			}
			if values[i].Valid {
				v.Value = scorecard.Number(values[i].Float64)
			}
			out = append(out, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, queryError(ctx, "scorecard "+p.Name, err)
	}
	kpiRank := map[string]int{}
	for i, k := range p.KPIs {
		kpiRank[k.Def.Name] = i
	}
	slices.SortStableFunc(out, func(a, b scorecard.Value) int {
		return cmp.Or(
			cmp.Compare(scopeRank[cmp.Or(a.Campaign, "*")], scopeRank[cmp.Or(b.Campaign, "*")]),
			cmp.Compare(kpiRank[a.KPI], kpiRank[b.KPI]),
			cmp.Compare(byRank[a.By], byRank[b.By]),
			scorecard.CompareKeys(a.Key, b.Key),
			scorecard.CompareKeyLists(a.Keys, b.Keys),
			cmp.Compare(a.Period, b.Period),
		)
	})
	return out, nil
}

// header is the scorecard without its values.
func (c *Compiled) header(p *Plan) *scorecard.Scorecard {
	settings := c.Session.Project.Settings
	sc := &scorecard.Scorecard{
		FormatVersion: scorecard.FormatVersion,
		Project:       settings.Name,
		Name:          p.Name,
		Grain:         settings.Grain.Value,
		Currency:      settings.Currency.Value,
		KPIs:          []scorecard.KPI{}, // kpis = [] writes [], not null
		Values:        []scorecard.Value{},
	}
	if p.Def != nil {
		sc.Label = p.Def.Label.Value
		if p.Def.Compare != nil && len(p.Scopes) > 1 {
			sc.Compare = p.Def.Compare.Name
		}
	}
	for _, s := range p.Scopes {
		if s == nil {
			sc.Scopes = append(sc.Scopes, scorecard.Scope{})
			continue
		}
		sc.Scopes = append(sc.Scopes, scorecard.Scope{Campaign: s.Def.Name, Label: s.Def.Label.Value,
			Start: s.Def.Start.String(), End: s.Def.End.String()})
	}
	for _, k := range p.KPIs {
		kpi := scorecard.KPI{Name: k.Def.Name, Label: k.Def.Label.Value, Description: k.Def.Description.Value,
			Format: cmp.Or(k.Def.Format.Value, "number"), Formula: k.Def.Formula.Text}
		for _, b := range p.Breakdowns {
			if p.Reports(k, b) {
				kpi.By = append(kpi.By, b.Name)
			}
		}
		sc.KPIs = append(sc.KPIs, kpi)
	}
	sc.Channels = scorecardChannels(c.Session.Project.Channels)
	c.addFingerprints(p, sc)
	return sc
}

func (p *Plan) breakdown(name string) *Breakdown {
	for _, b := range p.Breakdowns {
		if b.Name == name {
			return b
		}
	}
	return nil
}

func scopeName(c *Campaign) string {
	if c == nil {
		return "*"
	}
	return c.Def.Name
}

package engine

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/objective"
	"github.com/omni-metrics/omni/engine/period"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Objective is a compiled objective: its KPI, and the cell of the
// objectives query its series is read from.
type Objective struct {
	Def   *dsl.Objective
	KPI   *KPI
	Scope *Campaign  // nil: the whole data
	By    *Breakdown // by segment or by channel; nil for everybody
	Key   string     // the segment's or the channel's name
	Rate  bool       // the KPI is a share, from 0 to 1
	// Experiment is that whose lift a lift objective targets; nil for an
	// objective on the KPI's value, judged from the series.
	Experiment *Experiment
}

// ObjectivePlan computes the objectives of a scorecard. Its query is an
// ordinary scorecard plan: the objectives' KPIs per period over their scopes
// and breakdowns, and the data's first and last days, in one scan; nil
// when every objective targets a lift, judged from its experiment's query.
type ObjectivePlan struct {
	Objectives []*Objective
	Series     *Plan
}

// Names of the internal KPIs that give the data's first and last days; they
// are not identifiers, so no definition can take them.
const (
	firstDayKPI = "omni:first_day"
	lastDayKPI  = "omni:last_day"
)

// compileObjectives checks that each objective is measurable on the sources
// — its KPI split by its segment or channel, a measured baseline within its
// campaign, a rate's values from 0 to 1 — and keeps those that are.
func (c *Compiled) compileObjectives() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, def := range c.Session.Project.Objectives {
		o, d := c.compileObjective(def)
		diags = append(diags, d...)
		if o != nil && !d.HasErrors() {
			c.Objectives = append(c.Objectives, o)
		}
	}
	return diags
}

func (c *Compiled) compileObjective(def *dsl.Objective) (*Objective, hcl.Diagnostics) {
	if def.KPI == nil || def.Target.Kind == 0 || !def.IsLift() && (def.Start.IsZero() || def.Deadline.IsZero()) {
		return nil, nil // reported by dsl
	}
	k := c.kpis[def.KPI.Name]
	if k == nil || k.failed || !k.done {
		return nil, nil // reported by dsl, or at the KPI's formula
	}
	if def.IsLift() {
		return c.compileLiftObjective(def, k)
	}
	o := &Objective{Def: def, KPI: k, Scope: c.campaign(def.Campaign), Rate: c.isRate(k)}
	if def.Campaign != nil && o.Scope == nil {
		return nil, nil
	}
	var diags hcl.Diagnostics
	if o.Rate {
		diags = rateCheck(def, k)
	}
	if cell := cmp.Or(def.Segment, def.Channel); cell != nil {
		if cell.Kind == "channel" && c.symbols["channel"] == nil {
			tp := c.Session.Schema.Touchpoints.Source
			return nil, errorDiag("No channel column", fmt.Sprintf("Source %q has no channel column, so its touchpoints have no channel. Set channel = \"<column>\" in its block.", tp.Name), &cell.Range)
		}
		b, d := c.breakdown(dsl.Text{Value: cell.Kind, Range: cell.Range})
		o.By, o.Key, diags = b, cell.Name, append(diags, d...)
		if o.By != nil && !o.By.splitsKPI(k) {
			diags = append(diags, errorDiag("KPI not measurable by "+cell.Kind, whyNotSplit(k, o.By), &cell.Range)...)
		}
	}
	return o, append(diags, c.baselineCheck(o)...)
}

// baselineCheck reports a measured baseline that its campaign cannot give:
// the campaign has no day in the period before the objective's start.
func (c *Compiled) baselineCheck(o *Objective) hcl.Diagnostics {
	if o.Def.Baseline != nil || o.Scope == nil {
		return nil
	}
	grain := c.Session.Project.Settings.Grain.Value
	from, to := objective.BaselinePeriod(o.Def.Start.Value, grain)
	camp := o.Scope.Def
	if camp.Start.Value.Before(to) && !camp.End.Value.Before(from) {
		return nil
	}
	return errorDiag("Baseline not measurable", fmt.Sprintf(
		"A measured baseline is the KPI in %s, the %s before start, and campaign %q has no day in it (%s to %s). "+
			"Give baseline = <value>, or measure the objective over the whole data without campaign.",
		period.Label(from, grain), period.Noun(grain, 1), camp.Name, camp.Start, camp.End), &o.Def.Campaign.Range)
}

// planObjectives builds the objectives query of a scorecard: those it lists,
// or every objective when it lists none; nil without objectives.
func (c *Compiled) planObjectives(def *dsl.Scorecard, name string) *ObjectivePlan {
	op := &ObjectivePlan{Objectives: c.Objectives}
	if def != nil && def.Objectives != nil {
		op.Objectives = nil
		for _, r := range def.Objectives {
			for _, o := range c.Objectives {
				if o.Def.Name == r.Name {
					op.Objectives = append(op.Objectives, o)
				}
			}
		}
	}
	if len(op.Objectives) == 0 {
		return nil
	}
	p := &Plan{Name: name + ": objectives", Scopes: []*Campaign{nil}}
	scopes, kpis, bys := map[*Campaign]bool{nil: true}, map[*KPI]bool{}, map[string]bool{}
	for _, o := range op.Objectives {
		if o.Experiment != nil {
			continue
		}
		if !scopes[o.Scope] {
			scopes[o.Scope] = true
			p.Scopes = append(p.Scopes, o.Scope)
		}
		if !kpis[o.KPI] {
			kpis[o.KPI] = true
			p.KPIs = append(p.KPIs, o.KPI)
		}
		if o.By != nil && !bys[o.By.Name] {
			bys[o.By.Name] = true
			p.Breakdowns = append(p.Breakdowns, o.By)
		}
	}
	if len(p.KPIs) == 0 {
		return op
	}
	p.KPIs = append(p.KPIs, c.dayKPI(firstDayKPI, "first_time()"), c.dayKPI(lastDayKPI, "last_time()"))
	p.Measures = c.measuresOf(p.KPIs)
	p.SQL = c.query(p)
	op.Series = p
	return op
}

// dayKPI compiles an internal KPI: a day of the data, as days since 1970.
func (c *Compiled) dayKPI(name, moment string) *KPI {
	text := "days_between(date('1970-01-01'), " + moment + ")"
	k := &KPI{Def: &dsl.KPI{Name: name, Formula: dsl.NewFormula(text, hcl.Range{})}, Measures: map[string]bool{}}
	c.compileKPI(k)
	return k
}

// runObjectives runs the objectives query of a scorecard, then judges each
// objective from its KPI's series, or from its experiment's results, which
// run gives.
func (c *Compiled) runObjectives(ctx context.Context, op *ObjectivePlan, run experimentRunner) ([]scorecard.Objective, error) {
	var series []scorecard.Value
	if op.Series != nil {
		var err error
		if series, err = c.values(ctx, op.Series); err != nil {
			return nil, err
		}
	}
	values := map[objective.SeriesKey]scorecard.Number{}
	for _, v := range series {
		key := ""
		if v.Key != nil {
			key = *v.Key
		}
		values[objective.SeriesKey{Campaign: v.Campaign, KPI: v.KPI, By: v.By, Key: key, Period: v.Period}] = v.Value
	}
	s := objective.Series{Values: values,
		First: dataDay(values[objective.SeriesKey{KPI: firstDayKPI}]), Last: dataDay(values[objective.SeriesKey{KPI: lastDayKPI}])}
	var out []scorecard.Objective
	for _, o := range op.Objectives {
		if o.Experiment == nil {
			out = append(out, objective.Judge(o.judged(), s, c.Session.Project.Settings))
			continue
		}
		results, err := run(ctx, o.Experiment)
		if err != nil {
			return nil, err
		}
		out = append(out, objective.JudgeLift(o.Def, o.KPI.Def, results))
	}
	return out, nil
}

// judged is the objective as its judging needs it.
func (o *Objective) judged() objective.Objective {
	j := objective.Objective{Def: o.Def, KPI: o.KPI.Def, Key: o.Key, Rate: o.Rate}
	if o.Scope != nil {
		j.Campaign = o.Scope.Def.Name
	}
	if o.By != nil {
		j.By = o.By.Name
	}
	return j
}

// dataDay reads a day of the data, counted from 1970; zero when unknown.
func dataDay(days scorecard.Number) time.Time {
	if days.IsNull() {
		return time.Time{}
	}
	return time.Unix(0, 0).UTC().AddDate(0, 0, int(days))
}

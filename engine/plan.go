package engine

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// DefaultScorecard is the name of the scorecard of a project without
// scorecard blocks: every KPI, over the whole data and each campaign.
const DefaultScorecard = "default"

// Plan is the query of one scorecard.
type Plan struct {
	Name       string
	Def        *dsl.Scorecard // nil for the default scorecard
	Scopes     []*Campaign    // a nil entry stands for the whole data
	KPIs       []*KPI
	Breakdowns []*Breakdown
	Measures   []*Measure
	SQL        string
	Objectives *ObjectivePlan // nil when the scorecard reports no objective
	Ladders    []*Ladder      // the loyalty ladders it reports, each its own query
	// Attribution computes the attributions it reports; nil for none.
	Attribution *AttributionPlan
	// Experiments are the experiments it reports, each its own query.
	Experiments []*Experiment
	// Top is the scorecard's top; nil without one.
	Top *TopPlan
}

// Reports reports whether the scorecard shows a KPI split by a breakdown.
func (p *Plan) Reports(k *KPI, b *Breakdown) bool {
	return b.splitsKPI(k)
}

// HasGrain reports whether one of the plan's measures aggregates the grain.
func (p *Plan) HasGrain(g formula.Grain) bool {
	for _, m := range p.Measures {
		if m.Grain == g {
			return true
		}
	}
	return false
}

// plan checks each KPI's own breakdowns and builds every scorecard's plan.
func (c *Compiled) plan() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, k := range c.KPIs {
		diags = append(diags, c.refuseBreakdowns(k)...)
		for _, e := range k.Def.By {
			b, d := c.breakdownEntry(e)
			diags = append(diags, d...)
			if b != nil && !b.splitsKPI(k) {
				diags = append(diags, errorDiag("Breakdown without meaning", whyNotSplit(k, b), &e.Range)...)
			}
		}
	}
	diags = append(diags, c.compileObjectives()...)
	for _, e := range c.Experiments {
		e.SQL = c.experimentQuery(e)
	}
	defs := c.Session.Project.Scorecards
	if len(defs) == 0 {
		defs = []*dsl.Scorecard{nil}
	}
	for _, def := range defs {
		p, d := c.planScorecard(def)
		diags = append(diags, d...)
		if !d.HasErrors() {
			if len(p.KPIs) > 0 { // kpis = []: a scorecard of objectives or ladders only
				p.SQL = c.query(p)
			}
			p.Objectives = c.planObjectives(def, p.Name)
			p.Ladders = c.planLadders(def)
			p.Attribution = c.planAttributions(def, p)
			p.Experiments = c.planExperiments(def)
			c.Plans = append(c.Plans, p)
		}
	}
	return append(diags, c.warnDefaultAppearances()...)
}

// refuseBreakdowns resolves a KPI's not_by: breakdowns its value would mean
// nothing by (buyers over the customers reached, per channel, where buyers
// purchase on another channel than the one that reached them).
func (c *Compiled) refuseBreakdowns(k *KPI) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, name := range k.Def.NotBy {
		if name.Value == "period" {
			diags = append(diags, errorDiag("Breakdown that cannot be refused", fmt.Sprintf("KPI %q: every scorecard is reported per period, which not_by cannot refuse; it takes \"segment\", \"channel\", a channel metadata name, a touchpoint column or a customer attribute.", k.Def.Name), &name.Range)...)
			continue
		}
		b, d := c.breakdown(name)
		diags = append(diags, d...)
		if b == nil {
			continue
		}
		if slices.ContainsFunc(k.Def.By, func(e dsl.Breakdown) bool { return e.Name() == name.Value }) {
			diags = append(diags, errorDiag("Breakdown both wanted and refused", fmt.Sprintf("KPI %q lists %q in by and in not_by: keep one.", k.Def.Name, name.Value), &name.Range)...)
			continue
		}
		if k.notBy == nil {
			k.notBy = map[string]bool{}
		}
		k.notBy[b.Name] = true
	}
	return diags
}

func (c *Compiled) planScorecard(def *dsl.Scorecard) (*Plan, hcl.Diagnostics) {
	p := &Plan{Name: DefaultScorecard, Def: def, KPIs: c.KPIs}
	by := c.defaultBreakdowns()
	p.Scopes = append([]*Campaign{nil}, c.Campaigns...)
	if def != nil {
		p.Name, by = def.Name, def.By
		if def.KPIs != nil {
			p.KPIs = nil
			for _, r := range def.KPIs {
				if k := c.kpis[r.Name]; k != nil {
					p.KPIs = append(p.KPIs, k)
				}
			}
		}
		if def.Campaign != nil {
			p.Scopes = nil
			for _, r := range []*dsl.Ref{def.Campaign, def.Compare} {
				if camp := c.campaign(r); camp != nil {
					p.Scopes = append(p.Scopes, camp)
				}
			}
		}
	}
	for _, k := range p.KPIs {
		by = append(by, k.Def.By...)
	}
	var diags hcl.Diagnostics
	// A name is seen once, a cross's apart: a single name that reads as
	// one is an error of its own.
	type entry struct {
		name    string
		crossed bool
	}
	seen := map[entry]bool{}
	for _, e := range by {
		id := entry{e.Name(), e.Crossed()}
		if seen[id] {
			continue
		}
		seen[id] = true
		b, d := c.breakdownEntry(e)
		diags = append(diags, d...)
		switch same := sameCross(p.Breakdowns, b); {
		case b == nil:
		case same != "":
			diags = append(diags, errorDiag("Same cross twice", fmt.Sprintf("%q crosses the same breakdowns as %q, in another order: their cells are the same. Keep one.", b.Name, same), &e.Range)...)
		default:
			p.Breakdowns = append(p.Breakdowns, b)
		}
	}
	p.Measures = c.measuresOf(p.KPIs)
	var d hcl.Diagnostics
	p.Top, d = p.planTop(def)
	return p, append(diags, d...)
}

// defaultBreakdowns are those of the default scorecard: by segment and by
// channel, when the project has them.
func (c *Compiled) defaultBreakdowns() []dsl.Breakdown {
	var by []dsl.Breakdown
	if len(c.Segments) > 0 {
		by = append(by, dsl.Breakdown{Names: []dsl.Text{{Value: "segment"}}})
	}
	if c.symbols["channel"] != nil {
		by = append(by, dsl.Breakdown{Names: []dsl.Text{{Value: "channel"}}})
	}
	return by
}

// campaign resolves a reference to a campaign; nil for a nil or dangling one.
func (c *Compiled) campaign(r *dsl.Ref) *Campaign {
	for _, camp := range c.Campaigns {
		if r != nil && camp.Def.Name == r.Name {
			return camp
		}
	}
	return nil
}

// measuresOf lists the measures the KPIs need, in the order of c.Measures.
func (c *Compiled) measuresOf(kpis []*KPI) []*Measure {
	used := map[string]bool{}
	for _, k := range kpis {
		for m := range k.Measures {
			used[m] = true
		}
	}
	var out []*Measure
	for _, m := range c.Measures {
		if used[m.Name] {
			out = append(out, m)
		}
	}
	return out
}

package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// Experiment is a compiled experiment block: the SQL of each row's
// variant, of its population and of the KPIs it judges per customer.
type Experiment struct {
	Def        *dsl.Experiment
	Assignment string // a row's variant, as text
	Segment    string // a condition on the customer's attributes; "" for every customer
	Where      string // the campaign's filter on touchpoints; "" for every touchpoint
	KPIs       []*KPI
	// Rates are the KPIs whose value per customer is 0 or 1, compared by
	// the two-proportion test; the others by Welch's t.
	Rates map[*KPI]bool
	// SQL is its query (see experimentQuery), written once every formula
	// is compiled.
	SQL string
}

// compileExperiments compiles every experiment block, keeping those
// without errors.
func (c *Compiled) compileExperiments() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, def := range c.Session.Project.Experiments {
		e, d := c.compileExperiment(def)
		diags = append(diags, d...)
		if e != nil && !d.HasErrors() {
			c.Experiments = append(c.Experiments, e)
		}
	}
	return diags
}

func (c *Compiled) compileExperiment(def *dsl.Experiment) (*Experiment, hcl.Diagnostics) {
	if def.Assignment == nil {
		return nil, nil // reported by dsl
	}
	e := &Experiment{Def: def, Rates: map[*KPI]bool{}}
	out, diags := formula.Compile(def.Assignment, formula.RowScope, formula.Value, c.env(formula.RowScope))
	if out != nil {
		e.Assignment = "CAST(" + out.SQL + " AS VARCHAR)"
	}
	if def.Segment != nil {
		diags = append(diags, c.traitSegmentProblem("an experiment's population", &def.Segment.Name, &def.Segment.Range)...)
		for _, s := range c.Segments {
			if s.Def.Name == def.Segment.Name {
				e.Segment = s.SQL
			}
		}
	}
	if camp := c.campaign(def.Campaign); camp != nil {
		e.Where = camp.Where
	}
	for _, r := range def.KPIs {
		k := c.kpis[r.Name]
		if k == nil || k.failed || !k.done {
			continue // undeclared (reported by dsl) or in error (reported at it)
		}
		if fn := c.periodComparison(k); fn != "" {
			diags = append(diags, errorDiag("KPI compares periods", fmt.Sprintf(
				"An experiment compares the customers of its variants within its window, each by the KPI computed over his own touchpoints there. KPI %q reads %s, which compares a cell with the period before: no customer of the experiment has one. Judge the KPI it compares (cuped = true adjusts by each customer's value before the window).",
				k.Def.Name, fn), &r.Range)...)
			continue
		}
		if other := k.Grains &^ formula.Grains(0).Add(formula.Touchpoints); other != 0 {
			diags = append(diags, errorDiag("KPI not computable per customer", fmt.Sprintf(
				"An experiment compares the customers of its variants, each by the KPI computed over his own touchpoints: a rate of customers (count_distinct(customer, …), or one over count_distinct(customer)) or a sum, count or mean per customer (sum(revenue), count(event == 'visit'), avg(basket)). KPI %q reads %s, which no single customer's touchpoints give. Judge a KPI written over touchpoints.",
				k.Def.Name, grainWords(other)), &r.Range)...)
			continue
		}
		e.KPIs = append(e.KPIs, k)
		e.Rates[k] = formula.CustomerIndicator(k.Def.Formula.Text, func(name string) string {
			if named := c.kpis[name]; named != nil && named.Def.Formula != nil {
				return named.Def.Formula.Text
			}
			return ""
		})
	}
	return e, diags
}

// periodComparison names the function by which a KPI, or one it names,
// reads the period before (previous, year_ago, change, year_change,
// retained_customers), or "" when it reads none. had_before(…) is a
// condition on each touchpoint and works per customer.
func (c *Compiled) periodComparison(k *KPI) string {
	if len(c.history.used("retained", c.measuresOf([]*KPI{k}))) > 0 {
		return "retained_customers(…)"
	}
	if (&Plan{KPIs: []*KPI{k}}).windowed() {
		return "previous(…), year_ago(…), change(…) or year_change(…)"
	}
	return ""
}

// grainWords names what a KPI aggregates besides touchpoints.
func grainWords(g formula.Grains) string {
	var words []string
	for _, w := range []struct {
		grain formula.Grain
		word  string
	}{
		{formula.Customers, "customer aggregates (share, traits)"},
		{formula.Base, "the customer base (base_share, base_count)"},
		{formula.Spend, "spend()"},
		{formula.Budget, "budget()"},
	} {
		if g.Has(w.grain) {
			words = append(words, w.word)
		}
	}
	return strings.Join(words, " and ")
}

// planExperiments lists the experiments a scorecard reports: those it
// names, or every experiment when it names none.
func (c *Compiled) planExperiments(def *dsl.Scorecard) []*Experiment {
	if def == nil {
		return c.Experiments
	}
	return chosen(c.Experiments, def.Experiments, func(e *Experiment) string { return e.Def.Name })
}

// chosen lists the definitions that refs name, in their order, or all of
// them when refs is nil (the scorecard does not say).
func chosen[T any](all []T, refs []dsl.Ref, name func(T) string) []T {
	if refs == nil {
		return all
	}
	var out []T
	for _, r := range refs {
		for _, d := range all {
			if name(d) == r.Name {
				out = append(out, d)
			}
		}
	}
	return out
}

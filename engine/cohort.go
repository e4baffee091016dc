package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// Cohort is a cohort block compiled: a customer's cohort is the period of
// his first touchpoint meeting When, over his whole history (every
// touchpoint up to the reference date, whatever the scope), computed once
// per customer (the cohorts step) and joined to his touchpoints.
type Cohort struct {
	Def   *dsl.Cohort
	When  string // SQL of the condition over the facts; "": any touchpoint
	Grain string // the cohorts' periods, and the offsets' unit
}

// compileCohorts compiles every cohort, those whose condition has an error
// too (reported there; the project then does not run), so that the
// breakdowns naming them are not reported again as unknown.
func (c *Compiled) compileCohorts() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, def := range c.Session.Project.Cohorts {
		co := &Cohort{Def: def, Grain: cmp.Or(def.Period.Value, c.Session.Project.Settings.Grain.Value)}
		if def.When != nil {
			out, d := formula.Compile(def.When, formula.RowScope, formula.Condition, c.env(formula.RowScope))
			diags = append(diags, d...)
			co.When = "NULL"
			if out != nil && !d.HasErrors() {
				co.When = out.SQL
			}
		}
		c.Cohorts = append(c.Cohorts, co)
	}
	return diags
}

// cohortBreakdown resolves "cohort.<name>" and "cohort.<name>.offset".
func (c *Compiled) cohortBreakdown(name dsl.Text) (*Breakdown, hcl.Diagnostics) {
	cohort, offset := strings.CutPrefix(name.Value, dsl.CohortPrefix)
	if o, ok := strings.CutSuffix(cohort, dsl.CohortOffset); ok && c.cohort(o) != nil {
		cohort = o
	} else {
		offset = false
	}
	co := c.cohort(cohort)
	if co == nil {
		var names []string
		for _, d := range c.Session.Project.Cohorts {
			names = append(names, d.Name)
		}
		return nil, errorDiag("Unknown cohort", fmt.Sprintf("No cohort block is named %q: a cohort breakdown is \"cohort.<name>\", and its periods since \"cohort.<name>.offset\".%s", cohort, dsl.DidYouMean(cohort, names)), &name.Range)
	}
	return &Breakdown{Name: name.Value, SQL: formula.QuoteIdent(name.Value), dim: byCohort, cohort: co, offset: offset}, nil
}

func (c *Compiled) cohort(name string) *Cohort {
	for _, co := range c.Cohorts {
		if co.Def.Name == name {
			return co
		}
	}
	return nil
}

// cohorts are the cohorts a plan's breakdowns name, in the order the breakdowns
// first name them.
func (p *Plan) cohorts() []*Cohort {
	var out []*Cohort
	for _, b := range p.Breakdowns {
		for _, s := range b.singles() {
			if s.cohort != nil && !slices.Contains(out, s.cohort) {
				out = append(out, s.cohort)
			}
		}
	}
	return out
}

// addCohorts adds the steps that give each touchpoint its customer's
// cohorts and the periods since, and returns the last: one GROUP BY per
// customer over the facts (his whole history), joined to them.
func (q *query) addCohorts(facts string, cohorts []*Cohort) string {
	starts := []string{colCustomer}
	cols := []string{"f.*"}
	for _, co := range cohorts {
		name := dsl.CohortPrefix + co.Def.Name
		grain := sqlString(co.Grain)
		first := colTime
		if co.When != "" {
			first = "CASE WHEN " + co.When + " THEN " + colTime + " END"
		}
		starts = append(starts, fmt.Sprintf("CAST(date_trunc(%s, min(%s)) AS DATE) AS %s", grain, first, formula.QuoteIdent(name)))
		column := "co." + formula.QuoteIdent(name)
		period := fmt.Sprintf("CAST(date_trunc(%s, f.%s) AS DATE)", grain, colTime)
		cols = append(cols, q.dialect().PeriodLabel(column, co.Grain)+" AS "+formula.QuoteIdent(name),
			fmt.Sprintf("CASE WHEN %s >= %s THEN CAST(%s AS VARCHAR) END AS %s", period, column, q.dialect().PeriodsBetween(co.Grain, column, period), formula.QuoteIdent(name+dsl.CohortOffset)))
	}
	q.add("cohorts", "each customer's cohorts: the period of his first touchpoint meeting each cohort's condition, over his whole history",
		"SELECT "+strings.Join(starts, ",\n       ")+"\nFROM facts\nWHERE "+colCustomer+" IS NOT NULL\nGROUP BY "+colCustomer)
	q.add("cohort_facts", "each touchpoint with its customer's cohorts and the periods since (NULL before his cohort starts, or without one)",
		"SELECT "+strings.Join(cols, ",\n       ")+"\nFROM "+facts+" AS f\nLEFT JOIN cohorts AS co ON co."+colCustomer+" = f."+colCustomer)
	return "cohort_facts"
}

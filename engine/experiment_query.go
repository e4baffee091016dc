package engine

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/dsl"
)

// experimentQuery writes the SQL of an experiment: each customer's variant,
// each judged KPI computed over his own touchpoints of the window (and,
// for CUPED, before it), and their moments per variant, which the
// statistics read (engine/experiment).
//
//	touch_history     facts with the windows of had_before(…), if used
//	experiment_rows   the touchpoints of the campaign's filter up to the end, __during in the window
//	assignments       each customer of the population with his variant and the number he was seen in
//	customer_measures the KPIs' aggregates per customer in one variant, in the window and before
//	customer_values   every such customer once in the window (and once before), aggregates over none at their empty value
//	named_kpis_N      the KPIs that the judged KPIs name
//	paired            per customer, each KPI in the window and, as its covariate, before it
//
// The last SELECT gives one row per variant: per KPI the customers with a
// value, the mean and sample variance of the values, and of the covariate
// with its covariance; and first a row without a variant whose customers
// are those seen in two variants or more, counted even when nobody is left.
func (c *Compiled) experimentQuery(e *Experiment) string {
	q := &query{c: c, p: &Plan{Name: "experiment " + e.Def.Name, KPIs: e.KPIs, Measures: c.measuresOf(e.KPIs)}}
	q.addFacts()
	facts := "facts"
	if before := c.history.used("before", q.p.Measures); len(before) > 0 {
		q.add("touch_history", "whether each touchpoint's customer had earlier touchpoints meeting conditions, over the whole data", "SELECT *,\n       "+strings.Join(before, ",\n       ")+"\nFROM facts")
		facts = "touch_history"
	}
	q.add("experiment_rows", "the experiment's touchpoints: in the window, and before it for CUPED", e.rows(facts))
	q.add("assignments", "each customer of the population with the variant of his touchpoints in the window", e.assignments())
	q.add("customer_measures", "the KPIs' aggregates over each customer's touchpoints", q.customerMeasures())
	q.add("customer_values", "every customer in one variant, in the window (and before it), with his aggregates", q.customerValues(e))
	from, computed := q.addKPISteps("customer_values")
	var kpis, pairs, moments []string
	for i, k := range e.KPIs {
		value := k.sql
		if computed[&k.unit] {
			value = k.column
		}
		kpis = append(kpis, fmt.Sprintf("CAST(%s AS %s) AS __y%d", value, q.dialect().Double(), i))
		pairs = append(pairs, fmt.Sprintf("d.__y%[1]d, CASE WHEN d.__y%[1]d IS NOT NULL THEN coalesce(b.__y%[1]d, 0) END AS __x%[1]d", i))
		moments = append(moments, fmt.Sprintf("count(__y%[1]d), avg(__y%[1]d), var_samp(__y%[1]d), avg(__x%[1]d), var_samp(__x%[1]d), covar_samp(__y%[1]d, __x%[1]d)", i))
	}
	q.add("kpi_values", "the judged KPIs per customer", "SELECT "+colCustomer+", __variant, __during,\n       "+strings.Join(kpis, ",\n       ")+"\nFROM "+from)
	q.add("paired", "each KPI per customer in the window, and before it", "SELECT d.__variant,\n       "+strings.Join(pairs, ",\n       ")+
		"\nFROM kpi_values AS d\nLEFT JOIN kpi_values AS b ON b."+colCustomer+" = d."+colCustomer+" AND NOT b.__during\nWHERE d.__during")
	nulls := strings.TrimSuffix(strings.Repeat("NULL, ", 6*len(e.KPIs)), ", ")
	return fmt.Sprintf("-- omni experiment %q\nWITH\n%s\nSELECT __variant, count(*) AS __customers,\n       %s\nFROM paired\nGROUP BY __variant\n"+
		"UNION ALL\nSELECT NULL, (SELECT count(*) FROM assignments WHERE __variants > 1),\n       %s\nORDER BY __variant NULLS FIRST\n",
		e.Def.Name, strings.Join(q.ctes, ",\n"), strings.Join(moments, ",\n       "), nulls)
}

// rows selects the touchpoints of the campaign's filter up to the end of
// the window (from its start without CUPED), with the assignment's value,
// from facts (or touch_history, for had_before).
func (e *Experiment) rows(facts string) string {
	d := e.Def
	end := timestamp(dsl.Date{Value: d.End.Value.AddDate(0, 0, 1)})
	where := []string{colCustomer + " IS NOT NULL", colTime + " < " + end}
	if !d.CUPED {
		where = append(where, colTime+" >= "+timestamp(d.Start))
	}
	if e.Where != "" {
		where = append(where, "coalesce("+e.Where+", FALSE)")
	}
	return "SELECT *, " + colTime + " >= " + timestamp(d.Start) + " AS __during, " + e.Assignment + " AS __assigned\nFROM " + facts + "\nWHERE " +
		strings.Join(where, "\n  AND ")
}

// assignments gives each customer of the population who has a variant in
// the window the smallest of his variants and their number: a customer
// seen in two is left out of every figure, and counted.
func (e *Experiment) assignments() string {
	where := "__during AND __assigned IS NOT NULL"
	if e.Segment != "" {
		where += " AND coalesce(" + e.Segment + ", FALSE)"
	}
	return "SELECT " + colCustomer + ", min(__assigned) AS __variant, count(DISTINCT __assigned) AS __variants\nFROM experiment_rows\nWHERE " +
		where + "\nGROUP BY " + colCustomer
}

// customerMeasures aggregates the KPIs' measures over each customer's
// touchpoints, in the window and before it apart.
func (q *query) customerMeasures() string {
	cols := []string{colCustomer, "__during"}
	for _, m := range q.p.Measures {
		cols = append(cols, m.SQL+" AS "+m.Name)
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM experiment_rows\nJOIN assignments USING (" + colCustomer + ")\nWHERE __variants = 1\nGROUP BY " + colCustomer + ", __during"
}

// customerValues lists every customer in one variant once in the window
// (and once before it, for CUPED), with his aggregates. Over none of his
// touchpoints a count is 0 (its empty value), and so is a sum: a customer
// who bought nothing bought for 0, and counts in the mean per customer.
func (q *query) customerValues(e *Experiment) string {
	cols := []string{"a." + colCustomer, "a.__variant", "p.__during"}
	for _, m := range q.p.Measures {
		empty := m.Empty
		if strings.HasPrefix(m.SQL, "sum(") { // builtins' sum(…): NULL over no row
			empty = "0"
		}
		if empty != "" {
			cols = append(cols, fmt.Sprintf("coalesce(m.%s, %s) AS %[1]s", m.Name, empty))
		} else {
			cols = append(cols, "m."+m.Name)
		}
	}
	phases := "(VALUES (TRUE))"
	if e.Def.CUPED {
		phases = "(VALUES (TRUE), (FALSE))"
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM assignments AS a\nCROSS JOIN " + phases + " AS p(__during)\n" +
		"LEFT JOIN customer_measures AS m ON m." + colCustomer + " = a." + colCustomer + " AND m.__during = p.__during\nWHERE a.__variants = 1"
}

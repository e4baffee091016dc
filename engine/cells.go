package engine

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/engine/formula"
)

// This file writes the aggregation steps of a scorecard's SQL: one per
// grain, each a single GROUP BY GROUPING SETS over its rows.

func (q *query) touchpointCells() string {
	from := "scoped WHERE __scope IS NOT NULL"
	if q.bySegment() {
		from = "(SELECT *, unnest(__segments) AS __segment FROM scoped WHERE __scope IS NOT NULL)\nWHERE __segment IS NOT NULL"
	}
	return q.cellsOf(formula.Touchpoints, from, true)
}

func (q *query) customerPeriods() string {
	cols := []string{"__scope", colCustomer, colPeriod, "any_value(__segments) AS __segments"}
	for _, a := range q.attributes() {
		cols = append(cols, fmt.Sprintf("any_value(%s) AS %[1]s", formula.QuoteIdent(a.Name)))
	}
	for _, t := range q.c.Traits {
		cols = append(cols, orNull(t.SQL)+" AS "+formula.QuoteIdent(t.Def.Name))
	}
	return "SELECT " + strings.Join(cols, ",\n       ") +
		"\nFROM scoped\nWHERE __scope IS NOT NULL AND " + colCustomer + " IS NOT NULL" +
		"\nGROUP BY GROUPING SETS ((__scope, " + colCustomer + ", " + colPeriod + "), (__scope, " + colCustomer + "))"
}

func (q *query) customerCells() string {
	from := "customer_periods"
	if q.bySegment() {
		from = "(SELECT *, unnest(__segments) AS __segment FROM customer_periods)\nWHERE __segment IS NOT NULL"
	}
	return q.cellsOf(formula.Customers, from, false)
}

func (q *query) spendRows() string {
	schema := q.c.Session.Schema
	src := schema.Spend.Source
	time := q.time(schema.Spend, "s")
	cols := []string{time + " AS " + colTime, q.period(time) + " AS " + colPeriod,
		"s." + formula.QuoteIdent(src.Amount.Value) + " AS " + colAmount}
	from := schema.Spend.View + " AS s"
	if src.Channel.Value != "" {
		cols = append(cols, "s."+formula.QuoteIdent(src.Channel.Value)+" AS "+colChannel)
		cols = append(cols, q.channelMetadata("s")...)
		if len(q.c.Session.Project.Channels) > 0 {
			from += "\nLEFT JOIN channels AS ch ON ch.name = s." + formula.QuoteIdent(src.Channel.Value)
		}
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from + "\nWHERE " + time + " IS NOT NULL"
}

func (q *query) spendCells() string {
	return q.cellsOf(formula.Spend, "spend_scoped WHERE __scope IS NOT NULL", true)
}

// cellsOf aggregates the measures of one grain per cell: per scope, per
// value of each breakdown (one at a time) or none, per period or over the
// scope's whole window. The cell's breakdown and its value are normalized
// into __by and __key, so that cells of every grain line up.
//
// Segments overlap, so rows were fanned out to their segments beforehand
// (__segment, where '*' is everybody); a segment cell is never split further.
// Customer rows come with their period already (NULL: the whole window).
func (q *query) cellsOf(g formula.Grain, from string, groupPeriods bool) string {
	var dims []*Breakdown
	for _, b := range q.p.Breakdowns {
		if b.dim != bySegment && b.splits(g) {
			dims = append(dims, b)
		}
	}
	seg := q.bySegment() && g != formula.Spend
	base := []string{"__scope"}
	if seg {
		base = append(base, "__segment")
	}
	periods := [][]string{nil, {colPeriod}}
	if !groupPeriods {
		base = append(base, colPeriod)
		periods = [][]string{nil}
	}
	var sets []string
	for _, per := range periods {
		sets = append(sets, "("+strings.Join(concat(base, per), ", ")+")")
		for _, d := range dims {
			sets = append(sets, "("+strings.Join(concat(base, []string{d.SQL}, per), ", ")+")")
		}
	}
	var by, key, unsplit []string
	if seg {
		by = append(by, "WHEN __segment <> '*' THEN 'segment'")
		key = append(key, "WHEN __segment <> '*' THEN __segment")
	}
	for _, d := range dims {
		by = append(by, fmt.Sprintf("WHEN GROUPING(%s) = 0 THEN %s", d.SQL, sqlString(d.Name)))
		key = append(key, fmt.Sprintf("WHEN GROUPING(%s) = 0 THEN CAST(%[1]s AS VARCHAR)", d.SQL))
		unsplit = append(unsplit, fmt.Sprintf("GROUPING(%s) = 1", d.SQL))
	}
	cols := []string{"__scope", caseOf(by) + " AS __by", caseOf(key) + " AS __key", colPeriod}
	for _, m := range q.p.Measures {
		if m.Grain == g {
			cols = append(cols, m.SQL+" AS "+m.Name)
		}
	}
	sql := "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from +
		"\nGROUP BY GROUPING SETS (\n    " + strings.Join(sets, ",\n    ") + "\n)"
	if seg && len(unsplit) > 0 {
		sql += "\nHAVING __segment = '*' OR (" + strings.Join(unsplit, " AND ") + ")"
	}
	return sql
}

// cells lines the aggregates of every grain up, one row per cell.
func (q *query) cells(grains []string) string {
	cols := []string{"__scope", "__by", "__key", colPeriod}
	for _, m := range q.p.Measures {
		if m.Empty != "" {
			// A cell that only other grains have holds no row of this one.
			cols = append(cols, fmt.Sprintf("coalesce(max(%s), %s) AS %[1]s", m.Name, m.Empty))
		} else {
			cols = append(cols, fmt.Sprintf("max(%s) AS %[1]s", m.Name))
		}
	}
	var parts []string
	for _, g := range grains {
		parts = append(parts, "SELECT * FROM "+g)
	}
	return "SELECT " + strings.Join(cols, ", ") +
		"\nFROM (\n    " + strings.Join(parts, "\n    UNION ALL BY NAME ") + "\n)" +
		"\nGROUP BY __scope, __by, __key, " + colPeriod
}

func caseOf(whens []string) string {
	if len(whens) == 0 {
		return "NULL"
	}
	return "CASE " + strings.Join(whens, " ") + " END"
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

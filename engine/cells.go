package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file writes the aggregation steps of a scorecard's SQL: one per
// grain, each a single GROUP BY GROUPING SETS over its rows.

func (q *query) touchpointCells() string {
	return q.cellsOf(formula.Touchpoints, "scoped WHERE __scope IS NOT NULL", "scoped WHERE __scope IS NOT NULL", true)
}

// basePeriods gives every customer of the customers source (a row with a
// key) a row per scope and period that has touchpoints (and per scope's
// whole window), with his traits there: those of no touchpoint, the
// traits' aggregates over no row, when he has none.
func (q *query) basePeriods() string {
	cols := []string{"k.__scope", "k." + colPeriod, "c." + colCustomer}
	for _, a := range q.attributes() {
		cols = append(cols, "c."+columnSQL(a.Name))
	}
	for _, t := range q.c.Traits {
		name := formula.QuoteIdent(t.Def.Name)
		cols = append(cols, fmt.Sprintf("CASE WHEN p.%s IS NULL THEN e.%s ELSE p.%[2]s END AS %[2]s", colCustomer, name))
	}
	return "SELECT " + strings.Join(cols, ",\n       ") +
		"\nFROM (SELECT DISTINCT __scope, " + colPeriod + " FROM customer_periods) AS k" +
		"\nCROSS JOIN customers AS c" +
		"\nCROSS JOIN no_touchpoint AS e" +
		"\nLEFT JOIN customer_periods AS p ON p.__scope = k.__scope AND " + q.dialect().SameKey("p."+colPeriod, "k."+colPeriod) +
		" AND p." + colCustomer + " = c." + colCustomer +
		"\nWHERE c." + colCustomer + " IS NOT NULL"
}

func (q *query) customerCells() string {
	return q.cellsOf(formula.Customers, q.customerRows, q.customerRows, false)
}

func (q *query) spendRows() string {
	schema := q.c.Session.Schema
	src := schema.Spend.Source
	time := q.time(schema.Spend, "s")
	cols := []string{time + " AS " + colTime, q.period(time) + " AS " + colPeriod,
		"s." + columnSQL(src.Amount.Value) + " AS " + colAmount}
	for _, d := range schema.Spend.Derived {
		if q.c.used[d.Def.Name] && schema.spendDerives(d.Def.Name) {
			cols = append(cols, "s."+columnSQL(d.Def.Name))
		}
	}
	from := schema.Spend.View + " AS s"
	if src.Channel.Value != "" {
		cols = append(cols, "s."+columnSQL(src.Channel.Value)+" AS "+colChannel)
		cols = append(cols, q.channelMetadata("s")...)
		if len(q.c.Session.Project.Channels) > 0 {
			from += "\nLEFT JOIN channels AS ch ON ch.name = s." + columnSQL(src.Channel.Value)
		}
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from + "\nWHERE " + time + " IS NOT NULL" + q.untilAsOf(time)
}

// budgetRows are the budgets of the plan's campaigns, one row per campaign
// and channel, for the campaign's whole window (a NULL period).
func (q *query) budgetRows() string {
	var rows []string
	for i, s := range q.p.Scopes {
		if s == nil {
			continue // the whole data has no budget
		}
		for _, b := range s.Def.Budget {
			rows = append(rows, fmt.Sprintf("(%d, %s, %s)", i, sqlString(b.Key.Value), strconv.FormatFloat(b.Value, 'g', -1, 64)))
		}
	}
	cols := []string{"b.__scope", "CAST(NULL AS DATE) AS " + colPeriod, "b." + colAmount, "b." + colChannel}
	cols = append(cols, q.channelMetadata("b")...)
	from := "(VALUES (NULL, NULL, NULL))"
	if len(rows) > 0 {
		from = "(VALUES\n" + indent(strings.Join(rows, ",\n")) + "\n)"
	}
	from += " AS b(__scope, " + colChannel + ", " + colAmount + ")"
	if len(q.c.Session.Project.Channels) > 0 {
		from += "\nLEFT JOIN channels AS ch ON ch.name = b." + colChannel
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from + "\nWHERE b.__scope IS NOT NULL"
}

func (q *query) spendCells() string {
	return q.cellsOf(formula.Spend, "spend_scoped WHERE __scope IS NOT NULL", "", true)
}

// cellsOf aggregates the measures of one grain per cell: per scope, per
// value of each breakdown (one at a time, or crossed) or none, per period
// or over the scope's whole window. The cell's breakdown and its value are
// normalized into __by and __key, so that cells of every grain line up.
//
// Segments overlap, and so do the values of a list column: their cells
// (and those of the crosses they are part of) are aggregated apart, over
// the rows (from segmentsFrom) joined to the segments of their customer
// (those on traits, of the row's period: see trait_segments.go), or over
// the rows fanned out to the values of their list; they are split by
// period only. Customer rows come with their period already (NULL: the
// whole window).
func (q *query) cellsOf(g formula.Grain, from, segmentsFrom string, groupPeriods bool) string {
	var dims, segments []grouped
	var lists []*Breakdown // the list columns fanned out, in order
	byList := map[string][]grouped{}
	for _, b := range q.p.Breakdowns {
		if !b.splits(g) {
			continue
		}
		switch o := b.overlapping(); {
		case o == nil:
			dims = append(dims, grouped{b.Name, b.columns("")})
		case o.dim == bySegment:
			segments = append(segments, grouped{b.Name, b.columns("__segment")})
		default:
			if byList[o.Name] == nil {
				lists = append(lists, o)
			}
			byList[o.Name] = append(byList[o.Name], grouped{b.Name, b.columns("__item")})
		}
	}
	bases := [][]string{{"__scope"}, {"__scope", colPeriod}}
	if !groupPeriods {
		bases = [][]string{{"__scope", colPeriod}}
	}
	after := []string{colPeriod}
	for _, m := range q.p.Measures {
		if m.Grain == g {
			after = append(after, m.SQL+" AS "+m.Name)
		}
	}
	sql := grouping{bases: bases, dims: dims, totals: true}.sql(q.dialect(), from, []string{"__scope"}, after)
	if len(segments) > 0 && q.hasMemberships() {
		sql += "\nUNION ALL\n" + grouping{bases: bases, dims: segments}.sql(q.dialect(), segmentRows(q.dialect(), segmentsFrom), []string{"__scope"}, after)
	}
	if len(segments) > 0 && q.hasTraitMemberships() {
		// Rows of the period and of the whole window come apart.
		rows, period := traitSegmentRows(q.dialect(), segmentsFrom, q.customerColumns, groupPeriods, q.retainedColumns(g))
		grouped := after
		if period != colPeriod { // after's first column is the period
			grouped = append([]string{period + " AS " + colPeriod}, after[1:]...)
		}
		sql += "\nUNION ALL\n" + grouping{bases: [][]string{{"__scope", period}}, dims: segments}.sql(q.dialect(), rows, []string{"__scope"}, grouped)
	}
	for _, o := range lists {
		sql += "\nUNION ALL\n" + grouping{bases: bases, dims: byList[o.Name]}.sql(q.dialect(), q.itemRows(from, o.SQL), []string{"__scope"}, after)
	}
	return sql
}

// retainedColumns are the window columns of retained_customers(…) that the
// rows of a grain carry: the customers' rows, when the plan uses it.
func (q *query) retainedColumns(g formula.Grain) []string {
	if g != formula.Customers {
		return nil
	}
	return q.c.history.usedNames("retained", q.p.Measures)
}

// itemRows gives each row once per distinct value of its list column, as
// __item: a breakdown by a list is aggregated apart, like segments.
func (q *query) itemRows(from, list string) string {
	return q.dialect().DistinctItems(from, list)
}

// segmentRows gives each row once per segment of its customer, as __segment.
func segmentRows(d dialect.Dialect, from string) string {
	return "(SELECT * FROM " + from + ")" + d.Alias("segmented") + "\nJOIN memberships USING (" + colCustomer + ")"
}

// grouped is a breakdown as a grouping groups by it: its name and its
// columns, more than one for a cross.
type grouped struct {
	name string
	cols []string
}

// grouping is one GROUP BY GROUPING SETS: each key set of bases, alone
// (with totals) and with each breakdown of dims in turn. The breakdown a
// row is grouped by, and its value, are normalized into __by and __key;
// the key of a cross is the JSON list of its values.
type grouping struct {
	bases  [][]string
	dims   []grouped
	totals bool
}

// sql selects the columns before, __by, __key and the columns after.
func (g grouping) sql(engine dialect.Dialect, from string, before, after []string) string {
	var sets, by, key []string
	for _, base := range g.bases {
		if g.totals {
			sets = append(sets, "("+strings.Join(base, ", ")+")")
		}
		for _, d := range g.dims {
			sets = append(sets, "("+strings.Join(concat(base, d.cols), ", ")+")")
		}
	}
	// A cross's set groups by the columns of the breakdowns it crosses
	// too, and a longer cross by those of a shorter: the longest first.
	dims := slices.Clone(g.dims)
	slices.SortStableFunc(dims, func(a, b grouped) int { return len(b.cols) - len(a.cols) })
	for _, d := range dims {
		var grouped, values []string
		for _, c := range d.cols {
			grouped = append(grouped, fmt.Sprintf("GROUPING(%s) = 0", c))
			values = append(values, fmt.Sprintf("CAST(%s AS VARCHAR)", c))
		}
		when := "WHEN " + strings.Join(grouped, " AND ")
		by = append(by, when+" THEN "+sqlString(d.name))
		if len(values) == 1 {
			key = append(key, when+" THEN "+values[0])
		} else {
			key = append(key, when+" THEN "+engine.JSONTextList(strings.Join(values, ", ")))
		}
	}
	cols := concat(before, []string{caseOf(by) + " AS __by", caseOf(key) + " AS __key"}, after)
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from +
		"\nGROUP BY GROUPING SETS (\n    " + strings.Join(sets, ",\n    ") + "\n)"
}

// cellGrain is the step of one grain's cells.
type cellGrain struct {
	step  string
	grain formula.Grain
}

// cells lines the aggregates of every grain up, one row per cell.
func (q *query) cells(grains []cellGrain) string {
	keys := []string{"__scope", "__by", "__key", colPeriod}
	cols, names := slices.Clone(keys), slices.Clone(keys)
	for _, m := range q.p.Measures {
		names = append(names, m.Name)
		if m.Empty != "" {
			// A cell that only other grains have holds no row of this one.
			cols = append(cols, fmt.Sprintf("coalesce(max(%s), %s) AS %[1]s", m.Name, m.Empty))
		} else {
			cols = append(cols, fmt.Sprintf("max(%s) AS %[1]s", m.Name))
		}
	}
	parts := make([]dialect.Part, len(grains))
	for i, g := range grains {
		parts[i] = dialect.Part{Table: g.step, Columns: slices.Clone(keys)}
		for _, m := range q.p.Measures {
			if m.Grain == g.grain {
				parts[i].Columns = append(parts[i].Columns, m.Name)
			}
		}
	}
	return "SELECT " + strings.Join(cols, ", ") +
		"\nFROM (\n    " + q.dialect().UnionByName(parts, names) + "\n)" + q.dialect().Alias("grains") +
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

package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
)

// This file writes the first half of an attribution query: the journeys.
// Every step is a window over the rows of one customer (or one journey) in
// one scope; DuckDB sorts once per step.
//
//	events    the touches (with their key) and the conversions (with their value) of each scope
//	journeys  each touch with the journey it belongs to: it ends at the first conversion at or
//	          after it (a touch at the instant of a conversion counts for it; of conversions at
//	          one instant, the one of the smallest value), or, after a customer's last
//	          conversion, at his last touch, a journey without conversion; touches outside the
//	          lookback are dropped
//	pruned…   the path rules, one step each: removed keys, trailing keys, the path transform,
//	          the last steps
//	steps     each step with its position in its path and the path's length (materialized)

// journeyWindows writes the partitions of a group's windows. A group of one
// scope leaves the scope out: sorting on a constant costs time (a fifth of
// the journeys' window at 1M touchpoints). Touches at one instant are in
// the order of their keys, byte by byte as DuckDB sorts text, whatever a
// server's collation.
type journeyWindows struct {
	byScope bool
	key     string // the key as the windows sort it
}

// windowsOf gives the partitions of the group's windows on an engine.
func windowsOf(g *JourneyGroup, d dialect.Dialect) journeyWindows {
	return journeyWindows{byScope: len(g.Scopes) > 1, key: d.Bytewise("__key")}
}

// partition is a PARTITION BY clause of the columns, after the scope.
func (w journeyWindows) partition(columns string) string {
	if w.byScope {
		return "PARTITION BY __scope, " + columns
	}
	return "PARTITION BY " + columns
}

// customer is the window of one customer's touches and conversions.
func (w journeyWindows) customer() string { return w.partition(colCustomer) }

// journey is the window of one journey's touches.
func (w journeyWindows) journey() string { return w.partition(colCustomer + ", __journey") }

// path is the window of one journey's touches in the path's order, ties
// in time broken by key.
func (w journeyWindows) path() string { return w.journey() + " ORDER BY " + colTime + ", " + w.key }

// journeyQuery writes the query of a group of attributions: the journeys
// with every model's credit, and the conversions' totals, one more part of
// its union. The events have these two readers, and each reads them where
// it stands, as do the facts before them: held in memory for both, they
// made a run's peak memory 1.52 GB at 10M touchpoints instead of 0.99 GB,
// and took no less time (the totals' reader keeps only the conversions).
func (c *Compiled) journeyQuery(g *JourneyGroup, name string) string {
	a := g.Attributions[0] // the group's attributions share all of this
	if g.summary() {
		return c.summaryQuery(g, name)
	}
	q := &query{c: c, p: &Plan{Name: name, Scopes: g.Scopes, Breakdowns: c.breakdownsFor(g)}, asOf: c.Session.Project.Settings.AsOf,
		inlined: []string{"facts", "scoped", "events"}}
	q.addScopedFacts()
	q.add("events", "the touches and the conversions of each scope", q.events(a))
	totals := dialect.Select{SQL: "SELECT 'total' AS __kind, __scope, __segment, count(*) AS __conversions, sum(__value) AS __value\nFROM " +
		q.fanOut("events", "__conversion") + "\nGROUP BY __scope, __segment", Columns: totalsColumns}
	sql, columns := q.journeys(g, !a.Def.SpendWindow.IsZero())
	q.add("journeys", "each touch with its journey: up to the first conversion at or after it, or the customer's last touch", sql)
	return q.creditQuery(g, name, columns, totals)
}

// totalsColumns are the columns of a group's totals: per scope and
// segment, every conversion, with a touch or not, and their value.
var totalsColumns = []string{"__kind", "__scope", "__segment", "__conversions", "__value"}

// addPathSteps adds to the journeys, whose columns are given, the path
// rules and the steps.
func (q *query) addPathSteps(g *JourneyGroup, columns []string) {
	from := "journeys"
	for _, p := range pathRules(g.Attributions[0].Def, windowsOf(g, q.dialect())) {
		var sql string
		sql, columns = p.sql(q.dialect(), from, columns)
		q.add(p.name, p.comment, sql)
		from = p.name
	}
	q.addSteps(g, from)
}

// creditQuery adds to the journeys, whose columns are given, the path
// rules and the steps, and writes the query of a group's credits and its
// totals.
func (q *query) creditQuery(g *JourneyGroup, name string, columns []string, totals dialect.Select) string {
	q.addPathSteps(g, columns)
	union, all := q.outputs(g, totals)
	outputs := q.scopesNamed(union, all) // outputs adds a step: first
	return fmt.Sprintf("-- omni %s\nWITH\n%s\n%s\n", name, strings.Join(q.ctes, ",\n"), outputs)
}

// fanOut gives the rows of from that meet the condition where ("": all)
// with their segment: '*' for every customer, and, split by segment, each
// segment of the customer's.
func (q *query) fanOut(from, where string) string {
	filter := ""
	if where != "" {
		filter = " WHERE " + where
	}
	d := q.dialect()
	rows := "SELECT *, '*' AS __segment FROM " + from + filter
	if q.hasMemberships() {
		rows += "\n    " + d.UnionAllSame() + "\n    SELECT " + d.JoinedAll(from, "memberships.__segment") + " FROM " + from + " JOIN memberships USING (" + colCustomer + ")" + filter
	}
	return "(\n    " + rows + "\n)" + d.Alias("fanned")
}

// breakdownsFor gives the segments to the facts when the group is split by them.
func (c *Compiled) breakdownsFor(g *JourneyGroup) []*Breakdown {
	if !g.BySegment {
		return nil
	}
	return []*Breakdown{{Name: "segment", dim: bySegment}}
}

// events selects the touches, with a key, and the conversions, with a
// value (0 when missing), of each scope, in one scan. Without a touch
// condition, a touch is a row that is not a conversion; with one, a row
// that is both is unnested into a touch and a conversion (which cost
// 0.4 s of CPU at 10M touchpoints, where a filter costs 0.1 s).
func (q *query) events(a *Attribution) string {
	dl := q.dialect()
	d := a.Def
	keyed := a.Key + " IS NOT NULL"
	switch {
	case d.Include != nil:
		keyed += " AND " + a.Key + " IN (" + literals(d.Include) + ")"
	case d.Exclude != nil:
		keyed += " AND " + a.Key + " NOT IN (" + literals(d.Exclude) + ")"
	}
	conversion := "coalesce(" + a.Conversion + ", FALSE)"
	kind, where := dl.Unnest(dl.NonNulls("CASE WHEN "+a.Touch+" AND "+keyed+" THEN FALSE END,\n"+
		"                               CASE WHEN "+conversion+" THEN TRUE END")), ""
	if d.Touch == nil {
		kind, where = conversion, " AND ("+conversion+" OR "+keyed+")"
	}
	return "SELECT __scope, " + colCustomer + ", " + colTime + ", __conversion,\n" +
		"       CASE WHEN NOT __conversion THEN __key END AS __key,\n" +
		"       CASE WHEN __conversion THEN coalesce(CAST(__value AS " + dl.Double() + "), 0) END AS __value\n" +
		"FROM (\n" +
		"    SELECT *, " + a.Key + " AS __key, " + a.Value + " AS __value,\n" +
		"           " + kind + " AS __conversion\n" +
		"    FROM scoped\n" +
		"    WHERE __scope IS NOT NULL AND " + colCustomer + " IS NOT NULL" + where + "\n" +
		")" + dl.Alias("events")
}

// eventColumns are the columns of the events.
var eventColumns = []string{"__scope", colCustomer, colTime, "__conversion", "__key", "__value"}

// journeys numbers each customer's journeys: a touch belongs to the one
// ended by the next conversion (touches sort before conversions at the
// same instant, and those by value: the smallest value ends the journey,
// the others at that instant have no touch; touches need no order among
// themselves, which a sort by key would cost); after the last conversion,
// to a journey without conversion that ends at the customer's last touch —
// or, with after_last_conversion = "drop", to none, for a customer who
// converted. Only the touches less than the lookback (or at most
// lookback_days calendar days) before their journey's end stay. A
// converting journey's conversion time, __converted_at, stays when asked,
// and its end, __end, when a time-decay model of the group decays from
// it. It gives the SQL and its columns.
func (q *query) journeys(g *JourneyGroup, conversionTime bool) (string, []string) {
	d, w, dl := g.Attributions[0].Def, windowsOf(g, q.dialect()), q.dialect()
	ordered := w.customer() + " ORDER BY " + colTime + ", __conversion, __value"
	following := ordered + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING"
	keep := "NOT __conversion"
	end := "coalesce(__converted_at, __last_touch)"
	switch {
	case !d.Lookback.IsZero():
		keep += fmt.Sprintf(" AND %s > %s - %s", colTime, end, dl.Seconds(int64(d.Lookback.Value.Seconds())))
	case d.LookbackDays >= 0:
		keep += fmt.Sprintf(" AND %s <= %d", dl.DaysBetween("CAST("+colTime+" AS DATE)", "CAST("+end+" AS DATE)"), d.LookbackDays)
	}
	if d.AfterLastConversion.Value == "drop" {
		keep += " AND (__converted_at IS NOT NULL OR __journey = 0)"
	}
	all := append(slices.Clone(eventColumns), "__journey", "__converted_at", "__journey_value", "__last_touch")
	dropped := []string{"__conversion", "__value", "__converted_at", "__last_touch"}
	if conversionTime {
		dropped = []string{"__conversion", "__value", "__last_touch"}
	}
	kept := without(all, dropped)
	converting := "__converted_at IS NOT NULL AS __converting"
	kept = append(kept, "__converting")
	if g.decaysFromEnd() {
		converting += ", " + end + " AS __end"
		kept = append(kept, "__end")
	}
	return "SELECT " + dl.Exclude(all, dropped) + ",\n" +
		"       " + converting + "\n" +
		"FROM (\n" +
		"    SELECT *,\n" +
		"           count(*) FILTER (WHERE __conversion) OVER (" + ordered + " ROWS UNBOUNDED PRECEDING) AS __journey,\n" +
		"           " + dl.NextTime(colTime, "__conversion", following) + " AS __converted_at,\n" +
		"           " + dl.FirstNonNull("__value", following) + " AS __journey_value,\n" +
		"           max(" + colTime + ") OVER (" + w.customer() + ") AS __last_touch\n" +
		"    FROM events\n" +
		")" + dl.Alias("numbered") + "\nWHERE " + keep, kept
}

// pathRule is one step of the path rules: window columns computed over the
// journeys, and the condition the touches that stay meet.
type pathRule struct {
	name, comment string
	columns       []string // "expression AS __name"
	keep          string
	drop          []string // helper columns dropped afterwards
}

// sql writes the rule over from, whose columns are given, and gives the
// columns of its rows.
func (p pathRule) sql(d dialect.Dialect, from string, columns []string) (string, []string) {
	all := slices.Clone(columns)
	for _, c := range p.columns {
		all = append(all, c[strings.LastIndex(c, " AS ")+len(" AS "):])
	}
	kept := without(all, p.drop)
	return fmt.Sprintf("SELECT %s\nFROM (\n    SELECT *,\n           %s\n    FROM %s\n)%s\nWHERE %s",
		d.Exclude(all, p.drop), strings.Join(p.columns, ",\n           "), from, d.Alias("ruled"), p.keep), kept
}

// pathRules lists the block's path rules in the order they apply: removed
// keys, trailing keys, the transform, the last steps.
func pathRules(d *dsl.Attribution, w journeyWindows) []pathRule {
	var rules []pathRule
	if d.Remove != nil {
		others := "count(*) FILTER (WHERE __key NOT IN (" + literals(d.Remove) + ")) OVER (" + w.journey() + ")"
		rules = append(rules, pathRule{"pruned", "removed keys: gone, unless the path is all them",
			[]string{others + " AS __others"}, "__key NOT IN (" + literals(d.Remove) + ") OR __others = 0", []string{"__others"}})
	}
	if d.Trailing != nil {
		notTrailing := "count(*) FILTER (WHERE __key NOT IN (" + literals(d.Trailing) + ")) OVER "
		rules = append(rules, pathRule{"trimmed", "trailing keys: gone from the end of the path, unless the path is all them",
			[]string{notTrailing + "(" + w.journey() + ") AS __others",
				notTrailing + "(" + w.path() + " ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS __others_after"},
			"__key NOT IN (" + literals(d.Trailing) + ") OR __others = 0 OR __others_after > 0", []string{"__others", "__others_after"}})
	}
	switch pathTransform(d) {
	case "exposure":
		rules = append(rules, pathRule{"collapsed", "exposure: consecutive repeats of a key collapsed into the first",
			[]string{"lag(__key) OVER (" + w.path() + ") AS __previous"}, "__previous IS DISTINCT FROM __key", []string{"__previous"}})
	case "first", "frequency":
		byKey := w.partition(colCustomer + ", __journey, __key")
		cols := []string{"row_number() OVER (" + byKey + " ORDER BY __time) AS __occurrence"}
		if pathTransform(d) == "frequency" {
			cols = append(cols, "count(*) OVER ("+byKey+") AS __repeats")
		}
		rules = append(rules, pathRule{"firsts", "each key's first touch in the path", cols, "__occurrence = 1", []string{"__occurrence"}})
	}
	if d.LookbackSteps > 0 {
		rules = append(rules, pathRule{"last_steps", "the last steps of each path",
			[]string{"row_number() OVER (" + w.journey() + " ORDER BY __time DESC, " + w.key + " DESC) AS __from_end"},
			"__from_end <= " + strconv.Itoa(d.LookbackSteps), []string{"__from_end"}})
	}
	return rules
}

// without is the columns but those dropped, in order.
func without(columns, dropped []string) []string {
	return slices.DeleteFunc(slices.Clone(columns), func(c string) bool { return slices.Contains(dropped, c) })
}

// literals writes a list of texts as escaped SQL literals.
func literals(texts []dsl.Text) string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = sqlString(t.Value)
	}
	return strings.Join(out, ", ")
}

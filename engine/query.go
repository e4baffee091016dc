package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// query writes the SQL of a scorecard: one statement whose common table
// expressions each do one step, so that every grain is aggregated in a
// single scan with grouping sets.
//
//	reference_date   the day after the last touchpoint's, for as_of = "data"
//	memberships      one row per customer and segment on attributes he is in
//	facts            touchpoints with customer attributes, lookup columns, channel metadata, period
//	touch_history    facts with the windows of had_before(…), if used
//	cohorts, cohort_facts  each customer's cohorts, joined to the facts, if a breakdown names one
//	scoped           facts fanned out to the scopes (whole data, campaigns) they fall in
//	touchpoint_cells aggregates of touchpoints per scope, breakdown and period
//	customer_aggregates the traits' aggregates per scope, customer and period
//	customer_days, customer_history  the aggregates of traits that look back, per day, then up to each row's end, if used
//	traits_N         the traits, a step per depth of the traits they name
//	trait_memberships one row per scope, customer, period and segment on traits he is in, if used
//	customer_periods one row per scope, customer and period, with the traits
//	customer_retention customer_periods with the windows of retained_customers(…), if used
//	customer_cells   aggregates of customers per scope, breakdown and period
//	base_periods     every customer of the base per scope and period, with the traits
//	base_cells       aggregates of the customer base per scope, breakdown and period
//	spend_cells      aggregates of spend per scope, channel and period
//	budget_cells     aggregates of the campaigns' budgets per scope and channel
//	cells            all of them joined on their keys; the KPIs are computed from them
//	cell_calendar    every cell in every period of its scope, if a KPI compares periods
//	named_kpis_N     the KPIs that others name, and those that compare periods, a step per depth
func (c *Compiled) query(p *Plan) string {
	q := &query{c: c, p: p, asOf: c.Session.Project.Settings.AsOf, customerRows: "customer_periods"}
	q.addScopedFacts()
	var cells []cellGrain
	customerPeriods := p.HasGrain(formula.Customers) || p.HasGrain(formula.Base)
	if q.hasTraitMemberships() { // before the touchpoints' cells, which read them
		q.addCustomerPeriods(p.HasGrain(formula.Base))
		customerPeriods = false
	}
	if p.HasGrain(formula.Touchpoints) {
		q.add("touchpoint_cells", "aggregates over touchpoints", q.touchpointCells())
		cells = append(cells, cellGrain{"touchpoint_cells", formula.Touchpoints})
	}
	if customerPeriods {
		q.addCustomerPeriods(p.HasGrain(formula.Base))
	}
	if p.HasGrain(formula.Customers) {
		q.add("customer_cells", "aggregates over customers", q.customerCells())
		cells = append(cells, cellGrain{"customer_cells", formula.Customers})
	}
	if p.HasGrain(formula.Base) {
		q.add("base_periods", "every customer of the base once per scope and period that has touchpoints, with his traits there", q.basePeriods())
		q.add("base_cells", "aggregates over the customer base", q.cellsOf(formula.Base, "base_periods", "base_periods", false))
		cells = append(cells, cellGrain{"base_cells", formula.Base})
	}
	if p.HasGrain(formula.Spend) {
		q.add("spend_rows", "spend with its channel metadata and period", q.spendRows())
		q.add("spend_scoped", "each spend row once per scope it falls in", q.scoped("spend_rows", false))
		q.add("spend_cells", "aggregates over spend", q.spendCells())
		cells = append(cells, cellGrain{"spend_cells", formula.Spend})
	}
	if p.HasGrain(formula.Budget) {
		q.add("budget_rows", "the budgets of the scopes' campaigns, per channel, with its metadata", q.budgetRows())
		q.add("budget_cells", "aggregates over budgets", q.cellsOf(formula.Budget, "budget_rows", "", false))
		cells = append(cells, cellGrain{"budget_cells", formula.Budget})
	}
	q.add("cells", "the aggregates of every grain, side by side per cell", q.cells(cells))
	from := "cells"
	if q.calendared = p.windowed(); q.calendared {
		q.add("cell_calendar", "every cell in every period of its scope, those without rows with the aggregates over no row, for the KPIs of other periods", q.calendar())
		from = "cell_calendar"
	}
	q.from, q.computed = q.addKPISteps(from)
	return q.String()
}

// query accumulates the common table expressions of a scorecard's SQL.
type query struct {
	c    *Compiled
	p    *Plan
	ctes []string
	// from is the step the KPIs are selected from, where the KPIs that
	// others name are computed already.
	from     string
	computed map[*unit]bool
	// asOf is the reference date: the facts end that day. Zero: the data's
	// end.
	asOf dsl.AsOf
	// calendared: the KPIs are computed over cell_calendar, whose rows
	// the cells do not have are left out at the end.
	calendared bool
	// inlined names the steps computed where they are read, however many
	// readers they have, rather than held in memory.
	inlined []string
	// customerRows are the customers' rows that customer_cells aggregate;
	// customerColumns their columns.
	customerRows    string
	customerColumns []string
}

// addScopedFacts adds the steps that every query starts with: the facts,
// fanned out to the plan's scopes.
func (q *query) addScopedFacts() {
	q.addFacts()
	facts := "facts"
	if before := q.c.history.used("before", q.p.Measures); len(before) > 0 {
		q.add("touch_history", "whether each touchpoint's customer had earlier touchpoints meeting conditions", "SELECT *,\n       "+strings.Join(before, ",\n       ")+"\nFROM facts")
		facts = "touch_history"
	}
	if cohorts := q.p.cohorts(); len(cohorts) > 0 {
		facts = q.addCohorts(facts, cohorts)
	}
	q.add("scoped", "each touchpoint once per scope it falls in, numbered: 0 is the whole data", q.scoped(facts, true))
}

// addFacts adds the touchpoints with their customer's attributes and
// channel metadata, and, split by segment, the segments of each customer.
func (q *query) addFacts() {
	if q.asOf.Data {
		q.add("reference_date", "the end of the reference date: the midnight after the last touchpoint's day (as_of = \"data\")", q.c.lastDayEnd())
	}
	if q.c.Session.Schema.Touchpoints.Source.Channel.Value != "" && len(q.c.Session.Project.Channels) > 0 {
		q.add("channels", "channel metadata from the channel blocks", q.channels())
	}
	if q.c.Session.Schema.Customers != nil {
		q.add("customers", "customer attributes", q.customers())
	}
	if q.hasMemberships() {
		q.add("memberships", "each customer once per segment he is in", q.memberships())
	}
	q.add("facts", "touchpoints with their customer's attributes, channel metadata and period", q.facts())
}

// dialect writes the constructs in which the engines' SQL differs.
func (q *query) dialect() dialect.Dialect { return q.c.Session.Dialect }

func (q *query) add(name, comment, body string) {
	if slices.Contains(q.inlined, name) {
		q.addHinted(name, "NOT MATERIALIZED", comment, body)
		return
	}
	q.ctes = append(q.ctes, fmt.Sprintf("-- %s\n%s AS (\n%s\n)", comment, name, indent(body)))
}

// addComputedOnce adds a step that the engine computes once rather than
// inline where it is read (see dialect.Materialized).
func (q *query) addComputedOnce(name, comment, body string) {
	q.ctes = append(q.ctes, fmt.Sprintf("-- %s\n%s AS %s(\n%s\n)", comment, name, q.dialect().Materialized(), indent(body)))
}

func (q *query) String() string {
	var kpis []string
	for _, k := range q.p.KPIs {
		value := orNull(k.sql)
		if q.computed[&k.unit] {
			value = k.column
		}
		kpis = append(kpis, fmt.Sprintf("CAST(%s AS %s) AS %s", value, q.dialect().Double(), formula.QuoteIdent(k.Def.Name)))
	}
	from := q.from
	if q.calendared {
		from += "\nWHERE __present"
	}
	return fmt.Sprintf("-- omni scorecard %q\nWITH\n%s\nSELECT %s AS __scope, __by, __key, __period,\n%s\nFROM %s\n%s\n",
		q.p.Name, strings.Join(q.ctes, ",\n"), q.scopeName(), indent(strings.Join(kpis, ",\n")), from, q.dialect().OrderByAll(4+len(kpis)))
}

func (q *query) channels() string {
	var rows []string
	for _, ch := range q.c.Session.Project.Channels {
		media := "NULL"
		if ch.Media.Value != "" {
			media = sqlString(ch.Media.Value)
		}
		rows = append(rows, fmt.Sprintf("(%s, %s, %s, %v)", sqlString(ch.Name), sqlString(cmp.Or(ch.Label.Value, ch.Name)), media, strings.ToUpper(fmt.Sprint(ch.Online))))
	}
	return "SELECT * FROM (VALUES\n" + indent(strings.Join(rows, ",\n")) + "\n) AS channels(name, channel_label, media, online)"
}

func (q *query) customers() string {
	src := q.c.Session.Schema.Customers
	cols := []string{columnSQL(src.Source.Key.Value) + " AS " + colCustomer}
	for _, a := range q.attributes() {
		cols = append(cols, widened("", a))
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + src.View
}

// hasMemberships says whether the query splits by segment, which needs the
// customers' segments on attributes: without a customers source, no
// customer is in any.
func (q *query) hasMemberships() bool {
	return q.c.Session.Schema.Customers != nil && q.p.splitsBySegment() && len(q.c.attributeSegments()) > 0
}

// hasTraitMemberships says whether the query splits by segment and a
// segment reads traits, which needs the customers' segments per period.
func (q *query) hasTraitMemberships() bool {
	return q.p.splitsBySegment() && slices.ContainsFunc(q.c.Segments, (*Segment).readsTraits)
}

// memberships lists the customers with each segment they are in, one row
// each: a join table, so that the touchpoints need not carry segments.
func (q *query) memberships() string {
	src := q.c.Session.Schema.Customers
	var items []string
	for _, s := range q.c.Segments {
		if !s.readsTraits() {
			items = append(items, fmt.Sprintf("CASE WHEN %s THEN %s END", s.SQL, sqlString(s.Def.Name)))
		}
	}
	return "SELECT " + colCustomer + ", __segment\nFROM (\n    SELECT " + columnSQL(src.Source.Key.Value) + " AS " + colCustomer +
		",\n           " + q.dialect().Unnest(q.dialect().List(strings.Join(items, ",\n                   "))) + " AS __segment\n    FROM " + src.View +
		"\n)" + q.dialect().Alias("segmented") + "\nWHERE __segment IS NOT NULL"
}

// attributes are the customer attributes that formulas and breakdowns use.
func (q *query) attributes() []Column {
	var out []Column
	for _, a := range attributes(q.c.Session.Schema) {
		if s := q.c.symbols[a.Name]; s != nil && s.Level == formula.CustomerLevel && q.c.used[a.Name] {
			out = append(out, a)
		}
	}
	return out
}

func (q *query) facts() string {
	schema := q.c.Session.Schema
	src := schema.Touchpoints.Source
	var cols []string
	for _, col := range schema.Touchpoints.Columns {
		// Only the columns formulas and breakdowns use: the steps after
		// carry every column through, some materialized.
		if s := q.c.symbols[col.Name]; q.c.used[col.Name] && s.SQL == columnSQL(col.Name) {
			cols = append(cols, widened("t", col))
		}
	}
	from := schema.Touchpoints.View + " AS t"
	if schema.Customers != nil {
		for _, a := range q.attributes() {
			cols = append(cols, "c."+columnSQL(a.Name))
		}
		from += "\nLEFT JOIN customers AS c ON c." + colCustomer + " = t." + columnSQL(src.Customer.Value)
	}
	lookupCols, lookupJoins := q.lookups()
	cols, from = append(cols, lookupCols...), from+lookupJoins
	if src.Channel.Value != "" {
		cols = append(cols, "t."+columnSQL(src.Channel.Value)+" AS "+colChannel)
		cols = append(cols, q.channelMetadata("t")...)
		if len(q.c.Session.Project.Channels) > 0 {
			from += "\nLEFT JOIN channels AS ch ON ch.name = t." + columnSQL(src.Channel.Value)
		}
	}
	time := q.time(schema.Touchpoints, "t")
	cols = append(cols,
		"t."+columnSQL(src.Customer.Value)+" AS "+colCustomer,
		time+" AS "+colTime,
		q.period(time)+" AS "+colPeriod)
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + from + "\nWHERE " + time + " IS NOT NULL" + q.untilAsOf(time)
}

// untilAsOf is the condition that keeps the rows up to the reference date,
// if any, after a WHERE.
func (q *query) untilAsOf(time string) string {
	if q.asOf.IsZero() {
		return ""
	}
	return " AND " + time + " < " + q.asOfEnd()
}

// asOfEnd is the SQL of the midnight that ends the reference date: the day
// after the date written, or, with as_of = "data", the day after the last
// touchpoint's day, read from the query's first step.
func (q *query) asOfEnd() string {
	if q.asOf.Data {
		return "(SELECT __end FROM reference_date)"
	}
	return dayAfter(q.asOf.Date)
}

// dayAfter is the SQL of the midnight that ends a day.
func dayAfter(d dsl.Date) string {
	return timestamp(dsl.Date{Value: d.Value.AddDate(0, 0, 1)})
}

// endOf is the SQL of the end of a day, or of the reference date if it
// comes first.
func (q *query) endOf(d dsl.Date) string {
	switch {
	case q.asOf.Data:
		return q.capped(dayAfter(d))
	case !q.asOf.IsZero() && q.asOf.Value.Before(d.Value):
		d = q.asOf.Date
	}
	return dayAfter(d)
}

// capped is the SQL of the end of a period, at most the day after the
// reference date.
func (q *query) capped(end string) string {
	if q.asOf.IsZero() {
		return end
	}
	return "least(" + end + ", " + q.asOfEnd() + ")"
}

// channelMetadata selects the metadata columns that no data column hides.
func (q *query) channelMetadata(data string) []string {
	var cols []string
	for _, m := range channelMetadata {
		if s := q.c.symbols[m.name]; s == nil || !q.c.used[m.name] || s.SQL != formula.QuoteIdent(m.name) || q.c.Session.Schema.Touchpoints.Column(m.name) != nil {
			continue
		}
		if len(q.c.Session.Project.Channels) > 0 {
			cols = append(cols, "ch."+m.name)
		} else {
			cols = append(cols, "NULL AS "+m.name)
		}
	}
	return cols
}

// time is the SQL of a source's time as a local timestamp of the project's
// time zone.
func (q *query) time(t *Table, alias string) string {
	return timeOf(t, alias, q.c.Session.Project.Settings.Timezone.Value)
}

// timeOf is the SQL of a table's time as a TIMESTAMP: one with a zone is
// read in the project's time zone.
func timeOf(t *Table, alias, zone string) string {
	col := t.Column(t.Source.Time.Value)
	ref := alias + "." + columnSQL(col.Name)
	if strings.HasPrefix(strings.ToUpper(col.SQLType), "TIMESTAMP WITH TIME ZONE") {
		return fmt.Sprintf("timezone(%s, %s)", sqlString(zone), ref)
	}
	return "CAST(" + ref + " AS TIMESTAMP)"
}

func (q *query) period(time string) string {
	return fmt.Sprintf("CAST(date_trunc(%s, %s) AS DATE)", sqlString(q.c.Session.Project.Settings.Grain.Value), time)
}

// scoped fans rows out to the scopes of the plan, which it numbers from 0
// in the plan's order (a number sorts and groups faster than a name, and
// every step partitions by scope): the whole data, and each campaign whose
// window (and, for touchpoints, filter) they meet. scopeName names them
// back in a query's last step.
func (q *query) scoped(from string, applyWhere bool) string {
	var items []string
	for i, s := range q.p.Scopes {
		if s == nil {
			items = append(items, strconv.Itoa(i))
			continue
		}
		cond := fmt.Sprintf("%s >= %s AND %s < %s", colTime, timestamp(s.Def.Start), colTime, dayAfter(s.Def.End))
		if applyWhere && s.Where != "" {
			cond += " AND (" + s.Where + ")"
		}
		items = append(items, fmt.Sprintf("CASE WHEN %s THEN %d END", cond, i))
	}
	scope := q.dialect().Unnest(q.dialect().List(strings.Join(items, ",\n                 ")))
	if len(items) == 1 {
		// No fan-out: unnesting lists of one took 0.15 s of CPU at 10M
		// touchpoints, beside the Parquet scan's 0.5 s.
		scope = items[0]
	}
	return "SELECT *, " + scope + " AS __scope\nFROM " + from
}

// scopesNamed selects the rows of a query with the names of their scopes;
// columns lists the query's.
func (q *query) scopesNamed(sql string, columns []string) string {
	return "SELECT " + q.dialect().Replace(columns, "__scope", q.scopeName()) + "\nFROM (\n" + indent(sql) + "\n)" + q.dialect().Alias("named")
}

// scopeName is the SQL of the name of the scope numbered __scope: '*' for
// the whole data, else the campaign's.
func (q *query) scopeName() string {
	var names []string
	for _, s := range q.p.Scopes {
		if s == nil {
			names = append(names, "'*'")
		} else {
			names = append(names, sqlString(s.Def.Name))
		}
	}
	return q.dialect().Index(q.dialect().List(strings.Join(names, ", ")), "__scope + 1")
}

// narrowIntegers are the integer types narrower than BIGINT, in which
// DuckDB's arithmetic would overflow where expr's 64-bit integers do not.
var narrowIntegers = map[string]bool{
	"TINYINT": true, "SMALLINT": true, "INTEGER": true, "UTINYINT": true, "USMALLINT": true, "UINTEGER": true,
}

// widened selects a source column, as a BIGINT if it is a narrower integer.
func widened(alias string, col Column) string {
	ref := columnSQL(col.Name)
	if alias != "" {
		ref = alias + "." + ref
	}
	if narrowIntegers[col.SQLType] {
		return "CAST(" + ref + " AS BIGINT) AS " + columnSQL(col.Name)
	}
	return ref
}

func timestamp(d dsl.Date) string { return "TIMESTAMP '" + d.String() + "'" }

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func orNull(sql string) string {
	if sql == "" {
		return "NULL"
	}
	return sql
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

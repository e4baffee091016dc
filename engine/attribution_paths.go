package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
)

// This file reads a path summary into the journeys of an attribution: each
// row of the summary, a path with its conversions and non-conversions,
// stands for that many journeys without being expanded into them. A row
// becomes two weighted journeys, one converting and one not, whose steps
// are numbered from the first key; the path rules and every model then run
// on them as on the touchpoints' journeys, each aggregate weighing a
// journey by __weight (see JourneyGroup.journeyCount).

// compilePathAttribution compiles an attribution of a path summary; nil
// when the summary is not bound (reported by dsl or at binding).
func (c *Compiled) compilePathAttribution(def *dsl.Attribution) *Attribution {
	t := c.Session.Schema.PathSummary(c.Session.Project.PathSummary(def))
	if t == nil {
		return nil
	}
	a := &Attribution{Def: def, Value: "1", KeyName: "channel", paths: t}
	a.spendColumn = c.spendColumnOf(a.KeyName)
	return a
}

// pathSummaryName names the path summary the attribution reads; "" for
// the touchpoints.
func (a *Attribution) pathSummaryName() string {
	if a.paths == nil {
		return ""
	}
	return a.paths.Source.Name
}

// summaryQuery writes the query of a group that reads a path summary:
// its credits, and its totals, every conversion of the summary, those of
// paths left without a key too.
func (c *Compiled) summaryQuery(g *JourneyGroup, name string) string {
	a := g.Attributions[0]
	q := &query{c: c, p: &Plan{Name: name, Scopes: g.Scopes}}
	q.add("summary", "each path of the summary, its keys, conversions, non-conversions and value", summaryRows(c.Session.Dialect, a.paths))
	q.add("journeys", "each key of each path, in two journeys: the path's conversions and its non-conversions", summaryJourneys(c.Session.Dialect, a.Def))
	totals := dialect.Select{SQL: "SELECT 'total' AS __kind, 0 AS __scope, '*' AS __segment, sum(__conversions) AS __conversions, sum(__value) AS __value\nFROM summary",
		Columns: totalsColumns}
	return q.creditQuery(g, name, summaryJourneyColumns, totals)
}

// summaryRows reads a summary's rows: its paths split at the separator,
// counts missing read as 0, and the value, when the summary has none, 1
// per conversion.
func summaryRows(d dialect.Dialect, t *Table) string {
	p := t.Source.Paths
	count := func(col string) string { return "coalesce(CAST(" + columnSQL(col) + " AS " + d.Double() + "), 0)" }
	conversions, nonConversions := count(p.Conversions.Value), "0"
	value := conversions
	if p.NonConversions.Value != "" {
		nonConversions = count(p.NonConversions.Value)
	}
	if p.Value.Value != "" {
		value = count(p.Value.Value)
	}
	// Only these columns: a data column may have the name of one of omni's.
	return "SELECT row_number() OVER () AS __row, " + d.Split(columnSQL(p.Column.Value), sqlString(p.SeparatorOrDefault())) + " AS __keys,\n" +
		"       " + conversions + " AS __conversions, " + nonConversions + " AS __non_conversions, " + value + " AS __value\n" +
		"FROM " + t.View + "\n" +
		"WHERE " + columnSQL(p.Column.Value) + " IS NOT NULL"
}

// summaryJourneyColumns are the columns of summaryJourneys.
var summaryJourneyColumns = []string{"__scope", colCustomer, "__journey", "__converting", "__weight", "__journey_value", colTime, "__key"}

// summaryJourneys gives the steps of the summary's journeys in the shape of
// the touchpoints' (journeys): a row's conversions are journey 0 and its
// non-conversions journey 1 of "customer" __row, weighing their counts;
// a step's time is its position. Keys are trimmed; an empty one is no
// touch, nor a key that include or exclude leaves out.
func summaryJourneys(dl dialect.Dialect, d *dsl.Attribution) string {
	keep := "__key <> ''"
	switch {
	case d.Include != nil:
		keep += " AND __key IN (" + literals(d.Include) + ")"
	case d.Exclude != nil:
		keep += " AND __key NOT IN (" + literals(d.Exclude) + ")"
	}
	return "SELECT " + dl.Exclude(append(slices.Clone(summaryJourneyColumns), "__keys"), []string{"__keys"}) + "\n" +
		"FROM (\n" +
		"    SELECT 0 AS __scope, __row AS " + colCustomer + ", __journey, __converting, __weight, __journey_value,\n" +
		"           " + dl.Positions("__keys") + " AS " + colTime + ", trim(" + dl.Unnest("__keys") + ") AS __key, __keys\n" +
		"    FROM (\n" +
		"        SELECT __row, __keys, 0 AS __journey, TRUE AS __converting, __conversions AS __weight, __value AS __journey_value FROM summary WHERE __conversions > 0\n" +
		"        UNION ALL\n" +
		"        SELECT __row, __keys, 1, FALSE, __non_conversions, 0 FROM summary WHERE __non_conversions > 0\n" +
		"    )" + dl.Alias("journeys") + "\n" +
		")" + dl.Alias("steps") + "\nWHERE " + keep
}

// checkSummaryCounts fails on the first row of a path summary whose
// conversions or non-conversions are not a count of journeys: negative, or
// not whole.
func (c *Compiled) checkSummaryCounts(ctx context.Context, t *Table) error {
	p := t.Source.Paths
	for _, col := range []dsl.Text{p.Conversions, p.NonConversions} {
		if col.Value == "" {
			continue
		}
		n := "CAST(" + columnSQL(col.Value) + " AS DOUBLE)"
		var path string
		var count float64
		err := c.Session.db.QueryRowContext(ctx, "SELECT CAST("+columnSQL(p.Column.Value)+" AS VARCHAR), "+n+" FROM "+t.View+
			" WHERE "+n+" < 0 OR "+n+" <> floor("+n+") LIMIT 1").Scan(&path, &count)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return queryError(ctx, "source "+t.Source.Name, err)
		}
		return fmt.Errorf("source %s: the path %s has %s %v: a count of journeys, a whole number 0 or more. Correct %s",
			t.Source.Name, sqlString(path), col.Value, count, t.Source.Path.Value)
	}
	return nil
}

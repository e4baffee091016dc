package engine

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file lists the credit of each conversion under an attribution: for
// every touch of every converting path, its share of the conversion and of
// its value, which the scorecard sums per key. Only a heuristic model of
// the touchpoints has such a credit: a Markov or Shapley credit is the
// whole chain's or game's, and a path summary has no conversions of its
// own.

// PerConversion reports whether the attribution's credit is per
// conversion, which WriteCredits lists.
func (a *Attribution) PerConversion() bool { return a.paths == nil && heuristic(a.Def.Model.Value) }

// creditsHeader are the columns WriteCredits writes.
var creditsHeader = []string{"campaign", "customer", "conversion", "time", "key", "position", "credit", "value"}

// creditsQuery gives one row per step of each converting path of the
// attribution, in every scope of the plan: the customer's conversion (1
// for his first in the scope), its time (as text when asText says so), the
// step's key, its position from the path's first touch, its credit and
// its share of the value.
func (c *Compiled) creditsQuery(p *Plan, a *Attribution, asText bool) string {
	g := &JourneyGroup{Attributions: []*Attribution{a}, Scopes: p.Scopes, heuristics: []*Attribution{a}}
	q := &query{c: c, p: &Plan{Name: p.Name, Scopes: p.Scopes}}
	q.addScopedFacts()
	q.add("events", "the touches and the conversions of each scope", q.events(a))
	journeys, columns := q.journeys(g, true)
	q.add("journeys", "each touch with its journey, and the journey's conversion time", journeys)
	q.addPathSteps(g, columns)
	w, time := weight(q.dialect(), a.Def, 0), "__converted_at"
	if asText {
		time = "CAST(__converted_at AS VARCHAR)"
	}
	steps := q.scopesNamed("SELECT __scope, CAST("+colCustomer+" AS VARCHAR) AS customer, __journey + 1 AS conversion, "+time+" AS time,\n"+
		"       __key AS key, __pos AS position, "+w+" AS credit, ("+w+") * __journey_value AS value\nFROM steps\nWHERE __converting", creditsColumns)
	return "-- omni " + p.Name + ": credits of attribution " + a.Def.Name + "\nWITH\n" + strings.Join(q.ctes, ",\n") + "\n" +
		"SELECT nullif(__scope, '*') AS campaign, " + q.dialect().Exclude(creditsColumns, []string{"__scope"}) + "\nFROM (\n" + indent(steps) + "\n)" +
		q.dialect().Alias("credits") + "\nORDER BY " + q.dialect().Bytewise("nullif(__scope, '*')") + " NULLS FIRST, " + q.dialect().Bytewise("customer") + ", conversion, position\n"
}

// creditsColumns are the columns of the steps of creditsQuery.
var creditsColumns = []string{"__scope", "customer", "conversion", "time", "key", "position", "credit", "value"}

// WriteCredits runs the credits query of an attribution of the plan and
// writes its rows as CSV, with the header creditsHeader; numbers as in the
// JSON, a missing value as an empty cell.
func (c *Compiled) WriteCredits(ctx context.Context, p *Plan, a *Attribution, w io.Writer) error {
	rows, err := c.Session.query(ctx, c.creditsQuery(p, a, true))
	if err != nil {
		return queryError(ctx, "credits of attribution "+a.Def.Name, err)
	}
	defer rows.Close()
	out := csv.NewWriter(w)
	out.Write(creditsHeader)
	var campaign, customer, time, key *string
	var conversion, position int64
	var credit, value *float64
	for rows.Next() {
		if err := rows.Scan(&campaign, &customer, &conversion, &time, &key, &position, &credit, &value); err != nil {
			return err
		}
		out.Write([]string{cell(campaign), cell(customer), strconv.FormatInt(conversion, 10), cell(time), cell(key),
			strconv.FormatInt(position, 10), numberCell(credit), numberCell(value)})
	}
	if err := rows.Err(); err != nil {
		return queryError(ctx, "credits of attribution "+a.Def.Name, err)
	}
	out.Flush()
	return out.Error()
}

// WriteCreditsParquet writes the rows WriteCredits writes as a Parquet
// file instead: the same columns, typed (time a TIMESTAMP, credit and value
// DOUBLE, to the last digit). DuckDB may write only into its temporary
// folder, never into the output folder: it writes the file there, which
// is then copied to w and removed, so that w gets a whole file or an
// error. On a server's engine it is an error: write CSV.
func (c *Compiled) WriteCreditsParquet(ctx context.Context, p *Plan, a *Attribution, w io.Writer) error {
	if c.Session.server != nil {
		return fmt.Errorf("credits of attribution %s: the embedded DuckDB writes Parquet, and the %s engine's queries run on the server: write the credits as CSV", a.Def.Name, c.Session.Dialect.Name())
	}
	var temp string
	if err := c.Session.db.QueryRowContext(ctx, "SELECT current_setting('temp_directory')").Scan(&temp); err != nil {
		return err
	}
	f, err := os.CreateTemp(temp, "credits-*.parquet")
	if err != nil {
		return err
	}
	name := f.Name()
	defer os.Remove(name)
	if err := f.Close(); err != nil {
		return err
	}
	copyTo := "COPY (\n" + c.creditsQuery(p, a, false) + ") TO " + sqlString(name) + " (FORMAT parquet)"
	if _, err := c.Session.db.ExecContext(ctx, copyTo); err != nil {
		return queryError(ctx, "credits of attribution "+a.Def.Name, err)
	}
	if f, err = os.Open(name); err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// cell writes a text, missing as nothing.
func cell(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// numberCell writes a number as the JSON does, missing as nothing.
func numberCell(f *float64) string {
	if f == nil {
		return ""
	}
	return scorecard.Number(*f).String()
}

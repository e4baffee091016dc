package dialect

import (
	"slices"
	"strconv"
	"strings"
)

// The SQL of the scorecards' features on PostgreSQL (see Dialect).

// JSONTextList: to_json writes an array as DuckDB writes a list.
func (postgres) JSONTextList(items string) string {
	return "CAST(to_json(ARRAY[" + items + "]) AS TEXT)"
}

func (postgres) PeriodLabel(date, grain string) string {
	switch grain {
	case "year":
		return "to_char(" + date + ", 'YYYY')"
	case "quarter":
		return "to_char(" + date + ", 'YYYY-\"Q\"Q')"
	case "month":
		return "to_char(" + date + ", 'YYYY-MM')"
	case "week":
		return "to_char(" + date + ", 'IYYY-\"W\"IW')"
	}
	return "to_char(" + date + ", 'YYYY-MM-DD')"
}

// PeriodsBetween counts the periods as DuckDB's datediff does: the
// boundaries crossed, here between two periods' first days.
func (postgres) PeriodsBetween(grain, from, to string) string {
	months := func(d string) string {
		return "(12 * CAST(extract(year FROM " + d + ") AS INTEGER) + CAST(extract(month FROM " + d + ") AS INTEGER))"
	}
	switch grain {
	case "year":
		return "(CAST(extract(year FROM " + to + ") AS INTEGER) - CAST(extract(year FROM " + from + ") AS INTEGER))"
	case "quarter":
		return "((" + months(to) + " - " + months(from) + ") / 3)"
	case "month":
		return "(" + months(to) + " - " + months(from) + ")"
	case "week":
		return "((CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE)) / 7)"
	}
	return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))"
}

// IntegerDivide: a quotient of integers is one, truncated.
func (postgres) IntegerDivide(num, den string) string { return num + " / " + den }

func (postgres) AllBut(string, []string) string { return "" }

// Materialized: PostgreSQL inlines a step read once, and re-ran the one
// row of the traits of a customer without touchpoints, cross joined to
// every customer and period, once per row (pharma's base: 220 s).
func (postgres) Materialized() string { return "MATERIALIZED " }

func (postgres) GroupByAll(n int) string { return "GROUP BY " + ordinals(n) }

// ordinals are the positions 1 to n of a select's columns.
func ordinals(n int) string {
	at := make([]string, n)
	for i := range at {
		at[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(at, ", ")
}

// RolledUp: the union lists the columns of both parts, null where a part
// lacks one (of the other part's type, as PostgreSQL resolves a union's
// untyped nulls); the windows are computed in a subquery, whose rows the
// outer query keeps.
func (postgres) RolledUp(rows, days Part, sorting []string, windows []Window, kept string) string {
	all := slices.Clone(rows.Columns)
	for _, c := range days.Columns {
		if !slices.Contains(all, c) {
			all = append(all, c)
		}
	}
	part := func(p Part, alias string) string {
		cols := make([]string, len(all))
		for i, c := range all {
			cols[i] = c
			if !slices.Contains(p.Columns, c) {
				cols[i] = "NULL AS " + c
			}
		}
		return "SELECT " + strings.Join(cols, ", ") + " FROM (SELECT " + p.Table + ") AS " + alias
	}
	var out, computed []string
	for _, c := range rows.Columns {
		if c != kept && !slices.Contains(sorting, c) {
			out = append(out, c)
		}
	}
	for _, w := range windows {
		computed = append(computed, w.SQL+" AS "+w.Name)
		out = append(out, w.Name)
	}
	return "SELECT " + strings.Join(out, ", ") +
		"\nFROM (\n  SELECT *,\n         " + strings.Join(computed, ",\n         ") +
		"\n  FROM (\n    " + part(rows, "r") + "\n    UNION ALL\n    " + part(days, "d") + "\n  ) AS interleaved\n) AS rolled\nWHERE " + kept
}

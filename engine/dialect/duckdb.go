package dialect

import (
	"strings"
)

// duckDB writes DuckDB's SQL: list literals in brackets, UNION ALL BY
// NAME, ORDER BY ALL, and a division that is a float's.
type duckDB struct{}

func (duckDB) Name() string { return "duckdb" }

func (duckDB) List(items string) string { return "[" + items + "]" }

func (duckDB) Unnest(list string) string { return "unnest(" + list + ")" }

func (duckDB) Index(list, at string) string { return list + "[" + at + "]" }

func (duckDB) Double() string { return "DOUBLE" }

func (duckDB) Divide(num, den string) string { return num + " / nullif(" + den + ", 0)" }

func (duckDB) AnyValue(x string) string { return "any_value(" + x + ")" }

func (duckDB) Alias(string) string { return "" }

func (duckDB) UnionByName(parts []Part, _ []string) string {
	selects := make([]string, len(parts))
	for i, p := range parts {
		selects[i] = "SELECT * FROM " + p.Table
	}
	return strings.Join(selects, "\n    UNION ALL BY NAME ")
}

func (duckDB) DaysBetween(from, to string) string {
	return "date_diff('day', " + from + ", " + to + ")"
}

func (duckDB) Interval(length string) string { return "INTERVAL " + length }

func (duckDB) Days(n string) string { return "INTERVAL (" + n + ") DAY" }

func (duckDB) Series(from, to, step string) string {
	return "unnest(generate_series(" + from + ", " + to + ", " + step + "))"
}

func (duckDB) DistinctItems(from, list string) string {
	return "(SELECT *, unnest(list_distinct(" + list + ")) AS __item FROM " + from + ")"
}

func (duckDB) SameKey(a, b string) string { return a + " IS NOT DISTINCT FROM " + b }

func (duckDB) OrderByAll(int) string { return "ORDER BY ALL" }

func (duckDB) StringTest(test, s, arg string) string { return test + "(" + s + ", " + arg + ")" }

func (duckDB) Quantile(value, fraction string) string {
	if fraction == "" {
		return "median(" + value + ")"
	}
	return "quantile_cont(" + value + ", " + fraction + ")"
}

package dialect

import (
	"slices"
	"strconv"
	"strings"
)

// postgres writes PostgreSQL's SQL (15 and later): arrays, an alias for
// every subquery, explicit unions and orderings, and a division cast to
// a double, which PostgreSQL would otherwise truncate between integers.
type postgres struct{}

func (postgres) Name() string { return "postgres" }

func (postgres) List(items string) string { return "ARRAY[" + items + "]" }

func (postgres) Unnest(list string) string { return "unnest(" + list + ")" }

func (postgres) Index(list, at string) string { return "(" + list + ")[" + at + "]" }

func (postgres) Double() string { return "DOUBLE PRECISION" }

func (postgres) Divide(num, den string) string {
	return "CAST(" + num + " AS DOUBLE PRECISION) / nullif(" + den + ", 0)"
}

// AnyValue: any_value is PostgreSQL 16's; the first of the non-null
// values is one of them on every version.
func (postgres) AnyValue(x string) string {
	return "(array_agg(" + x + ") FILTER (WHERE " + x + " IS NOT NULL))[1]"
}

func (postgres) Alias(name string) string { return " AS " + name }

// UnionByName: a column that a part lacks is null of the type the part
// that has it gives it (a bare NULL in two parts would be text): the
// value of an empty scalar subquery, which PostgreSQL evaluates once.
func (postgres) UnionByName(parts []Part, columns []string) string {
	owner := map[string]string{}
	for _, p := range slices.Backward(parts) {
		for _, c := range p.Columns {
			owner[c] = p.Table
		}
	}
	selects := make([]string, len(parts))
	for i, p := range parts {
		cols := make([]string, len(columns))
		for j, c := range columns {
			switch {
			case slices.Contains(p.Columns, c):
				cols[j] = c
			case owner[c] != "":
				cols[j] = "(SELECT " + c + " FROM " + owner[c] + " LIMIT 0) AS " + c
			default:
				cols[j] = "NULL AS " + c
			}
		}
		selects[i] = "SELECT " + strings.Join(cols, ", ") + " FROM " + p.Table
	}
	return strings.Join(selects, "\n    UNION ALL ")
}

// DaysBetween: the difference of two dates is their days apart.
func (postgres) DaysBetween(from, to string) string {
	return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))"
}

func (postgres) Interval(length string) string { return "INTERVAL '" + length + "'" }

func (postgres) Days(n string) string { return "((" + n + ") * INTERVAL '1 DAY')" }

// Series: of timestamps, whose steps are the calendar's in every time zone.
func (postgres) Series(from, to, step string) string {
	return "generate_series(CAST(" + from + " AS TIMESTAMP), CAST(" + to + " AS TIMESTAMP), " + step + ")"
}

func (postgres) DistinctItems(from, list string) string {
	return "(SELECT * FROM (SELECT * FROM " + from + ") AS listed CROSS JOIN LATERAL (SELECT DISTINCT __item FROM unnest(" + list + ") AS __item WHERE __item IS NOT NULL) AS items) AS items"
}

// SameKey: PostgreSQL hashes no IS NOT DISTINCT FROM, and a nested loop
// over the customers × periods took minutes; an equality of the keys as
// text, their nulls apart, is hashed.
func (postgres) SameKey(a, b string) string {
	return "coalesce(CAST(" + a + " AS TEXT), '') = coalesce(CAST(" + b + " AS TEXT), '') AND (" + a + " IS NULL) = (" + b + " IS NULL)"
}

func (postgres) OrderByAll(n int) string {
	at := make([]string, n)
	for i := range at {
		at[i] = strconv.Itoa(i + 1)
	}
	return "ORDER BY " + strings.Join(at, ", ")
}

// StringTest: PostgreSQL has starts_with only; a regular expression
// matches with ~ (POSIX, a partial match as DuckDB's RE2 does).
func (postgres) StringTest(test, s, arg string) string {
	switch test {
	case "contains":
		return "(strpos(" + s + ", " + arg + ") > 0)"
	case "ends_with":
		return "(right(" + s + ", length(" + arg + ")) = " + arg + ")"
	case "regexp_matches":
		return "(" + s + " ~ " + arg + ")"
	}
	return test + "(" + s + ", " + arg + ")"
}

// Quantile: PostgreSQL's is an ordered-set aggregate.
func (postgres) Quantile(value, fraction string) string {
	if fraction == "" {
		fraction = "0.5"
	}
	return "percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY " + value + ")"
}

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

func (postgres) UnionByName(parts []Part, columns []string) string {
	selects := make([]string, len(parts))
	for i, p := range parts {
		cols := make([]string, len(columns))
		for j, c := range columns {
			cols[j] = c
			if !slices.Contains(p.Columns, c) {
				cols[j] = "NULL AS " + c
			}
		}
		selects[i] = "SELECT " + strings.Join(cols, ", ") + " FROM " + p.Table
	}
	return strings.Join(selects, "\n    UNION ALL ")
}

func (postgres) OrderByAll(n int) string {
	at := make([]string, n)
	for i := range at {
		at[i] = strconv.Itoa(i + 1)
	}
	return "ORDER BY " + strings.Join(at, ", ")
}

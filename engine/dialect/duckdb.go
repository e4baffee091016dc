package dialect

import (
	"strconv"
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

func (duckDB) CountIf(cond string) string { return "count_if(" + cond + ")" }

func (duckDB) Exclude(_, dropped []string) string {
	return "* EXCLUDE (" + strings.Join(dropped, ", ") + ")"
}

func (duckDB) Replace(_ []string, column, value string) string {
	return "* REPLACE (" + value + " AS " + column + ")"
}

func (duckDB) NonNulls(items string) string {
	return "list_filter([" + items + "], e -> e IS NOT NULL)"
}

func (duckDB) Seconds(n int64) string { return "to_seconds(" + strconv.FormatInt(n, 10) + ")" }

func (duckDB) Epoch(interval string) string { return "epoch(" + interval + ")" }

func (duckDB) FirstNonNull(x, window string) string {
	return "first_value(" + x + " IGNORE NULLS) OVER (" + window + ")"
}

// NextTime: a first non-null value finds the row; a minimum over the
// frame builds a segment tree (2 % more of an attribution's instructions).
func (duckDB) NextTime(time, cond, window string) string {
	return "first_value(CASE WHEN " + cond + " THEN " + time + " END IGNORE NULLS) OVER (" + window + ")"
}

func (duckDB) ListOver(x, window string) string { return "list(" + x + ") OVER (" + window + ")" }

func (duckDB) Qualify(selects, from, cond string) string {
	return selects + from + "\nQUALIFY " + cond
}

func (duckDB) UnionAll(parts []Select, _ []Column) string {
	sqls := make([]string, len(parts))
	for i, p := range parts {
		sqls[i] = p.SQL
	}
	return strings.Join(sqls, "\nUNION ALL BY NAME\n")
}

// SortedList: a list per group sorted afterwards is faster than an
// ordered aggregate.
func (duckDB) SortedList(x, where string) string {
	return "list_sort(list(" + x + ") FILTER (WHERE " + where + "))"
}

func (duckDB) SortedSet(x, where string) string {
	return "list_sort(list_distinct(list(" + x + ") FILTER (WHERE " + where + ")))"
}

func (duckDB) ListBy(x, by string) string { return "list(" + x + " ORDER BY " + by + ")" }

func (duckDB) SetBits(bits string, n int, names string) string {
	return "list_transform(list_filter(range(" + strconv.Itoa(n) + "), i -> (" + bits + " >> i) & 1 = 1), i -> " + names + "[i + 1])"
}

func (duckDB) Digits(code, width string, n int) string {
	digit := "(" + code + " >> (i * " + width + ")) & ((1 << " + width + ") - 1)"
	return "list_filter(list_transform(range(" + strconv.Itoa(n) + " // " + width + "), i -> " + digit + "), d -> d > 0)"
}

func (duckDB) Map(list, item, expr string) string {
	return "list_transform(" + list + ", " + item + " -> " + expr + ")"
}

// NthLargest: DuckDB's max keeps the n largest in a list.
func (duckDB) NthLargest(x string, n int) string {
	return "list_min(max(" + x + ", " + strconv.Itoa(n) + ") FILTER (WHERE " + x + " > 0))"
}

func (duckDB) Bytewise(x string) string { return x }

func (duckDB) AsOfJoin(table, alias, cond, _ string) string {
	return "ASOF JOIN " + table + " AS " + alias + " ON " + cond
}

func (duckDB) Split(text, separator string) string {
	return "string_split(" + text + ", " + separator + ")"
}

func (duckDB) Positions(list string) string { return "unnest(range(1, len(" + list + ") + 1))" }

// Descending: DuckDB puts nulls last in either order.
func (duckDB) Descending(x string) string { return x + " DESC" }

func (duckDB) JoinedAll(string, string) string { return "*" }

func (duckDB) UnionAllSame() string { return "UNION ALL BY NAME" }

func (duckDB) StringTest(test, s, arg string) string { return test + "(" + s + ", " + arg + ")" }

func (duckDB) Quantile(value, fraction string) string {
	if fraction == "" {
		return "median(" + value + ")"
	}
	return "quantile_cont(" + value + ", " + fraction + ")"
}

func (duckDB) DatePart(part, time string) string { return part + "(" + time + ")" }

// Round: DuckDB rounds a double's halves away from zero.
func (duckDB) Round(x, digits string) string {
	if digits == "" {
		return "round(" + x + ")"
	}
	return "round(" + x + ", " + digits + ")"
}

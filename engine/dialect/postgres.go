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

func (postgres) OrderByAll(n int) string { return "ORDER BY " + ordinals(n) }

func (postgres) CountIf(cond string) string { return "count(*) FILTER (WHERE " + cond + ")" }

// Exclude quotes the names, which may be keywords (time, key).
func (postgres) Exclude(all, dropped []string) string {
	var kept []string
	for _, c := range all {
		if !slices.Contains(dropped, c) {
			kept = append(kept, QuoteIdent(c))
		}
	}
	return strings.Join(kept, ", ")
}

func (postgres) Replace(all []string, column, value string) string {
	out := make([]string, len(all))
	for i, c := range all {
		out[i] = QuoteIdent(c)
		if c == column {
			out[i] = value + " AS " + QuoteIdent(column)
		}
	}
	return strings.Join(out, ", ")
}

// NonNulls: array_remove removes the nulls when given NULL.
func (postgres) NonNulls(items string) string { return "array_remove(ARRAY[" + items + "], NULL)" }

func (postgres) Seconds(n int64) string {
	return "(" + strconv.FormatInt(n, 10) + " * INTERVAL '1 SECOND')"
}

func (postgres) Epoch(interval string) string { return "extract(epoch FROM " + interval + ")" }

// FirstNonNull: PostgreSQL has no IGNORE NULLS; the first item of the
// frame's non-null values is the same.
func (postgres) FirstNonNull(x, window string) string {
	return "(array_agg(" + x + ") FILTER (WHERE " + x + " IS NOT NULL) OVER (" + window + "))[1]"
}

// NextTime: in a window ordered by time, the first time is the least.
func (postgres) NextTime(time, cond, window string) string {
	return "min(" + time + ") FILTER (WHERE " + cond + ") OVER (" + window + ")"
}

func (postgres) ListOver(x, window string) string {
	return "array_agg(" + x + ") OVER (" + window + ")"
}

// Qualify: the condition is a column of a subquery, which its WHERE reads.
func (postgres) Qualify(selects, from, cond string) string {
	return "SELECT * FROM (" + selects + ",\n       " + cond + " AS __qualified" + from + ") AS qualified\nWHERE __qualified"
}

// UnionAll: every part selects every column in the same order, each cast
// to its kind's type, null where the part lacks it; a number is a double,
// whatever integer or numeric type the part gives it.
func (p postgres) UnionAll(parts []Select, columns []Column) string {
	types := map[Kind]string{Text: "TEXT", Texts: "TEXT[]", Integer: "BIGINT", Number: p.Double(), Flag: "BOOLEAN"}
	selects := make([]string, len(parts))
	for i, part := range parts {
		cols := make([]string, len(columns))
		for j, c := range columns {
			value := "NULL"
			if slices.Contains(part.Columns, c.Name) {
				value = c.Name
			}
			cols[j] = "CAST(" + value + " AS " + types[c.Kind] + ") AS " + c.Name
		}
		selects[i] = "SELECT " + strings.Join(cols, ", ") + "\nFROM (\n" + part.SQL + "\n) AS part" + strconv.Itoa(i+1)
	}
	return strings.Join(selects, "\nUNION ALL\n")
}

func (postgres) SortedList(x, where string) string {
	return "array_agg(" + x + " ORDER BY " + x + ") FILTER (WHERE " + where + ")"
}

func (postgres) SortedSet(x, where string) string {
	return "array_agg(DISTINCT " + x + " ORDER BY " + x + ") FILTER (WHERE " + where + ")"
}

func (postgres) ListBy(x, by string) string { return "array_agg(" + x + " ORDER BY " + by + ")" }

// SetBits: PostgreSQL has no lambdas; an array of a subquery over the
// bits' positions.
func (postgres) SetBits(bits string, n int, names string) string {
	return "ARRAY(SELECT (" + names + ")[i + 1] FROM generate_series(0, " + strconv.Itoa(n-1) + ") AS i WHERE (" + bits + " >> i) & 1 = 1 ORDER BY i)"
}

func (postgres) Digits(code, width string, n int) string {
	digit := "(" + code + " >> (i * " + width + ")) & ((1 << " + width + ") - 1)"
	return "ARRAY(SELECT " + digit + " FROM generate_series(0, " + strconv.Itoa(n) + " / " + width + " - 1) AS i WHERE " + digit + " > 0 ORDER BY i)"
}

func (postgres) Map(list, item, expr string) string {
	return "ARRAY(SELECT " + expr + " FROM unnest(" + list + ") WITH ORDINALITY AS items(" + item + ", __at) ORDER BY __at)"
}

func (postgres) NthLargest(x string, n int) string {
	positive := " FILTER (WHERE " + x + " > 0)"
	return "coalesce((array_agg(" + x + " ORDER BY " + x + " DESC)" + positive + ")[" + strconv.Itoa(n) + "], min(" + x + ")" + positive + ")"
}

func (postgres) Bytewise(x string) string { return x + ` COLLATE "C"` }

// AsOfJoin: PostgreSQL has no ASOF JOIN; a lateral subquery finds the row.
func (postgres) AsOfJoin(table, alias, cond, nearest string) string {
	return "CROSS JOIN LATERAL (SELECT * FROM " + table + " AS " + alias + " WHERE " + cond + " ORDER BY " + nearest + " LIMIT 1) AS " + alias
}

func (postgres) Split(text, separator string) string {
	return "string_to_array(" + text + ", " + separator + ")"
}

// Positions: set-returning calls of a select list run in step.
func (postgres) Positions(list string) string {
	return "generate_series(1, cardinality(" + list + "))"
}

// Descending: PostgreSQL puts nulls first in a descending order unless told.
func (postgres) Descending(x string) string { return x + " DESC NULLS LAST" }

func (postgres) JoinedAll(table, more string) string { return table + ".*, " + more }

func (postgres) UnionAllSame() string { return "UNION ALL" }

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

// DatePart: PostgreSQL has extract, whose result is a numeric.
func (postgres) DatePart(part, time string) string {
	return "CAST(extract(" + part + " FROM " + time + ") AS BIGINT)"
}

// Round: PostgreSQL rounds a double's halves to even (and has no round
// of a double to decimals); a numeric's halves go away from zero, as
// DuckDB rounds.
func (p postgres) Round(x, digits string) string {
	if digits != "" {
		digits = ", " + digits
	}
	return "CAST(round(CAST(" + x + " AS numeric)" + digits + ") AS " + p.Double() + ")"
}

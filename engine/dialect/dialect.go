// Package dialect writes the SQL constructs in which the engines omni
// compiles to differ. The compiler writes standard SQL itself and asks its
// dialect for the rest: a list literal, the name of a double, a division,
// a subquery's alias, a union of selects with different columns, an
// ordering by every column. DuckDB is the default; adding an engine is one
// more file that implements Dialect, and a line in Named.
package dialect

import "fmt"

// Dialect writes the SQL of one engine.
type Dialect interface {
	// Name is the engine's name, as --engine takes it.
	Name() string
	// List is a list (array) literal of SQL values, written separated by
	// commas.
	List(items string) string
	// Unnest is the set-returning call that gives a row once per item of
	// a list (in a SELECT list).
	Unnest(list string) string
	// Index is the 1-based item of a list literal.
	Index(list, at string) string
	// Double is the name of the 64-bit floating-point type.
	Double() string
	// Divide is the quotient of two SQL values as a float, null when the
	// denominator is zero. num must already be parenthesized as a
	// multiplication's operand.
	Divide(num, den string) string
	// AnyValue is an aggregate giving one of its non-null inputs.
	AnyValue(x string) string
	// Alias names a subquery in FROM: " AS name", or "" where the engine
	// does not require it.
	Alias(name string) string
	// UnionByName unions selects whose columns differ, matching them by
	// name: each part's columns, the others null.
	UnionByName(parts []Part, columns []string) string
	// DaysBetween is the number of midnights from one time to another.
	DaysBetween(from, to string) string
	// Interval is a constant interval, such as "1 MONTH" or "7 DAY".
	Interval(length string) string
	// Days is an interval of days, their number given by a constant
	// expression.
	Days(n string) string
	// Series is the set-returning call that gives each time from one to
	// another by a step (an Interval), both ends included.
	Series(from, to, step string) string
	// DistinctItems is the subquery of the rows of from, each once per
	// distinct non-null item of its list, as the column __item.
	DistinctItems(from, list string) string
	// SameKey is a join condition that two keys are equal, nulls
	// included.
	SameKey(a, b string) string
	// OrderByAll orders a select by its first n columns, in order.
	OrderByAll(n int) string

	// Table sources (pgtables): the string operators of derived columns
	// over tables read in place, and the quantiles of the scorecards over
	// them.

	// StringTest is a string test of expr: test is "contains",
	// "starts_with", "ends_with" or "regexp_matches" (a partial match of
	// a regular expression), of s by arg; null when either is null.
	StringTest(test, s, arg string) string
	// Quantile is the aggregate interpolating the value below which a
	// fraction of the values fall (median, quantile); fraction "" is the
	// median.
	Quantile(value, fraction string) string
}

// Part is one select of a union: a table and the columns it has.
type Part struct {
	Table   string
	Columns []string
}

// DuckDB is the embedded engine, the default.
var DuckDB Dialect = duckDB{}

// Postgres is the PostgreSQL engine.
var Postgres Dialect = postgres{}

// Names are the engines' names, the default first.
var Names = []string{DuckDB.Name(), Postgres.Name()}

// Named returns the dialect of an engine's name.
func Named(name string) (Dialect, error) {
	for _, d := range []Dialect{DuckDB, Postgres} {
		if d.Name() == name {
			return d, nil
		}
	}
	return nil, fmt.Errorf("unknown engine %q: the engines are duckdb (the default) and postgres", name)
}

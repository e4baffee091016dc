// Package dialect writes the SQL constructs in which the engines omni
// compiles to differ. The compiler writes standard SQL itself and asks its
// dialect for the rest: a list literal, the name of a double, a division,
// a subquery's alias, a union of selects with different columns, an
// ordering by every column. DuckDB is the default; adding an engine is one
// more file that implements Dialect, and a line in Named.
package dialect

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/builtins"
)

// QuoteIdent quotes a SQL identifier, as every engine omni compiles to
// reads it: in double quotes, a double quote doubled.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

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

	// The scorecards' features: crossed breakdowns, cohorts, ranks,
	// traits that look back (see features.go of each engine).

	// JSONTextList is a list of text values as the text of a JSON array,
	// ["a",null], without spaces: a crossed breakdown's key.
	JSONTextList(items string) string
	// PeriodLabel is the label of the period of a grain (year, quarter,
	// month, week, day) that starts on a DATE: 2026, 2026-Q3, 2026-07,
	// 2026-W27, 2026-07-01, as period.Label writes it.
	PeriodLabel(date, grain string) string
	// PeriodsBetween is the number of periods of a grain from the DATE
	// that starts one to the DATE that starts another.
	PeriodsBetween(grain, from, to string) string
	// IntegerDivide is the quotient of two non-negative integers, rounded
	// down.
	IntegerDivide(num, den string) string
	// AllBut is the select list of every column of a FROM item (alias)
	// but those excluded; "" where the engine cannot write it without
	// listing the columns (PostgreSQL).
	AllBut(alias string, excluded []string) string
	// Materialized is what follows AS in a WITH step that must be
	// computed once, not inlined where it is read: "" or a keyword and a
	// space.
	Materialized() string
	// GroupByAll groups a select by its first n columns, those before its
	// aggregates.
	GroupByAll(n int) string
	// RolledUp is the rows of rows.Table, each extended with windows over
	// them sorted together with the rows of days.Table, whose columns are
	// those of rows but the windows' inputs. It keeps rows' rows (those
	// where the boolean column kept is true) with their columns and the
	// windows, but kept and the columns the windows sort by (sorting) and
	// those only days has. Each Table is a select's tail, "* FROM t".
	RolledUp(rows, days Part, sorting []string, windows []Window, kept string) string

	// The SQL of the queries of loyalty ladders, attributions and
	// experiments.

	// CountIf is the aggregate that counts the rows where a condition
	// holds, 0 over none.
	CountIf(cond string) string
	// Exclude is the select list of the columns of a FROM but some: all
	// lists them in order.
	Exclude(all, dropped []string) string
	// Replace is the select list of the columns of a FROM, one of them
	// replaced by a value: all lists them in order.
	Replace(all []string, column, value string) string
	// NonNulls is the list of the non-null items of a list literal's.
	NonNulls(items string) string
	// Seconds is an interval of n seconds.
	Seconds(n int64) string
	// Epoch is the number of seconds of an interval.
	Epoch(interval string) string
	// FirstNonNull is the window function of the first non-null x of the
	// frame of a window, written with it: "PARTITION BY … ROWS …".
	FirstNonNull(x, window string) string
	// NextTime is the window function of the time of the first row of the
	// frame where a condition holds, in a window ordered by that time
	// first; null when none does.
	NextTime(time, cond, window string) string
	// ListOver is the window function of the list of x over a window.
	ListOver(x, window string) string
	// Qualify filters the rows of a grouped select by a condition on its
	// window functions: selects is its SELECT list, from its FROM and
	// GROUP BY clauses.
	Qualify(selects, from, cond string) string
	// UnionAll unions selects whose columns differ, matching them by name:
	// each part's columns, the others null.
	UnionAll(parts []Select, columns []Column) string
	// The journeys' sets of keys and paths are grouped in a compact form:
	// a set as the bits of an integer (or a sorted list of numbers); a
	// path as the digits of an integer, a step's key or label number each
	// (or a sorted list of integers, each a step's position in the high 32
	// bits and its number in the low 32).

	// SortedList is the aggregate list of x of the rows where a condition
	// holds, in ascending order; null over none.
	SortedList(x, where string) string
	// SortedSet is the aggregate list of the distinct x of the rows where
	// a condition holds, in ascending order; null over none.
	SortedSet(x, where string) string
	// ListBy is the aggregate list of x in the order of by.
	ListBy(x, by string) string
	// SetBits is the list of the names (a list) of the bits set in a
	// BIGINT, of its lowest n, in the bits' order.
	SetBits(bits string, n int, names string) string
	// Digits is the list of the nonzero digits of a BIGINT in base
	// 2^width, of its lowest n bits, lowest first.
	Digits(code, width string, n int) string
	// Map is the list of expr, a value of item, for each item of a list,
	// in the list's order.
	Map(list, item, expr string) string
	// NthLargest is the aggregate of the nth largest positive x, or the
	// smallest when there are fewer; null when there is none.
	NthLargest(x string, n int) string
	// Bytewise orders text byte by byte, as DuckDB sorts it.
	Bytewise(x string) string
	// AsOfJoin joins each row to the row of a table, named alias, that
	// meets a condition with the smallest nearest; a row without one is
	// left out.
	AsOfJoin(table, alias, cond, nearest string) string
	// Split is the list of the parts of a text between a separator's
	// occurrences.
	Split(text, separator string) string
	// Positions is the set-returning call that gives the positions of a
	// list's items, 1 to its length, in the same rows as Unnest.
	Positions(list string) string
	// Descending orders by a value from the largest, nulls last.
	Descending(x string) string
	// JoinedAll is the select list of every column of a table, then
	// those of more, over a join of the table USING a key: the order in
	// which a union matches them (see UnionAllSame).
	JoinedAll(table, more string) string
	// UnionAllSame is the keyword of a union of selects with the same
	// columns, matched by name or, where the engine matches them by
	// position, listed in the same order.
	UnionAllSame() string

	// StringTest is a string test of expr (derived columns over tables
	// read in place): test is "contains", "starts_with", "ends_with" or
	// "regexp_matches" (a partial match of a regular expression), of s by
	// arg; null when either is null.
	StringTest(test, s, arg string) string

	// What the builtins' functions ask of the engine: the double type,
	// days between two times, quantiles, the parts of a time, rounding.
	builtins.Dialect
}

// Select is one part of UnionAll: its SQL and the names of its columns.
type Select struct {
	SQL     string
	Columns []string
}

// Column is a column of UnionAll: its name and its kind.
type Column struct {
	Name string
	Kind Kind
}

// Kind is what a column of UnionAll holds.
type Kind int

// The kinds of columns of UnionAll.
const (
	Text Kind = iota
	Texts
	Integer
	Number
	Flag
)

// Part is one select of a union: a table and the columns it has.
type Part struct {
	Table   string
	Columns []string
}

// Window is a window function's SQL and the name of its column.
type Window struct {
	SQL, Name string
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

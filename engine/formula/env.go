// Package formula compiles formulas — expr expressions written in HCL
// strings — to DuckDB SQL. It uses expr only to parse and type-check; the
// typed tree is then lowered by one generator, so no formula is ever
// evaluated in Go and no text of a definitions file reaches SQL unchecked.
package formula

import (
	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/dialect"
)

// Scope is where a formula is evaluated, which decides what it may name.
type Scope uint8

const (
	// RowScope: a condition on one touchpoint, such as a campaign's where.
	RowScope Scope = iota
	// CustomerScope: a condition on a customer's attributes (a segment's where).
	CustomerScope
	// TraitScope: a value per customer and period, aggregated over the
	// customer's touchpoints.
	TraitScope
	// KPIScope: a value per scorecard cell, aggregated over its touchpoints,
	// its customers or its spend.
	KPIScope
)

// Want is what a formula must evaluate to.
type Want uint8

const (
	// Condition: true or false.
	Condition Want = iota + 1
	// Number: an integer or a decimal.
	Number
	// Value: one value of any type but a list.
	Value
)

// Level is where a value lives: how many values of it one scorecard cell has.
type Level uint8

const (
	// Constant: a literal.
	Constant Level = iota
	// CustomerLevel: a customer attribute, the same on all of a customer's rows.
	CustomerLevel
	// RowLevel: a column of the touchpoints.
	RowLevel
	// TraitLevel: one value per customer and period.
	TraitLevel
	// CellLevel: one value per scorecard cell (a KPI, an aggregate).
	CellLevel
)

// Grain is the table a KPI measure aggregates.
type Grain uint8

const (
	// Touchpoints: the touchpoint rows of the cell.
	Touchpoints Grain = iota + 1
	// Customers: the customers of the cell, one row each with their traits.
	Customers
	// Spend: the rows of the spend source in the cell.
	Spend
	// Budget: the budgets the cell's campaign gives its channels.
	Budget
	// Base: every customer of the customers source, one row each with the
	// traits of his touchpoints in the cell (none, for some).
	Base
)

// Grains is a set of grains: the tables a KPI's value depends on.
type Grains uint8

// Add returns the set with g added.
func (s Grains) Add(g Grain) Grains { return s | 1<<g }

// Has reports whether g is in the set.
func (s Grains) Has(g Grain) bool { return s&(1<<g) != 0 }

// Symbol is a name a formula can use.
type Symbol struct {
	Name  string
	Level Level
	Type  builtins.Type
	// InSpend says that the rows of the spend source have the value too: the
	// channel and its metadata, when the spend source has a channel column.
	InSpend bool
	// SQL is how the generated SQL refers to the value: a quoted column, or
	// for traits and KPIs in the scopes that inline them, their expression.
	SQL string
	// Grains are, for a KPI, the tables its measures aggregate.
	Grains Grains
	// What describes the symbol in diagnostics: "column of source touchpoints".
	What string
	// LooksBack says that a trait looks back over the customer's history,
	// which the customer base cannot read (see aggregation.use).
	LooksBack bool
}

// Env is what a formula can name. The engine implements it for each scope.
type Env interface {
	// Lookup returns the symbol of a name, or nil if the name is unknown. It
	// may compile the definition it names, and so report a cycle as an error.
	// A name that starts with KPIQualifier names a KPI alone; a bare name is
	// a column's, an attribute's or a trait's before a KPI's.
	Lookup(name string) (*Symbol, error)
	// Names lists every name, for "did you mean" suggestions.
	Names() []string
	// Measure registers an aggregate of a KPI and returns the SQL that refers
	// to its value in the cell. empty is its SQL value over no row ("" for
	// NULL), for cells that exist only through other grains.
	Measure(g Grain, sql, empty string) string
	// Time and Amount are the SQL of the touchpoint time and the amount of
	// spend and budget rows.
	Time() string
	Amount() string
	// Has reports whether the project has the rows of a grain: spend needs a
	// spend source, the customer base a customers source.
	Has(g Grain) bool
	// Window registers the value a call computes over other rows than its
	// own (see builtins.Call.Window) and returns its SQL. args are the SQL
	// of the call's arguments: for a Compare function, a value per cell,
	// whose value in the compared period it is; for a Before function or
	// retained_customers, the condition (none: any row) that the customer's
	// earlier rows meet, and for had_before the days it looks back, if given.
	Window(fn *builtins.Builtin, args []string) string
	// Dialect writes the SQL constructs in which the engines differ.
	Dialect() dialect.Dialect
}

// CellEnv is an Env that evaluates trait-scope formulas in two steps, as a
// loyalty ladder and the customers' traits of a scorecard do: the aggregates
// first, per customer and period, then the formula on one row per customer
// and period that holds their values and the customer's attributes.
// Aggregate registers one aggregate call (its SQL over a stretch of the
// customer's touchpoints: the period's, or a day's for one over his history)
// and returns the SQL of its value in that row, or says why it cannot be
// computed there (an aggregate over a customer's history that does not roll
// up, such as a median).
type CellEnv interface {
	Env
	Aggregate(fn *builtins.Builtin, sql string) (string, error)
}

// HistoryEnv is an Env that compiles a trait-scope formula in one step, as
// its normal form is: History returns the SQL of an aggregate as it looks
// back over the customer's history (see CellEnv.Aggregate), or says why it
// cannot.
type HistoryEnv interface {
	Env
	History(fn *builtins.Builtin, sql string) (string, error)
}

// Compiled is a formula lowered to SQL.
type Compiled struct {
	SQL    string
	Type   builtins.Type
	Level  Level
	Grains Grains // for KPIs: the tables its measures aggregate
}

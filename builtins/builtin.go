// Package builtins is the table of formula functions: for each one its
// signature, its lowering to SQL and its documentation, so that the type
// checker, the SQL generator and the reference documentation cannot drift.
package builtins

import (
	"fmt"
	"reflect"
	"strings"
)

// Kind says what a function computes, which decides where it may be called.
type Kind uint8

const (
	// Scalar functions compute one value from values of the same row.
	Scalar Kind = iota
	// Aggregate functions reduce many rows to one: a customer's touchpoints in
	// a trait, the touchpoints of a scorecard cell in a KPI — or the customers
	// of the cell, when their argument uses a trait.
	Aggregate
	// CustomerAggregate functions reduce the customers of a scorecard cell.
	CustomerAggregate
	// BaseAggregate functions reduce every customer of the customers source,
	// those without a touchpoint in the cell too.
	BaseAggregate
	// SpendAggregate functions reduce the rows of the spend source.
	SpendAggregate
	// BudgetAggregate functions reduce the budgets campaigns give channels.
	BudgetAggregate
	// HistoryAggregate functions reduce all of a customer's touchpoints up to
	// the end of a period, in a trait or a loyalty ladder. Their Lower gives
	// the latest or earliest time of a stretch of touchpoints (see Rollup);
	// the engine rolls it up over the stretches up to the period's end and
	// counts the days from it to that end.
	HistoryAggregate
	// Compare functions read a KPI value of the same cell in an earlier
	// period (Call.Window): previous(revenue). Their argument is a value
	// per cell, so that they name KPIs as arithmetic does.
	Compare
	// Before functions are conditions on a touchpoint about the customer's
	// earlier touchpoints (Call.Window), in the arguments of a KPI's
	// aggregate.
	Before
	// Rank functions place a customer's value among those of the other
	// customers of the same period (Call.Window), in a trait: ntile(monetary,
	// 5). Their argument is a value per customer, so that they name traits
	// as arithmetic does.
	Rank
)

// Param is one parameter of a function.
type Param struct {
	Name     string
	Accepts  []Type // nil accepts any type
	Optional bool   // may be left out, from the end
	Constant bool   // must be a literal number
}

// Call is what a lowering gets: the SQL of each argument given, and the
// columns the role names stand for.
type Call struct {
	Args   []string
	Time   string // the SQL of the touchpoint time
	Amount string // the SQL of the spend amount
	// Window is the SQL of the value the engine computes over many rows
	// for the call, with a window: for Compare functions, the argument in
	// the compared period; for Before functions and retained_customers,
	// the condition on the customer's earlier rows; for Rank functions, the
	// value's place among the customers of the period.
	Window string
	// Dialect writes the SQL in which the engines differ.
	Dialect Dialect
}

// Dialect is what the lowering of a function asks of the engine's SQL
// dialect (engine/dialect implements it).
type Dialect interface {
	// Double is the name of the 64-bit floating-point type.
	Double() string
	// DaysBetween is the number of midnights from one time to another.
	DaysBetween(from, to string) string
	// Quantile is the aggregate interpolating the value below which a
	// fraction of the values fall; fraction "" is the median.
	Quantile(value, fraction string) string
	// DatePart is a part of a time as an integer: year, quarter, month,
	// day, isodow (the ISO day of the week) or hour.
	DatePart(part, time string) string
	// Round is x rounded to digits decimals ("": to an integer), halves
	// away from zero, as a double.
	Round(x, digits string) string
}

// Builtin is one formula function.
type Builtin struct {
	Name    string
	Kind    Kind
	Params  []Param
	Returns Type // the result type; Any means "the type of the first argument"
	// Empty is the SQL of the value over no row where it is not NULL: "0"
	// for counts.
	Empty string
	// Rollup is the SQL aggregate that combines the values of this
	// aggregate over consecutive stretches of a customer's touchpoints into
	// its value over all of them: "sum" for a count or a sum, "min" or "max"
	// for the extremes; "" when they do not combine (a median, a distinct
	// count), which a trait over a customer's history then cannot use.
	Rollup  string
	Lower   func(Call) string
	Doc     string
	Example string
}

// Aggregates reports whether the function reduces rows, so that the names
// in its arguments are columns, attributes or traits, not KPIs.
func (b *Builtin) Aggregates() bool {
	return b.Kind != Scalar && b.Kind != Compare && b.Kind != Rank
}

// Lookup returns the function with the given name, or nil.
func Lookup(name string) *Builtin {
	for _, b := range All {
		if b.Name == name {
			return b
		}
	}
	return nil
}

// Names returns the names of every function, for suggestions.
func Names() []string {
	names := make([]string, len(All))
	for i, b := range All {
		names[i] = b.Name
	}
	return names
}

// Signature formats the function as the documentation shows it: sum(value, [where]).
func (b *Builtin) Signature() string {
	parts := make([]string, len(b.Params))
	for i, p := range b.Params {
		parts[i] = p.Name
		if p.Optional {
			parts[i] = "[" + p.Name + "]"
		}
	}
	return b.Name + "(" + strings.Join(parts, ", ") + ")"
}

// Validate checks the types of the arguments of a call and returns the result
// type. It has the form expr's checker wants for a function's Validate hook.
func (b *Builtin) Validate(args []reflect.Type) (reflect.Type, error) {
	required := 0
	for _, p := range b.Params {
		if !p.Optional {
			required++
		}
	}
	if len(args) < required || len(args) > len(b.Params) {
		return nil, fmt.Errorf("The function %s takes %s, not %d: %s", b.Name, countArgs(required, len(b.Params)), len(args), b.Signature())
	}
	for i, a := range args {
		p, got := b.Params[i], TypeOf(a)
		if p.Accepts == nil || got == Any || accepts(p.Accepts, got) {
			continue
		}
		return nil, fmt.Errorf("The %s argument of %s must be %s, not %s %s", p.Name, b.Name, typeList(p.Accepts), article(got.String()), got)
	}
	if b.Returns == Any && len(args) > 0 {
		return args[0], nil
	}
	return b.Returns.Go(), nil
}

func accepts(types []Type, t Type) bool {
	for _, a := range types {
		if a == t {
			return true
		}
	}
	return false
}

func countArgs(min, max int) string {
	switch {
	case max == 0:
		return "no argument"
	case min == max && max == 1:
		return "1 argument"
	case min == max:
		return fmt.Sprintf("%d arguments", max)
	}
	return fmt.Sprintf("%d to %d arguments", min, max)
}

func typeList(types []Type) string {
	if len(types) == 2 && types[0] == Int && types[1] == Float {
		return "a number"
	}
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = article(t.String()) + " " + t.String()
	}
	return strings.Join(names, " or ")
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

package engine

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file writes the traits of a scorecard's SQL in steps, as a loyalty
// ladder does: first every aggregate of every trait, in one GROUP BY per
// customer and period; then the traits over those columns, a step per
// depth, so that a trait that names another reads its column.

// traitStepEnv compiles a trait for its step (formula.CellEnv): each
// aggregate becomes a column of the customer's aggregates.
type traitStepEnv struct{ *scopeEnv }

// Aggregate implements formula.CellEnv: identical aggregates share a column.
func (e *traitStepEnv) Aggregate(_ *builtins.Builtin, sql string) string {
	i := 0
	for i < len(e.c.traitAggregates) && e.c.traitAggregates[i] != sql {
		i++
	}
	if i == len(e.c.traitAggregates) {
		e.c.traitAggregates = append(e.c.traitAggregates, sql)
	}
	return aggregateColumn(i)
}

// LooksBack implements formula.CellEnv: a customer's row knows no end of a
// period to look back from.
func (e *traitStepEnv) LooksBack() bool { return false }

func aggregateColumn(i int) string { return fmt.Sprintf("__agg%d", i+1) }

// addCustomerPeriods adds the customers' rows with their traits, per scope
// and period (and the scope's whole window); with noTouchpoint, also the
// traits of a customer without touchpoints, the aggregates over no row.
func (q *query) addCustomerPeriods(noTouchpoint bool) {
	cols := []string{}
	for _, a := range q.attributes() {
		cols = append(cols, fmt.Sprintf("any_value(%s) AS %[1]s", columnSQL(a.Name)))
	}
	for i, sql := range q.c.traitAggregates {
		cols = append(cols, sql+" AS "+aggregateColumn(i))
	}
	keys := "__scope, " + colCustomer + ", " + colPeriod
	aggregates := "SELECT " + strings.Join(append([]string{keys}, cols...), ",\n       ") +
		"\nFROM scoped\nWHERE __scope IS NOT NULL AND " + colCustomer + " IS NOT NULL" +
		"\nGROUP BY GROUPING SETS ((" + keys + "), (__scope, " + colCustomer + "))"
	if noTouchpoint {
		// Its keys are NULL, which no customer's row has.
		aggregates += "\nUNION ALL\nSELECT " + strings.Join(append([]string{"NULL, NULL, NULL"}, cols...), ",\n       ") + "\nFROM scoped\nWHERE false"
	}
	q.add("customer_aggregates", "the aggregates of the traits per scope, customer and period (and the scope's whole window)", aggregates)
	var traits []*unit
	for _, t := range q.c.Traits {
		traits = append(traits, &t.unit)
	}
	from, _ := q.addNamedSteps("traits", "the traits, each after those it names", "customer_aggregates", traits)
	rows := []string{keys}
	for _, a := range q.attributes() {
		rows = append(rows, columnSQL(a.Name))
	}
	for _, t := range q.c.Traits {
		rows = append(rows, q.traitValue(t)+" AS "+formula.QuoteIdent(t.Def.Name))
	}
	q.add("customer_periods", "one row per scope, customer and period (and the scope's whole window), with the traits",
		"SELECT "+strings.Join(rows, ",\n       ")+"\nFROM "+from+"\nWHERE __scope IS NOT NULL")
	if retained := q.c.history.used("retained", q.p.Measures); len(retained) > 0 {
		q.add("customer_history", "whether each customer's row of the period before met conditions", "SELECT *,\n       "+strings.Join(retained, ",\n       ")+"\nFROM customer_periods")
		q.customerRows = "customer_history"
	}
	if noTouchpoint {
		q.add("no_touchpoint", "the traits of a customer without touchpoints", "SELECT "+strings.Join(rows[len(rows)-len(q.c.Traits):], ", ")+"\nFROM "+from+"\nWHERE __scope IS NULL")
	}
}

// traitValue is the column of a trait's value in its step; NULL for a
// trait that has none.
func (q *query) traitValue(t *Trait) string {
	if t.stepSQL == "" {
		return "NULL"
	}
	return t.column
}

package engine

import (
	"fmt"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file writes the traits of a scorecard's SQL in steps, as a loyalty
// ladder does: first every aggregate of every trait, in one GROUP BY per
// customer and period; then the traits over those columns, a step per
// depth, so that a trait that names another reads its column.

// traitStepEnv compiles a trait for its step (formula.CellEnv): each
// aggregate becomes a column of the customer's aggregates, or of his
// history for those that look back (see history.go).
type traitStepEnv struct {
	*scopeEnv
	history *dsl.History // the trait's
	// looksBack says that the trait looks back: one of its aggregates, or a
	// trait it names, does.
	looksBack bool
}

// Lookup implements formula.Env, noting the traits that look back.
func (e *traitStepEnv) Lookup(name string) (*formula.Symbol, error) {
	s, err := e.scopeEnv.Lookup(name)
	if s != nil && s.LooksBack {
		e.looksBack = true
	}
	return s, err
}

// Aggregate implements formula.CellEnv: identical aggregates share a column.
func (e *traitStepEnv) Aggregate(fn *builtins.Builtin, sql string) (string, error) {
	lb, err := lookBackOf(fn, e.history)
	if err != nil {
		return "", err
	}
	if lb.rollup != "" {
		e.looksBack = true
		return lookBackValue(e.Dialect(), fn, historyColumn(&e.c.traitHistory, "__hist", sql, lb).name), nil
	}
	i := 0
	for i < len(e.c.traitAggregates) && e.c.traitAggregates[i] != sql {
		i++
	}
	if i == len(e.c.traitAggregates) {
		e.c.traitAggregates = append(e.c.traitAggregates, sql)
	}
	return aggregateColumn(i), nil
}

// traitNormalEnv compiles a trait for its normal form, which fingerprints
// hash and reviewers read (formula.HistoryEnv): an aggregate as it is, one
// that looks back over the history it looks back over, "history(365d, …)".
type traitNormalEnv struct {
	*scopeEnv
	history *dsl.History
}

// History implements formula.HistoryEnv.
func (e *traitNormalEnv) History(fn *builtins.Builtin, sql string) (string, error) {
	lb, err := lookBackOf(fn, e.history)
	if err != nil || lb.rollup == "" {
		return sql, err
	}
	return lookBackValue(e.Dialect(), fn, "history("+historyText(&dsl.History{Days: lb.days})+", "+sql+")"), nil
}

func aggregateColumn(i int) string { return fmt.Sprintf("__agg%d", i+1) }

// addCustomerPeriods adds the customers' rows with their traits, per scope
// and period (and the scope's whole window); with noTouchpoint, also the
// traits of a customer without touchpoints, the aggregates over no row.
func (q *query) addCustomerPeriods(noTouchpoint bool) {
	cols := []string{}
	names := []string{"__scope", colCustomer, colPeriod} // of the columns
	for _, a := range q.attributes() {
		cols = append(cols, q.dialect().AnyValue(columnSQL(a.Name))+" AS "+columnSQL(a.Name))
		names = append(names, columnSQL(a.Name))
	}
	for i, sql := range q.c.traitAggregates {
		cols = append(cols, sql+" AS "+aggregateColumn(i))
		names = append(names, aggregateColumn(i))
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
	from := "customer_aggregates"
	if len(q.c.traitHistory) > 0 {
		q.add("customer_days", "the aggregates of the traits that look back, per customer and day", dailySQL(q.dialect(), "facts", q.c.traitHistory))
		q.add("customer_history", "with the aggregates that look back, up to the end of the row's period (or window)",
			historySQL(q.dialect(), "(SELECT *, "+q.traitEnd()+" AS __end FROM customer_aggregates)"+q.dialect().Alias("ended"), append(names, "__end"), "customer_days", q.c.traitHistory))
		from = "customer_history"
	}
	var traits []*unit
	for _, t := range q.c.Traits {
		traits = append(traits, &t.unit)
	}
	from, _ = q.addNamedSteps("traits", "the traits, each after those it names", from, traits)
	if q.hasTraitMemberships() {
		frame := ""
		if len(q.c.history.usedNames("retained", q.p.Measures)) > 0 {
			frame = periodStep(q.dialect(), q.c.Session.Project.Settings.Grain.Value, false)
		}
		q.add("trait_memberships", "each customer once per scope, period and segment on traits he is in then", traitMemberships(q.dialect(), from, q.c.Segments, frame))
	}
	rows := []string{keys}
	q.customerColumns = []string{"__scope", colCustomer, colPeriod}
	for _, a := range q.attributes() {
		rows = append(rows, columnSQL(a.Name))
		q.customerColumns = append(q.customerColumns, columnSQL(a.Name))
	}
	for _, t := range q.c.Traits {
		rows = append(rows, q.traitValue(t)+" AS "+formula.QuoteIdent(t.Def.Name))
		q.customerColumns = append(q.customerColumns, formula.QuoteIdent(t.Def.Name))
	}
	q.add("customer_periods", "one row per scope, customer and period (and the scope's whole window), with the traits",
		"SELECT "+strings.Join(rows, ",\n       ")+"\nFROM "+from+"\nWHERE __scope IS NOT NULL")
	if retained := q.c.history.used("retained", q.p.Measures); len(retained) > 0 {
		q.add("customer_retention", "whether each customer's row of the period before met conditions", "SELECT *,\n       "+strings.Join(retained, ",\n       ")+"\nFROM customer_periods")
		q.customerRows = "customer_retention"
		q.customerColumns = append(q.customerColumns, q.c.history.usedNames("retained", q.p.Measures)...)
	}
	if noTouchpoint {
		q.addComputedOnce("no_touchpoint", "the traits of a customer without touchpoints", "SELECT "+strings.Join(rows[len(rows)-len(q.c.Traits):], ", ")+"\nFROM "+from+"\nWHERE __scope IS NULL")
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

// traitEnd is the SQL of the end of a customer's row, to which the traits
// look back: its period's end, or, for the whole window, the campaign's end
// or the end of the data's last period; never past the reference date.
func (q *query) traitEnd() string {
	step := "INTERVAL '" + grainSteps[q.c.Session.Project.Settings.Grain.Value] + "'"
	end := "(SELECT max(" + colPeriod + ") FROM facts) + " + step
	if !q.asOf.IsZero() {
		end = q.asOfEnd()
	}
	var campaigns []string
	for i, s := range q.p.Scopes {
		if s != nil {
			campaigns = append(campaigns, fmt.Sprintf("WHEN %d THEN %s", i, q.endOf(s.Def.End)))
		}
	}
	if len(campaigns) > 0 {
		end = "CASE __scope " + strings.Join(campaigns, " ") + " ELSE " + end + " END"
	}
	return "CASE WHEN " + colPeriod + " IS NULL THEN " + end + " ELSE " + q.capped(colPeriod+" + "+step) + " END"
}

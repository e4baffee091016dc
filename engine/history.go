package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
)

// This file computes the aggregates that look back over a customer's
// history from the end of each period: the as-of functions (days_since_last,
// days_since_first) and every aggregate of a trait with a history. Each is
// computed per customer over a stretch of his touchpoints (a period, or a
// day), then rolled up with a window over the stretches up to the end of
// the period: never a join of every touchpoint to every period.

// lookBack is how an aggregate of a trait-scope formula looks back: over
// the whole history (days 0) or a trailing window of days, rolled up with
// the SQL aggregate rollup. A zero lookBack is over the period alone.
type lookBack struct {
	rollup string
	days   int
}

// lookBackOf says how an aggregate looks back in a formula with the given
// history (nil: the period's touchpoints), or why it cannot.
func lookBackOf(fn *builtins.Builtin, history *dsl.History) (lookBack, error) {
	switch {
	case fn.Kind == builtins.HistoryAggregate && history == nil:
		return lookBack{rollup: fn.Rollup}, nil
	case history == nil:
		return lookBack{}, nil
	case fn.Rollup == "":
		return lookBack{}, fmt.Errorf("%s(…) over a customer's history cannot be built from its values per day or period, and this trait has history = %q. Use count, sum, min, max, first_time or last_time (a mean is sum(…) / count(…)), or name %[1]s(…) in a trait without history.", fn.Name, historyText(history))
	}
	return lookBack{rollup: fn.Rollup, days: history.Days}, nil
}

// historyText writes a history as the trait's attribute does.
func historyText(h *dsl.History) string {
	if h.Days == 0 {
		return "all"
	}
	return fmt.Sprintf("%dd", h.Days)
}

// lookBackValue is the SQL of an aggregate's value from the column of its
// rolled-up value: the days from it to the period's end (__end) for an
// as-of function, the empty value (0 for a count) over no touchpoint.
func lookBackValue(d dialect.Dialect, fn *builtins.Builtin, column string) string {
	switch {
	case fn.Kind == builtins.HistoryAggregate:
		return d.DaysBetween(column, "__end")
	case fn.Empty != "":
		return "coalesce(" + column + ", " + fn.Empty + ")"
	}
	return column
}

// historyAggregate is an aggregate of a customer's touchpoints: its column,
// its SQL over one stretch of them (a period, or a day), and how it looks
// back (a ladder's aggregates of the period alone do not).
type historyAggregate struct {
	name, sql string
	lookBack
}

// historyColumn returns the column of an aggregate in a list, added if new:
// identical aggregates share one.
func historyColumn(list *[]*historyAggregate, prefix, sql string, lb lookBack) *historyAggregate {
	for _, a := range *list {
		if a.sql == sql && a.lookBack == lb {
			return a
		}
	}
	a := &historyAggregate{name: fmt.Sprintf("%s%d", prefix, len(*list)+1), sql: sql, lookBack: lb}
	*list = append(*list, a)
	return a
}

// perDay lists the SQL of the aggregates once each: the same aggregate
// may look back over the whole history and over a window, from the same
// column of the days, __d1, __d2…
func perDay(aggs []*historyAggregate) []string {
	var sqls []string
	for _, a := range aggs {
		if !slices.Contains(sqls, a.sql) {
			sqls = append(sqls, a.sql)
		}
	}
	return sqls
}

func dayColumn(sqls []string, sql string) string {
	return fmt.Sprintf("__d%d", slices.Index(sqls, sql)+1)
}

// dailySQL aggregates each customer's facts per day (__day, numbered from
// 1970-01-01), for the aggregates rolled up by historySQL.
func dailySQL(d dialect.Dialect, facts string, aggs []*historyAggregate) string {
	cols := []string{colCustomer, "CAST(" + colTime + " AS DATE) - DATE '1970-01-01' AS __day"}
	sqls := perDay(aggs)
	for _, sql := range sqls {
		cols = append(cols, sql+" AS "+dayColumn(sqls, sql))
	}
	return "SELECT " + strings.Join(cols, ",\n       ") + "\nFROM " + facts + "\nWHERE " + colCustomer + " IS NOT NULL\n" + d.GroupByAll(2)
}

// historySQL extends the rows of from (of the columns given), each a
// customer (__customer) at the end of a period (__end, a midnight), with
// each aggregate rolled up over his days in daily before that end: all of
// them, or those of the trailing window. The rows and the days are sorted together per customer, a row
// on the last day before its end, and a window frame per look-back rolls up
// the days up to that one, its peers included. Days are numbered from
// 1970-01-01: an integer frame is twice as fast as an interval over dates.
func historySQL(d dialect.Dialect, from string, columns []string, daily string, aggs []*historyAggregate) string {
	sqls := perDay(aggs)
	days := []string{colCustomer, "__day"}
	for _, sql := range sqls {
		days = append(days, dayColumn(sqls, sql))
	}
	var windows []dialect.Window
	for _, a := range aggs {
		frame := "UNBOUNDED PRECEDING"
		if a.days > 0 {
			frame = fmt.Sprintf("%d PRECEDING", a.days-1)
		}
		windows = append(windows, dialect.Window{Name: a.name,
			SQL: fmt.Sprintf("%s(%s) OVER (PARTITION BY %s ORDER BY __day RANGE BETWEEN %s AND CURRENT ROW)", a.rollup, dayColumn(sqls, a.sql), colCustomer, frame)})
	}
	return d.RolledUp(
		dialect.Part{Table: "*, CAST(__end AS DATE) - DATE '1970-01-01' - 1 AS __day, true AS __row FROM " + from, Columns: append(slices.Clone(columns), "__day", "__row")},
		dialect.Part{Table: "*, false AS __row FROM " + daily, Columns: append(days, "__row")},
		[]string{"__day"}, windows, "__row")
}

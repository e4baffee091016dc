package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/dialect"
)

// This file computes what a formula reads of other rows than its own, each
// with a window rather than a join: a KPI's value in the same cell one
// period (or a year) before, over a calendar of every period of the scope
// (cell_calendar), so that a period without rows counts as one and the lag
// is by calendar, not by row; a touchpoint's customer's earlier
// touchpoints; a customer's rows of the period before; his place among the
// customers of the period (ranks.go).

// Window implements formula.Env.
func (e *scopeEnv) Window(fn *builtins.Builtin, args []string) string {
	grain := e.c.Session.Project.Settings.Grain.Value
	switch {
	case fn.Kind == builtins.Rank:
		return rankWindow(e.Dialect(), fn, args)
	case fn.Kind == builtins.Compare:
		return e.compared(args[0], periodStep(e.Dialect(), grain, fn.Name == "year_ago" || fn.Name == "year_change"))
	case fn.Name == "had_before" && len(args) == 2:
		// Among the touchpoints of the days before, at an earlier time.
		return e.c.history.add("before", fmt.Sprintf("coalesce(bool_or(%s) OVER (PARTITION BY %s ORDER BY %s RANGE BETWEEN %s PRECEDING AND %s PRECEDING), false)",
			args[0], colCustomer, colTime, e.Dialect().Days(args[1]), e.Dialect().Interval("1 MICROSECOND")))
	case fn.Kind == builtins.Before:
		// The customer's first touchpoint meeting the condition is earlier.
		bound := colTime
		if fn.Name == "had_before_period" {
			bound = "CAST(" + colPeriod + " AS TIMESTAMP)"
		}
		return e.c.history.add("before", fmt.Sprintf("coalesce(%[1]s IS NOT NULL AND min(CASE WHEN %[2]s THEN %[3]s END) OVER (PARTITION BY %[1]s) < %[4]s, false)",
			colCustomer, args[0], colTime, bound))
	}
	// retained_customers: the customer's row of the period before met the condition.
	condition := "TRUE"
	if len(args) > 0 {
		condition = args[0]
	}
	return e.c.history.add("retained", fmt.Sprintf("CASE WHEN %[1]s IS NOT NULL THEN coalesce(bool_or(%[2]s) OVER (PARTITION BY __scope, %[3]s ORDER BY %[1]s %[4]s), false) END",
		colPeriod, condition, colCustomer, periodStep(e.Dialect(), grain, false)))
}

// compared is the value of arg (SQL over the cell's measures and the
// columns of the KPIs it names) in the cell of the period a frame before:
// a window over cell_calendar, where a measure or a KPI's value is a
// column; any other value becomes the column of a step of its own, before
// the KPI that compares it. Over the whole window (no period), NULL.
func (e *scopeEnv) compared(arg, frame string) string {
	column := arg
	isMeasure := slices.ContainsFunc(e.c.Measures, func(m *Measure) bool { return m.Name == arg })
	if e.unit.named(arg) == nil && !isMeasure {
		value := &unit{column: fmt.Sprintf("%s_%d", e.unit.column, len(e.unit.names)+1), done: true}
		for _, n := range e.unit.names {
			value.name(n)
		}
		value.compiled(arg, arg)
		e.unit.name(value)
		column = value.column
	}
	e.unit.windowed = true
	return fmt.Sprintf("CASE WHEN %[1]s IS NOT NULL THEN max(%[2]s) OVER (PARTITION BY __scope, __by, __key ORDER BY %[1]s %[3]s) END", colPeriod, column, frame)
}

// periodStep is the window frame of the one row a period (or a year)
// before the current one, in a calendar of the grain's periods: a year
// before is 52 weeks by week.
func periodStep(d dialect.Dialect, grain string, yearAgo bool) string {
	step := periodLength[grain]
	if yearAgo {
		step = "1 YEAR"
		if grain == "week" {
			step = "364 DAY"
		}
	}
	return fmt.Sprintf("RANGE BETWEEN %s PRECEDING AND %[1]s PRECEDING", d.Interval(step))
}

// periodLength is the interval from one period of a grain to the next.
var periodLength = map[string]string{"day": "1 DAY", "week": "7 DAY", "month": "1 MONTH", "quarter": "3 MONTH", "year": "1 YEAR"}

// windows are the window columns that conditions on earlier rows read,
// each named after what it computes, so that a measure's SQL, and so its
// fingerprint, changes with them.
type windows struct {
	columns []string
	sql     map[string]string
}

// add registers a window column of the given kind and SQL, once, and
// returns its name.
func (w *windows) add(kind, sql string) string {
	sum := sha256.Sum256([]byte(sql))
	name := "__" + kind + "_" + hex.EncodeToString(sum[:6])
	if w.sql == nil {
		w.sql = map[string]string{}
	}
	if _, ok := w.sql[name]; !ok {
		w.sql[name] = sql
		w.columns = append(w.columns, name)
	}
	return name
}

// used selects the window columns of a kind that the plan's measures read,
// as SQL select items.
func (w *windows) used(kind string, measures []*Measure) []string {
	var out []string
	for _, name := range w.usedNames(kind, measures) {
		out = append(out, w.sql[name]+" AS "+name)
	}
	return out
}

// usedNames are the names of the window columns of a kind that the plan's
// measures read.
func (w *windows) usedNames(kind string, measures []*Measure) []string {
	var out []string
	for _, name := range w.columns {
		if strings.HasPrefix(name, "__"+kind+"_") && slices.ContainsFunc(measures, func(m *Measure) bool { return strings.Contains(m.SQL, name) }) {
			out = append(out, name)
		}
	}
	return out
}

// windowed reports whether a KPI of the plan, or one they name, compares
// periods: the KPIs are then computed over cell_calendar.
func (p *Plan) windowed() bool {
	var units []*unit
	for _, k := range p.KPIs {
		units = append(units, &k.unit)
	}
	for _, step := range steps(units) {
		if slices.ContainsFunc(step, func(u *unit) bool { return u.windowed }) {
			return true
		}
	}
	return false
}

// calendar gives every cell of the scope (its breakdown and value) a row
// in every period from the scope's first to its last, with the aggregates
// over no row where it has none (present is false there), and its row
// over the whole window: a KPI of the period before reads its row there.
func (q *query) calendar() string {
	step := periodLength[q.c.Session.Project.Settings.Grain.Value]
	cols := []string{"k.__scope", "k.__by", "k.__key", "p." + colPeriod, "c.__scope IS NOT NULL AS __present"}
	for _, m := range q.p.Measures {
		if m.Empty != "" {
			cols = append(cols, fmt.Sprintf("coalesce(c.%s, %s) AS %[1]s", m.Name, m.Empty))
		} else {
			cols = append(cols, "c."+m.Name)
		}
	}
	series := q.dialect().Series("min("+colPeriod+")", "max("+colPeriod+")", q.dialect().Interval(step))
	periods := fmt.Sprintf("SELECT __scope, CAST(%s AS DATE) AS %s\n    FROM cells GROUP BY __scope", series, colPeriod)
	return "SELECT " + strings.Join(cols, ", ") +
		"\nFROM (SELECT DISTINCT __scope, __by, __key FROM cells) AS k" +
		"\nJOIN (\n    " + periods + "\n) AS p USING (__scope)" +
		"\nLEFT JOIN cells AS c ON c.__scope = k.__scope AND " + q.dialect().SameKey("c.__by", "k.__by") + " AND " + q.dialect().SameKey("c.__key", "k.__key") + " AND c." + colPeriod + " = p." + colPeriod +
		"\nUNION ALL\nSELECT __scope, __by, __key, " + colPeriod + ", TRUE, " + strings.Join(measureNames(q.p.Measures), ", ") + "\nFROM cells WHERE " + colPeriod + " IS NULL"
}

func measureNames(ms []*Measure) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}

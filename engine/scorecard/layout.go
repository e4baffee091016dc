package scorecard

import (
	"fmt"
	"slices"
)

// This file lays a scorecard out in tables for people: the text form here,
// and the Markdown and HTML forms of report, draw the same tables.

// Cell names a value: scope ("" for the whole data), KPI, breakdown, key
// (Value.KeyID: "(none)" for a breakdown's missing value) and period (""
// for the scope's whole window).
type Cell struct{ Campaign, KPI, By, Key, Period string }

// Layout is a scorecard with its values found by cell.
type Layout struct {
	sc    *Scorecard
	cells map[Cell]Number
}

// NewLayout indexes the values of a scorecard by cell.
func NewLayout(sc *Scorecard) *Layout {
	l := &Layout{sc: sc, cells: map[Cell]Number{}}
	for _, v := range sc.Values {
		l.cells[Cell{v.Campaign, v.KPI, v.By, v.KeyID(), v.Period}] = v.Value
	}
	return l
}

// Value is the value of a cell; false when the scorecard has none there.
func (l *Layout) Value(c Cell) (Number, bool) {
	n, ok := l.cells[c]
	return n, ok
}

// Totals is a scope's table of KPIs (rows) by whole window and period;
// each KPI's row is written with one number of decimals.
func (l *Layout) Totals(campaign string) Table {
	periods := l.sc.Periods(campaign)
	t := Table{Header: append([]string{"KPI", "total"}, periods...)}
	for _, k := range l.sc.KPIs {
		cells := []Cell{{campaign, k.Name, "", "", ""}}
		for _, p := range periods {
			cells = append(cells, Cell{campaign, k.Name, "", "", p})
		}
		t.Rows = append(t.Rows, append([]string{k.Title()}, l.texts(k, cells)...))
	}
	return t
}

// Breakdown is a scope's table of a breakdown's values (rows) by KPI, over
// the whole window, its columns headed by the KPIs' titles and each
// written with one number of decimals; no rows when nothing is reported
// by it. With a top, the rows are the keys kept, highest first, with their
// share of the total, and a row for the others (see top.go).
func (l *Layout) Breakdown(campaign, by string) Table {
	if r := l.sc.ranking(campaign, by); r != nil {
		return l.topBreakdown(campaign, r)
	}
	return l.breakdown(campaign, by, l.sc.Keys(campaign, by))
}

// breakdown is the table of a breakdown's keys given.
func (l *Layout) breakdown(campaign, by string, keys []string) Table {
	kpis := l.sc.KPIsBy(by)
	t := Table{Header: []string{by}}
	columns := make([][]string, len(kpis))
	for i, k := range kpis {
		t.Header = append(t.Header, k.Title())
		var cells []Cell
		for _, key := range keys {
			cells = append(cells, Cell{campaign, k.Name, by, key, ""})
		}
		columns[i] = l.texts(k, cells)
	}
	for j, key := range keys {
		row := []string{key}
		for i := range kpis {
			row = append(row, columns[i][j])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// texts are the formatted values of a KPI's cells, with one number of
// decimals; "" where a cell does not exist.
func (l *Layout) texts(k KPI, cells []Cell) []string {
	values := make([]Number, len(cells))
	for i, c := range cells {
		n, ok := l.cells[c]
		if !ok {
			n = Null
		}
		values[i] = n
	}
	out := FormatColumn(values, k.Format, l.sc.Currency)
	for i, c := range cells {
		if _, ok := l.cells[c]; !ok {
			out[i] = ""
		}
	}
	return out
}

// Title names a KPI for a person: its label, else its name.
func (k KPI) Title() string {
	if k.Label != "" {
		return k.Label
	}
	return k.Name
}

// Title names a scope: "Whole data", or the campaign with its window.
func (s Scope) Title() string {
	switch {
	case s.Campaign == "":
		return "Whole data"
	case s.Label != "":
		return fmt.Sprintf("Campaign %s — %s (%s to %s)", s.Campaign, s.Label, s.Start, s.End)
	}
	return fmt.Sprintf("Campaign %s (%s to %s)", s.Campaign, s.Start, s.End)
}

// Breakdowns are the single breakdowns some KPI is reported by, in order;
// Crosses the crossed ones.
func (sc *Scorecard) Breakdowns() []string {
	return slices.DeleteFunc(sc.allBreakdowns(), Crossed)
}

// allBreakdowns are the breakdowns some KPI is reported by, in order.
func (sc *Scorecard) allBreakdowns() []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range sc.KPIs {
		for _, b := range k.By {
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// KPIsBy are the KPIs reported by a breakdown, in order.
func (sc *Scorecard) KPIsBy(by string) []KPI {
	var out []KPI
	for _, k := range sc.KPIs {
		for _, b := range k.By {
			if b == by {
				out = append(out, k)
			}
		}
	}
	return out
}

// Periods are the periods of a scope's totals, in order ("" for the whole
// data, else the campaign).
func (sc *Scorecard) Periods(campaign string) []string {
	return sc.distinct(campaign, "", func(v Value) string { return v.Period })
}

// Keys are the values of a breakdown in a scope, in order; "(none)" stands
// for the missing value.
func (sc *Scorecard) Keys(campaign, by string) []string {
	return sc.distinct(campaign, by, func(v Value) string { return keyText(v.Key) })
}

// distinct lists, in order of appearance, the values of a field over the
// values of one scope and breakdown.
func (sc *Scorecard) distinct(campaign, by string, field func(Value) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range sc.Values {
		if v.Campaign != campaign || v.By != by {
			continue
		}
		if f := field(v); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// keyText is the name of a breakdown's value; "(none)" for its missing one.
func keyText(k *string) string {
	if k == nil {
		return "(none)"
	}
	return *k
}

// Package report renders a scorecard for people and spreadsheets: CSV (tidy
// tables), GitHub-flavoured Markdown (for pull-request comments and CI job
// summaries) and one self-contained HTML page with inline SVG charts. Every
// form is drawn from the same scorecard data; none needs DuckDB.
package report

import (
	"fmt"
	"math"

	"github.com/omni-metrics/omni/scorecard"
)

// view is a scorecard laid out for reading: its values found by cell and
// formatted as their KPI says. The Markdown and HTML forms both draw on it.
type view struct {
	sc    *scorecard.Scorecard
	kpis  map[string]scorecard.KPI
	cells map[cell]scorecard.Number
}

// cell names a value: scope ("" for the whole data), KPI, breakdown, key
// and period ("" for the scope's whole window).
type cell struct{ campaign, kpi, by, key, period string }

// table is a grid of formatted values under a header; the first column
// names the rows.
type table struct {
	Header []string
	Rows   [][]string
	Left   int // the leading columns that hold text rather than values: 1 when 0
}

func newView(sc *scorecard.Scorecard) *view {
	v := &view{sc: sc, kpis: map[string]scorecard.KPI{}, cells: map[cell]scorecard.Number{}}
	for _, k := range sc.KPIs {
		v.kpis[k.Name] = k
	}
	for _, x := range sc.Values {
		v.cells[cell{x.Campaign, x.KPI, x.By, keyText(x.By, x.Key), x.Period}] = x.Value
	}
	return v
}

// keyText is the name of a breakdown's value; "(none)" for its missing value.
func keyText(by string, key *string) string {
	switch {
	case by == "":
		return ""
	case key == nil:
		return "(none)"
	}
	return *key
}

// kpisBy are the KPIs reported by a breakdown.
func (v *view) kpisBy(by string) []scorecard.KPI {
	var out []scorecard.KPI
	for _, k := range v.sc.KPIs {
		for _, b := range k.By {
			if b == by {
				out = append(out, k)
			}
		}
	}
	return out
}

// number is the value of a cell, or null.
func (v *view) number(c cell) scorecard.Number {
	if n, ok := v.cells[c]; ok {
		return n
	}
	return scorecard.Null
}

// text is the formatted value of a cell; "" when the cell does not exist.
func (v *view) text(k scorecard.KPI, c cell) string {
	n, ok := v.cells[c]
	if !ok {
		return ""
	}
	return scorecard.FormatValue(n, k.Format, v.sc.Currency)
}

// totals is a scope's table of KPIs (rows) by whole window and period.
func (v *view) totals(s scorecard.Scope) table {
	periods := v.sc.Periods(s.Campaign)
	t := table{Header: append([]string{"KPI", "total"}, periods...)}
	for _, k := range v.sc.KPIs {
		row := []string{kpiTitle(k), v.text(k, cell{s.Campaign, k.Name, "", "", ""})}
		for _, p := range periods {
			row = append(row, v.text(k, cell{s.Campaign, k.Name, "", "", p}))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// breakdown is a scope's table of a breakdown's values (rows) by KPI, over
// the whole window; no rows when nothing is reported by it.
func (v *view) breakdown(s scorecard.Scope, by string) table {
	kpis := v.kpisBy(by)
	t := table{Header: []string{by}}
	for _, k := range kpis {
		t.Header = append(t.Header, k.Name)
	}
	for _, key := range v.sc.Keys(s.Campaign, by) {
		row := []string{key}
		for _, k := range kpis {
			row = append(row, v.text(k, cell{s.Campaign, k.Name, by, key, ""}))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// scopeTitle names a scope: "Whole data", or the campaign with its window.
func scopeTitle(s scorecard.Scope) string {
	switch {
	case s.Campaign == "":
		return "Whole data"
	case s.Label != "":
		return fmt.Sprintf("Campaign %s — %s (%s to %s)", s.Campaign, s.Label, s.Start, s.End)
	}
	return fmt.Sprintf("Campaign %s (%s to %s)", s.Campaign, s.Start, s.End)
}

func kpiTitle(k scorecard.KPI) string {
	if k.Label != "" {
		return k.Label
	}
	return k.Name
}

// title is the scorecard's heading.
func title(sc *scorecard.Scorecard) string {
	t := fmt.Sprintf("Scorecard %s of %s", sc.Name, sc.Project)
	if sc.Label != "" {
		t += " — " + sc.Label
	}
	return t
}

// finite reports whether a value exists and is a real number.
func finite(n scorecard.Number) bool {
	return !n.IsNull() && !math.IsInf(float64(n), 0)
}

// Package report renders a scorecard for people and spreadsheets: CSV (tidy
// tables), GitHub-flavoured Markdown (for pull-request comments and CI job
// summaries) and one self-contained HTML page with inline SVG charts. Every
// form is drawn from the same scorecard data; none needs DuckDB.
package report

import (
	"fmt"
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// view is a scorecard laid out for reading: its values found by cell and
// formatted as their KPI says. The Markdown and HTML forms both draw on it.
type view struct {
	*scorecard.Layout
	sc   *scorecard.Scorecard
	kpis map[string]scorecard.KPI
}

// table is a grid of formatted values under a header; the first column
// names the rows.
type table struct {
	Header []string
	Rows   [][]string
	Left   int // the leading columns that hold text rather than values: 1 when 0
}

func newView(sc *scorecard.Scorecard) *view {
	v := &view{Layout: scorecard.NewLayout(sc), sc: sc, kpis: map[string]scorecard.KPI{}}
	for _, k := range sc.KPIs {
		v.kpis[k.Name] = k
	}
	return v
}

// number is the value of a cell, or null.
func (v *view) number(c scorecard.Cell) scorecard.Number {
	if n, ok := v.Value(c); ok {
		return n
	}
	return scorecard.Null
}

// tableOf is a table of the scorecard's layout, as the forms draw it.
func tableOf(t scorecard.Table) table { return table{Header: t.Header, Rows: t.Rows} }

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

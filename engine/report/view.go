// Package report renders a scorecard for people and spreadsheets: CSV (tidy
// tables), GitHub-flavoured Markdown (for pull-request comments and CI job
// summaries) and one self-contained HTML page with inline SVG charts. Every
// form is drawn from the same scorecard data; none needs DuckDB.
package report

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/omni-metrics/omni/engine/period"

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
	Title  string // what the table shows; "" when a heading says it
	Header []string
	Rows   [][]string
	Left   int // the leading columns that hold text rather than values: 1 when 0
}

// withoutEmptyColumns leaves out the columns with no value in any row, as
// the objectives of a scorecard without any.
func (t table) withoutEmptyColumns() table {
	out := table{Title: t.Title, Left: t.Left, Rows: make([][]string, len(t.Rows))}
	for j, h := range t.Header {
		empty := len(t.Rows) > 0
		for _, r := range t.Rows {
			empty = empty && r[j] == ""
		}
		if empty {
			if j < t.Left {
				out.Left--
			}
			continue
		}
		out.Header = append(out.Header, h)
		for i, r := range t.Rows {
			out.Rows[i] = append(out.Rows[i], r[j])
		}
	}
	return out
}

// left is the number of leading columns of text, at least 1.
func (t table) left() int { return min(max(1, t.Left), len(t.Header)) }

// split cuts a table wider than most columns into tables of its leading
// text columns and as many of the others as fit, in order: a reader finds
// every row's name beside its values, with no scrolling sideways.
func (t table) split(most int) []table {
	left := t.left()
	per := max(1, most-left)
	var out []table
	for from := left; from == left || from < len(t.Header); from += per {
		to := min(len(t.Header), from+per)
		cut := func(r []string) []string { return append(slices.Clone(r[:left]), r[from:to]...) }
		part := table{Title: t.Title, Left: t.Left, Header: cut(t.Header)}
		for _, r := range t.Rows {
			part.Rows = append(part.Rows, cut(r))
		}
		out = append(out, part)
	}
	return out
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
func tableOf(t scorecard.Table) table { return table{Title: t.Title, Header: t.Header, Rows: t.Rows} }

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

// partial reports whether a scope's values cover a period in part only:
// the period starts before a campaign's window, or ends after the scope's
// last day (see lastDay). Unknown periods and last days are taken whole.
func (v *view) partial(s scorecard.Scope, p string) bool {
	start, ok := period.Parse(p, v.sc.Grain)
	if !ok {
		return false
	}
	end := period.Next(start, v.sc.Grain).AddDate(0, 0, -1)
	first, _ := time.Parse(time.DateOnly, s.Start)
	last := v.lastDay(s)
	return start.Before(first) || !last.IsZero() && end.After(last)
}

// lastDay is the last day a scope's values cover, when the scorecard tells
// it: the data's last day, which an objective judged before its deadline
// was judged on, or else the campaign's end; zero when unknown.
func (v *view) lastDay(s scorecard.Scope) time.Time {
	var last time.Time
	for _, o := range v.sc.Objectives {
		if o.AsOf < o.Deadline { // judged on the data's last day
			if d, err := time.Parse(time.DateOnly, o.AsOf); err == nil && d.After(last) {
				last = d
			}
		}
	}
	if end, err := time.Parse(time.DateOnly, s.End); err == nil && (last.IsZero() || end.Before(last)) {
		last = end
	}
	return last
}

package scorecard

import (
	"fmt"
	"slices"
	"strings"
)

// PivotColumns is the most columns of values a pivot table has: a cross
// whose last breakdown has more values is split into several tables, so
// that a wide pivot stays readable in a terminal and a pull request (with
// the rows' names, 8 columns, as every table of the Markdown comment).
const PivotColumns = 7

// Pivots are a scope's tables of a crossed breakdown over the whole
// window, one per KPI it reports (more when split, see PivotColumns):
// rows the values of the breakdowns crossed but the last, columns the
// last's, each KPI written with one number of decimals. A cohort's
// retention triangle (see CohortTriangle) has a second table per KPI: each
// value as a share of its cohort's size.
func (l *Layout) Pivots(campaign, by string) []Table {
	rows, cols := l.pivotKeys(campaign, by)
	if len(rows) == 0 {
		return nil
	}
	names := CrossedNames(by)
	corner := strings.Join(names[:len(names)-1], CrossSign) + ` \ ` + names[len(names)-1]
	// split writes a KPI's texts, one per row and column, as tables of
	// PivotColumns columns at most.
	split := func(title string, texts []string) (out []Table) {
		for from := 0; from < len(cols); from += PivotColumns {
			to := min(from+PivotColumns, len(cols))
			t := Table{Title: title, Header: []string{corner}}
			if len(cols) > PivotColumns {
				t.Title += fmt.Sprintf(" (%s %d–%d of %d)", names[len(names)-1], from+1, to, len(cols))
			}
			for _, c := range cols[from:to] {
				t.Header = append(t.Header, keyText(c))
			}
			for i, r := range rows {
				t.Rows = append(t.Rows, append([]string{keysText(r)}, texts[i*len(cols)+from:i*len(cols)+to]...))
			}
			out = append(out, t)
		}
		return out
	}
	var out []Table
	for _, k := range l.sc.KPIsBy(by) {
		// One Cell per row and column: a KPI's values take their
		// decimals together, in every part of a split pivot.
		var cells []Cell
		for _, r := range rows {
			for _, c := range cols {
				cells = append(cells, Cell{campaign, k.Name, by, keysID(append(slices.Clone(r), c)), ""})
			}
		}
		out = append(out, split(k.Title()+" by "+by, l.texts(k, cells))...)
		if !CohortTriangle(by) {
			continue
		}
		if shares := l.cohortShares(cells, cols, rows); slices.ContainsFunc(shares, func(n Number) bool { return !n.IsNull() }) {
			out = append(out, split(k.Title()+" by "+by+", share of the cohort", shareTexts(shares))...)
		}
	}
	return out
}

// CohortTriangle reports whether a crossed breakdown is a cohort's
// retention triangle: "cohort.<name> × cohort.<name>.offset".
func CohortTriangle(by string) bool {
	names := CrossedNames(by)
	return len(names) == 2 && strings.HasPrefix(names[0], "cohort.") && names[1] == names[0]+".offset"
}

// cohortShares are a KPI's cells of a triangle (a row per cohort, a column
// per offset) over their cohort's size, its value at offset 0; Null where
// a cell does not exist, has no offset (a touchpoint before the cohort) or
// its cohort has no size (offset 0 is outside the scope, or null).
func (l *Layout) cohortShares(cells []Cell, cols []*string, rows [][]*string) []Number {
	zero := "0"
	shares := make([]Number, len(cells))
	for i, c := range cells {
		shares[i] = Null
		c0 := c
		c0.Key = keysID(append(slices.Clone(rows[i/len(cols)]), &zero))
		v, found := l.cells[c]
		if size, ok := l.cells[c0]; found && ok && cols[i%len(cols)] != nil && size != 0 && !size.IsNull() {
			shares[i] = v / size
		}
	}
	return shares
}

// shareTexts writes shares as percents with one number of decimals; ""
// where there is none.
func shareTexts(shares []Number) []string {
	out := FormatColumn(shares, "percent", "")
	for i, n := range shares {
		if n.IsNull() {
			out[i] = ""
		}
	}
	return out
}

// Triangle is a KPI's retention triangle in a scope: the cohorts with one
// (rows), the offsets (columns, from 0), and each cell's share of its
// cohort's size, row by row (Null where there is none).
type Triangle struct {
	Cohorts, Offsets []string
	Shares           []Number
}

// Triangle is a KPI's triangle of a cohort's cross (see CohortTriangle)
// in a scope, without the customers that have no cohort or the
// touchpoints before it; no cohort when it has none there.
func (l *Layout) Triangle(campaign, by string, k KPI) Triangle {
	rows, cols := l.pivotKeys(campaign, by)
	rows = slices.DeleteFunc(rows, func(r []*string) bool { return r[0] == nil })
	cols = slices.DeleteFunc(cols, func(c *string) bool { return c == nil })
	var t Triangle
	if len(rows) == 0 || len(cols) == 0 {
		return t
	}
	var cells []Cell
	for _, r := range rows {
		t.Cohorts = append(t.Cohorts, *r[0])
		for _, c := range cols {
			cells = append(cells, Cell{campaign, k.Name, by, keysID(append(slices.Clone(r), c)), ""})
		}
	}
	for _, c := range cols {
		t.Offsets = append(t.Offsets, *c)
	}
	t.Shares = l.cohortShares(cells, cols, rows)
	return t
}

// pivotKeys are the rows (the keys but the last) and the columns (the
// last key) of a cross's values in a scope, each in the order of
// CompareKeys.
func (l *Layout) pivotKeys(campaign, by string) (rows [][]*string, cols []*string) {
	seenRow, seenCol := map[string]bool{}, map[string]bool{}
	for _, v := range l.sc.Values {
		if v.Campaign != campaign || v.By != by || v.Period != "" || len(v.Keys) < 2 {
			continue
		}
		r, c := v.Keys[:len(v.Keys)-1], v.Keys[len(v.Keys)-1]
		if id := keysID(r); !seenRow[id] {
			seenRow[id] = true
			rows = append(rows, r)
		}
		if id := keysID([]*string{c}); !seenCol[id] {
			seenCol[id] = true
			cols = append(cols, c)
		}
	}
	slices.SortFunc(rows, CompareKeyLists)
	slices.SortFunc(cols, CompareKeys)
	return rows, cols
}

// pivots writes a scope's pivot tables of every crossed breakdown.
func (t *textWriter) pivots(s Scope) {
	for _, by := range t.sc.Crosses() {
		for _, p := range t.lay.Pivots(s.Campaign, by) {
			t.printf("\n%s\n", p.Title)
			t.table(p.Header, p.Rows)
		}
	}
}

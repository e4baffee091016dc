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
// last's, each KPI written with one number of decimals.
func (l *Layout) Pivots(campaign, by string) []Table {
	rows, cols := l.pivotKeys(campaign, by)
	if len(rows) == 0 {
		return nil
	}
	names := CrossedNames(by)
	corner := strings.Join(names[:len(names)-1], CrossSign) + ` \ ` + names[len(names)-1]
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
		texts := l.texts(k, cells)
		for from := 0; from < len(cols); from += PivotColumns {
			to := min(from+PivotColumns, len(cols))
			t := Table{Title: k.Title() + " by " + by, Header: []string{corner}}
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
	}
	return out
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

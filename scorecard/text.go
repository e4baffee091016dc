package scorecard

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteText writes the scorecard as plain-text tables for a terminal: its
// objectives, then per scope the KPIs over the whole window and per period,
// then one table per breakdown with the KPIs it splits; last the loyalty
// ladders.
func WriteText(w io.Writer, sc *Scorecard) error {
	t := newTextWriter(w, sc)
	fmt.Fprintf(w, "Scorecard %s of %s", sc.Name, sc.Project)
	if sc.Label != "" {
		fmt.Fprintf(w, " — %s", sc.Label)
	}
	fmt.Fprintln(w)
	t.objectives()
	for _, scope := range sc.Scopes {
		t.scope(scope)
	}
	t.ladders()
	return t.err
}

type textWriter struct {
	w     io.Writer
	sc    *Scorecard
	cells map[cellKey]Number
	err   error
}

// cellKey identifies a value of a scope.
type cellKey struct {
	campaign, kpi, by, key, period string
}

func newTextWriter(w io.Writer, sc *Scorecard) *textWriter {
	t := &textWriter{w: w, sc: sc, cells: map[cellKey]Number{}}
	for _, v := range sc.Values {
		key := ""
		if v.By != "" {
			key = keyText(v.Key)
		}
		t.cells[cellKey{v.Campaign, v.KPI, v.By, key, v.Period}] = v.Value
	}
	return t
}

func (t *textWriter) scope(s Scope) {
	title := "Whole data"
	if s.Campaign != "" {
		title = fmt.Sprintf("Campaign %s (%s to %s)", s.Campaign, s.Start, s.End)
		if s.Label != "" {
			title = fmt.Sprintf("Campaign %s — %s (%s to %s)", s.Campaign, s.Label, s.Start, s.End)
		}
	}
	fmt.Fprintf(t.w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	periods := t.sc.Periods(s.Campaign)
	header := append([]string{"KPI", "total"}, periods...)
	var rows [][]string
	for _, k := range t.sc.KPIs {
		row := []string{kpiTitle(k), t.format(k, cellKey{s.Campaign, k.Name, "", "", ""})}
		for _, p := range periods {
			row = append(row, t.format(k, cellKey{s.Campaign, k.Name, "", "", p}))
		}
		rows = append(rows, row)
	}
	t.table(header, rows)
	for _, by := range t.sc.Breakdowns() {
		t.breakdown(s, by)
	}
	t.attribution(s)
}

// breakdown writes a table of the breakdown's values (rows) by KPI (columns).
func (t *textWriter) breakdown(s Scope, by string) {
	var kpis []KPI
	for _, k := range t.sc.KPIs {
		for _, b := range k.By {
			if b == by {
				kpis = append(kpis, k)
			}
		}
	}
	keys := t.sc.Keys(s.Campaign, by)
	if len(kpis) == 0 || len(keys) == 0 {
		return
	}
	fmt.Fprintf(t.w, "\nby %s\n", by)
	header := []string{by}
	for _, k := range kpis {
		header = append(header, k.Name)
	}
	var rows [][]string
	for _, key := range keys {
		row := []string{key}
		for _, k := range kpis {
			row = append(row, t.format(k, cellKey{s.Campaign, k.Name, by, key, ""}))
		}
		rows = append(rows, row)
	}
	t.table(header, rows)
}

// table writes rows under a header: the first column aligned left, the
// others, numbers, aligned right.
func (t *textWriter) table(header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			if i == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil && t.err == nil {
		t.err = err
	}
}

func (t *textWriter) format(k KPI, key cellKey) string {
	v, ok := t.cells[key]
	if !ok {
		return ""
	}
	return FormatValue(v, k.Format, t.sc.Currency)
}

func kpiTitle(k KPI) string {
	if k.Label != "" {
		return k.Label
	}
	return k.Name
}

func keyText(k *string) string {
	if k == nil {
		return "(none)"
	}
	return *k
}

// FormatValue writes a value for a person, as its KPI's format says:
// 41.3%, 1,234, 12,345 EUR, 4.67 EUR, 3.47.
func FormatValue(v Number, format, currency string) string {
	if v.IsNull() || math.IsInf(float64(v), 0) {
		return "–"
	}
	f := float64(v)
	switch format {
	case "percent":
		return strconv.FormatFloat(f*100, 'f', 1, 64) + "%"
	case "integer":
		return thousands(strconv.FormatFloat(math.Round(f), 'f', 0, 64))
	case "currency":
		// Cents matter below a hundred: a cost per click of 0.42, not 0.
		s := strconv.FormatFloat(f, 'f', 2, 64)
		if math.Abs(f) >= 100 {
			s = thousands(strconv.FormatFloat(math.Round(f), 'f', 0, 64))
		}
		if currency != "" {
			s += " " + currency
		}
		return s
	}
	if math.Abs(f) >= 1000 {
		return thousands(strconv.FormatFloat(f, 'f', 0, 64))
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// thousands separates the thousands of an integer written in digits.
func thousands(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return sign + digits
}

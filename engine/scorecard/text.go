package scorecard

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/omni-metrics/omni/engine/escape"
)

// WriteText writes the scorecard as plain-text tables for a terminal: its
// objectives, then per scope the KPIs over the whole window and per period,
// then one table per breakdown with the KPIs it splits; last the loyalty
// ladders.
func WriteText(w io.Writer, sc *Scorecard) error {
	t := newTextWriter(w, sc)
	if sc.Label != "" {
		t.printf("Scorecard %s of %s — %s\n", sc.Name, sc.Project, sc.Label)
	} else {
		t.printf("Scorecard %s of %s\n", sc.Name, sc.Project)
	}
	t.objectives()
	for _, scope := range sc.Scopes {
		t.scope(scope)
	}
	t.ladders()
	return t.err
}

type textWriter struct {
	w   io.Writer
	sc  *Scorecard
	lay *Layout
	err error
}

func newTextWriter(w io.Writer, sc *Scorecard) *textWriter {
	return &textWriter{w: w, sc: sc, lay: NewLayout(sc)}
}

// scope writes a scope's title, its totals, a table per breakdown that
// reports something, and its attributions.
func (t *textWriter) scope(s Scope) {
	t.heading(s.Title())
	totals := t.lay.Totals(s.Campaign)
	t.table(totals.Header, totals.Rows)
	for _, by := range t.sc.Breakdowns() {
		if b := t.lay.Breakdown(s.Campaign, by); len(b.Rows) > 0 && len(b.Header) > 1 {
			t.printf("\nby %s\n", by)
			t.table(b.Header, b.Rows)
		}
	}
	t.attribution(s)
}

// printf writes a format with its texts, which come from the definitions
// or the data: each as one line of text, without a control character that
// a terminal would act on.
func (t *textWriter) printf(format string, texts ...string) {
	args := make([]any, len(texts))
	for i, s := range texts {
		args[i] = escape.TerminalLine(s)
	}
	t.write(fmt.Sprintf(format, args...))
}

// heading writes a title underlined.
func (t *textWriter) heading(title string) {
	title = escape.TerminalLine(title)
	t.write(fmt.Sprintf("\n%s\n%s\n", title, strings.Repeat("=", utf8.RuneCountInString(title))))
}

func (t *textWriter) write(s string) {
	if _, err := io.WriteString(t.w, s); err != nil && t.err == nil {
		t.err = err
	}
}

// table writes rows under a header, their cells escaped as printf's texts:
// the first column aligned left, the others, numbers, aligned right.
func (t *textWriter) table(header []string, rows [][]string) {
	all := [][]string{escapeCells(header)}
	for _, r := range rows {
		all = append(all, escapeCells(r))
	}
	widths := make([]int, len(header))
	for _, r := range all {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	for _, r := range all {
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
	t.write(b.String())
}

func escapeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = escape.TerminalLine(c)
	}
	return out
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

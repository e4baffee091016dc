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
// ladders and the experiments.
func WriteText(w io.Writer, sc *Scorecard) error {
	t := newTextWriter(w, sc)
	if sc.Label != "" {
		t.printf("Scorecard %s of %s — %s\n", sc.Name, sc.Project, sc.Label)
	} else {
		t.printf("Scorecard %s of %s\n", sc.Name, sc.Project)
	}
	if sc.AsOf != "" {
		t.printf("As of %s: the data ends that day.\n", sc.AsOf)
	}
	t.objectives()
	for _, scope := range sc.Scopes {
		t.scope(scope)
	}
	t.ladders()
	t.experiments()
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

// scope writes a scope's title, its totals if it has KPIs, a table per
// breakdown that reports something, the pivot tables of the crossed ones,
// and its attributions.
func (t *textWriter) scope(s Scope) {
	t.heading(s.Title())
	if totals := t.lay.Totals(s.Campaign); len(totals.Rows) > 0 { // kpis = []: attributions only
		t.table(totals.Header, totals.Rows)
	}
	for _, by := range t.sc.Breakdowns() {
		if b := t.lay.Breakdown(s.Campaign, by); len(b.Rows) > 0 && len(b.Header) > 1 {
			t.printf("\nby %s\n", by)
			t.table(b.Header, b.Rows)
		}
	}
	t.pivots(s)
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
	t.alignedTable(header, rows, 1)
}

// alignedTable writes a table whose left leading columns hold text,
// aligned left, and the others values, aligned right.
func (t *textWriter) alignedTable(header []string, rows [][]string, left int) {
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
			switch {
			case i == 0:
				b.WriteString(cell + pad)
			case i < left:
				b.WriteString("  " + cell + pad)
			default:
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
	return FormatColumn([]Number{v}, format, currency)[0]
}

// FormatColumn writes the values of one column of a table (or one row of
// a KPI's values) with one number of decimals, so that they line up: a
// percentage with 1; a count (integer) with none; an amount and a plain
// number with 2, or none when every value is whole or one is large
// (a hundred for an amount, a thousand for a number), where cents and
// hundredths no longer matter.
func FormatColumn(values []Number, format, currency string) []string {
	decimals := columnDecimals(values, format)
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = formatFixed(v, format, currency, decimals)
	}
	return out
}

func columnDecimals(values []Number, format string) int {
	large := 1000.0
	switch format {
	case "percent":
		return 1
	case "integer":
		return 0
	case "currency":
		large = 100
	}
	whole := true
	for _, v := range values {
		f := float64(v)
		if v.IsNull() || math.IsInf(f, 0) {
			continue
		}
		if math.Abs(f) >= large {
			return 0
		}
		// Whole as written: 2.999 shows as 3.00, so counts as whole.
		whole = whole && math.Abs(f-math.Round(f)) < 0.005
	}
	if whole {
		return 0
	}
	return 2
}

func formatFixed(v Number, format, currency string, decimals int) string {
	if v.IsNull() || math.IsInf(float64(v), 0) {
		return "–"
	}
	f := float64(v)
	if format == "percent" {
		return strconv.FormatFloat(f*100, 'f', decimals, 64) + "%"
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if decimals == 0 {
		s = thousands(strconv.FormatFloat(math.Round(f), 'f', 0, 64))
	}
	if format == "currency" && currency != "" {
		s += " " + currency
	}
	return s
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

// Plural counts things in words: Plural(1, "error") is "1 error", and
// Plural(2, "error") "2 errors". Every noun omni counts takes an s.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

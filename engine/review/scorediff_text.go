package review

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Show chooses the rows of a comparison that are written, and how.
type Show struct {
	All       bool       // unchanged values too
	Periods   bool       // values per period too, beside those over the whole window
	Markdown  bool       // a Markdown table, for a pull request comment
	Threshold *Threshold // marks the changes beyond it; nil for none
}

// Shows reports whether a row is written.
func (s Show) Shows(r *Row) bool {
	return (r.Period == "" || s.Periods) && (s.All || r.Changed())
}

// WriteComparison writes a comparison as one table per scope, the
// objectives whose status changed, and a summary line.
func WriteComparison(w io.Writer, c *Comparison, show Show) error {
	var b strings.Builder
	text := show.escaper()
	if show.Markdown {
		fmt.Fprintf(&b, "### omni diff: %s → %s\n", text(c.Before), text(c.After))
	} else {
		fmt.Fprintf(&b, "omni diff: %s → %s\n", text(c.Before), text(c.After))
	}
	header := []string{"KPI", "by", "key", "before", "after", "change", "relative", "p-value", "notes"}
	if show.Periods {
		header = append(header[:3], append([]string{"period"}, header[3:]...)...)
	}
	tables := map[string]*table{}
	var scopes []string
	for i := range c.Rows {
		r := &c.Rows[i]
		if !show.Shows(r) {
			continue
		}
		t := tables[r.Campaign]
		if t == nil {
			t = &table{header: header, right: map[int]bool{}}
			for j := len(header) - 6; j < len(header)-1; j++ {
				t.right[j] = true
			}
			tables[r.Campaign] = t
			scopes = append(scopes, r.Campaign)
		}
		t.rows = append(t.rows, escapeAll(cells(r, c.Currency, show), text))
	}
	for _, scope := range scopes {
		title := "Whole data"
		if scope != "" {
			title = "Campaign " + text(scope)
		}
		if show.Markdown {
			fmt.Fprintf(&b, "\n#### %s\n\n", title)
		} else {
			fmt.Fprintf(&b, "\n%s\n", title)
		}
		tables[scope].write(&b, show.Markdown)
	}
	if len(c.Objectives) > 0 {
		b.WriteString("\nObjectives whose status changed\n")
		if show.Markdown {
			b.WriteString("\n")
		}
		for _, o := range c.Objectives {
			fmt.Fprintf(&b, "- %s (%s): %s → %s\n", text(o.Name), text(o.KPI), statusText(o.Before), statusText(o.After))
		}
	}
	fmt.Fprintf(&b, "\n%s\n", c.Summary(show.Threshold))
	_, err := io.WriteString(w, b.String())
	return err
}

// escaper is how the comparison's texts from definitions and data (names,
// keys, campaigns, file names) are written: as Markdown, or for a terminal.
func (s Show) escaper() func(string) string {
	if s.Markdown {
		return escape.Markdown
	}
	return escape.TerminalLine
}

// escapeAll escapes each cell of a row.
func escapeAll(cells []string, text func(string) string) []string {
	for i, c := range cells {
		cells[i] = text(c)
	}
	return cells
}

// Summary counts the values that changed, were redefined, and went beyond
// the threshold.
func (c *Comparison) Summary(th *Threshold) string {
	changed, redefined, beyond := 0, 0, 0
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Changed() {
			changed++
		}
		if r.Redefined {
			redefined++
		}
		if th != nil && th.Exceeded(r) {
			beyond++
		}
	}
	s := fmt.Sprintf("%d of %d values changed, %d redefined", changed, len(c.Rows), redefined)
	if th != nil {
		s += fmt.Sprintf("; %d beyond the threshold of %s", beyond, th)
	}
	return s + "."
}

func cells(r *Row, currency string, show Show) []string {
	key := ""
	if r.By != "" {
		key = "(none)"
		if r.Key != nil {
			key = *r.Key
		}
	}
	out := []string{r.KPI.Name, r.By, key}
	if show.Periods {
		out = append(out, r.Period)
	}
	format := r.KPI.Format
	out = append(out, scorecard.FormatValue(r.Before, format, currency), scorecard.FormatValue(r.After, format, currency),
		signed(r.Delta, format, currency), percent(r.Relative), pValue(r.PValue))
	var notes []string
	switch r.Better {
	case 1:
		notes = append(notes, "better")
	case -1:
		notes = append(notes, "worse")
	}
	if r.Redefined {
		notes = append(notes, "redefined")
	}
	if r.RenamedFrom != "" {
		notes = append(notes, "renamed from "+r.RenamedFrom)
	}
	if show.Threshold != nil && show.Threshold.Exceeded(r) {
		notes = append(notes, "beyond threshold")
	}
	return append(out, strings.Join(notes, ", "))
}

// signed writes a change with its sign: percentage points for rates.
func signed(d float64, format, currency string) string {
	switch {
	case math.IsNaN(d):
		return ""
	case format == "percent":
		return fmt.Sprintf("%+.1f pp", d*100)
	case d >= 0:
		return "+" + scorecard.FormatValue(scorecard.Number(d), format, currency)
	}
	return scorecard.FormatValue(scorecard.Number(d), format, currency)
}

func percent(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return fmt.Sprintf("%+.1f%%", x*100)
}

func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return ""
	case p < 0.001:
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", p)
}

func statusText(s scorecard.Status) string {
	if s == "" {
		return "(absent)"
	}
	return s.Text()
}

// table is rows of text under a header, written aligned for a terminal or
// as Markdown.
type table struct {
	header []string
	rows   [][]string
	right  map[int]bool // the columns aligned right: numbers
}

func (t *table) write(b *strings.Builder, markdown bool) {
	if markdown {
		line := func(cells []string) {
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		line(t.header)
		seps := make([]string, len(t.header))
		for i := range seps {
			seps[i] = "---"
			if t.right[i] {
				seps[i] = "---:"
			}
		}
		line(seps)
		for _, r := range t.rows {
			line(r)
		}
		return
	}
	widths := make([]int, len(t.header))
	all := append([][]string{t.header}, t.rows...)
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range all {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

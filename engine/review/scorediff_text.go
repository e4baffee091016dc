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
		title := c.scopeTitle(scope, text)
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
	writeLiftChanges(&b, c.Lifts, show.Markdown, text)
	fmt.Fprintf(&b, "\n%s\n", c.Summary(show))
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

// scopeTitle heads the rows of a scope: a campaign, the two campaigns
// compared, or the whole data; names pass through text.
func (c *Comparison) scopeTitle(campaign string, text func(string) string) string {
	switch {
	case campaign != "":
		return "Campaign " + text(campaign)
	case c.campaigns != nil:
		return "Campaigns " + text(c.campaigns[0]) + " → " + text(c.campaigns[1])
	}
	return "Whole data"
}

// Summary counts the values in view (over the whole windows, and per
// period with --periods) that changed, were redefined, and went beyond the
// threshold; it names the changes per period left out of view.
func (c *Comparison) Summary(show Show) string {
	n := c.Count(show)
	s := fmt.Sprintf("%d of %s changed, %d redefined", n.Changed, scorecard.Plural(n.Compared, "value"), n.Redefined)
	if show.Threshold != nil {
		s += fmt.Sprintf("; %d beyond the threshold of %s", n.Beyond, show.Threshold)
	}
	if n.HiddenPeriods > 0 {
		s += fmt.Sprintf("; %d more changed per period (--periods shows them)", n.HiddenPeriods)
	}
	return s + "."
}

// Tally is what a comparison's summary counts: the values in view, those
// that changed, were redefined or went beyond the threshold, and the
// changes per period out of view.
type Tally struct{ Compared, Changed, Redefined, Beyond, HiddenPeriods int }

// Count tallies the values of a comparison in view of show.
func (c *Comparison) Count(show Show) Tally {
	var n Tally
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Period != "" && !show.Periods {
			if r.Changed() {
				n.HiddenPeriods++
			}
			continue
		}
		n.Compared++
		if r.Changed() {
			n.Changed++
		}
		if r.Redefined {
			n.Redefined++
		}
		if show.Threshold != nil && show.Threshold.Exceeded(r) {
			n.Beyond++
		}
	}
	return n
}

func cells(r *Row, currency string, show Show) []string {
	key := ""
	if r.By != "" {
		key = scorecard.Value{Key: r.Key, Keys: r.Keys}.KeyText()
	}
	out := []string{r.KPI.Name, r.By, key}
	if show.Periods {
		out = append(out, r.Period)
	}
	format := r.KPI.Format
	delta, relative, p := r.ChangeTexts(currency)
	out = append(out, scorecard.FormatValue(r.Before, format, currency), scorecard.FormatValue(r.After, format, currency),
		delta, relative, p)
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

// ChangeTexts write a row's change as omni diff does: with its sign
// (percentage points for rates), relative to the value before, and the
// p-value of its test; "" for what is unknown.
func (r *Row) ChangeTexts(currency string) (delta, relative, p string) {
	return signed(r.Delta, r.KPI.Format, currency), percent(r.Relative), pValue(r.PValue)
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

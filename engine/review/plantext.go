package review

import (
	"fmt"
	"io"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/omni-metrics/omni/engine/escape"
)

// WritePlan writes a plan for a person, as Terraform does: one line per
// change (+ added, ~ changed, - removed), changes with the diff of their
// normalised text and of their compiled normal form, then the definitions
// broken downstream, then the summary line. Mark writes each sign (+ ~ -
// !), in colour on a terminal; nil writes them plain.
func WritePlan(w io.Writer, p *Plan, mark func(sign string) string) error {
	if mark == nil {
		mark = func(sign string) string { return sign }
	}
	var b strings.Builder
	for _, c := range p.Changes {
		writeChange(&b, c, mark)
	}
	if len(p.Downstream) > 0 {
		b.WriteString("\nDownstream: unchanged definitions whose values change with what they depend on\n")
		for _, d := range p.Downstream {
			fmt.Fprintf(&b, "  %s %s depends on %s", mark("!"), line(d.Address), line(d.Cause))
			if d.Through != "" {
				fmt.Fprintf(&b, ", through %s", line(d.Through))
			}
			b.WriteString("\n")
		}
	}
	if len(p.Changes) > 0 || len(p.Downstream) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s\n", p.Summary())
	_, err := io.WriteString(w, b.String())
	return err
}

// line is a text of a definition as one line of the plan: its names and
// strings are the pull request's, and print as text, never as terminal
// control.
var line = escape.TerminalLine

// Summary is the plan's last line: "Plan: 1 to add, 2 to change, 0 to remove."
func (p *Plan) Summary() string {
	return fmt.Sprintf("Plan: %d to add, %d to change, %d to remove.", p.Count(Add), p.Count(Change), p.Count(Remove))
}

func writeChange(b *strings.Builder, c PlannedChange, mark func(string) string) {
	switch c.Action {
	case Add:
		fmt.Fprintf(b, "  %s %s\n", mark("+"), line(c.Address))
		if c.SameAs != "" {
			fmt.Fprintf(b, "      same fingerprint as the removed %s: if it was renamed, add\n      moved { from = %[1]s  to = %s }\n      to keep its history comparable.\n", line(c.SameAs), line(c.Address))
		}
		return
	case Remove:
		fmt.Fprintf(b, "  %s %s\n", mark("-"), line(c.Address))
		return
	}
	address := c.Address
	if c.MovedFrom != "" {
		address = c.MovedFrom + " → " + c.Address
	}
	fmt.Fprintf(b, "  %s %s (%s)\n", mark("~"), line(address), line(verdict(c)))
	writeDiff(b, c.Before.Text, c.After.Text, mark)
	if c.Before.Meaning != "" && c.After.Meaning != "" && c.Before.Meaning != c.After.Meaning {
		b.WriteString("      compiled:\n")
		writeDiff(b, c.Before.Meaning, c.After.Meaning, mark)
	}
}

// verdict says what a change does to the values.
func verdict(c PlannedChange) string {
	switch {
	case c.Breaking:
		return "breaking: past values are not comparable"
	case c.MovedFrom != "" && len(c.Presentation) == 0:
		return "moved: its values stay comparable"
	}
	return "non-breaking: " + strings.Join(c.Presentation, ", ")
}

// writeDiff writes the changed lines of two texts with a line of context,
// indented under their change.
func writeDiff(b *strings.Builder, before, after string, mark func(string) string) {
	edits := udiff.Lines(before, after)
	d, err := udiff.ToUnifiedDiff("before", "after", before, edits, 1)
	if err != nil || len(d.Hunks) == 0 {
		return
	}
	for i, h := range d.Hunks {
		if i > 0 {
			b.WriteString("      …\n")
		}
		for _, l := range h.Lines {
			sign := " "
			switch l.Kind {
			case udiff.Delete:
				sign = "-"
			case udiff.Insert:
				sign = "+"
			}
			fmt.Fprintf(b, "      %s %s\n", mark(sign), line(strings.TrimSuffix(l.Content, "\n")))
		}
	}
}

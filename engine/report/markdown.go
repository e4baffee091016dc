package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// WriteMarkdown writes the scorecard as GitHub-flavoured Markdown, for a
// pull-request comment or a CI job summary: the objectives with their
// status, then per scope the KPIs by period, a table per breakdown and the
// attributions, models side by side; last the loyalty ladders and the
// experiments.
func WriteMarkdown(w io.Writer, sc *scorecard.Scorecard) error {
	v := newView(sc)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\nValues per %s", escape.Markdown(title(sc)), escape.Markdown(sc.Grain))
	if sc.Currency != "" {
		fmt.Fprintf(b, "; amounts in %s", escape.Markdown(sc.Currency))
	}
	b.WriteString(".\n")
	if objectives := v.objectives(); len(objectives) > 0 {
		writeObjectivesMarkdown(b, objectives, asOf(sc))
	}
	for _, s := range sc.Scopes {
		fmt.Fprintf(b, "\n## %s\n", escape.Markdown(s.Title()))
		if totals := tableOf(v.Totals(s.Campaign)); len(totals.Rows) > 0 { // kpis = []: attributions only
			b.WriteString("\n")
			writeMarkdownTable(b, totals, true)
		}
		for _, by := range v.sc.Breakdowns() {
			if t := tableOf(v.Breakdown(s.Campaign, by)); len(t.Rows) > 0 && len(t.Header) > 1 {
				fmt.Fprintf(b, "\n### by %s\n\n", escape.Markdown(by))
				writeMarkdownTable(b, t, true)
			}
		}
		writePivotsMarkdown(b, v, s.Campaign)
		for _, t := range sc.AttributionTables(s.Campaign) {
			fmt.Fprintf(b, "\n### %s\n\n", escape.Markdown(t.Title))
			writeMarkdownTable(b, table{Header: t.Header, Rows: t.Rows}, true)
			if t.Note != "" {
				fmt.Fprintf(b, "\n%s\n", escape.Markdown(t.Note))
			}
		}
	}
	writeLaddersMarkdown(b, sc)
	writeExperimentsMarkdown(b, sc)
	return b.Flush()
}

func writeObjectivesMarkdown(b *bufio.Writer, objectives []objectiveView, asOf string) {
	fmt.Fprintf(b, "\n## Objectives\n\nAs of %s, the data's last date.\n\n", escape.Markdown(asOf))
	t := table{Left: 6, Header: []string{"objective", "status", "KPI", "population", "deadline", "owner",
		"baseline", "target", "value", "expected now", "projected at deadline", "progress"}}
	var warnings []string
	for _, o := range objectives {
		row := []string{o.Title, "", o.KPI, o.Population, o.Deadline, o.Owner, o.Baseline, o.Target, o.Value, o.Expected, o.Projected, o.Progress}
		for i := range row {
			row[i] = escape.Markdown(row[i])
		}
		row[1] = badge(o.Status)
		t.Rows = append(t.Rows, row)
		for _, w := range o.Warnings {
			warnings = append(warnings, fmt.Sprintf("- **%s**: %s", escape.Markdown(o.Name), escape.Markdown(w)))
		}
	}
	writeMarkdownTable(b, t, false)
	if len(warnings) > 0 {
		fmt.Fprintf(b, "\nWarnings:\n\n%s\n", strings.Join(warnings, "\n"))
	}
}

// badge is a status as a code span: `at risk`.
func badge(s scorecard.Status) string { return "`" + s.Text() + "`" }

// writeMarkdownTable writes a table, its columns of values aligned right,
// its cells escaped unless they are Markdown already.
func writeMarkdownTable(b *bufio.Writer, t table, escapeCells bool) {
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			if escapeCells {
				c = escape.Markdown(c)
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for i := range t.Header {
		if i < max(1, t.Left) {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
}

// asOf is the data's last date the objectives were judged at.
func asOf(sc *scorecard.Scorecard) string {
	last := ""
	for _, o := range sc.Objectives {
		last = max(last, o.AsOf)
	}
	return last
}

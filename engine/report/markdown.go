package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// WriteMarkdown writes the scorecard as GitHub-flavoured Markdown, for a
// pull-request comment or a CI job summary. It leads with what a reader
// decides on: the objectives with their status, then each KPI of the first
// scope against its comparison, then the experiments' decision tables; the
// rest is folded in <details>: per scope the KPIs by period, a table per
// breakdown and the attributions, models side by side; last the loyalty
// ladders. No table has more than maxColumns columns: wider ones are split.
func WriteMarkdown(w io.Writer, sc *scorecard.Scorecard) error {
	v := newView(sc)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\nValues per %s", escape.Markdown(title(sc)), escape.Markdown(sc.Grain))
	if sc.Currency != "" {
		fmt.Fprintf(b, "; amounts in %s", escape.Markdown(sc.Currency))
	}
	if sc.AsOf != "" {
		fmt.Fprintf(b, "; as of %s", escape.Markdown(sc.AsOf))
	}
	b.WriteString(".\n")
	if objectives := v.objectives(); len(objectives) > 0 {
		writeObjectivesMarkdown(b, objectives, asOf(sc))
	}
	if h := v.headline(); h != nil {
		writeHeadlineMarkdown(b, h)
	}
	writeExperimentsMarkdown(b, sc)
	for _, s := range sc.Scopes {
		openDetails(b, s.Title())
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
			writeMarkdownTable(b, tableOf(t), true)
			if t.Note != "" {
				fmt.Fprintf(b, "\n%s\n", escape.Markdown(t.Note))
			}
		}
		closeDetails(b)
	}
	if len(sc.Loyalty) > 0 {
		openDetails(b, "Loyalty ladders")
		writeLaddersMarkdown(b, sc)
		closeDetails(b)
	}
	return b.Flush()
}

// openDetails starts a folded part, its summary escaped; GitHub reads the
// Markdown inside when blank lines surround it.
func openDetails(b *bufio.Writer, summary string) {
	fmt.Fprintf(b, "\n<details><summary>%s</summary>\n", escape.Markdown(summary))
}

func closeDetails(b *bufio.Writer) { b.WriteString("\n</details>\n") }

// writeObjectivesMarkdown writes each objective's status and numbers, in
// two tables of at most maxColumns: the verdict, then how it was reached.
func writeObjectivesMarkdown(b *bufio.Writer, objectives []objectiveView, asOf string) {
	b.WriteString("\n## Objectives\n\n")
	if asOf != "" { // "" when every objective is on an experiment's lift, judged over its window
		fmt.Fprintf(b, "As of %s, the data's last date.\n\n", escape.Markdown(asOf))
	}
	verdicts := table{Left: 3, Header: []string{"objective", "status", "KPI", "value", "target", "progress", "projected at deadline", "deadline"}}
	details := table{Left: 3, Header: []string{"objective", "population", "owner", "baseline", "expected now"}}
	var warnings []string
	for _, o := range objectives {
		verdicts.Rows = append(verdicts.Rows, []string{escape.Markdown(o.Title), statusMarkdown(o.Status),
			escape.Markdown(o.KPI), escape.Markdown(o.Value), escape.Markdown(o.Target), escape.Markdown(o.Progress),
			escape.Markdown(o.Projected), escape.Markdown(o.Deadline)})
		details.Rows = append(details.Rows, escapeAll([]string{o.Title, o.Population, o.Owner, o.Baseline, o.Expected}))
		for _, w := range o.Warnings {
			warnings = append(warnings, fmt.Sprintf("- **%s**: %s", escape.Markdown(o.Name), escape.Markdown(w)))
		}
	}
	writeMarkdownTable(b, verdicts, false)
	if len(warnings) > 0 {
		fmt.Fprintf(b, "\nWarnings:\n\n%s\n", strings.Join(warnings, "\n"))
	}
	openDetails(b, "How the objectives were judged")
	b.WriteString("\n")
	writeMarkdownTable(b, details, false)
	closeDetails(b)
}

// writeHeadlineMarkdown writes each KPI against its comparison.
func writeHeadlineMarkdown(b *bufio.Writer, h *headline) {
	fmt.Fprintf(b, "\n## %s against %s\n\n", escape.Markdown(h.Value), escape.Markdown(h.Against))
	t := table{Left: 3, Header: []string{"KPI", "verdict", "objectives", "value", "against", "change", "relative", "test"}}
	for _, tl := range h.Tiles {
		var objectives []string
		for _, o := range tl.Objectives {
			objectives = append(objectives, escape.Markdown(o.Title)+" ("+statusMarkdown(o.Status)+")")
		}
		t.Rows = append(t.Rows, []string{escape.Markdown(tl.KPI), escape.Markdown(strings.TrimSpace(tl.Arrow + " " + tl.Verdict)),
			strings.Join(objectives, "<br>"), escape.Markdown(tl.Value), escape.Markdown(tl.Before), escape.Markdown(tl.Delta),
			escape.Markdown(tl.Relative), escape.Markdown(tl.Significance)})
	}
	t = t.withoutEmptyColumns()
	writeMarkdownTable(b, t, false)
	if slices.Contains(t.Header, "test") {
		b.WriteString("\nThe test, for shares only, is omni diff's two-proportion z-test: significant under 5%.\n")
	}
}

// statusMarkdown is a status with a symbol that tells it without colour.
func statusMarkdown(s scorecard.Status) string {
	symbol := map[scorecard.Status]string{
		scorecard.Achieved: "✅", scorecard.OnTrack: "🟢", scorecard.AtRisk: "⚠️",
		scorecard.OffTrack: "❌", scorecard.NotStarted: "⏳",
	}[s]
	return strings.TrimSpace(cmp.Or(symbol, "❔") + " " + escape.Markdown(s.Text()))
}

func escapeAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = escape.Markdown(c)
	}
	return out
}

// maxColumns is the most columns a Markdown table has: wider ones do not
// fit a pull-request comment.
const maxColumns = 8

// writeMarkdownTable writes a table, its columns of values aligned right,
// its cells escaped unless they are Markdown already. A table wider than
// maxColumns is written as several (see table.split).
func writeMarkdownTable(b *bufio.Writer, t table, escapeCells bool) {
	if escapeCells {
		rows := make([][]string, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = escapeAll(r)
		}
		t = table{Header: escapeAll(t.Header), Rows: rows, Left: t.Left}
	}
	for i, part := range t.split(maxColumns) {
		if i > 0 {
			b.WriteString("\n")
		}
		left := t.left()
		writeRow(b, part.Header)
		b.WriteString("|" + strings.Repeat(" --- |", left) + strings.Repeat(" ---: |", len(part.Header)-left) + "\n")
		for _, r := range part.Rows {
			writeRow(b, r)
		}
	}
}

func writeRow(b *bufio.Writer, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
}

// asOf is the data's last date the objectives were judged at.
func asOf(sc *scorecard.Scorecard) string {
	last := ""
	for _, o := range sc.Objectives {
		last = max(last, o.AsOf)
	}
	return last
}

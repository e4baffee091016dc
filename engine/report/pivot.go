package report

import (
	"bufio"
	"fmt"

	"github.com/omni-metrics/omni/engine/escape"
)

// The crossed breakdowns of a scope are pivot tables, one per KPI (see
// scorecard.Layout.Pivots): rows the values of the breakdowns crossed but
// the last, columns the last's, at most scorecard.PivotColumns of them.

// writePivotsMarkdown writes a scope's pivot tables, each under its title.
func writePivotsMarkdown(b *bufio.Writer, v *view, campaign string) {
	for _, by := range v.sc.Crosses() {
		for _, t := range v.Pivots(campaign, by) {
			fmt.Fprintf(b, "\n### %s\n\n", escape.Markdown(t.Title))
			writeMarkdownTable(b, table{Header: t.Header, Rows: t.Rows}, true)
		}
	}
}

// pivotTables are a scope's pivot tables for the HTML page, whose tables
// have no title: it heads their first column, "Buyers by segment ×
// channel: segment \ channel".
func pivotTables(v *view, campaign string) []table {
	var out []table
	for _, by := range v.sc.Crosses() {
		for _, t := range v.Pivots(campaign, by) {
			header := append([]string{t.Title + ": " + t.Header[0]}, t.Header[1:]...)
			out = append(out, table{Header: header, Rows: t.Rows})
		}
	}
	return out
}

package report

import (
	"bufio"
	"fmt"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// The crossed breakdowns of a scope are pivot tables, one per KPI (see
// scorecard.Layout.Pivots): rows the values of the breakdowns crossed but
// the last, columns the last's, at most scorecard.PivotColumns of them.

// pivots are a scope's pivot tables, each titled "Buyers by segment ×
// channel".
func (v *view) pivots(campaign string) []scorecard.Table {
	var out []scorecard.Table
	for _, by := range v.sc.Crosses() {
		out = append(out, v.Pivots(campaign, by)...)
	}
	return out
}

// writePivotsMarkdown writes a scope's pivot tables, each under its title.
func writePivotsMarkdown(b *bufio.Writer, v *view, campaign string) {
	for _, t := range v.pivots(campaign) {
		fmt.Fprintf(b, "\n### %s\n\n", escape.Markdown(t.Title))
		writeMarkdownTable(b, tableOf(t), true)
	}
}

package report

import (
	"bufio"
	"fmt"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// ladderView is a loyalty ladder laid out for a person, as the terminal
// shows it: its tables, then its notes.
type ladderView struct {
	Title  string
	Tables []scorecard.Table
	Notes  []string
}

func ladderViews(sc *scorecard.Scorecard) []ladderView {
	var out []ladderView
	for _, l := range sc.Loyalty {
		out = append(out, ladderView{Title: l.Title(), Tables: l.Tables(), Notes: l.Notes()})
	}
	return out
}

// loyaltySection shows each ladder: the customers per stage and period with
// the forecast, the latest transition, the backtest and the breakdowns.
func loyaltySection(v *view) *section {
	ladders := ladderViews(v.sc)
	if len(ladders) == 0 {
		return nil
	}
	return &section{"loyalty", "Loyalty ladders", "loyalty", ladders}
}

// writeLaddersMarkdown writes each ladder: a heading, its tables, its notes.
func writeLaddersMarkdown(b *bufio.Writer, sc *scorecard.Scorecard) {
	for _, l := range ladderViews(sc) {
		fmt.Fprintf(b, "\n## %s\n", escape.Markdown(l.Title))
		for _, t := range l.Tables {
			if t.Title != "" {
				fmt.Fprintf(b, "\n%s\n", escape.Markdown(t.Title))
			}
			b.WriteString("\n")
			writeMarkdownTable(b, table{Header: t.Header, Rows: t.Rows, Left: t.Left}, true)
		}
		for _, note := range l.Notes {
			fmt.Fprintf(b, "\n%s\n", escape.Markdown(note))
		}
	}
}

package cli

import (
	"fmt"
	"io"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// writeDroppedRows warns of the rows of the data that values leave out, at
// the source's attribute naming the column they lack, and notes the
// duplicates that a source's distinct drops. Every scorecard counts the
// same rows: the first says.
func writeDroppedRows(w io.Writer, cards []*scorecard.Scorecard, p *dsl.Project) {
	if len(cards) == 0 || cards[0].DroppedRows == nil {
		return
	}
	d := cards[0].DroppedRows
	for _, src := range p.Sources {
		switch src.Role {
		case dsl.RoleTouchpoints:
			warnDropped(w, d.TouchpointsWithoutCustomer, src, "customer", src.Customer,
				"counted in values over rows, such as count(), but left out of every value per customer (distinct customers, traits, segments, journeys, loyalty stages)")
			warnDropped(w, d.TouchpointsWithoutTime, src, "time", src.Time, "left out of every value")
		case dsl.RoleSpend:
			warnDropped(w, d.SpendWithoutTime, src, "time", src.Time, "left out of spend()")
		}
		if n := d.Duplicates[src.Name]; n > 0 {
			at := src.Distinct.Range
			fmt.Fprintf(w, "%s:%d:%d: note: %s of source %s repeated others: dropped, as distinct says.\n",
				at.Filename, at.Start.Line, at.Start.Column, scorecard.Plural(int(n), "row"), src.Name)
		}
	}
}

// warnDropped writes one warning, unless no row lacks the column.
func warnDropped(w io.Writer, rows int64, src *dsl.Source, role string, column dsl.Text, effect string) {
	if rows == 0 {
		return
	}
	have := "have"
	if rows == 1 {
		have = "has"
	}
	at := column.Range
	fmt.Fprintf(w, "%s:%d:%d: warning: %s of source %s %s no %s (column %q): %s.\n",
		at.Filename, at.Start.Line, at.Start.Column, scorecard.Plural(int(rows), "row"), src.Name, have, role, column.Value, effect)
}

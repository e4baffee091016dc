package engine

import (
	"context"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine/formula"
)

// distinctReader reads a source's rows less those that repeat others, as
// its distinct attribute says, or returns the reader when it says nothing.
// Of rows equal in the columns listed, the one kept is the earliest by the
// source's time column, then the first in the order of all its columns,
// so that a run keeps the same row whatever order DuckDB reads them in.
func distinctReader(t *Table, reader string) (string, hcl.Diagnostics) {
	d := t.Source.Distinct
	switch {
	case d.Rows:
		return "(SELECT DISTINCT * FROM " + reader + ")", nil
	case len(d.Columns) == 0:
		return reader, nil
	}
	var diags hcl.Diagnostics
	keys := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		if t.Column(c.Value) == nil {
			diags = append(diags, t.noSuchColumn(c, " to tell duplicates by")...)
		}
		keys[i] = formula.QuoteIdent(c.Value)
	}
	if diags.HasErrors() {
		return reader, diags
	}
	var order []string
	if time := t.Source.Time.Value; time != "" {
		order = append(order, formula.QuoteIdent(time))
	}
	for _, c := range t.Columns {
		order = append(order, formula.QuoteIdent(c.Name))
	}
	return "(SELECT * FROM " + reader + " QUALIFY row_number() OVER (PARTITION BY " + strings.Join(keys, ", ") +
		" ORDER BY " + strings.Join(order, ", ") + ") = 1)", nil
}

// duplicateRows counts, per source that drops duplicates, the rows it
// dropped: nil when none did.
func (s *Session) duplicateRows(ctx context.Context) (map[string]int64, error) {
	var counts map[string]int64
	for _, t := range s.Schema.Tables() {
		if t.undeduplicated == "" {
			continue
		}
		var n int64
		if err := s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM "+t.undeduplicated+") - (SELECT count(*) FROM "+t.View+")").Scan(&n); err != nil {
			return nil, queryError(ctx, "source "+t.Source.Name, err)
		}
		if n > 0 {
			if counts == nil {
				counts = map[string]int64{}
			}
			counts[t.Source.Name] = n
		}
	}
	return counts, nil
}

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
	keys, order, diags := distinctOrder(t, formula.QuoteIdent)
	if diags.HasErrors() {
		return reader, diags
	}
	return "(SELECT * FROM " + reader + " QUALIFY row_number() OVER (PARTITION BY " + keys +
		" ORDER BY " + order + ") = 1)", nil
}

// distinctOrder are the columns that tell a source's duplicates apart, and
// the order whose first row of each is kept: the source's time column,
// then all its columns; each column written by quote. A column the source
// does not have is an error at its name.
func distinctOrder(t *Table, quote func(string) string) (keys, order string, diags hcl.Diagnostics) {
	names := make([]string, len(t.Source.Distinct.Columns))
	for i, c := range t.Source.Distinct.Columns {
		if t.Column(c.Value) == nil {
			diags = append(diags, t.noSuchColumn(c, " to tell duplicates by")...)
		}
		names[i] = quote(c.Value)
	}
	var by []string
	if time := t.Source.Time.Value; time != "" {
		by = append(by, quote(time))
	}
	for _, c := range t.Columns {
		by = append(by, quote(c.Name))
	}
	return strings.Join(names, ", "), strings.Join(by, ", "), diags
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
		if err := s.dbOf(t).QueryRowContext(ctx, "SELECT (SELECT count(*) FROM "+t.undeduplicated+") - (SELECT count(*) FROM "+t.View+")").Scan(&n); err != nil {
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

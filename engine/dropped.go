package engine

import (
	"context"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// droppedRows counts the rows of the touchpoints without a time or a
// customer, of the spend without a time, and the duplicates that sources
// drop: the values leave them out.
// It reads the sources once per compiled project, and returns nil when no
// row is left out.
func (c *Compiled) droppedRows(ctx context.Context) (*scorecard.DroppedRows, error) {
	if c.dropped != nil {
		return ifAny(c.dropped), nil
	}
	schema, d := c.Session.Schema, &scorecard.DroppedRows{}
	tp := schema.Touchpoints
	err := c.Session.dbOf(tp).QueryRowContext(ctx, "SELECT "+missing(tp.Source.Time.Value)+", "+
		missing(tp.Source.Customer.Value)+" FROM "+tp.View).Scan(&d.TouchpointsWithoutTime, &d.TouchpointsWithoutCustomer)
	if err != nil {
		return nil, queryError(ctx, "source "+tp.Source.Name, err)
	}
	if s := schema.Spend; s != nil {
		if err := c.Session.dbOf(s).QueryRowContext(ctx, "SELECT "+missing(s.Source.Time.Value)+" FROM "+s.View).Scan(&d.SpendWithoutTime); err != nil {
			return nil, queryError(ctx, "source "+s.Source.Name, err)
		}
	}
	if d.Duplicates, err = c.Session.duplicateRows(ctx); err != nil {
		return nil, err
	}
	c.dropped = d
	return ifAny(d), nil
}

// missing counts the rows where a column is null: all rows but the
// column's values, which DuckDB counts from a Parquet file's statistics
// without reading the column (0.34 s at 10M touchpoints before).
func missing(column string) string { return "count(*) - count(" + columnSQL(column) + ")" }

// ifAny is d when it counts a row, nil otherwise.
func ifAny(d *scorecard.DroppedRows) *scorecard.DroppedRows {
	if !d.Any() {
		return nil
	}
	return d
}

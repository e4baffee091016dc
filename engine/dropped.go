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
	err := c.Session.dbOf(tp).QueryRowContext(ctx, "SELECT count(*) FILTER (WHERE "+missing(tp.Source.Time.Value)+"), count(*) FILTER (WHERE "+
		missing(tp.Source.Customer.Value)+") FROM "+tp.View).Scan(&d.TouchpointsWithoutTime, &d.TouchpointsWithoutCustomer)
	if err != nil {
		return nil, queryError(ctx, "source "+tp.Source.Name, err)
	}
	if s := schema.Spend; s != nil {
		if err := c.Session.dbOf(s).QueryRowContext(ctx, "SELECT count(*) FILTER (WHERE "+missing(s.Source.Time.Value)+") FROM "+s.View).Scan(&d.SpendWithoutTime); err != nil {
			return nil, queryError(ctx, "source "+s.Source.Name, err)
		}
	}
	if d.Duplicates, err = c.Session.duplicateRows(ctx); err != nil {
		return nil, err
	}
	c.dropped = d
	return ifAny(d), nil
}

func missing(column string) string { return columnSQL(column) + " IS NULL" }

// ifAny is d when it counts a row, nil otherwise.
func ifAny(d *scorecard.DroppedRows) *scorecard.DroppedRows {
	if !d.Any() {
		return nil
	}
	return d
}

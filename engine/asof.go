package engine

import (
	"context"
	"database/sql"
	"time"
)

// referenceDate is the project's reference date as a scorecard prints it:
// the date written, or for as_of = "data" the day of the last touchpoint,
// read with the same SQL that the statements compare with (lastDayEnd),
// once per compiled project; "" without a reference date, or without a
// touchpoint.
func (c *Compiled) referenceDate(ctx context.Context) (string, error) {
	asOf := c.Session.Project.Settings.AsOf
	if !asOf.Data {
		if asOf.IsZero() {
			return "", nil
		}
		return asOf.String(), nil
	}
	if c.lastDay != nil {
		return *c.lastDay, nil
	}
	var day sql.NullTime
	tp := c.Session.Schema.Touchpoints
	if err := c.Session.dbOf(tp).QueryRowContext(ctx, "SELECT CAST(__end AS DATE) - 1 FROM ("+c.lastDayEnd()+") AS e").Scan(&day); err != nil {
		return "", queryError(ctx, "source "+tp.Source.Name, err)
	}
	last := ""
	if day.Valid {
		last = day.Time.Format(time.DateOnly)
	}
	c.lastDay = &last
	return last, nil
}

// lastDayEnd is the query of the midnight after the last touchpoint's day
// (__end): the greatest time of the touchpoints source (in the project's time zone,
// every row with a time, before any campaign's window), truncated to its
// day, plus one day: a query's reference_date step, and what the
// scorecard prints (referenceDate).
func (c *Compiled) lastDayEnd() string {
	t := c.Session.Schema.Touchpoints
	return "SELECT CAST(CAST(max(" + timeOf(t, "t", c.Session.Project.Settings.Timezone.Value) + ") AS DATE) + 1 AS TIMESTAMP) AS __end FROM " + t.View + " AS t"
}

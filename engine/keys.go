package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// checkUniqueKeys fails when the customers source, or a lookup the queries
// join, has two rows for one key: the join would count each touchpoint
// with that key twice, and every number would be silently wrong. It reads
// each source once per compiled project.
func (c *Compiled) checkUniqueKeys(ctx context.Context) error {
	if c.keysChecked {
		return nil
	}
	schema := c.Session.Schema
	var keyed []*Table
	if schema.Customers != nil {
		keyed = append(keyed, schema.Customers)
	}
	for _, l := range schema.Lookups {
		if len(c.usedLookupColumns(l)) > 0 {
			keyed = append(keyed, l)
		}
	}
	for _, t := range keyed {
		if err := duplicateKey(ctx, c.Session.dbOf(t), t); err != nil {
			return err
		}
	}
	c.keysChecked = true
	return nil
}

// duplicateKey reports the most repeated key of a keyed source, if any.
func duplicateKey(ctx context.Context, db *sql.DB, t *Table) error {
	src := t.Source
	key := columnSQL(src.Key.Value)
	var value string
	var rows int
	err := db.QueryRowContext(ctx, "SELECT CAST("+key+" AS VARCHAR), count(*) FROM "+t.View+
		" WHERE "+key+" IS NOT NULL GROUP BY "+key+" HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 1").Scan(&value, &rows)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return queryError(ctx, "source "+src.Name, err)
	}
	what, per := "lookup source", "key"
	if src.On.Value == "" {
		what, per = "customers source", "customer"
	}
	return fmt.Errorf("%s %s has %d rows with %s %s: it needs one row per %s, else each touchpoint with that value would count %d times. Remove the duplicates from %s, or drop them as you read it: distinct = true (rows equal in every column) or distinct = [%q] (one row per %s)",
		what, src.Name, rows, src.Key.Value, sqlString(value), per, rows, src.Origin(), src.Key.Value, src.Key.Value)
}

package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" driver

	"github.com/omni-metrics/omni/engine/formula"
)

// This file moves a bound session's sources of files to a PostgreSQL
// server: the embedded DuckDB reads the files as on the default engine
// (confined, with their file options, duplicates dropped and derived
// columns computed), and each source's rows are copied into a temporary
// table of the server's session named as its view, so that the compiled
// SQL reads the same names on both engines (a source of a table is a
// temporary view instead: see warehouse.go). Then the session turns
// read-only: the queries read the temporary tables and views and can
// write nothing.

// DefaultStatementTimeout bounds each query on a database server.
const DefaultStatementTimeout = 10 * time.Minute

// openPostgres opens the server at opts.DSN, on which the session's
// queries will run: one connection, whose session holds the sources'
// temporary tables and views.
func (s *Session) openPostgres(ctx context.Context, opts Options) error {
	if opts.DSN == "" {
		return errors.New("the postgres engine needs a server: give --dsn postgres://user@host/database (or set OMNI_DSN)")
	}
	db, err := sql.Open("pgx", opts.DSN)
	if err != nil {
		return redactDSN(err, opts.DSN)
	}
	// One connection: the temporary tables live in one session.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return redactDSN(err, opts.DSN)
	}
	s.server = db
	return nil
}

// finishPostgres copies the sources of files into the server's session
// (those of tables it reads in place), then turns the session read-only
// with a statement timeout.
func (s *Session) finishPostgres(ctx context.Context, opts Options) error {
	conn, err := s.server.Conn(ctx)
	if err != nil {
		return redactDSN(err, opts.DSN)
	}
	defer conn.Close()
	for _, t := range s.Schema.Tables() {
		if t.Source.Relation() != nil {
			continue
		}
		if err := s.copyTable(ctx, conn, t); err != nil {
			return redactDSN(err, opts.DSN)
		}
	}
	timeout := opts.StatementTimeout
	if timeout == 0 {
		timeout = DefaultStatementTimeout
	}
	for _, stmt := range []string{
		fmt.Sprintf("SET statement_timeout = %d", timeout.Milliseconds()),
		// A scorecard's query is long and its CTEs' row estimates high: the
		// JIT compiled it for longer than it ran (7 of retail's 10 s).
		"SET jit = off",
		"SET default_transaction_read_only = on",
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return redactDSN(err, opts.DSN)
		}
	}
	return nil
}

// copyTable creates a source's temporary table on the server and copies
// its view's rows into it.
func (s *Session) copyTable(ctx context.Context, conn *sql.Conn, t *Table) error {
	name := "src_" + t.Source.Name
	defs := make([]string, len(t.Columns))
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		typ, ok := postgresTypes[c.SQLType]
		if !ok {
			return fmt.Errorf("source %s: column %q is %s, which is not supported on the postgres engine yet", t.Source.Name, c.Name, c.SQLType)
		}
		defs[i] = formula.QuoteIdent(c.Name) + " " + typ
		names[i] = c.Name
	}
	if _, err := conn.ExecContext(ctx, "CREATE TEMPORARY TABLE "+t.View+" ("+strings.Join(defs, ", ")+")"); err != nil {
		return fmt.Errorf("source %s: %w", t.Source.Name, err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT * FROM "+t.View)
	if err != nil {
		return fmt.Errorf("source %s: %w", t.Source.Name, err)
	}
	defer rows.Close()
	source := &rowSource{rows: rows, values: make([]any, len(names))}
	err = conn.Raw(func(driverConn any) error {
		_, err := driverConn.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{name}, names, source)
		return err
	})
	if err != nil {
		return fmt.Errorf("source %s: %w", t.Source.Name, err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("source %s: %w", t.Source.Name, err)
	}
	// Autovacuum never analyzes a temporary table: without statistics the
	// planner takes a table for a hundred rows, and joins its aggregates
	// in nested loops that take minutes.
	if _, err := conn.ExecContext(ctx, "ANALYZE "+t.View); err != nil {
		return fmt.Errorf("source %s: %w", t.Source.Name, err)
	}
	return nil
}

// postgresTypes are the server's types, as format_type names them (see
// serverTypes), of the DuckDB types a source's columns may have or a
// source may declare (dsl.ColumnTypes).
var postgresTypes = map[string]string{
	"VARCHAR": "text", "VARCHAR[]": "text[]", "BOOLEAN": "boolean",
	"TINYINT": "smallint", "SMALLINT": "smallint", "INTEGER": "integer", "BIGINT": "bigint",
	"FLOAT": "real", "DOUBLE": "double precision", "DATE": "date",
	"TIMESTAMP":                "timestamp without time zone",
	"TIMESTAMP WITH TIME ZONE": "timestamp with time zone", "TIMESTAMPTZ": "timestamp with time zone",
}

// rowSource feeds the rows of a DuckDB query to COPY, a list as the
// text array the server's column holds.
type rowSource struct {
	rows   *sql.Rows
	values []any
	err    error
}

func (r *rowSource) Next() bool { return r.rows.Next() }

func (r *rowSource) Values() ([]any, error) {
	dest := make([]any, len(r.values))
	for i := range dest {
		dest[i] = &r.values[i]
	}
	if err := r.rows.Scan(dest...); err != nil {
		return nil, err
	}
	for i, v := range r.values {
		if list, ok := v.([]any); ok {
			r.values[i] = textArray(list)
		}
	}
	return r.values, nil
}

func (r *rowSource) Err() error { return r.rows.Err() }

// textArray is a list column's value as text items, null where null.
func textArray(list []any) []*string {
	out := make([]*string, len(list))
	for i, item := range list {
		if item != nil {
			out[i] = new(fmt.Sprint(item))
		}
	}
	return out
}

// redactDSN replaces the password of a connection string (a URL or
// key=value pairs), wherever an error repeats it, with xxxxx.
func redactDSN(err error, dsn string) error {
	msg := err.Error()
	config, perr := pgx.ParseConfig(dsn)
	if perr != nil || config.Password == "" {
		return errors.New(msg)
	}
	for _, form := range []string{config.Password, url.QueryEscape(config.Password), url.PathEscape(config.Password)} {
		msg = strings.ReplaceAll(msg, form, "xxxxx")
	}
	return errors.New(msg)
}

// pgTextArray reads a PostgreSQL text array, which the driver gives as its
// text ({a,"b c",NULL}), as the list of texts DuckDB gives ([]any).
type pgTextArray struct{ list *any }

func (a pgTextArray) Scan(src any) error {
	if src == nil {
		*a.list = nil
		return nil
	}
	var items pgtype.FlatArray[*string]
	if err := pgtype.NewMap().SQLScanner(&items).Scan(src); err != nil {
		return err
	}
	list := make([]any, len(items))
	for i, item := range items {
		if item != nil {
			list[i] = *item
		}
	}
	*a.list = list
	return nil
}

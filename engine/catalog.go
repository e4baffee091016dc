package engine

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// This file reads a warehouse table's columns from the server's catalog
// (pg_catalog), so that validate and plan check the names formulas and
// role attributes use against the table as they do against files.

// serverType is how omni reads a column type of the server: the DuckDB
// name its columns carry (see formulaType), and the type the source's view
// casts the column to where the compiled SQL needs another ("" keeps it).
type serverType struct {
	duckDB string
	cast   string
}

// serverTypes are the server's types (as format_type names them without
// modifiers) that formulas can use. A numeric is read as a double, as
// DuckDB's decimals are; a varchar list as a text list, which the list
// operators compare with text lists.
var serverTypes = map[string]serverType{
	"text": {"VARCHAR", ""}, "character varying": {"VARCHAR", ""}, "character": {"VARCHAR", "text"},
	"text[]": {"VARCHAR[]", ""}, "character varying[]": {"VARCHAR[]", "text[]"},
	"boolean": {"BOOLEAN", ""}, "smallint": {"SMALLINT", ""}, "integer": {"INTEGER", ""}, "bigint": {"BIGINT", ""},
	"real": {"FLOAT", ""}, "double precision": {"DOUBLE", ""}, "numeric": {"DOUBLE", "double precision"},
	"date": {"DATE", ""}, "timestamp without time zone": {"TIMESTAMP", ""},
	"timestamp with time zone": {"TIMESTAMP WITH TIME ZONE", ""},
}

// catalogColumn is a column of a warehouse table as the catalog gives it.
type catalogColumn struct {
	name, serverType string
}

// quotedRelation is a table's name as SQL, every part quoted.
func quotedRelation(n *dsl.TableName) string {
	if n.Schema == "" {
		return formula.QuoteIdent(n.Name)
	}
	return formula.QuoteIdent(n.Schema) + "." + formula.QuoteIdent(n.Name)
}

// catalogColumns reads the columns of a source's table or view, in order.
// A table that the server does not have, or that the session may not
// read, is an error at the attribute table.
func (s *Session) catalogColumns(ctx context.Context, src *dsl.Source) ([]catalogColumn, hcl.Diagnostics) {
	columns, err := s.readCatalog(ctx, quotedRelation(src.Relation()))
	switch {
	case errors.Is(err, errNoTable):
		return nil, s.noSuchTable(ctx, src)
	case errors.Is(err, errNotReadable):
		return nil, errorDiag("Table not readable", fmt.Sprintf("The database's user may not read %s (source %s): ask for SELECT on it.", src.Table.Value, src.Name), &src.Table.Range)
	case err != nil:
		return nil, errorDiag("Cannot read source "+src.Name, err.Error(), &src.Table.Range)
	}
	return columns, nil
}

var (
	errNoTable     = errors.New("no such table")
	errNotReadable = errors.New("not readable")
)

// readCatalog reads the columns of the table or view of a quoted name, in
// order.
func (s *Session) readCatalog(ctx context.Context, name string) ([]catalogColumn, error) {
	var oid sql.NullInt64
	var readable sql.NullBool
	// to_regclass reads the quoted name as the server would in a query:
	// its search_path finds a name without a schema.
	err := s.server.QueryRowContext(ctx, "SELECT c, has_table_privilege(c, 'SELECT') FROM (SELECT CAST(to_regclass($1) AS oid) AS c) AS r", name).Scan(&oid, &readable)
	switch {
	case err != nil:
		return nil, err
	case !oid.Valid:
		return nil, errNoTable
	case !readable.Bool:
		return nil, errNotReadable
	}
	rows, err := s.server.QueryContext(ctx, "SELECT attname, format_type(atttypid, NULL) FROM pg_catalog.pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum", oid.Int64)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var columns []catalogColumn
	for rows.Next() {
		var c catalogColumn
		if err := rows.Scan(&c.name, &c.serverType); err != nil {
			return nil, err
		}
		columns = append(columns, c)
	}
	return columns, rows.Err()
}

// noSuchTable is the error at a table name the server does not know, with
// the closest of the tables and views it has.
func (s *Session) noSuchTable(ctx context.Context, src *dsl.Source) hcl.Diagnostics {
	var known []string
	rows, err := s.server.QueryContext(ctx, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_temp%' ORDER BY 1")
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var name string
			if rows.Scan(&name) == nil {
				known = append(known, name)
			}
		}
	}
	return errorDiag("No such table", fmt.Sprintf("The database has no table or view %s (source %s); names are matched as written, case included.%s", src.Table.Value, src.Name, dsl.DidYouMean(src.Table.Value, known)), &src.Table.Range)
}

// columnsOf describes a table's columns as DuckDB names their types; a
// type formulas cannot use keeps the server's name, in capitals.
func columnsOf(catalog []catalogColumn) []Column {
	columns := make([]Column, len(catalog))
	for i, c := range catalog {
		typ := strings.ToUpper(c.serverType)
		if known, ok := serverTypes[c.serverType]; ok {
			typ = known.duckDB
		}
		columns[i] = Column{Name: c.name, SQLType: typ, Type: formulaType(typ)}
	}
	return columns
}

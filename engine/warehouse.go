package engine

// This file binds a source that reads a table or view of the database
// server in place (table = "analytics.touchpoints"): no copy, and no
// DuckDB. Its columns come from the catalog (catalog.go); its view is a
// temporary view of the server's session, named as a view of files is,
// which casts the columns the source declares (types), drops duplicates
// (distinct) and adds the derived columns, all in the server's SQL.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// needsDatabase is the error at a table source on the embedded DuckDB,
// which reads files only.
func needsDatabase(src *dsl.Source) hcl.Diagnostics {
	return errorDiag("Table source needs a database engine", fmt.Sprintf("Source %s reads the table %s of a database, which the default engine (the embedded DuckDB, which reads files) cannot: run with --engine postgres --dsn postgres://user@host/database (or set OMNI_DSN), or read files with path = \"…\".", src.Name, src.Table.Value), &src.Table.Range)
}

// bindRelation describes a source that reads a table of the server, from
// the catalog, and declares its view on the server.
func (s *Session) bindRelation(ctx context.Context, src *dsl.Source, engine dialect.Dialect) (*Table, hcl.Diagnostics) {
	catalog, diags := s.catalogColumns(ctx, src)
	if diags.HasErrors() {
		return nil, diags
	}
	columns, diags := readTypes(src, columnsOf(catalog))
	if diags.HasErrors() {
		return nil, diags
	}
	for i := range columns {
		if declared, ok := postgresTypes[columns[i].SQLType]; ok {
			columns[i].SQLType = serverTypes[declared].duckDB
			columns[i].Type = formulaType(columns[i].SQLType)
		}
	}
	if diags := s.checkIntegers(ctx, src, catalog); diags.HasErrors() {
		return nil, diags
	}
	t := &Table{Source: src, View: formula.QuoteIdent("src_" + src.Name), Columns: columns}
	rows := "(SELECT " + castColumns(src, catalog) + " FROM " + quotedRelation(src.Relation()) + ") AS r"
	reader, diags := relationDistinct(t, rows, engine)
	if diags.HasErrors() {
		return nil, diags
	}
	if reader != rows {
		t.undeduplicated = rows
	}
	selected := viewColumns(catalog)
	if defs := s.Project.DerivedColumnsOf(src.Name); len(defs) > 0 {
		if t.Derived, diags = deriveColumns(t, defs, engine); diags.HasErrors() {
			return nil, diags
		}
		selected = selectDerived(selected, t.Derived)
	}
	if _, err := s.server.ExecContext(ctx, "CREATE TEMPORARY VIEW "+t.View+" AS SELECT "+selected+" FROM "+reader); err != nil {
		return nil, errorDiag("Cannot read source "+src.Name, err.Error(), &src.Table.Range)
	}
	if diags := s.describeDerived(ctx, t); diags.HasErrors() {
		return nil, diags
	}
	return t, append(append(diags, s.checkTableHasRows(ctx, t)...), checkRoleColumns(t)...)
}

// castColumns is the select list that reads a table's columns, cast to
// the types the source declares, or to those the compiled SQL reads
// (serverTypes). They keep their names, which derived columns read, until
// viewColumns renames them.
func castColumns(src *dsl.Source, catalog []catalogColumn) string {
	list := make([]string, len(catalog))
	for i, c := range catalog {
		col := formula.QuoteIdent(c.name)
		cast := serverTypes[c.serverType].cast
		if d := slices.IndexFunc(src.File.Types, func(d dsl.ColumnType) bool { return d.Column.Value == c.name }); d >= 0 {
			cast = postgresTypes[src.File.Types[d].Type.Value]
		}
		if cast != "" {
			col = "CAST(" + col + " AS " + cast + ")"
		}
		list[i] = col + " AS " + formula.QuoteIdent(c.name)
	}
	return strings.Join(list, ", ")
}

// viewColumns is the select list of a table view's own columns, under
// their view names (see viewColumn).
func viewColumns(catalog []catalogColumn) string {
	list := make([]string, len(catalog))
	for i, c := range catalog {
		list[i] = formula.QuoteIdent(c.name) + " AS " + columnSQL(c.name)
	}
	return strings.Join(list, ", ")
}

// relationDistinct reads a table's rows less those that repeat others, as
// distinctReader does for files, in the server's SQL: the row kept is the
// same, its text compared byte by byte as DuckDB compares it, whatever the
// server's collation.
func relationDistinct(t *Table, rows string, engine dialect.Dialect) (string, hcl.Diagnostics) {
	d := t.Source.Distinct
	switch {
	case d.Rows:
		return "(SELECT DISTINCT * FROM " + rows + ") AS d", nil
	case len(d.Columns) == 0:
		return rows, nil
	}
	bytewise := func(name string) string {
		if c := t.Column(name); c != nil && c.Type == builtins.String {
			return engine.Bytewise(formula.QuoteIdent(name))
		}
		return formula.QuoteIdent(name)
	}
	keys, order, diags := distinctOrder(t, bytewise)
	return "(SELECT DISTINCT ON (" + keys + ") * FROM " + rows + " ORDER BY " + keys + ", " + order + ") AS d", diags
}

// fractionalTypes are the server's types whose values a declared BIGINT
// would round.
var fractionalTypes = []string{"real", "double precision", "numeric"}

// checkIntegers refuses a column declared BIGINT that holds a fraction,
// which the server's cast would round: an error at the declared type,
// naming a value.
func (s *Session) checkIntegers(ctx context.Context, src *dsl.Source, catalog []catalogColumn) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, d := range src.File.Types {
		i := slices.IndexFunc(catalog, func(c catalogColumn) bool { return c.name == d.Column.Value })
		if d.Type.Value != "BIGINT" || i < 0 || !slices.Contains(fractionalTypes, catalog[i].serverType) {
			continue
		}
		col := formula.QuoteIdent(d.Column.Value)
		var value string
		err := s.server.QueryRowContext(ctx, "SELECT CAST("+col+" AS text) FROM "+quotedRelation(src.Relation())+" WHERE "+col+" <> trunc("+col+") LIMIT 1").Scan(&value)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			diags = append(diags, errorDiag("Cannot read source "+src.Name, err.Error(), &src.Table.Range)...)
		default:
			diags = append(diags, errorDiag("Not an integer", fmt.Sprintf("Column %q of source %s holds %s, which is not an integer (types declares it BIGINT). Declare it DOUBLE, or round it in a column block.", d.Column.Value, src.Name, value), &d.Type.Range)...)
		}
	}
	return diags
}

// describeDerived reads the server's types of a table view's derived
// columns from the catalog, after the table's own.
func (s *Session) describeDerived(ctx context.Context, t *Table) hcl.Diagnostics {
	if len(t.Derived) == 0 {
		return nil
	}
	catalog, err := s.readCatalog(ctx, "pg_temp."+t.View)
	if err != nil {
		return errorDiag("Cannot read source "+t.Source.Name, err.Error(), &t.Source.Table.Range)
	}
	t.Columns = append(t.Columns, columnsOf(catalog[len(t.Columns):])...)
	return nil
}

// checkTableHasRows warns of a table without rows.
func (s *Session) checkTableHasRows(ctx context.Context, t *Table) hcl.Diagnostics {
	var one int
	err := s.server.QueryRowContext(ctx, "SELECT 1 FROM "+t.View+" LIMIT 1").Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Source without rows",
			Detail:  fmt.Sprintf("The table %s of source %s holds no row: its values are empty.", t.Source.Table.Value, t.Source.Name),
			Subject: &t.Source.Table.Range}}
	case err != nil:
		return errorDiag("Cannot read source "+t.Source.Name, err.Error(), &t.Source.Table.Range)
	}
	return nil
}

// dbOf is the database that holds a source's view and reads its rows: the
// server for a table, DuckDB for files (whose rows the server holds a copy
// of, too).
func (s *Session) dbOf(t *Table) *sql.DB {
	if t.Source.Relation() != nil {
		return s.server
	}
	return s.db
}

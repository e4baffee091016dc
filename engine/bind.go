package engine

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
)

// Session is a project bound to an embedded DuckDB: its sources declared as
// views, their schemas read, and DuckDB locked down.
type Session struct {
	Project *dsl.Project
	Schema  *Schema
	// Dialect writes the SQL of the engine the queries run on.
	Dialect dialect.Dialect
	db      *sql.DB // DuckDB, which reads the sources' files
	// server is the database server the queries run on, with the sources
	// copied (see connectPostgres); nil: they run on DuckDB.
	server *sql.DB
	close  func()
	// progress reads how far the running query is; nil when the driver
	// does not tell.
	progress queryProgress
}

// Close releases DuckDB and its temporary files, and the server's
// connection with its temporary tables.
func (s *Session) Close() {
	if s.server != nil {
		s.server.Close()
	}
	s.close()
}

// Bind opens DuckDB locked down to the project folder and the allowed data
// folders, declares each source of the project as a view over its files
// and reads the views' schemas. It returns no session when a source cannot
// be bound: the diagnostics say why, or the definitions' check did (a
// source of an unknown format).
func Bind(ctx context.Context, p *dsl.Project, opts Options) (*Session, hcl.Diagnostics) {
	conf, err := confine(p.Dir, opts.DataDirs)
	if err != nil {
		return nil, errorDiag("Cannot read the data folders", err.Error()+".", nil)
	}
	db, closeDB, err := openDuckDB(ctx, opts, conf.dirs())
	if err != nil {
		return nil, errorDiag("Cannot start DuckDB", err.Error(), nil)
	}
	s := &Session{Project: p, Schema: &Schema{}, Dialect: dialect.DuckDB, db: db, close: closeDB, progress: connectionProgress(ctx, db)}
	onServer := opts.Engine != nil && opts.Engine != dialect.DuckDB
	if onServer {
		if err := s.openPostgres(ctx, opts); err != nil {
			s.Close()
			return nil, errorDiag("Cannot use the PostgreSQL server", err.Error()+".", nil)
		}
	}
	var diags hcl.Diagnostics
	unreadable := false // a source of an unknown format, which the definitions' check reported
	for _, src := range p.Sources {
		var t *Table
		var d hcl.Diagnostics
		switch {
		case src.Relation() != nil && !onServer:
			d = needsDatabase(src)
		case src.Relation() != nil:
			t, d = s.bindRelation(ctx, src, opts.Engine)
		case !slices.Contains(dsl.Formats, src.Format.Value):
			unreadable = true
			continue
		default:
			t, d = s.bindSource(ctx, conf, src)
		}
		diags = append(diags, d...)
		if t != nil {
			s.Schema.add(t)
		}
	}
	if !slices.ContainsFunc(p.Sources, func(src *dsl.Source) bool { return src.Role == dsl.RoleTouchpoints }) {
		diags = append(diags, errorDiag("No touchpoints source", "Every project needs one source of touchpoints: a source block with customer = \"<column>\" and time = \"<column>\".", nil)...)
	}
	if s.Schema.Touchpoints != nil {
		for _, l := range s.Schema.Lookups {
			diags = append(diags, checkLookedUp(s.Schema.Touchpoints, l)...)
		}
	}
	if diags.HasErrors() || unreadable {
		s.Close()
		return nil, diags
	}
	if onServer {
		if err := s.finishPostgres(ctx, opts); err != nil {
			s.Close()
			return nil, append(diags, errorDiag("Cannot use the PostgreSQL server", err.Error()+".", nil)...)
		}
		s.Dialect, s.progress = opts.Engine, nil
	}
	return s, diags
}

// bindSource declares one source as a view and describes it.
func (s *Session) bindSource(ctx context.Context, conf *confinement, src *dsl.Source) (*Table, hcl.Diagnostics) {
	files, diags := conf.files(src.Path, "path")
	if diags.HasErrors() {
		return nil, diags
	}
	if diags := emptyFiles(src, files); diags.HasErrors() {
		return nil, diags
	}
	t := &Table{Source: src, View: formula.QuoteIdent("src_" + src.Name), Files: files}
	detected, err := s.describe(ctx, fileReader(src, files, nil))
	if err != nil {
		return nil, s.unreadable(ctx, src, files, err)
	}
	columns, diags := readTypes(src, detected)
	if diags.HasErrors() {
		return nil, diags
	}
	reader := fileReader(src, files, columns)
	if err := s.declareView(ctx, t, "*", reader); err != nil {
		return nil, s.unreadable(ctx, src, files, err)
	}
	diags = append(checkFileColumns(t), s.shapeView(ctx, t, reader)...)
	if diags.HasErrors() {
		return nil, diags
	}
	empty, err := s.checkHasRows(ctx, t)
	if err != nil {
		return nil, cannotRead(src, err)
	}
	return t, append(append(diags, empty...), checkRoleColumns(t)...)
}

// unreadable says why DuckDB could not read a source's files: columns that
// differ from file to file or from the names a file without a header is
// given, or else DuckDB's message.
func (s *Session) unreadable(ctx context.Context, src *dsl.Source, files []string, err error) hcl.Diagnostics {
	if d := s.columnCountProblem(ctx, src, files); d != nil {
		return d
	}
	if msg, ok := s.differentColumns(ctx, src, files); ok {
		return errorDiag("Cannot read source "+src.Name, msg, &src.Path.Range)
	}
	return cannotRead(src, err)
}

func cannotRead(src *dsl.Source, err error) hcl.Diagnostics {
	return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Path.Range)
}

// shapeView declares a source's view again, once its files' columns are
// known, with its time column parsed as time_format says, its duplicate
// rows dropped as distinct says, and its derived columns.
func (s *Session) shapeView(ctx context.Context, t *Table, reader string) hcl.Diagnostics {
	if d := s.checkTimeColumn(ctx, t); d != nil {
		return d
	}
	if parsed := parsedTimes(t.Source, reader); parsed != reader {
		reader = parsed
		if err := s.declareView(ctx, t, "*", reader); err != nil {
			return cannotRead(t.Source, err)
		}
	}
	distinct, diags := distinctReader(t, reader)
	if diags.HasErrors() {
		return diags
	}
	if distinct != reader {
		t.undeduplicated, reader = reader, distinct
		if err := s.declareView(ctx, t, "*", reader); err != nil {
			return cannotRead(t.Source, err)
		}
	}
	defs := s.Project.DerivedColumnsOf(t.Source.Name)
	if len(defs) == 0 {
		return nil
	}
	derived, diags := deriveColumns(t, defs, dialect.DuckDB)
	if diags.HasErrors() {
		return diags
	}
	t.Derived = derived
	if err := s.declareView(ctx, t, selectDerived("*", derived), reader); err != nil {
		return append(diags, cannotRead(t.Source, err)...)
	}
	return diags
}

// declareView declares (again) a source's view over its reader, and
// describes its columns.
func (s *Session) declareView(ctx context.Context, t *Table, columns, reader string) error {
	if _, err := s.db.ExecContext(ctx, "CREATE OR REPLACE VIEW "+t.View+" AS SELECT "+columns+" FROM "+reader); err != nil {
		return err
	}
	var err error
	if t.Columns, err = s.describe(ctx, t.View); err != nil {
		return err
	}
	if renames := viewRenames(t.Columns); renames != "" {
		_, err = s.db.ExecContext(ctx, "CREATE OR REPLACE VIEW "+t.View+" AS SELECT * RENAME ("+renames+") FROM (SELECT "+columns+" FROM "+reader+")")
	}
	return err
}

// describe lists the columns of a table, or of a table function's result,
// with their types.
func (s *Session) describe(ctx context.Context, table string) ([]Column, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "+table+")")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var columns []Column
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Name, &c.SQLType); err != nil {
			return nil, err
		}
		c.Type = formulaType(c.SQLType)
		columns = append(columns, c)
	}
	return columns, rows.Err()
}

// viewRenames lists the data columns whose view names differ from their
// own (see viewColumn), as a RENAME clause; "" for none.
func viewRenames(cols []Column) string {
	var renames []string
	for _, c := range cols {
		if view := viewColumn(c.Name); view != c.Name {
			renames = append(renames, formula.QuoteIdent(c.Name)+" AS "+formula.QuoteIdent(view))
		}
	}
	return strings.Join(renames, ", ")
}

// checkRoleColumns checks that each role attribute names a column of a type
// that can play that role.
func checkRoleColumns(t *Table) hcl.Diagnostics {
	var diags hcl.Diagnostics
	src := t.Source
	for _, role := range []struct {
		attr  dsl.Text
		name  string
		types []builtins.Type
		cast  string // the declared type that reads a column of another type as one of these
	}{
		{src.Customer, "customer", []builtins.Type{builtins.String, builtins.Int}, "BIGINT"},
		{src.Key, "key", []builtins.Type{builtins.String, builtins.Int}, "BIGINT"},
		{src.Time, "time", []builtins.Type{builtins.Time, builtins.String}, "TIMESTAMP"},
		{src.Channel, "channel", []builtins.Type{builtins.String}, "VARCHAR"},
		{src.Amount, "amount", builtins.Numbers, "DOUBLE"},
		{src.Paths.Column, "paths", []builtins.Type{builtins.String}, "VARCHAR"},
		{src.Paths.Conversions, "conversions", builtins.Numbers, "DOUBLE"},
		{src.Paths.NonConversions, "non_conversions", builtins.Numbers, "DOUBLE"},
		{src.Paths.Value, "value", builtins.Numbers, "DOUBLE"},
	} {
		if role.attr.Value == "" {
			continue
		}
		c := t.Column(role.attr.Value)
		switch {
		case c == nil:
			diags = append(diags, t.noSuchColumn(role.attr, "")...)
		case !hasType(role.types, c.Type):
			diags = append(diags, errorDiag("Wrong column type", fmt.Sprintf("The %s column %q of source %q is %s; a %s column must be %s. Declare the type to read it as: types = { %s = %q }.", role.name, c.Name, src.Name, c.SQLType, role.name, typeNames(role.types), c.Name, role.cast), &role.attr.Range)...)
		}
	}
	return diags
}

func hasType(types []builtins.Type, t builtins.Type) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func typeNames(types []builtins.Type) string {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = t.String()
	}
	return strings.Join(names, " or ")
}

// queryError describes the failure of a query: the context's error when the
// run was cancelled (errors.Is finds it), else DuckDB's message.
func queryError(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", what, ctx.Err())
	}
	return fmt.Errorf("%s: %s", what, duckDBMessage(err))
}

func errorDiag(summary, detail string, at *hcl.Range) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at}}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

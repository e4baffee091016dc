package engine

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// Session is a project bound to an embedded DuckDB: its sources declared as
// views, their schemas read, and DuckDB locked down.
type Session struct {
	Project *dsl.Project
	Schema  *Schema
	db      *sql.DB
	close   func()
	// progress reads how far the running query is; nil when the driver
	// does not tell.
	progress queryProgress
}

// Close releases DuckDB and its temporary files.
func (s *Session) Close() { s.close() }

// Bind opens DuckDB, declares each source of the project as a view over its
// files and reads the views' schemas (file metadata and a CSV sample, never a
// full scan). Then it locks DuckDB down to the sources' folders.
func Bind(ctx context.Context, p *dsl.Project, opts Options) (*Session, hcl.Diagnostics) {
	db, closeDB, err := openDuckDB(opts)
	if err != nil {
		return nil, errorDiag("Cannot start DuckDB", err.Error(), nil)
	}
	s := &Session{Project: p, Schema: &Schema{}, db: db, close: closeDB, progress: connectionProgress(ctx, db)}
	var diags hcl.Diagnostics
	dirs := map[string]bool{}
	for _, src := range p.Sources {
		t, d := s.bindSource(ctx, src)
		diags = append(diags, d...)
		if t == nil {
			continue
		}
		for _, f := range t.Files {
			dirs[filepath.Dir(f)] = true
		}
		switch src.Role {
		case dsl.RoleTouchpoints:
			s.Schema.Touchpoints = t
		case dsl.RoleCustomers:
			s.Schema.Customers = t
		case dsl.RoleSpend:
			s.Schema.Spend = t
		case dsl.RoleLookup:
			s.Schema.Lookups = append(s.Schema.Lookups, t)
		}
	}
	if s.Schema.Touchpoints == nil && !diags.HasErrors() {
		diags = append(diags, errorDiag("No touchpoints source", "Every project needs one source of touchpoints: a source block with customer = \"<column>\" and time = \"<column>\".", nil)...)
	}
	if s.Schema.Touchpoints != nil {
		for _, l := range s.Schema.Lookups {
			diags = append(diags, checkLookedUp(s.Schema.Touchpoints, l)...)
		}
	}
	if diags.HasErrors() {
		s.Close()
		return nil, diags
	}
	if err := lockDown(ctx, db, sortedKeys(dirs)); err != nil {
		s.Close()
		return nil, errorDiag("Cannot lock DuckDB down", err.Error(), nil)
	}
	return s, diags
}

// bindSource declares one source as a view and describes it.
func (s *Session) bindSource(ctx context.Context, src *dsl.Source) (*Table, hcl.Diagnostics) {
	pattern := src.Path.Value
	if !filepath.IsAbs(pattern) {
		pattern = filepath.Join(s.Project.Dir, pattern)
	}
	pattern, _ = filepath.Abs(pattern)
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		return nil, errorDiag("No data file", fmt.Sprintf("No file matches %s (from %s). Paths are relative to the project folder.", src.Path.Value, pattern), &src.Path.Range)
	}
	sort.Strings(files)
	t := &Table{Source: src, View: formula.QuoteIdent("src_" + src.Name), Files: files}
	literals := make([]string, len(files))
	for i, f := range files {
		literals[i] = "'" + strings.ReplaceAll(f, "'", "''") + "'"
	}
	list := "[" + strings.Join(literals, ", ") + "]"
	reader := fileReader(src, list)
	if diags := s.declareView(ctx, t, "*", reader); diags != nil {
		if d := s.columnCountProblem(ctx, src, list); d != nil {
			return nil, d
		}
		return nil, diags
	}
	diags := append(checkFileColumns(t), s.shapeView(ctx, t, reader)...)
	if diags.HasErrors() {
		return nil, diags
	}
	return t, append(diags, checkRoleColumns(t)...)
}

// shapeView declares a source's view again, once its files' columns are
// known, with its time column parsed as time_format says and its derived
// columns.
func (s *Session) shapeView(ctx context.Context, t *Table, reader string) hcl.Diagnostics {
	if d := s.checkTimeColumn(ctx, t); d != nil {
		return d
	}
	if parsed := parsedTimes(t.Source, reader); parsed != reader {
		reader = parsed
		if d := s.declareView(ctx, t, "*", reader); d != nil {
			return d
		}
	}
	defs := s.Project.DerivedColumnsOf(t.Source.Name)
	if len(defs) == 0 {
		return nil
	}
	derived, diags := deriveColumns(t, defs)
	if diags.HasErrors() {
		return diags
	}
	t.Derived = derived
	return append(diags, s.declareView(ctx, t, selectDerived(derived), reader)...)
}

// declareView declares (again) a source's view over its reader, and
// describes its columns.
func (s *Session) declareView(ctx context.Context, t *Table, columns, reader string) hcl.Diagnostics {
	src := t.Source
	if _, err := s.db.ExecContext(ctx, "CREATE OR REPLACE VIEW "+t.View+" AS SELECT "+columns+" FROM "+reader); err != nil {
		return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Path.Range)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT column_name, column_type FROM (DESCRIBE "+t.View+")")
	if err != nil {
		return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Path.Range)
	}
	defer rows.Close()
	t.Columns = nil
	for rows.Next() {
		var c Column
		if err := rows.Scan(&c.Name, &c.SQLType); err != nil {
			return errorDiag("Cannot read source "+src.Name, err.Error(), &src.Path.Range)
		}
		c.Type = formulaType(c.SQLType)
		t.Columns = append(t.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Path.Range)
	}
	if renames := viewRenames(t.Columns); renames != "" {
		if _, err := s.db.ExecContext(ctx, "CREATE OR REPLACE VIEW "+t.View+" AS SELECT * RENAME ("+renames+") FROM (SELECT "+columns+" FROM "+reader+")"); err != nil {
			return errorDiag("Cannot read source "+src.Name, duckDBMessage(err), &src.Path.Range)
		}
	}
	return nil
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
	}{
		{src.Customer, "customer", []builtins.Type{builtins.String, builtins.Int}},
		{src.Key, "key", []builtins.Type{builtins.String, builtins.Int}},
		{src.Time, "time", []builtins.Type{builtins.Time, builtins.String}},
		{src.Channel, "channel", []builtins.Type{builtins.String}},
		{src.Amount, "amount", builtins.Numbers},
	} {
		if role.attr.Value == "" {
			continue
		}
		c := t.Column(role.attr.Value)
		switch {
		case c == nil:
			diags = append(diags, errorDiag("No such column", fmt.Sprintf("Source %q has no column %q.%s Its columns: %s.", src.Name, role.attr.Value, dsl.DidYouMean(role.attr.Value, t.ColumnNames()), strings.Join(t.ColumnNames(), ", ")), &role.attr.Range)...)
		case !hasType(role.types, c.Type):
			diags = append(diags, errorDiag("Wrong column type", fmt.Sprintf("The %s column %q of source %q is %s; a %s column must be %s.", role.name, c.Name, src.Name, c.SQLType, role.name, typeNames(role.types)), &role.attr.Range)...)
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

// duckDBMessage keeps the first line of a DuckDB error, which says what is wrong.
func duckDBMessage(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
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

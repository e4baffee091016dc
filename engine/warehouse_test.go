package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/formula"
	"github.com/omni-metrics/omni/engine/pgtest"
)

// This file specifies sources that read tables of the database in place
// (table = "schema.table") on the postgres engine: their numbers are those
// of the same rows read from files, and their mistakes are diagnostics at
// the attribute.

// asOwner runs statements on the test server through a writable
// connection of its own, as the owner of the warehouse would: omni's
// session, read-only, comes afterwards.
func asOwner(t *testing.T, statements ...string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	for _, stmt := range statements {
		if _, err := conn.Exec(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	return conn
}

// tableTypes are the server's types of the DuckDB types the test
// projects' files are read as.
var tableTypes = map[string]string{
	"VARCHAR": "text", "BIGINT": "bigint", "DOUBLE": "double precision", "BOOLEAN": "boolean",
	"DATE": "date", "TIMESTAMP": "timestamp",
}

// intoWarehouse creates a table <schema>.<source> per source of a project
// of CSV files, its columns typed as DuckDB reads the files, and copies
// each file's rows into it; it returns a copy of the project whose
// sources read those tables instead (path = "x.csv" becomes table =
// "<schema>.<source>").
func intoWarehouse(t *testing.T, dir, schema string) string {
	t.Helper()
	p := loadDir(t, dir)
	s, diags := engine.Bind(context.Background(), p, siblingsAllowed(p))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	conn := asOwner(t, "CREATE SCHEMA "+formula.QuoteIdent(schema))
	out := t.TempDir()
	hcl := readHCL(t, dir)
	for _, table := range s.Schema.Tables() {
		src := table.Source
		name := formula.QuoteIdent(schema) + "." + formula.QuoteIdent(src.Name)
		own := table.Columns[:len(table.Columns)-len(table.Derived)]
		defs, names := make([]string, len(own)), make([]string, len(own))
		for i, c := range own {
			names[i] = formula.QuoteIdent(c.Name)
			defs[i] = names[i] + " " + tableTypes[c.SQLType]
		}
		if _, err := conn.Exec(context.Background(), "CREATE TABLE "+name+" ("+strings.Join(defs, ", ")+")"); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(table.Files[0])
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.PgConn().CopyFrom(context.Background(), f, "COPY "+name+" ("+strings.Join(names, ", ")+") FROM STDIN (FORMAT csv, HEADER true)")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		path := regexp.MustCompile(`path(\s*)= "` + regexp.QuoteMeta(src.Path.Value) + `"`)
		hcl = path.ReplaceAllString(hcl, `table$1= "`+schema+"."+src.Name+`"`)
	}
	write(t, out, "project.hcl", hcl)
	return out
}

// readHCL is the text of a folder's .hcl files, one after the other.
func readHCL(t *testing.T, dir string) string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.hcl"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no .hcl file in %s: %v", dir, err)
	}
	var all strings.Builder
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
		all.WriteString("\n")
	}
	return all.String()
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTableSourcesSameAsFiles runs two projects of files on DuckDB, and on
// PostgreSQL with every source a table holding the files' rows: each value
// of each cell is the same (to 1e-9 relative), and so is the set of cells.
// The tiny project joins customers and spend; the derived one computes
// its channel from the marketing fields by ordered rules on the
// touchpoints and on the spend, and looks up a group.
func TestTableSourcesSameAsFiles(t *testing.T) {
	for _, project := range []string{"tiny", "derived"} {
		t.Run(project, func(t *testing.T) {
			files := loadDir(t, filepath.Join("testdata", project))
			tables := loadDir(t, intoWarehouse(t, filepath.Join("testdata", project), "wh_"+project))
			sameValues(t, cardValues(t, files, siblingsAllowed(files)), cardValues(t, tables, onPostgres(t, tables)))
		})
	}
}

package engine

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/pgtest"
)

// TestTableReadInPlace: a table source's view is a temporary view of the
// session over the table, not a copy of its rows, and a row the table
// gains after binding is one the view reads.
func TestTableReadInPlace(t *testing.T) {
	ctx := context.Background()
	owner, err := pgx.Connect(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close(ctx)
	for _, stmt := range []string{
		"CREATE SCHEMA in_place",
		"CREATE TABLE in_place.visits (id text, ts timestamp)",
		"INSERT INTO in_place.visits VALUES ('A', '2026-01-01 10:00')",
	} {
		if _, err := owner.Exec(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	hcl := "source \"visits\" {\n  table    = \"in_place.visits\"\n  customer = \"id\"\n  time     = \"ts\"\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "project.hcl"), []byte(hcl), 0o644); err != nil {
		t.Fatal(err)
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := Bind(ctx, p, Options{Threads: 1, Engine: dialect.Postgres, DSN: pgtest.DSN(t)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	var kind string
	if err := s.server.QueryRowContext(ctx, "SELECT relkind FROM pg_class WHERE oid = to_regclass('pg_temp.src_visits')").Scan(&kind); err != nil || kind != "v" {
		t.Errorf("src_visits is of kind %q (%v), want a view (v)", kind, err)
	}
	if _, err := owner.Exec(ctx, "INSERT INTO in_place.visits VALUES ('B', '2026-01-02 10:00')"); err != nil {
		t.Fatal(err)
	}
	var rows int
	if err := s.server.QueryRowContext(ctx, "SELECT count(*) FROM src_visits").Scan(&rows); err != nil || rows != 2 {
		t.Errorf("the view reads %d rows (%v), want the table's 2", rows, err)
	}
}

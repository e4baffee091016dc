package engine

// DuckDB reads inside the project folder and nothing else: no other file,
// no setting, no extension; and it is locked down so from the moment it
// opens, before a source's header or sample is read.

import (
	"context"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
)

func TestBoundSessionIsLockedDown(t *testing.T) {
	p, diags := dsl.LoadDir("testdata/tiny")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := Bind(context.Background(), p, Options{Threads: 1})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM "src_touchpoints"`).Scan(&n); err != nil || n != 9 {
		t.Fatalf("the declared source must stay readable: %d rows, %v", n, err)
	}
	for _, stmt := range []string{
		`SELECT * FROM read_csv('/etc/passwd')`,
		`SELECT * FROM read_csv('testdata/tiny/../../e2e_test.go')`,
		`SELECT * FROM read_csv('testdata/lookup/touchpoints.csv')`,
		`SELECT * FROM read_text('../go.mod')`,
		`COPY (SELECT 1) TO '/tmp/omni-lockdown-test.csv'`,
		`SET enable_external_access = true`,
		`SET memory_limit = '100GB'`,
		`INSTALL httpfs`,
		`LOAD httpfs`,
		`ATTACH '/tmp/omni-lockdown-test.duckdb'`,
	} {
		_, err := s.db.Exec(stmt)
		if err == nil {
			t.Errorf("%s: succeeded, want it refused", stmt)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "disabled") && !strings.Contains(msg, "locked") && !strings.Contains(msg, "Permission") {
			t.Errorf("%s: refused for another reason than the lockdown: %v", stmt, err)
		}
	}
}

func TestDuckDBOpensLockedDown(t *testing.T) {
	db, closeDB, err := openDuckDB(context.Background(), Options{Threads: 1}, []string{"testdata/tiny"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	for _, stmt := range []string{
		`DESCRIBE SELECT * FROM read_csv('/etc/passwd')`,
		`CREATE VIEW v AS SELECT * FROM read_csv('testdata/lookup/touchpoints.csv')`,
		`SET enable_external_access = true`,
	} {
		if _, err := db.Exec(stmt); err == nil {
			t.Errorf("%s: succeeded on a DuckDB just opened, want it refused", stmt)
		}
	}
}

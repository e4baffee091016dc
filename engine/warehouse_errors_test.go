package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/engine"
)

// errorTables are the tables of TestTableSourceErrors.
var errorTables = []string{
	`CREATE SCHEMA diag`,
	`CREATE TABLE diag.visits (customer_id text, seen_at timestamp, amount double precision, payload jsonb)`,
	`INSERT INTO diag.visits VALUES ('A', '2026-03-01 10:00', 10.5, '{}'), ('B', '2026-03-02 10:00', 3, '{}')`,
	`CREATE TABLE diag.victim (x integer)`,
}

// visitsSource is a touchpoints source of the table diag.visits, with
// more attributes.
func visitsSource(table, more string) string {
	return fmt.Sprintf("source \"visits\" {\n  table    = %q\n  customer = \"customer_id\"\n  time     = \"seen_at\"\n%s}\n", table, more)
}

// TestTableSourceErrors specifies the diagnostics of table sources, each
// at its attribute: a table on the default engine, a table the server does
// not have (a hostile name among them, which must drop nothing), a role
// or declared column the table does not have, a fraction declared an
// integer, and a formula naming a column the table does not have.
func TestTableSourceErrors(t *testing.T) {
	conn := asOwner(t, errorTables...)
	for _, c := range []struct {
		name, hcl string
		onDuckDB  bool
		want      []string
	}{{
		name: "on DuckDB", onDuckDB: true,
		hcl:  visitsSource("diag.visits", ""),
		want: []string{`2,14: Table source needs a database engine: Source visits reads the table diag.visits of a database, which the default engine (the embedded DuckDB, which reads files) cannot: run with --engine postgres --dsn postgres://user@host/database (or set OMNI_DSN), or read files with path = "…".`},
	}, {
		name: "no such table",
		hcl:  visitsSource("diag.visit", ""),
		want: []string{`2,14: No such table: The database has no table or view diag.visit (source visits); names are matched as written, case included. Did you mean "diag.visits"?`},
	}, {
		name: "case matters",
		hcl:  visitsSource("Diag.Visits", ""),
		want: []string{`2,14: No such table: The database has no table or view Diag.Visits (source visits); names are matched as written, case included. Did you mean "diag.visits"?`},
	}, {
		name: "hostile name",
		hcl:  visitsSource(`x"; DROP TABLE diag.victim; --`, ""),
		want: []string{`2,14: No such table: The database has no table or view x"; DROP TABLE diag.victim; -- (source visits); names are matched as written, case included.`},
	}, {
		name: "no such role column",
		hcl:  "source \"visits\" {\n  table    = \"diag.visits\"\n  customer = \"customer\"\n  time     = \"seen_at\"\n}\n",
		want: []string{`3,14: No such column: Source "visits" has no column "customer". Did you mean "customer_id"? Its columns: customer_id, seen_at, amount, payload.`},
	}, {
		name: "declared type of no column",
		hcl:  visitsSource("diag.visits", "  types    = { amout = \"DOUBLE\" }\n"),
		want: []string{`5,16: No such column: Source "visits" has no column "amout" to declare the type of. Did you mean "amount"? Its columns: customer_id, seen_at, amount, payload.`},
	}, {
		name: "distinct by no column",
		hcl:  visitsSource("diag.visits", "  distinct = [\"customer\"]\n"),
		want: []string{`5,15: No such column: Source "visits" has no column "customer" to tell duplicates by. Did you mean "customer_id"? Its columns: customer_id, seen_at, amount, payload.`},
	}, {
		name: "a fraction declared an integer",
		hcl:  visitsSource("diag.visits", "  types    = { amount = \"BIGINT\" }\n"),
		want: []string{`5,25: Not an integer: Column "amount" of source visits holds 10.5, which is not an integer (types declares it BIGINT). Declare it DOUBLE, or round it in a column block.`},
	}, {
		name: "formula on no column",
		hcl:  visitsSource("diag.visits", "") + "kpi \"revenue\" { formula = \"sum(amout)\" }\n",
		want: []string{`6,32: Unknown name: Nothing is named "amout" here. Did you mean "amount"?`},
	}, {
		name: "formula on a column of an unusable type",
		hcl:  visitsSource("diag.visits", "") + "kpi \"payloads\" { formula = \"count_distinct(payload)\" }\n",
		want: []string{`6,44: Cannot use payload: "payload" is a column of the source visits, of type JSONB, which formulas cannot use.`},
	}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "project.hcl", c.hcl)
			p := loadDir(t, dir)
			opts := siblingsAllowed(p)
			if !c.onDuckDB {
				opts = onPostgres(t, p)
			}
			s, diags := engine.Bind(context.Background(), p, opts)
			if s != nil {
				_, compiled := engine.Compile(s)
				diags = append(diags, compiled...)
				s.Close()
			}
			if diff := cmp.Diff(c.want, errorsAt(t, filepath.Join(dir, "project.hcl"), diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM diag.victim").Scan(&n); err != nil {
		t.Errorf("the hostile table name dropped diag.victim: %v", err)
	}
}

// errorsAt lists the errors as "line,column: summary: detail", each in
// the file.
func errorsAt(t *testing.T, file string, diags hcl.Diagnostics) []string {
	t.Helper()
	var out []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		if d.Subject == nil || d.Subject.Filename != file {
			t.Errorf("%s: %s, not in %s", d.Summary, d.Detail, file)
			continue
		}
		out = append(out, fmt.Sprintf("%d,%d: %s: %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Summary, d.Detail))
	}
	return out
}

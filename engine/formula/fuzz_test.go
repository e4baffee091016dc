package formula

// FuzzCompile specifies that Compile never panics, in any scope, and that
// whatever SQL it returns without errors is SQL that DuckDB accepts, in the
// query the engine would wrap it in (see testDB for the table), and of the
// type its scope needs: a BOOLEAN condition, a numeric KPI.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/omni-metrics/omni/builtins"
)

// sqlEnv is testEnv made to produce self-contained SQL: a KPI's measures
// are their aggregates, so that a KPI is a plain aggregate expression.
type sqlEnv struct{ *testEnv }

func newSQLEnv(scope Scope) sqlEnv {
	e := newTestEnv(scope)
	e.symbols["reach"].SQL = `(count(DISTINCT "__customer"))`
	e.symbols["kpi.revenue"].SQL = `(sum("revenue"))`
	return sqlEnv{e}
}

func (e sqlEnv) Measure(g Grain, sql, empty string) string {
	e.testEnv.Measure(g, sql, empty)
	return "(" + sql + ")"
}

// Window is what DuckDB accepts where the engine's window would stand: a
// window over the whole table for a value per cell; for a condition on
// earlier rows, which stands inside an aggregate, the condition itself.
func (e sqlEnv) Window(fn *builtins.Builtin, args []string) string {
	switch {
	case fn.Kind == builtins.Compare:
		return "max(" + args[0] + ") OVER ()"
	case len(args) == 0:
		return "TRUE"
	}
	return "(" + args[0] + ")"
}

// query is the query that evaluates a formula's SQL over facts.
func query(scope Scope, sql string) string {
	switch scope {
	case RowScope, CustomerScope:
		return "SELECT count(*) FROM facts WHERE " + sql
	case TraitScope:
		return `SELECT ` + sql + ` FROM facts GROUP BY "__customer"`
	}
	return "SELECT " + sql + " FROM facts"
}

func FuzzCompile(f *testing.F) {
	for _, tc := range compileCases {
		f.Add(tc.text)
	}
	for _, tc := range errorCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, scope := range []Scope{RowScope, CustomerScope, TraitScope, KPIScope} {
			got, diags := Compile(testFormula(text), scope, wantOf(scope), newSQLEnv(scope))
			if diags.HasErrors() {
				if got != nil {
					t.Fatalf("scope %d: SQL %q returned along with errors %v", scope, got.SQL, diags)
				}
				continue
			}
			if got == nil {
				t.Fatalf("scope %d: no SQL and no error", scope)
			}
			err := runSQL(t, query(scope, got.SQL))
			if err == nil {
				err = checkType(t, scope, got.SQL)
			}
			if err != nil {
				t.Fatalf("scope %d: DuckDB rejects the SQL of %q:\n%s\n%v", scope, text, got.SQL, err)
			}
		}
	})
}

// runSQL executes a query over testDB and reads all its rows.
func runSQL(t testing.TB, q string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rows, err := testDB(t).QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// checkType checks the DuckDB type of a condition (a BOOLEAN) or of a KPI
// (a number); NULL, the type of nil, fits both.
func checkType(t testing.TB, scope Scope, sql string) error {
	want := map[Scope]string{RowScope: "BOOLEAN", CustomerScope: "BOOLEAN",
		KPIScope: "TINYINT SMALLINT INTEGER BIGINT HUGEINT DOUBLE FLOAT DECIMAL"}[scope]
	if want == "" {
		return nil
	}
	var typ string
	from := " FROM facts"
	if scope == KPIScope {
		from = " FROM (SELECT " + sql + " AS kpi FROM facts)"
		sql = "kpi"
	}
	if err := testDB(t).QueryRow("SELECT typeof(" + sql + ")" + from + " LIMIT 1").Scan(&typ); err != nil {
		return err
	}
	if base, _, _ := strings.Cut(typ, "("); typ != "NULL" && !strings.Contains(" "+want+" ", " "+base+" ") {
		return fmt.Errorf("the SQL is a %s in DuckDB, not a %s", typ, strings.ReplaceAll(want, " ", " or "))
	}
	return nil
}

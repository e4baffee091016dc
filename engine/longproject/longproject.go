// Package longproject writes, for the tests of cancellation, a project
// whose one query takes seconds: touchpoints of one customer in five,
// spread over months, and KPIs that sort them.
package longproject

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// Write writes the project into dir: tp.parquet, with the given number of
// touchpoints, and omni.hcl.
func Write(t testing.TB, dir string, touchpoints int) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(fmt.Sprintf(`COPY (SELECT 'C' || (i %% %d) AS id, TIMESTAMP '2026-01-01' + to_seconds(i %% 20000000) AS ts,
	                         'e' || (i %% 7) AS event FROM range(%d) t(i))
	                  TO '%s' (FORMAT parquet)`, touchpoints/5, touchpoints, filepath.Join(dir, "tp.parquet")))
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	defs := `source "touchpoints" {
  path     = "tp.parquet"
  customer = "id"
  time     = "ts"
}
kpi "reach" { formula = "count_distinct(customer)" }
kpi "median_hour" { formula = "median(hour(time))" }
kpi "median_day" { formula = "median(day(time))" }
`
	if err := os.WriteFile(filepath.Join(dir, "omni.hcl"), []byte(defs), 0o644); err != nil {
		t.Fatal(err)
	}
}

package engine_test

// A run stops promptly when its context is cancelled (Ctrl-C in omni run),
// and the session stays usable.

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

func TestRunStopsWhenCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 1M touchpoints")
	}
	dir := t.TempDir()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`COPY (SELECT 'C' || (i % 200000) AS id, TIMESTAMP '2026-01-01' + to_seconds(i % 20000000) AS ts,
	                         'e' || (i % 7) AS event FROM range(1000000) t(i))
	                  TO '` + filepath.Join(dir, "tp.parquet") + `' (FORMAT parquet)`)
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
`
	if err := os.WriteFile(filepath.Join(dir, "p.hcl"), []byte(defs), 0o644); err != nil {
		t.Fatal(err)
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 2})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	defer s.Close()
	c, diags := engine.Compile(s)
	if diags.HasErrors() {
		t.Fatal(diags)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Run(ctx, c.Plans[0])
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run after its deadline = %v, want the context's error", err)
	}
	// No timing assertion: the log says how prompt it was.
	t.Logf("cancelled after %s", time.Since(start))

	if _, err := c.Run(context.Background(), c.Plans[0]); err != nil {
		t.Fatalf("the session is unusable after a cancelled run: %v", err)
	}
}

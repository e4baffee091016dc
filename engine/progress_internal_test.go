package engine

import (
	"context"
	"database/sql"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2/mapping"
)

// The progress of a query is read through a field the driver does not
// export (duckdb_progress.go): this test fails when an upgrade of
// duckdb-go moves it, instead of runs silently losing their percentage.
func TestDriverExposesQueryProgress(t *testing.T) {
	dir := t.TempDir()
	db, closeDB, err := openDuckDB(context.Background(), Options{Threads: 2}, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	read := connectionProgress(context.Background(), db)
	if read == nil {
		t.Fatal("no query progress: duckdb-go's *Conn no longer holds its mapping.Connection in the field conn; update connectionHandle")
	}
	if p := read(); p != -1 {
		t.Errorf("progress with no query running = %g, want -1", p)
	}
	file := filepath.Join(dir, "rows.parquet")
	if _, err := db.Exec(`COPY (SELECT i, (i * 7919) % 1000003 AS k FROM range(3000000) t(i)) TO '` + file + `' (FORMAT parquet)`); err != nil {
		t.Fatal(err)
	}
	var seen []float64
	stop := poll(read, func(p float64) { seen = append(seen, p) }, 5*time.Millisecond)
	var n int
	err = db.QueryRow(`SELECT count(DISTINCT k::VARCHAR || '-' || (i % 7)::VARCHAR) FROM '` + file + `'`).Scan(&n)
	stop()
	if err != nil {
		t.Fatal(err)
	}
	// -1 is unknown: before the query starts, and once it has ended.
	known := slices.DeleteFunc(slices.Clone(seen), func(p float64) bool { return p == -1 })
	if len(known) == 0 {
		t.Fatalf("no percentage while a query of 3M rows ran (%v): is enable_progress_bar set?", seen)
	}
	for _, p := range known {
		if p < 0 || p > 100 {
			t.Errorf("percentage %g out of 0–100", p)
		}
	}
	t.Logf("percentages seen: %.0f", seen)
}

func TestConnectionHandleOfAnotherDriver(t *testing.T) {
	for _, conn := range []any{
		nil,
		"a string",
		struct{ conn mapping.Connection }{},
		&struct{ conn int }{},
		&struct{ other mapping.Connection }{},
		&struct{ conn mapping.Connection }{}, // a closed connection
		(*sql.Conn)(nil),
	} {
		if _, ok := connectionHandle(conn); ok {
			t.Errorf("connectionHandle(%#v) found a connection", conn)
		}
	}
}

// poll reports changes only, unknown (-1) for an estimate that no longer
// moves, and neither reports nor runs once stopped.
func TestPollStopsWithTheQuery(t *testing.T) {
	before := runtime.NumGoroutine()
	readings := []float64{-1, 10, 10, 40, -1, 90}
	var reads atomic.Int64
	read := func() float64 {
		return readings[min(int(reads.Add(1))-1, len(readings)-1)]
	}
	var reported []float64
	stop := poll(read, func(p float64) { reported = append(reported, p) }, time.Millisecond)
	// 90 stays the last reading: it turns stale after staleAfter.
	time.Sleep(staleAfter + 100*time.Millisecond)
	stop()
	after := len(reported)
	time.Sleep(10 * time.Millisecond)
	if len(reported) != after {
		t.Error("poll reported after stop")
	}
	if want := []float64{10, 40, -1, 90, -1}; !slices.Equal(reported, want) {
		t.Errorf("reported %v, want %v", reported, want)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after poll stopped, %d before", n, before)
	}
}

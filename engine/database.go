package engine

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
	"github.com/omni-metrics/omni/engine/dialect"
)

// Options are the resources DuckDB may use.
type Options struct {
	Threads     int    // 0: DuckDB's default (the number of cores)
	MemoryLimit string // such as "2GB"; "" means 4GB
	TempDir     string // where DuckDB spills; "" means a fresh folder under os.TempDir
	// DataDirs are folders besides the project folder that sources and
	// test fixtures may read (relative to the working folder). Nothing
	// else is ever read.
	DataDirs []string
	// Engine runs the queries: nil or dialect.DuckDB for the embedded
	// DuckDB, dialect.Postgres for the PostgreSQL server at DSN.
	Engine dialect.Dialect
	// DSN is the server's connection string (postgres://user@host/db).
	DSN string
	// StatementTimeout bounds each query on a server; 0 means
	// DefaultStatementTimeout.
	StatementTimeout time.Duration
}

// openDuckDB opens an in-memory DuckDB with explicit limits, no extension
// loading, and locked down to the given folders before it reads anything. It
// returns a function that closes it and removes its temporary folder.
func openDuckDB(ctx context.Context, opts Options, dirs []string) (*sql.DB, func(), error) {
	temp := opts.TempDir
	cleanup := func() {}
	if temp == "" {
		dir, err := os.MkdirTemp("", "omni-duckdb-")
		if err != nil {
			return nil, nil, err
		}
		temp, cleanup = dir, func() { os.RemoveAll(dir) }
	}
	settings := url.Values{
		"memory_limit":                 {cmp.Or(opts.MemoryLimit, "4GB")},
		"temp_directory":               {temp},
		"autoinstall_known_extensions": {"false"},
		"autoload_known_extensions":    {"false"},
	}
	if opts.Threads > 0 {
		settings.Set("threads", fmt.Sprint(opts.Threads))
	}
	db, err := sql.Open("duckdb", "?"+settings.Encode())
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("opening DuckDB: %w", err)
	}
	// One connection: settings and views live in one session.
	db.SetMaxOpenConns(1)
	// DuckDB estimates how far a query is only with its progress bar on.
	// It must not print.
	for _, stmt := range append([]string{"SET enable_progress_bar = true", "SET enable_progress_bar_print = false"}, lockDown(dirs)...) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			db.Close()
			cleanup()
			return nil, nil, fmt.Errorf("opening DuckDB (%s): %w", stmt, err)
		}
	}
	return db, func() { db.Close(); cleanup() }, nil
}

// lockDown are the settings that forbid any file access outside the given
// folders, any extension loading and any later change of settings. They
// come before the first source is declared: DuckDB reads a CSV file's
// header and sample, and a Parquet file's metadata, as soon as a view over
// it is.
func lockDown(dirs []string) []string {
	quoted := make([]string, len(dirs))
	for i, d := range dirs {
		quoted[i] = sqlString(d)
	}
	return []string{
		"SET allowed_directories = [" + strings.Join(quoted, ", ") + "]",
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	}
}

package engine

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// Options are the resources DuckDB may use.
type Options struct {
	Threads     int    // 0: DuckDB's default (the number of cores)
	MemoryLimit string // such as "2GB"; "" means 4GB
	TempDir     string // where DuckDB spills; "" means a fresh folder under os.TempDir
}

// openDuckDB opens an in-memory DuckDB with explicit limits and no extension
// loading. It returns a function that closes it and removes its temporary
// folder.
func openDuckDB(opts Options) (*sql.DB, func(), error) {
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
	// DuckDB estimates how far a query is only with its progress bar on,
	// which must not print.
	for _, stmt := range []string{"SET enable_progress_bar = true", "SET enable_progress_bar_print = false"} {
		if _, err := db.Exec(stmt); err != nil {
			db.Close()
			cleanup()
			return nil, nil, fmt.Errorf("opening DuckDB (%s): %w", stmt, err)
		}
	}
	return db, func() { db.Close(); cleanup() }, nil
}

// lockDown forbids any file access outside the given folders, any extension
// loading and any later change of settings. It runs once the sources are
// declared, before any SQL compiled from the definitions runs.
func lockDown(ctx context.Context, db *sql.DB, dirs []string) error {
	quoted := make([]string, len(dirs))
	for i, d := range dirs {
		quoted[i] = "'" + strings.ReplaceAll(d, "'", "''") + "'"
	}
	for _, stmt := range []string{
		"SET allowed_directories = [" + strings.Join(quoted, ", ") + "]",
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("locking DuckDB down (%s): %w", stmt, err)
		}
	}
	return nil
}

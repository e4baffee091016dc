// Command gen (re)generates the data files of an example directory.
//
// Usage:
//
//	go run ./examples/gen DIR
//
// It reads DIR/generate.sql and executes it, as one multi-statement script,
// in a fresh in-memory DuckDB database (single-threaded, so that the output
// is reproducible) with DIR as the working directory: relative paths in the
// script (COPY ... TO 'hcps.csv') therefore land inside DIR. The scripts use
// hash-based pseudo-randomness only, so two runs write byte-identical files.
//
// It is invoked by `make` to (re)generate the examples' data.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR   (executes DIR/generate.sql with DIR as working directory)")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	script := filepath.Join(dir, "generate.sql")
	src, err := os.ReadFile(script)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "omni-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// Relative paths in the script resolve inside dir.
	if err := os.Chdir(dir); err != nil {
		return err
	}
	db, err := sql.Open("duckdb", "?threads=1&temp_directory="+tmp)
	if err != nil {
		return fmt.Errorf("open duckdb: %w", err)
	}
	defer db.Close()
	// The driver runs every statement of a multi-statement string.
	if _, err := db.ExecContext(context.Background(), string(src)); err != nil {
		return fmt.Errorf("%s: %w", script, err)
	}
	return nil
}

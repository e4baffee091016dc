package engine

import (
	"context"
	"fmt"
)

// DuckDBVersion is the version of the DuckDB library omni links, as DuckDB
// itself reports it (such as v1.3.2).
func DuckDBVersion(ctx context.Context) (string, error) {
	db, closeDB, err := openDuckDB(ctx, Options{MemoryLimit: "64MB"}, nil)
	if err != nil {
		return "", err
	}
	defer closeDB()
	var v string
	if err := db.QueryRowContext(ctx, "SELECT version()").Scan(&v); err != nil {
		return "", fmt.Errorf("asking DuckDB its version: %w", err)
	}
	return v, nil
}

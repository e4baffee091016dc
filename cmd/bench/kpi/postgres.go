package main

// This file is the benchmark's PostgreSQL run (-engine postgres): the same
// generated data loaded into tables of a throwaway server, omni with table
// sources against one hand-written PostgreSQL query of the same scorecard
// (postgres.sql), run alternately, each in a process of its own, the
// server's memory sampled during each.

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"github.com/omni-metrics/omni/cmd/bench/measure"
	"github.com/omni-metrics/omni/engine/pgtest"
)

//go:embed postgres.sql
var postgresSQL string

// benchTables are the tables the data is loaded into, by the name of the
// Parquet file each is read from.
var benchTables = []string{"touchpoints", "customers", "spend"}

// serverTypes are the server's types of the generated data's columns.
var serverTypes = map[string]string{
	"VARCHAR": "text", "TIMESTAMP": "timestamp", "DATE": "date", "DOUBLE": "double precision",
	"INTEGER": "integer", "BIGINT": "bigint", "BOOLEAN": "boolean",
}

// sampleEvery is how often the server's memory is sampled.
const sampleEvery = 100 * time.Millisecond

func benchPostgres(rows int, dir, omni string, threads, rounds int) error {
	omni, self, err := prepare(rows, dir, omni, threads, 0, false)
	if err != nil {
		return err
	}
	server, err := pgtest.Start()
	if err != nil {
		return err
	}
	defer server.Stop()
	postmaster, err := firstProcess(server.Data)
	if err != nil {
		return err
	}
	// Loading in a process of its own too: the DuckDB that reads the
	// files would otherwise lend this process its peak memory.
	load, err := measureRun(self, "-pg-load", server.DSN, "-dir", dir, "-threads", strconv.Itoa(threads))
	if err != nil {
		return fmt.Errorf("loading the tables: %w", err)
	}
	fmt.Printf("%d touchpoints loaded into PostgreSQL tables in %s; PostgreSQL's default settings, omni's DuckDB with %d threads\n",
		rows, load.Wall.Round(time.Millisecond), threads)
	project, err := tableProject(dir)
	if err != nil {
		return err
	}
	var omniBest, refBest measure.Usage
	var omniServer, refServer int64
	for range rounds {
		stop := measure.SampleTree(postmaster, sampleEvery)
		u, err := measureRun(omni, "run", project, "--engine", "postgres", "--dsn", server.DSN, "--out", filepath.Join(project, "out"), "-q",
			"--threads", strconv.Itoa(threads), "--temp-dir", filepath.Join(dir, "tmp-omni"))
		omniServer = max(omniServer, stop())
		if err != nil {
			return fmt.Errorf("omni: %w", err)
		}
		omniBest = omniBest.Best(u)
		stop = measure.SampleTree(postmaster, sampleEvery)
		u, err = measureRun(self, "-pg-reference", server.DSN, "-dir", dir)
		refServer = max(refServer, stop())
		if err != nil {
			return fmt.Errorf("reference: %w", err)
		}
		refBest = refBest.Best(u)
	}
	report, err := compare(filepath.Join(project, "out", "default.json"), filepath.Join(dir, "postgres.csv"))
	if err != nil {
		return fmt.Errorf("reference postgres: %w", err)
	}
	fmt.Printf("best of %d alternate runs each\n%-24s %10s %10s %14s %14s\n", rounds, "", "wall", "client CPU", "client RSS", "server memory")
	fmt.Printf("%-24s %10s %10s %10d MiB %10d MiB\n", "omni run (table sources)", omniBest.Wall.Round(time.Millisecond), omniBest.CPU.Round(time.Millisecond), omniBest.PeakKiB/1024, omniServer/1024)
	fmt.Printf("%-24s %10s %10s %10d MiB %10d MiB\n", "hand-written query", refBest.Wall.Round(time.Millisecond), refBest.CPU.Round(time.Millisecond), refBest.PeakKiB/1024, refServer/1024)
	fmt.Printf("%-24s %9.2fx %25s %13.2fx   %s\n", "omni / hand-written", omniBest.Wall.Seconds()/refBest.Wall.Seconds(), "", float64(omniServer)/float64(refServer), report)
	return nil
}

// firstProcess reads the server's first process from postmaster.pid.
func firstProcess(data string) (int, error) {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strconv.Atoi(strings.TrimSpace(line))
}

// loadTables (-pg-load) creates the tables bench.<name>, typed as DuckDB reads the
// Parquet files, and copies the files' rows into them (as CSV, which
// DuckDB writes and COPY reads), then analyzes them.
func loadTables(dir string, threads int, dsn string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA bench"); err != nil {
		return err
	}
	for _, name := range benchTables {
		columns, err := parquetColumns(dir, name)
		if err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, "CREATE TABLE bench."+name+" ("+strings.Join(columns, ", ")+")"); err != nil {
			return err
		}
		csvFile := name + ".csv"
		if err := execIn(dir, threads, "2GB", "COPY (SELECT * FROM '"+name+".parquet') TO '"+csvFile+"' (HEADER)"); err != nil {
			return err
		}
		f, err := os.Open(filepath.Join(dir, csvFile))
		if err != nil {
			return err
		}
		_, err = conn.PgConn().CopyFrom(ctx, f, "COPY bench."+name+" FROM STDIN (FORMAT csv, HEADER true)")
		f.Close()
		os.Remove(filepath.Join(dir, csvFile))
		if err != nil {
			return err
		}
	}
	_, err = conn.Exec(ctx, "ANALYZE")
	return err
}

// parquetColumns are the column definitions of a generated Parquet file's
// table on the server.
func parquetColumns(dir, name string) ([]string, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + sqlString(filepath.Join(dir, name+".parquet")) + "))")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var columns []string
	for rows.Next() {
		var column, typ string
		if err := rows.Scan(&column, &typ); err != nil {
			return nil, err
		}
		server, ok := serverTypes[typ]
		if !ok {
			return nil, fmt.Errorf("%s.%s: no server type for %s", name, column, typ)
		}
		columns = append(columns, column+" "+server)
	}
	return columns, rows.Err()
}

// sourcePath is a source's path attribute in the benchmark project.
var sourcePath = regexp.MustCompile(`path(\s*)= "(\w+)\.parquet"`)

// tableProject copies the benchmark project into <dir>/postgres, its
// sources reading the tables bench.<name> rather than the files.
func tableProject(dir string) (string, error) {
	project := filepath.Join(dir, "postgres")
	if err := os.MkdirAll(project, 0o755); err != nil {
		return "", err
	}
	defs, err := filepath.Glob(filepath.Join(dir, "*.hcl"))
	if err != nil {
		return "", err
	}
	for _, d := range defs {
		b, err := os.ReadFile(d)
		if err != nil {
			return "", err
		}
		b = sourcePath.ReplaceAll(b, []byte(`table$1= "bench.$2"`))
		if err := os.WriteFile(filepath.Join(project, filepath.Base(d)), b, 0o644); err != nil {
			return "", err
		}
	}
	return project, nil
}

// runPostgresReference runs the hand-written query on the server and
// writes its cells as postgres.csv, in the form compare reads.
func runPostgresReference(dsn, dir string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, postgresSQL)
	if err != nil {
		return err
	}
	defer rows.Close()
	f, err := os.Create(filepath.Join(dir, "postgres.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	w.Write([]string{"scope", "breakdown", "key", "period", "kpi", "value"})
	for rows.Next() {
		var scope, breakdown, key, period, kpi string
		var value float64
		if err := rows.Scan(&scope, &breakdown, &key, &period, &kpi, &value); err != nil {
			return err
		}
		w.Write([]string{scope, breakdown, key, period, kpi, strconv.FormatFloat(value, 'g', -1, 64)})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

// Command loyalty benchmarks a loyalty ladder at scale. It generates a
// project of customers × 8 quarters of touchpoints in a temporary folder
// (DuckDB, Parquet, deterministic), runs `omni run` on it as a child process
// and reports the wall time and the peak memory of that run (its VmHWM: the
// peak resident set size, as the kernel accounts it for the finished child).
//
// Usage (from the repository root, after make build):
//
//	go run ./cmd/bench/loyalty [-customers 1000000] [-omni bin/omni] [-threads 0] [-memory-limit 4GB]
package main

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"github.com/omni-metrics/omni/cmd/bench/measure"
	"github.com/omni-metrics/omni/engine/scorecard"
)

//go:embed generate.sql
var generateSQL string

//go:embed project.hcl
var projectHCL []byte

func main() {
	customers := flag.Int("customers", 1_000_000, "how many customers to generate")
	omni := flag.String("omni", "bin/omni", "the omni binary to run")
	threads := flag.Int("threads", 0, "DuckDB threads of the run (0: one per core)")
	memory := flag.String("memory-limit", "4GB", "DuckDB memory limit of the run")
	flag.Parse()
	if err := run(*customers, *omni, *threads, *memory); err != nil {
		fmt.Fprintln(os.Stderr, "bench loyalty:", err)
		os.Exit(1)
	}
}

func run(customers int, omni string, threads int, memory string) error {
	omni, err := filepath.Abs(omni)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "omni-bench-loyalty-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	touchpoints, err := generate(dir, customers)
	if err != nil {
		return err
	}
	fmt.Printf("loyalty bench: %d customers × 8 quarters, %d touchpoints, generated in %s\n",
		customers, touchpoints, time.Since(start).Round(time.Millisecond))

	out := filepath.Join(dir, "out")
	cmd := exec.Command(omni, "run", dir, "-q", "--out", out, "--memory-limit", memory,
		"--threads", fmt.Sprint(threads), "--temp-dir", filepath.Join(dir, "spill"))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	run, err := measure.Run(cmd)
	if err != nil {
		return fmt.Errorf("%s: %w", omni, err)
	}
	ladder, err := readLadder(filepath.Join(out, "bench.json"))
	if err != nil {
		return err
	}
	fmt.Printf("omni run: %s wall, peak memory (VmHWM) %d MiB; %d periods, next quarter's volume %s\n",
		run.Wall.Round(time.Millisecond), run.PeakKiB/1024, len(ladder.Periods), ladder.Forecast[0].VolumeTotal)
	return nil
}

// generate writes the benchmark's project and data into dir and returns the
// number of touchpoints.
func generate(dir string, customers int) (int64, error) {
	if err := os.WriteFile(filepath.Join(dir, "project.hcl"), projectHCL, 0o644); err != nil {
		return 0, err
	}
	here, err := os.Getwd()
	if err != nil {
		return 0, err
	}
	// The script writes its files in the working directory.
	if err := os.Chdir(dir); err != nil {
		return 0, err
	}
	defer os.Chdir(here)
	db, err := sql.Open("duckdb", "?temp_directory="+filepath.Join(dir, "gen-spill"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the variable lives in one session
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("SET VARIABLE customers = %d", customers)); err != nil {
		return 0, err
	}
	if _, err := db.ExecContext(ctx, generateSQL); err != nil {
		return 0, fmt.Errorf("generate.sql: %w", err)
	}
	var n int64
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM 'touchpoints.parquet'").Scan(&n)
	return n, err
}

// readLadder reads the ladder of the scorecard the run wrote.
func readLadder(path string) (*scorecard.Loyalty, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var sc scorecard.Scorecard
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, err
	}
	if len(sc.Loyalty) != 1 || len(sc.Loyalty[0].Forecast) == 0 {
		return nil, fmt.Errorf("%s: no ladder with a forecast", path)
	}
	return &sc.Loyalty[0], nil
}

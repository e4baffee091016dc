// Command attribution benchmarks omni's attribution against the same
// computation written by hand in DuckDB SQL.
//
// Usage:
//
//	go run ./cmd/bench/attribution [-touches 10000000] [-conversions 1000000] [-keep DIR]
//
// It generates the touchpoints deterministically inside DuckDB (hash-based
// randomness, one Parquet file in a temporary folder), then runs, each in a
// process of its own so that its peak memory is its own: `omni run` on a
// project with the five heuristic models and a first-order Markov chain,
// and the hand-written SQL of the same models (the Markov chain solved by the
// same Go code). It checks that both give the same numbers and prints the
// wall time, CPU time and peak resident memory (rusage maxrss) of each, and their
// ratios. `make bench` runs it at full size.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/omni-metrics/omni/cmd/bench/measure"
	"github.com/omni-metrics/omni/cmd/omni/cli"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "child" {
		os.Exit(child(os.Args[2], os.Args[3:]))
	}
	touches := flag.Int("touches", 10_000_000, "touchpoints to generate, conversions excluded")
	conversions := flag.Int("conversions", 1_000_000, "conversions to generate")
	keep := flag.String("keep", "", "generate into this folder and keep it (default: a temporary folder, removed)")
	runs := flag.Int("runs", 3, "runs of each side, alternated; the best wall time counts (the machine may be shared)")
	flag.Parse()
	if err := bench(*touches, *conversions, *runs, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// child is the work of one measured process: "omni" runs the project as
// the omni command does; "sql" runs the hand-written SQL and writes its
// numbers as JSON.
func child(kind string, args []string) int {
	switch kind {
	case "omni":
		return cli.Run(args, os.Stdin, os.Stdout, os.Stderr)
	case "sql":
		if err := writeHandwritten(args[0], args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
		return 0
	}
	return 2
}

func bench(touches, conversions, runs int, keep string) error {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "omni-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	start := time.Now()
	if err := generate(dir, touches, conversions); err != nil {
		return err
	}
	fmt.Printf("generated %d touchpoints and %d conversions in %s\n", touches, conversions, rounded(time.Since(start)))
	omniOut, handOut := filepath.Join(dir, "out"), filepath.Join(dir, "handwritten.json")
	var omni, hand measure.Usage
	for range max(1, runs) {
		o, err := measureChild("omni", "run", filepath.Join(dir, "project"), "--out", omniOut, "-q")
		if err != nil {
			return err
		}
		h, err := measureChild("sql", filepath.Join(dir, "project", "touchpoints.parquet"), handOut)
		if err != nil {
			return err
		}
		omni, hand = omni.Best(o), hand.Best(h)
	}
	if err := compareFiles(filepath.Join(omniOut, "bench.json"), handOut); err != nil {
		return err
	}
	fmt.Println("omni and the hand-written SQL agree on every model and channel (relative difference < 1e-9)")
	fmt.Printf("\nbest wall and CPU times and highest peak memory of %d runs each, alternated\n", max(1, runs))
	fmt.Printf("%-26s %10s %10s %14s\n", "", "wall time", "CPU time", "peak memory")
	fmt.Printf("%-26s %10s %10s %11d MB\n", "omni run", rounded(omni.Wall), rounded(omni.CPU), omni.PeakKiB>>10)
	fmt.Printf("%-26s %10s %10s %11d MB\n", "hand-written DuckDB SQL", rounded(hand.Wall), rounded(hand.CPU), hand.PeakKiB>>10)
	fmt.Printf("%-26s %10.2f %10.2f %14.2f\n", "ratio omni / hand-written", omni.Wall.Seconds()/hand.Wall.Seconds(), omni.CPU.Seconds()/hand.CPU.Seconds(), float64(omni.PeakKiB)/float64(hand.PeakKiB))
	return nil
}

// measureChild runs this program as a child process doing one kind of
// work, and measures it.
func measureChild(kind string, args ...string) (measure.Usage, error) {
	cmd := exec.Command(os.Args[0], append([]string{"child", kind}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	u, err := measure.Run(cmd)
	if err != nil {
		return u, fmt.Errorf("%s: %w", kind, err)
	}
	return u, nil
}

func rounded(d time.Duration) string { return d.Round(10 * time.Millisecond).String() }

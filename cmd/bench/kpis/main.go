// Command kpis measures how omni's cost grows with the number of KPIs. For
// each size of -sizes it writes a project of 9 touchpoints and that many
// KPIs, each with a condition of its own (sum(revenue, revenue > i)), runs
// `omni run` on it twice, each run a process of its own, and prints the
// wall time, CPU time (user and system) and peak resident memory of the
// best run, with the CPU time each KPI added since the size before. It
// checks every KPI's whole-data total against the sum computed here.
//
//	go run ./cmd/bench/kpis [-sizes 100,200,500,1000,2000] [-omni bin/omni]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/omni-metrics/omni/cmd/bench/measure"
)

func main() {
	sizes := flag.String("sizes", "100,200,500,1000,2000", "the numbers of KPIs to measure, comma-separated")
	omni := flag.String("omni", "bin/omni", "the omni binary to time")
	threads := flag.Int("threads", 2, "DuckDB threads")
	memory := flag.String("memory-limit", "4GB", "DuckDB memory limit")
	flag.Parse()
	if err := run(*sizes, *omni, *threads, *memory); err != nil {
		fmt.Fprintln(os.Stderr, "bench kpis:", err)
		os.Exit(1)
	}
}

func run(sizes, omni string, threads int, memory string) error {
	counts, err := parseSizes(sizes)
	if err != nil {
		return err
	}
	omni, err = filepath.Abs(omni)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "omni-bench-kpis-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Printf("9 touchpoints, N KPIs sum(revenue, revenue > i), %d threads; omni run as a child process, best of 2 runs\n", threads)
	fmt.Printf("%6s %10s %10s %12s %14s\n", "KPIs", "wall", "CPU", "peak RSS", "CPU per KPI")
	var before measure.Usage
	beforeCount := 0
	for _, n := range counts {
		u, err := measureSize(filepath.Join(dir, strconv.Itoa(n)), n, omni, threads, memory)
		if err != nil {
			return fmt.Errorf("%d KPIs: %w", n, err)
		}
		perKPI := "–"
		if beforeCount > 0 {
			perKPI = ((u.CPU - before.CPU) / time.Duration(n-beforeCount)).Round(10 * time.Microsecond).String()
		}
		fmt.Printf("%6d %10s %10s %8d MiB %14s\n", n, u.Wall.Round(time.Millisecond), u.CPU.Round(time.Millisecond), u.PeakKiB/1024, perKPI)
		before, beforeCount = u, n
	}
	return nil
}

// measureSize runs omni twice on a project of n KPIs written into dir,
// checks the values of its scorecard and returns the best of both runs.
func measureSize(dir string, n int, omni string, threads int, memory string) (measure.Usage, error) {
	if err := writeProject(dir, n); err != nil {
		return measure.Usage{}, err
	}
	want, err := wantTotals(n)
	if err != nil {
		return measure.Usage{}, err
	}
	var best measure.Usage
	for range 2 {
		out := filepath.Join(dir, "out")
		cmd := exec.Command(omni, "run", dir, "-q", "--out", out, "--threads", strconv.Itoa(threads),
			"--memory-limit", memory, "--temp-dir", filepath.Join(dir, "tmp"))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		u, err := measure.Run(cmd)
		if err != nil {
			return u, err
		}
		sc, err := readScorecard(filepath.Join(out, "default.json"))
		if err != nil {
			return u, err
		}
		if err := checkTotals(sc, want); err != nil {
			return u, err
		}
		best = best.Best(u)
	}
	return best, nil
}

// parseSizes reads a comma-separated list of increasing positive counts.
func parseSizes(s string) ([]int, error) {
	var counts []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || len(counts) > 0 && n <= counts[len(counts)-1] {
			return nil, fmt.Errorf("-sizes %q: want increasing positive numbers, such as 100,200,500", s)
		}
		counts = append(counts, n)
	}
	return counts, nil
}

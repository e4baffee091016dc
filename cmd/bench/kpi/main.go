// Command bench times omni against hand-written DuckDB SQL on generated data.
//
//	go run ./cmd/bench/kpi -rows 10000000
//
// It generates the data once per size (deterministic Parquet, see
// generate.sql), runs `omni run` on the benchmark project (project/*.hcl)
// and two hand-written references of the same scorecard, each in a process
// of its own so that their peak memory is their own, checks that each gives
// omni's numbers, and prints wall and CPU times, peak memory and omni's
// ratios to each. The references share setup.sql and kpis.sql and differ in
// how they compute the cells: segments_join.sql as a DuckDB user first
// writes it (segments as a join table, a grouped scan per breakdown),
// single_scan.sql as one writes it for speed (one scan and one GROUPING SETS
// of every cell, each segment a boolean attribute). With
// -extra-kpis N, the project has N more KPIs, each with a condition of its
// own (sum(amount, amount > i)), which the comparison leaves out: the
// difference with a run without them is what they cost. With -crossed, the
// scorecard is broken down by segment × channel too, which the comparison
// leaves out as well.
package main

import (
	"cmp"
	"database/sql"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/omni-metrics/omni/cmd/bench/measure"
)

//go:embed generate.sql
var generateSQL string

//go:embed setup.sql
var setupSQL string

//go:embed kpis.sql
var kpisSQL string

//go:embed segments_join.sql
var segmentsJoinSQL string

//go:embed single_scan.sql
var singleScanSQL string

// references are the hand-written references' cells, by name, in the order
// they run.
var references = []struct{ name, cells string }{
	{"segments-join", segmentsJoinSQL},
	{"single-scan", singleScanSQL},
}

func main() {
	rows := flag.Int("rows", 1_000_000, "touchpoints to generate")
	dir := flag.String("dir", "", "the data folder (default: a folder per size under the temporary folder)")
	omni := flag.String("omni", "bin/omni", "the omni binary to time")
	threads := flag.Int("threads", 2, "DuckDB threads, for both sides")
	memory := flag.String("memory-limit", "4GB", "DuckDB memory limit, for both sides")
	extra := flag.Int("extra-kpis", 0, "conditional KPIs to add to omni's project, left out of the comparison")
	crossed := flag.Bool("crossed", false, "break omni's scorecard down by segment × channel too, left out of the comparison")
	reference := flag.String("reference", "", "internal: run the named reference in the data folder given as -dir")
	generating := flag.Bool("generate", false, "internal: generate the data into the folder given as -dir")
	engine := flag.String("engine", "duckdb", "duckdb: against hand-written DuckDB SQL; postgres: with table sources on a throwaway PostgreSQL server, against a hand-written PostgreSQL query")
	rounds := flag.Int("rounds", 2, "postgres: alternate runs of omni and the reference, of which the best counts")
	pgReference := flag.String("pg-reference", "", "internal: run the PostgreSQL reference on the server of this connection string")
	pgLoad := flag.String("pg-load", "", "internal: load the data folder into tables of the server of this connection string")
	flag.Parse()
	*dir = cmp.Or(*dir, filepath.Join(os.TempDir(), fmt.Sprintf("omni-bench-%d", *rows)))
	var err error
	switch {
	case *reference != "":
		err = runReference(*reference, *dir, *threads, *memory)
	case *generating:
		err = generate(*rows, *dir, *threads)
	case *pgLoad != "":
		err = loadTables(*dir, *threads, *pgLoad)
	case *pgReference != "":
		err = runPostgresReference(*pgReference, *dir)
	case *engine == "postgres":
		err = benchPostgres(*rows, *dir, *omni, *threads, *rounds)
	default:
		err = bench(*rows, *dir, *omni, *threads, *memory, *extra, *crossed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func bench(rows int, dir, omni string, threads int, memory string, extra int, crossed bool) error {
	omni, self, err := prepare(rows, dir, omni, threads, extra, crossed)
	if err != nil {
		return err
	}
	omniRun, err := measureRun(omni, "run", dir, "--out", filepath.Join(dir, "out"), "-q",
		"--threads", strconv.Itoa(threads), "--memory-limit", memory, "--temp-dir", filepath.Join(dir, "tmp-omni"))
	if err != nil {
		return fmt.Errorf("omni: %w", err)
	}
	fmt.Printf("%d touchpoints, %d threads, memory limit %s, %d extra KPIs, crossed breakdown %v\n", rows, threads, memory, extra, crossed)
	fmt.Printf("%-26s %10s %10s %12s\n", "", "wall", "CPU", "peak RSS")
	fmt.Printf("%-26s %10s %10s %8d MiB\n", "omni run", omniRun.Wall.Round(time.Millisecond), omniRun.CPU.Round(time.Millisecond), omniRun.PeakKiB/1024)
	for _, r := range references {
		refRun, err := measureRun(self, "-reference", r.name, "-dir", dir, "-threads", strconv.Itoa(threads), "-memory-limit", memory)
		if err != nil {
			return fmt.Errorf("reference %s: %w", r.name, err)
		}
		report, err := compare(filepath.Join(dir, "out", "default.json"), filepath.Join(dir, r.name+".csv"))
		if err != nil {
			return fmt.Errorf("reference %s: %w", r.name, err)
		}
		fmt.Printf("%-26s %10s %10s %8d MiB\n", "hand-written, "+r.name, refRun.Wall.Round(time.Millisecond), refRun.CPU.Round(time.Millisecond), refRun.PeakKiB/1024)
		fmt.Printf("%-26s %9.2fx %9.2fx %11.2fx   %s\n", "omni / "+r.name, omniRun.Wall.Seconds()/refRun.Wall.Seconds(),
			omniRun.CPU.Seconds()/refRun.CPU.Seconds(), float64(omniRun.PeakKiB)/float64(refRun.PeakKiB), report)
	}
	return nil
}

// prepare puts the project and the data of the given size in the data
// folder, and returns the absolute paths of the omni binary and of this
// program, which runs the steps measured apart.
func prepare(rows int, dir, omni string, threads, extra int, crossed bool) (omniPath, self string, err error) {
	// Generating the data changes the working folder: resolve paths first.
	if omniPath, err = filepath.Abs(omni); err != nil {
		return "", "", err
	}
	if err := copyProject(dir, extra, crossed); err != nil {
		return "", "", err
	}
	if self, err = os.Executable(); err != nil {
		return "", "", err
	}
	// Generating in a process of its own: on Linux a child inherits its
	// parent's peak memory at fork, which would inflate the measures.
	if _, err := measureRun(self, "-generate", "-rows", strconv.Itoa(rows), "-dir", dir, "-threads", strconv.Itoa(threads)); err != nil {
		return "", "", fmt.Errorf("generating data: %w", err)
	}
	return omniPath, self, nil
}

// generate writes the data of the given size, unless it is there already.
func generate(rows int, dir string, threads int) error {
	if _, err := os.Stat(filepath.Join(dir, "spend.parquet")); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	script := strings.NewReplacer("{{rows}}", strconv.Itoa(rows), "{{customers}}", strconv.Itoa(max(rows/25, 100))).Replace(generateSQL)
	start := time.Now()
	if err := execIn(dir, threads, "8GB", script); err != nil {
		return fmt.Errorf("generating data: %w", err)
	}
	fmt.Fprintf(os.Stderr, "bench: generated %d touchpoints in %s in %s\n", rows, dir, time.Since(start).Round(time.Millisecond))
	return nil
}

// copyProject puts the benchmark's definitions beside its data, with extra
// conditional KPIs in extra.hcl (none: no such file) and, when crossed, the
// default scorecard broken down by segment × channel too in crossed.hcl.
func copyProject(dir string, extra int, crossed bool) error {
	defs, err := filepath.Glob(filepath.Join("cmd", "bench", "kpi", "project", "*.hcl"))
	if err != nil || len(defs) == 0 {
		return errors.New("run from the repository root: cmd/bench/kpi/project/*.hcl not found")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range defs {
		b, err := os.ReadFile(d)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(d)), b, 0o644); err != nil {
			return err
		}
	}
	if err := writeOptional(filepath.Join(dir, "crossed.hcl"), crossed, crossedScorecard); err != nil {
		return err
	}
	var kpis strings.Builder
	for i := range extra {
		fmt.Fprintf(&kpis, "kpi \"%s%d\" { formula = \"sum(amount, amount > %d)\" }\n", extraPrefix, i, i)
	}
	return writeOptional(filepath.Join(dir, "extra.hcl"), extra > 0, kpis.String())
}

// runReference runs a hand-written reference and writes its result as
// <name>.csv.
func runReference(name, dir string, threads int, memory string) error {
	for _, r := range references {
		if r.name == name {
			return execIn(dir, threads, memory, setupSQL+"\n"+r.cells+"\n"+kpisSQL+
				"\nCOPY (SELECT * FROM reference ORDER BY ALL) TO "+sqlString(name+".csv")+" (HEADER);")
		}
	}
	return fmt.Errorf("no reference %q", name)
}

// sqlString is a SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// execIn runs a SQL script with the given folder as the working folder.
func execIn(dir string, threads int, memory, script string) error {
	if err := os.Chdir(dir); err != nil {
		return err
	}
	tmp := filepath.Join(dir, "tmp-duckdb")
	db, err := sql.Open("duckdb", fmt.Sprintf("?threads=%d&memory_limit=%s&temp_directory=%s", threads, memory, tmp))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(script)
	return err
}

// measureRun runs a command and measures it.
func measureRun(name string, args ...string) (measure.Usage, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return measure.Run(cmd)
}

// crossedScorecard is the default scorecard with one crossed breakdown more.
const crossedScorecard = `scorecard "default" {
  by = ["segment", "channel", ["segment", "channel"]]
}
`

// writeOptional writes a file when wanted, and removes it otherwise.
func writeOptional(path string, wanted bool, content string) error {
	if wanted {
		return os.WriteFile(path, []byte(content), 0o644)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

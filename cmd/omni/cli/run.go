package cli

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// runResult is what omni run --json writes: the files written, each
// scorecard's in the order of --format, and the exit code.
type runResult struct {
	Out        string             `json:"out"`
	Scorecards []writtenScorecard `json:"scorecards"`
	State      string             `json:"state"`
	ExitCode   int                `json:"exit_code"`
}

type writtenScorecard struct {
	Name  string   `json:"name"`
	Files []string `json:"files"`
}

func runCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	out := flags.StringP("out", "o", "out", "the folder the scorecards are written to, as <scorecard>.<format>")
	formatList := flags.StringSliceP("format", "f", []string{"json"}, "the forms written, among "+formatNames())
	failOn := flags.String("fail-on", "", "exit 3 when an objective is at_risk or worse, or off_track")
	quiet := flags.BoolP("quiet", "q", false, "print neither progress nor the scorecards, only errors")
	plain := flags.Bool("progress", false, "print a line as each step starts, even when stderr is not a terminal")
	asJSON := flags.Bool("json", false, "write what was written as JSON, instead of the scorecards as text")
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		fs, formatErr := parseFormats(*formatList)
		threshold, failOnErr := parseFailOn(*failOn)
		if err := cmp.Or(formatErr, failOnErr); err != nil {
			fmt.Fprintf(e.stderr, "omni run: %v\nRun omni run --help for its flags.\n", err)
			return exitUsage
		}
		cp := compileOrReport(ctx, e, dir, *opts, "nothing was run")
		if cp == nil {
			return exitError
		}
		defer cp.close()
		// On a terminal each step's line shows its percentage, then its
		// time; elsewhere only --progress prints the steps, without either.
		printer := &stepPrinter{w: e.stderr, live: isTerminal(e.stderr) && !*plain}
		var observe func(engine.Step)
		if !*quiet && (*plain || printer.live) {
			observe = printer.observe
		}
		var cards []*scorecard.Scorecard
		written := runResult{Out: *out, Scorecards: []writtenScorecard{}}
		for _, p := range cp.compiled.Plans {
			sc, err := cp.compiled.RunObserved(ctx, p, observe)
			if err != nil {
				printer.interrupt()
				fmt.Fprintf(e.stderr, "omni: %v\nNo scorecard was written.\n", err)
				return exitError
			}
			cards = append(cards, sc)
		}
		// Every scorecard is computed before any is written: a failed run
		// leaves the previous output as it was.
		for _, sc := range cards {
			files, err := writeScorecard(*out, sc, fs)
			if err != nil {
				fmt.Fprintf(e.stderr, "omni: %v\n", err)
				return exitError
			}
			written.Scorecards = append(written.Scorecards, writtenScorecard{sc.Name, files})
			if !*quiet && !*asJSON {
				scorecard.WriteText(e.stdout, sc)
			}
		}
		if err := writeState(*out, cp); err != nil {
			fmt.Fprintf(e.stderr, "omni: %v\n", err)
			return exitError
		}
		written.State = filepath.Join(*out, stateFile)
		if !*quiet {
			writeObjectiveWarnings(e.stderr, cards, cp.project)
			fmt.Fprintf(e.stderr, "omni: wrote %s to %s\n", scorecard.Plural(len(cards), "scorecard"), *out)
		}
		code := exitOK
		if threshold != "" && gate(e.stderr, cards, threshold) {
			code = exitObjectives
		}
		if *asJSON {
			written.ExitCode = code
			writeJSON(e.stdout, written)
		}
		return code
	}
}

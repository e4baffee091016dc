package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/escape"
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
	out := flags.StringP("out", "o", "", "the folder the scorecards and the state are written to, as one set (default: out in the project folder)")
	formatList := flags.StringSliceP("format", "f", []string{"json"}, "the forms written, among "+formatNames())
	failOn := flags.String("fail-on", "", fmt.Sprintf("exit %d when an objective is at_risk or worse, or off_track", exitObjectives))
	quiet := flags.BoolP("quiet", "q", false, "print neither progress nor the scorecards, only errors")
	plain := flags.Bool("progress", false, "print a line as each step starts, even when stderr is not a terminal")
	asJSON := flags.Bool("json", false, "write what was written as JSON, instead of the scorecards as text")
	credits := flags.String("credits", "", "write <scorecard>.<attribution>.credits.`form` beside each scorecard, csv or parquet (--credits=parquet): the credit of each touch of each conversion, per attribution of a heuristic model")
	flags.Lookup("credits").NoOptDefVal = "csv"
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		fs, formatErr := parseFormats(*formatList)
		threshold, failOnErr := parseFailOn(*failOn)
		if err := cmp.Or(formatErr, failOnErr, checkCreditsFormat(*credits, opts.Engine)); err != nil {
			fmt.Fprintf(e.stderr, "omni run: %s\nRun omni run --help for its flags.\n", errorText(err))
			return exitUsage
		}
		cp := compileOrReport(ctx, e, dir, *opts, "nothing was run")
		if cp == nil {
			return exitInvalid
		}
		defer cp.close()
		*out = cmp.Or(*out, outDir(dir))
		// Taken before the run, so that a second run on the same folder
		// stops at once rather than after computing.
		set, err := outdir.Begin(*out, stateFile)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\nNothing was run.\n", errorText(err))
			return exitError
		}
		defer set.Close()
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
				fmt.Fprintf(e.stderr, "omni: %s\nNo scorecard was written.\n", errorText(err))
				return exitError
			}
			cards = append(cards, sc)
		}
		var creditsOf func(i int) ([]string, error)
		if *credits != "" {
			warnings := e.stderr
			if *quiet {
				warnings = io.Discard
			}
			creditsOf = func(i int) ([]string, error) {
				return writeCredits(ctx, warnings, set, cp.compiled, cp.compiled.Plans[i], *credits)
			}
		}
		files, err := writeOutputs(set, cards, fs, cp, creditsOf)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\nThe outputs in %s are left as they were.\n", errorText(err), escape.TerminalLine(*out))
			return exitError
		}
		for i, sc := range cards {
			paths := make([]string, len(files[i]))
			for j, name := range files[i] {
				paths[j] = filepath.Join(*out, name)
			}
			written.Scorecards = append(written.Scorecards, writtenScorecard{sc.Name, paths})
			if !*quiet && !*asJSON {
				scorecard.WriteText(e.stdout, sc)
			}
		}
		written.State = filepath.Join(*out, stateFile)
		if !*quiet {
			writeObjectiveWarnings(e.stderr, cards, cp.project)
			writeDroppedRows(e.stderr, cards, cp.project)
			writeNullRules(e.stderr, cards, cp.project)
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

// writeOutputs writes the scorecards in every form, the credits files of
// each scorecard when creditsOf is given, and the state as one set: they
// replace the previous run's all together, or not at all. It returns the
// names of each scorecard's files.
func writeOutputs(set *outdir.Set, cards []*scorecard.Scorecard, fs []format, cp *compiledProject, creditsOf func(i int) ([]string, error)) ([][]string, error) {
	files := make([][]string, len(cards))
	for i, sc := range cards {
		names, err := writeScorecard(set, sc, fs)
		if err != nil {
			return nil, err
		}
		if creditsOf != nil {
			credits, err := creditsOf(i)
			if err != nil {
				return nil, err
			}
			names = append(names, credits...)
		}
		files[i] = names
	}
	if err := writeState(set, cp); err != nil {
		return nil, err
	}
	return files, set.Commit()
}

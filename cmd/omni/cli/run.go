package cli

import (
	"cmp"
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func runCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	out := flags.String("out", "", "the folder the scorecards and the state are written to, as one set (default: out in the project folder)")
	formatList := flags.StringSlice("format", []string{"json"}, "the forms written, among "+formatNames())
	failOn := flags.String("fail-on", "", fmt.Sprintf("exit %d when an objective is at_risk or worse, or off_track", exitObjectives))
	quiet := flags.BoolP("quiet", "q", false, "print neither progress nor the scorecards, only errors")
	plain := flags.Bool("progress", false, "print a line as each step starts, even when stderr is not a terminal")
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
			return exitInvalid
		}
		defer cp.close()
		*out = cmp.Or(*out, outDir(dir))
		// Taken before the run, so that a second run on the same folder
		// stops at once rather than after computing.
		set, err := outdir.Begin(*out, stateFile)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %v\nNothing was run.\n", err)
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
		for _, p := range cp.compiled.Plans {
			sc, err := cp.compiled.RunObserved(ctx, p, observe)
			if err != nil {
				printer.interrupt()
				fmt.Fprintf(e.stderr, "omni: %v\nNo scorecard was written.\n", err)
				return exitError
			}
			cards = append(cards, sc)
		}
		if err := writeOutputs(set, cards, fs, cp); err != nil {
			fmt.Fprintf(e.stderr, "omni: %v\nThe outputs in %s are left as they were.\n", err, *out)
			return exitError
		}
		if !*quiet {
			for _, sc := range cards {
				scorecard.WriteText(e.stdout, sc)
			}
		}
		if !*quiet {
			writeObjectiveWarnings(e.stderr, cards, cp.project)
			fmt.Fprintf(e.stderr, "omni: wrote %d scorecard(s) to %s\n", len(cards), *out)
		}
		if threshold != "" && gate(e.stderr, cards, threshold) {
			return exitObjectives
		}
		return exitOK
	}
}

// writeOutputs writes the scorecards in every form and the state as one
// set: they replace the previous run's all together, or not at all.
func writeOutputs(set *outdir.Set, cards []*scorecard.Scorecard, fs []format, cp *compiledProject) error {
	for _, sc := range cards {
		if err := writeScorecard(set, sc, fs); err != nil {
			return err
		}
	}
	if err := writeState(set, cp); err != nil {
		return err
	}
	return set.Commit()
}

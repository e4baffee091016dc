package cli

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/scorecard"
)

func runCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	out := flags.String("out", "out", "the folder the scorecards are written to, as <scorecard>.<format>")
	formatList := flags.StringSlice("format", []string{"json"}, "the forms written, among "+formatNames())
	failOn := flags.String("fail-on", "", "exit 3 when an objective is at_risk or worse, or off_track")
	quiet := flags.BoolP("quiet", "q", false, "print neither progress nor the scorecards, only errors")
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
		var cards []*scorecard.Scorecard
		for i, p := range cp.compiled.Plans {
			start := time.Now()
			if !*quiet {
				fmt.Fprintf(e.stderr, "omni: scorecard %s (%d of %d)…", p.Name, i+1, len(cp.compiled.Plans))
			}
			sc, err := cp.compiled.Run(ctx, p)
			if err != nil {
				fmt.Fprintf(e.stderr, "\nomni: %v\nNo scorecard was written.\n", err)
				return exitError
			}
			if !*quiet {
				fmt.Fprintf(e.stderr, " %d values in %s\n", len(sc.Values), time.Since(start).Round(time.Millisecond))
			}
			cards = append(cards, sc)
		}
		// Every scorecard is computed before any is written: a failed run
		// leaves the previous output as it was.
		for _, sc := range cards {
			if err := writeScorecard(*out, sc, fs); err != nil {
				fmt.Fprintf(e.stderr, "omni: %v\n", err)
				return exitError
			}
			if !*quiet {
				scorecard.WriteText(e.stdout, sc)
			}
		}
		if err := writeState(*out, cp); err != nil {
			fmt.Fprintf(e.stderr, "omni: %v\n", err)
			return exitError
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

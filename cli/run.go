package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/scorecard"
)

func runCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	out := flags.String("out", "out", "the folder the scorecards are written to, as <scorecard>.json")
	quiet := flags.BoolP("quiet", "q", false, "print neither progress nor the scorecards, only errors")
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		cp := compile(ctx, dir, *opts)
		defer cp.close()
		writeDiagnostics(e.stderr, cp.diags, cp.files())
		if cp.compiled == nil {
			fmt.Fprintf(e.stderr, "%d error(s): nothing was run.\n", countErrors(cp))
			return exitError
		}
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
			if err := writeScorecardJSON(*out, sc); err != nil {
				fmt.Fprintf(e.stderr, "omni: %v\n", err)
				return exitError
			}
			if !*quiet {
				scorecard.WriteText(e.stdout, sc)
			}
		}
		if !*quiet {
			fmt.Fprintf(e.stderr, "omni: wrote %d scorecard(s) to %s\n", len(cards), *out)
		}
		return exitOK
	}
}

// writeScorecardJSON writes <dir>/<name>.json through a temporary file, so
// that a reader never sees a half-written scorecard.
func writeScorecardJSON(dir string, sc *scorecard.Scorecard) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+sc.Name+"-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := scorecard.WriteJSON(tmp, sc); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, sc.Name+".json"))
}

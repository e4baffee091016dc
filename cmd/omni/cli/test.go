package cli

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/deftest"
)

func testCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	run := flags.String("run", "", "run only the tests whose name matches this regular expression")
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		match, err := regexp.Compile(*run)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni test: --run: %v\n", err)
			return exitUsage
		}
		p, diags := dsl.LoadDir(dir)
		if diags.HasErrors() {
			writeDiagnostics(e.stderr, diags, filesOf(p))
			fmt.Fprintln(e.stderr, "The definitions are not valid: no test was run.")
			return exitInvalid
		}
		ran, failed := 0, 0
		for _, t := range p.Tests {
			if !match.MatchString(t.Name) {
				continue
			}
			ran++
			r := deftest.Run(ctx, p, t, *opts)
			if r.Passed() {
				fmt.Fprintf(e.stdout, "PASS  %s\n", t.Name)
				continue
			}
			failed++
			fmt.Fprintf(e.stdout, "FAIL  %s\n", t.Name)
			for _, f := range r.Failures {
				fmt.Fprintf(e.stdout, "    %s:%d:%d: %s\n", f.At.Filename, f.At.Start.Line, f.At.Start.Column, f.Message)
			}
			writeDiagnostics(e.stdout, r.Diags, p.Files)
		}
		switch {
		case ran == 0:
			fmt.Fprintln(e.stdout, "No test to run: write test blocks (omni test --help).")
		case failed > 0:
			fmt.Fprintf(e.stdout, "\n%d of %d tests failed.\n", failed, ran)
			return exitError
		default:
			fmt.Fprintf(e.stdout, "\n%d tests passed.\n", ran)
		}
		return exitOK
	}
}

// filesOf are a project's parsed files, for diagnostic snippets.
func filesOf(p *dsl.Project) map[string]*hcl.File {
	if p == nil {
		return nil
	}
	return p.Files
}

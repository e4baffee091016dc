package cli

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/deftest"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// testReport is what omni test --json writes: each test's result, the
// counts, and the diagnostics of definitions that kept every test from
// running.
type testReport struct {
	Tests       []testResult     `json:"tests"`
	Ran         int              `json:"ran"`
	Failed      int              `json:"failed"`
	Diagnostics []jsonDiagnostic `json:"diagnostics,omitempty"`
}

// testResult is one test: passed, or its failed expectations and the
// diagnostics that kept it from running.
type testResult struct {
	Name        string           `json:"name"`
	Passed      bool             `json:"passed"`
	Failures    []testFailure    `json:"failures"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type testFailure struct {
	Message string    `json:"message"`
	Range   jsonRange `json:"range"`
}

func newTestReport(results []*deftest.Result, files map[string]*hcl.File) testReport {
	report := testReport{Tests: []testResult{}, Ran: len(results)}
	for _, r := range results {
		t := testResult{Name: r.Test.Name, Passed: r.Passed(), Failures: []testFailure{}, Diagnostics: toJSONDiagnostics(r.Diags, files)}
		for _, f := range r.Failures {
			t.Failures = append(t.Failures, testFailure{f.Message, toJSONRange(f.At)})
		}
		if !t.Passed {
			report.Failed++
		}
		report.Tests = append(report.Tests, t)
	}
	return report
}

func testCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	run := flags.String("run", "", "run only the tests whose name matches this regular expression")
	asJSON := flags.Bool("json", false, "write the results as JSON")
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		match, err := regexp.Compile(*run)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni test: --run: %s\n", errorText(err))
			return exitUsage
		}
		p, diags := dsl.LoadDir(dir)
		if diags.HasErrors() {
			if *asJSON {
				writeJSON(e.stdout, testReport{Diagnostics: toJSONDiagnostics(diags, filesOf(p)), Tests: []testResult{}})
				return exitError
			}
			writeDiagnostics(e.stderr, e.colourErr, diags, filesOf(p))
			fmt.Fprintln(e.stderr, "The definitions are not valid: no test was run.")
			return exitInvalid
		}
		var results []*deftest.Result
		for _, t := range p.Tests {
			if match.MatchString(t.Name) {
				results = append(results, deftest.Run(ctx, p, t, *opts))
			}
		}
		if *asJSON {
			report := newTestReport(results, p.Files)
			writeJSON(e.stdout, report)
			if report.Failed > 0 {
				return exitError
			}
			return exitOK
		}
		return writeTestResults(e, results, p.Files)
	}
}

// writeTestResults writes the results for a person, PASS or FAIL with
// the failures, then a count; it returns the exit code.
func writeTestResults(e *env, results []*deftest.Result, files map[string]*hcl.File) int {
	ran, failed := len(results), 0
	for _, r := range results {
		t := r.Test
		if r.Passed() {
			fmt.Fprintf(e.stdout, "PASS  %s\n", t.Name)
			continue
		}
		failed++
		fmt.Fprintf(e.stdout, "FAIL  %s\n", t.Name)
		for _, f := range r.Failures {
			fmt.Fprintf(e.stdout, "    %s:%d:%d: %s\n", f.At.Filename, f.At.Start.Line, f.At.Start.Column, f.Message)
		}
		writeDiagnostics(e.stdout, e.colourOut, r.Diags, files)
	}
	switch {
	case ran == 0:
		fmt.Fprintln(e.stdout, "No test to run: write test blocks (omni test --help).")
	case failed > 0:
		fmt.Fprintf(e.stdout, "\n%d of %s failed.\n", failed, scorecard.Plural(ran, "test"))
		return exitError
	default:
		fmt.Fprintf(e.stdout, "\n%s passed.\n", scorecard.Plural(ran, "test"))
	}
	return exitOK
}

// filesOf are a project's parsed files, for diagnostic snippets.
func filesOf(p *dsl.Project) map[string]*hcl.File {
	if p == nil {
		return nil
	}
	return p.Files
}

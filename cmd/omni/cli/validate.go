package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine/scorecard"
)

func validateCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	asJSON := flags.Bool("json", false, "write the result and the diagnostics as JSON")
	opts := engineFlags(flags)
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		cp := compile(ctx, dir, *opts)
		defer cp.close()
		if *asJSON {
			writeJSON(e.stdout, struct {
				Valid       bool             `json:"valid"`
				Diagnostics []jsonDiagnostic `json:"diagnostics"`
			}{!cp.diags.HasErrors(), toJSONDiagnostics(cp.diags, cp.files())})
		} else {
			writeDiagnostics(e.stderr, e.colourErr, cp.diags, cp.files())
		}
		if cp.diags.HasErrors() {
			if !*asJSON {
				fmt.Fprintf(e.stderr, "%s: the definitions are not valid.\n", scorecard.Plural(countErrors(cp), "error"))
			}
			return exitInvalid
		}
		if !*asJSON {
			fmt.Fprintf(e.stdout, "Valid: %s.\n", strings.Join(definitionCounts(cp), ", "))
		}
		return exitOK
	}
}

// definitionCounts counts what a valid project defines, for validate's
// summary: the kinds every project has always, the others when it has some.
func definitionCounts(cp *compiledProject) []string {
	p := cp.project
	counts := []string{
		scorecard.Plural(len(p.Sources), "source"), scorecard.Plural(len(p.Channels), "channel"),
		scorecard.Plural(len(p.Segments), "segment"), scorecard.Plural(len(p.Traits), "trait"),
		scorecard.Plural(len(p.KPIs), "KPI"), scorecard.Plural(len(p.Campaigns), "campaign"),
	}
	for _, optional := range []struct {
		n    int
		noun string
	}{{len(p.Objectives), "objective"}, {len(p.Attributions), "attribution"}, {len(p.Ladders), "loyalty ladder"}, {len(p.Tests), "test"}} {
		if optional.n > 0 {
			counts = append(counts, scorecard.Plural(optional.n, optional.noun))
		}
	}
	return append(counts, scorecard.Plural(len(cp.compiled.Plans), "scorecard"))
}

func countErrors(cp *compiledProject) int {
	n := 0
	for _, d := range sortDiagnostics(cp.diags) {
		if d.Severity == hcl.DiagError {
			n++
		}
	}
	return n
}

package cli

import (
	"context"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"
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
			writeDiagnostics(e.stderr, cp.diags, cp.files())
		}
		if cp.diags.HasErrors() {
			if !*asJSON {
				fmt.Fprintf(e.stderr, "%d error(s): the definitions are not valid.\n", countErrors(cp))
			}
			return exitInvalid
		}
		if !*asJSON {
			p := cp.project
			fmt.Fprintf(e.stdout, "Valid: %d sources, %d channels, %d segments, %d traits, %d KPIs, %d campaigns, %d scorecards.\n",
				len(p.Sources), len(p.Channels), len(p.Segments), len(p.Traits), len(p.KPIs), len(p.Campaigns), len(cp.compiled.Plans))
		}
		return exitOK
	}
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

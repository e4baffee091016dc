package cli

import (
	"context"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/cmd/omni/scaffold"
)

func initCommand(_ context.Context, e *env, _ *pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		files, err := scaffold.Write(dir)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni init: %s\n", errorText(err))
			return exitError
		}
		for _, f := range files {
			fmt.Fprintf(e.stdout, "  + %s\n", f)
		}
		fmt.Fprintf(e.stdout, "\nProject %s written to %s. Next: omni validate %[2]s, omni test %[2]s, omni run %[2]s.\n", scaffold.ProjectName(dir), dir)
		return exitOK
	}
}

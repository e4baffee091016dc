package cli

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func versionCommand(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	asJSON := flags.Bool("json", false, "write the versions as JSON")
	return func(args []string) int {
		if len(args) > 0 {
			fmt.Fprintf(e.stderr, "omni version: expected no argument, got %s\n", scorecard.Plural(len(args), "argument"))
			return exitUsage
		}
		omni := versionOf(debug.ReadBuildInfo())
		duckdb, err := engine.DuckDBVersion(ctx)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
			return exitError
		}
		if *asJSON {
			writeJSON(e.stdout, struct {
				Omni   string `json:"omni"`
				DuckDB string `json:"duckdb"`
			}{omni, duckdb})
			return exitOK
		}
		fmt.Fprintf(e.stdout, "omni %s\nDuckDB %s\n", omni, duckdb)
		return exitOK
	}
}

// versionOf is omni's version from its build information: the module's
// version when installed with go install module@version, else the commit
// it was built from (with -dirty when the tree had changes), else "devel".
func versionOf(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "devel"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified == "true" {
		revision += "-dirty"
	}
	return revision
}

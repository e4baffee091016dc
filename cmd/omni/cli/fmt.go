package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	udiff "github.com/aymanbagabas/go-udiff"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/dsl"
)

func fmtCommand(_ context.Context, e *env, flags *pflag.FlagSet) func([]string) int {
	check := flags.Bool("check", false, fmt.Sprintf("list the files that need formatting and exit %d, rewriting none", exitError))
	showDiff := flags.Bool("diff", false, "print the change formatting makes to each file")
	return func(args []string) int {
		dir, ok := projectDir(e, args)
		if !ok {
			return exitUsage
		}
		if problem := dsl.FolderProblem(dir); problem != nil {
			fmt.Fprintf(e.stderr, "omni fmt: %s\n", problem.Detail)
			return exitError
		}
		names, _ := filepath.Glob(filepath.Join(dir, "*.hcl"))
		if len(names) == 0 {
			fmt.Fprintf(e.stderr, "omni fmt: the folder %s holds no *.hcl file.\n", dir)
			return exitError
		}
		code := exitOK
		for _, name := range names {
			changed, err := formatFile(e, name, !*check, *showDiff)
			if err != nil {
				fmt.Fprintf(e.stderr, "omni fmt: %s\n", errorText(err))
				code = exitError
			} else if changed && *check {
				code = exitError
			}
		}
		return code
	}
}

// formatFile formats one file with hclwrite, after checking that it parses:
// hclwrite would format text that is not HCL, and could make it worse. It
// lists the file when formatting changes it, and rewrites it if asked.
func formatFile(e *env, name string, rewrite, showDiff bool) (changed bool, err error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return false, err
	}
	parser := hclparse.NewParser()
	if _, diags := parser.ParseHCL(src, name); diags.HasErrors() {
		writeDiagnostics(e.stderr, e.colourErr, diags, parser.Files())
		return false, fmt.Errorf("%s does not parse: left as it is", name)
	}
	out := hclwrite.Format(src)
	if bytes.Equal(src, out) {
		return false, nil
	}
	fmt.Fprintln(e.stdout, name)
	if showDiff {
		fmt.Fprint(e.stdout, udiff.Unified(name, name, string(src), string(out)))
	}
	if rewrite {
		info, err := os.Stat(name)
		if err != nil {
			return true, err
		}
		return true, os.WriteFile(name, out, info.Mode().Perm())
	}
	return true, nil
}

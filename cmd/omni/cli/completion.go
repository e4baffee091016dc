package cli

import (
	"context"
	"embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/template"

	"github.com/spf13/pflag"
)

// The completion scripts are templates filled with the commands and their
// flags, so that they complete what this omni takes.
//
//go:embed completion
var completionScripts embed.FS

// shells are the shells omni writes a completion script for.
var shells = []string{"bash", "zsh", "fish"}

func completionCommand(_ context.Context, e *env, _ *pflag.FlagSet) func([]string) int {
	return func(args []string) int {
		if len(args) != 1 || !slices.Contains(shells, args[0]) {
			fmt.Fprintf(e.stderr, "omni completion: name one shell among %s: omni completion bash\n", strings.Join(shells, ", "))
			return exitUsage
		}
		if err := writeCompletion(e.stdout, args[0]); err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
			return exitError
		}
		return exitOK
	}
}

// completed is what a completion script knows of a command.
type completed struct {
	Name, Summary string
	Flags         []completedFlag
	Args          string // what its arguments are: dirs, files, shells or none
}

type completedFlag struct{ Long, Short, Usage string }

// writeCompletion fills a shell's completion script with the commands.
func writeCompletion(w io.Writer, shell string) error {
	var cmds []completed
	for _, c := range commands() {
		flags, _ := newFlagSet(c, io.Discard)
		c.run(context.Background(), &env{stdout: io.Discard, stderr: io.Discard}, flags)
		cc := completed{Name: c.name, Summary: c.summary, Args: argsOf(c)}
		flags.VisitAll(func(f *pflag.Flag) {
			cc.Flags = append(cc.Flags, completedFlag{f.Name, f.Shorthand, f.Usage})
		})
		cmds = append(cmds, cc)
	}
	t, err := template.New("omni."+shell).Funcs(template.FuncMap{"words": words, "quote": fishQuote}).
		ParseFS(completionScripts, "completion/omni."+shell)
	if err != nil {
		return err
	}
	return t.Execute(w, cmds)
}

// argsOf is what a command's arguments are, for completion.
func argsOf(c command) string {
	switch {
	case c.name == "diff":
		return "files"
	case c.name == "completion":
		return "shells"
	case c.args == "":
		return "none"
	}
	return "dirs"
}

// words are the flags as typed: --out -o --format -f.
func words(flags []completedFlag) string {
	var out []string
	for _, f := range flags {
		out = append(out, "--"+f.Long)
		if f.Short != "" {
			out = append(out, "-"+f.Short)
		}
	}
	return strings.Join(out, " ")
}

// fishQuote quotes text for fish: in single quotes, where only \ and '
// are escaped.
func fishQuote(text string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(text) + "'"
}

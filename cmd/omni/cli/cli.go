// Package cli is the omni command line: each command parses its flags,
// drives the dsl and engine packages and writes to the streams it is given,
// so that tests run it in-process.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// command is one omni subcommand.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line
	summary string
	colour  bool // whether it writes colour on a terminal, so takes --no-color
	run     func(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int
}

// env is what a command writes to, and whether each stream takes colour.
type env struct {
	stdout, stderr       io.Writer
	colourOut, colourErr palette
}

func commands() []command {
	return []command{
		{"validate", "[DIR]", "Parse and type-check the definitions of a project", true, validateCommand},
		{"plan", "[DIR]", "Validate, and show what omni run will compute (--sql: the SQL)", true, planCommand},
		{"run", "[DIR]", "Compute the scorecards and write them (--out)", true, runCommand},
		{"diff", "A.json B.json", "Compare two scorecards, or two campaigns (--campaigns), value by value", false, diffCommand},
		{"fmt", "[DIR]", "Rewrite the definitions in canonical format (--check: list those that need it)", true, fmtCommand},
		{"test", "[DIR]", "Run the test blocks: fixture rows in, expected KPI values out", true, testCommand},
		{"init", "[DIR]", "Write a new, working project: definitions, sample data, tests, a CI workflow", false, initCommand},
		{"version", "", "Print the versions of omni and of DuckDB (--json)", false, versionCommand},
		{"completion", "bash|zsh|fish", "Print the shell completion script of omni for bash, zsh or fish", false, completionCommand},
	}
}

// Run runs the omni command line and returns its exit code. A panic is
// reported as an internal error, never a crash.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer reportPanic(stderr, &code)
	return run(args, stdout, stderr)
}

func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	switch {
	case len(args) == 0:
		usage(stderr)
		return exitUsage
	case args[0] == "-h" || args[0] == "--help" || args[0] == "help":
		usage(stdout)
		return exitOK
	case args[0] == "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		flags, noColour := newFlagSet(c, stderr)
		// Stopped by Ctrl-C or a kill, a command cleans up (DuckDB's
		// temporary folder, a half-written set of outputs) before it exits.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		body := c.run(ctx, e, flags)
		if err := flags.Parse(args[1:]); err != nil {
			if err == pflag.ErrHelp {
				return exitOK
			}
			fmt.Fprintf(stderr, "omni %s: %s\nRun omni %s --help for its flags.\n", c.name, errorText(err), c.name)
			return exitUsage
		}
		e.colourOut, e.colourErr = colourFor(stdout, *noColour), colourFor(stderr, *noColour)
		return body(flags.Args())
	}
	fmt.Fprintf(stderr, "omni: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

// newFlagSet is the flag set of a command, whose --help writes the
// command's usage line, summary and flags to stderr, with --no-color
// registered when the command writes colour.
func newFlagSet(c command, stderr io.Writer) (flags *pflag.FlagSet, noColour *bool) {
	flags = pflag.NewFlagSet("omni "+c.name, pflag.ContinueOnError)
	flags.SetOutput(stderr)
	noColour = new(bool)
	if c.colour {
		flags.BoolVar(noColour, "no-color", false, "write no colour, even on a terminal (as does NO_COLOR=1)")
	}
	flags.Usage = func() {
		fmt.Fprintf(stderr, "Usage: omni %s %s\n\n%s.\n", c.name, c.args, c.summary)
		if text := flagUsages(flags); text != "" {
			fmt.Fprintf(stderr, "\nFlags:\n%s", text)
		}
	}
	return flags, noColour
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("omni measures omnichannel marketing campaigns defined as code.\n\nUsage: omni <command> [flags] [DIR]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-11s %s\n", c.name, c.summary)
	}
	b.WriteString("\nDIR is the project folder (default: the current folder). Run omni <command> --help for its flags.\n")
	io.WriteString(w, b.String())
}

// projectDir is the single optional positional argument of most commands.
func projectDir(e *env, args []string) (string, bool) {
	switch len(args) {
	case 0:
		return ".", true
	case 1:
		return args[0], true
	}
	fmt.Fprintf(e.stderr, "omni: expected one project folder, got %s: %s\n", scorecard.Plural(len(args), "argument"), strings.Join(args, " "))
	return "", false
}

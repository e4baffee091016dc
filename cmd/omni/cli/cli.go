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

	"github.com/spf13/pflag"
)

// Exit codes shared by every command.
const (
	exitOK    = 0
	exitError = 1 // invalid definitions, or a failed run
	exitUsage = 2 // a command line that does not parse
	// exitInternal is a bug of omni's, a panic (EX_SOFTWARE of sysexits.h).
	exitInternal = 70
)

// command is one omni subcommand.
type command struct {
	name    string
	args    string // the positional arguments, for the usage line
	summary string
	run     func(ctx context.Context, e *env, flags *pflag.FlagSet) func([]string) int
}

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"validate", "[DIR]", "Parse and type-check the definitions of a project", validateCommand},
		{"plan", "[DIR]", "Validate, and show what omni run will compute (--sql: the SQL)", planCommand},
		{"run", "[DIR]", "Compute the scorecards and write them (--out)", runCommand},
		{"diff", "A.json B.json", "Compare two scorecards, or two campaigns (--campaigns), value by value", diffCommand},
		{"fmt", "[DIR]", "Rewrite the definitions in canonical format (--check: list those that need it)", fmtCommand},
		{"test", "[DIR]", "Run the test blocks: fixture rows in, expected KPI values out", testCommand},
		{"init", "[DIR]", "Write a new, working project: definitions, sample data, tests, a CI workflow", initCommand},
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
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		flags := pflag.NewFlagSet("omni "+c.name, pflag.ContinueOnError)
		flags.SetOutput(stderr)
		flags.Usage = func() {
			fmt.Fprintf(stderr, "Usage: omni %s %s\n\n%s.\n\nFlags:\n%s", c.name, c.args, c.summary, flags.FlagUsages())
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		body := c.run(ctx, e, flags)
		if err := flags.Parse(args[1:]); err != nil {
			if err == pflag.ErrHelp {
				return exitOK
			}
			fmt.Fprintf(stderr, "omni %s: %v\nRun omni %s --help for its flags.\n", c.name, err, c.name)
			return exitUsage
		}
		return body(flags.Args())
	}
	fmt.Fprintf(stderr, "omni: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("omni measures omnichannel marketing campaigns defined as code.\n\nUsage: omni <command> [flags] [DIR]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
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
	fmt.Fprintf(e.stderr, "omni: expected one project folder, got %d arguments: %s\n", len(args), strings.Join(args, " "))
	return "", false
}

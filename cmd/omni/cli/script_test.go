package cli_test

// The command line, specified by the scripts of testdata/script: each
// archive holds a project, the omni commands run in it, and the exact
// output wanted. Run with -update to rewrite the wanted output.

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

var update = flag.Bool("update", false, "rewrite the wanted output of the scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"omni": func() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds:          scriptCommands,
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLES", examples)
			return nil
		},
	})
}

package cli_test

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCommands are the commands the scripts have beside testscript's.
var scriptCommands = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"replace": replace,
}

// replace edits a file in place: replace FILE OLD NEW replaces the one
// occurrence of OLD, which must be there, by NEW.
func replace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	text := ts.ReadFile(args[0])
	if strings.Count(text, args[1]) != 1 {
		ts.Fatalf("%s holds %q %d times, want once", args[0], args[1], strings.Count(text, args[1]))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Replace(text, args[1], args[2], 1)), 0o644))
}

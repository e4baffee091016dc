package cli_test

import (
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
)

// scriptCommands are the commands the scripts have beside testscript's.
var scriptCommands = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"replace":   replace,
	"append":    appendText,
	"lockout":   lockOut,
	"unlockout": unlockOut,
}

// heldOutputs are the output folders lockout holds, as a concurrent run
// would: *outdir.Set by path (scripts run in parallel).
var heldOutputs sync.Map

// lockOut holds the lock of an output folder: lockout DIR.
func lockOut(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: lockout DIR")
	}
	set, err := outdir.Begin(ts.MkAbs(args[0]), "omni.state.json")
	ts.Check(err)
	heldOutputs.Store(ts.MkAbs(args[0]), set)
}

// unlockOut releases what lockout holds, writing nothing: unlockout DIR.
func unlockOut(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: unlockout DIR")
	}
	set, ok := heldOutputs.LoadAndDelete(ts.MkAbs(args[0]))
	if !ok {
		ts.Fatalf("unlockout %s: no lockout before", args[0])
	}
	set.(*outdir.Set).Close()
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

// appendText appends text to a file, made for data no txtar holds well
// (many rows, bytes that are not UTF-8): append FILE N "TEXT" appends TEXT,
// a Go string literal, N times.
func appendText(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: append FILE N \"TEXT\"")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	text, err := strconv.Unquote(args[2])
	ts.Check(err)
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	ts.Check(err)
	_, err = f.WriteString(strings.Repeat(text, n))
	ts.Check(err)
	ts.Check(f.Close())
}

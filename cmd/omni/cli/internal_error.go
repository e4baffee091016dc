package cli

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/omni-metrics/omni/engine/escape"
)

// issuesURL is where an internal error is reported.
const issuesURL = "https://github.com/omni-metrics/omni/issues"

// reportPanic turns a panic of the running command into an internal error:
// what to report and the stack on stderr, and exit code exitInternal, so
// that a crash is never read as an ordinary result (CI reads exit 2, say,
// as "plan has changes"). Deferred by Run.
func reportPanic(stderr io.Writer, code *int) {
	v := recover()
	if v == nil {
		return
	}
	fmt.Fprintf(stderr, "omni: internal error: %s\nThis is a bug in omni; please report it at %s with this text.\n\n%s", escape.TerminalText(fmt.Sprint(v)), issuesURL, debug.Stack())
	*code = exitInternal
}

package cli

import (
	"strings"
	"testing"
)

// A panic of a command is an internal error: what to report, the stack,
// and an exit code of its own.
func TestPanicIsAnInternalError(t *testing.T) {
	var stderr strings.Builder
	code := func() (code int) {
		defer reportPanic(&stderr, &code)
		var m map[string]int
		m["boom"]++ // a nil map: a runtime panic, as a bug would give
		return exitOK
	}()
	if code != exitInternal || exitInternal != 70 {
		t.Errorf("exit code %d, want 70", code)
	}
	out := stderr.String()
	for _, want := range []string{
		"omni: internal error: assignment to entry in nil map\n",
		"please report it at https://github.com/omni-metrics/omni/issues with this text.",
		"TestPanicIsAnInternalError", // the stack
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
}

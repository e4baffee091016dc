package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/omni-metrics/omni/engine"
)

// liveWidth is the widest line the live progress writes, so that it fits
// a terminal of 80 columns: a line that wraps cannot be rewritten with a
// carriage return, which goes back to the start of its last row only.
const liveWidth = 79

// stepPrinter writes the steps of omni run as they happen. Plain, it
// writes one line as each step starts, the same at every run. Live, on a
// terminal, it rewrites one line per step in place with the percentage
// DuckDB estimates, and ends it with the step's time.
type stepPrinter struct {
	w    io.Writer
	live bool
	line string // the live line not yet ended, "" when none is
}

// observe is the observer of engine.Compiled.RunObserved.
func (p *stepPrinter) observe(s engine.Step) {
	text := fmt.Sprintf("omni: [%d/%d] %s: %s", s.Index, s.Total, s.Scorecard, s.Name)
	if !p.live {
		if s.State == engine.StepStarted {
			fmt.Fprintln(p.w, text)
		}
		return
	}
	var status string
	switch {
	case s.State == engine.StepDone:
		status = " " + s.Elapsed.Round(time.Millisecond).String()
	case s.Percent >= 0:
		status = fmt.Sprintf(" %d%%", int(s.Percent))
	}
	p.rewrite(truncate(text, liveWidth-utf8.RuneCountInString(status))+status, s.State == engine.StepDone)
}

// rewrite writes text over the live line, and ends the line when told.
func (p *stepPrinter) rewrite(text string, end bool) {
	if text != p.line {
		pad := max(0, utf8.RuneCountInString(p.line)-utf8.RuneCountInString(text))
		fmt.Fprintf(p.w, "\r%s%s", text, strings.Repeat(" ", pad))
		p.line = text
	}
	if end {
		p.interrupt()
	}
}

// interrupt ends the live line, if any, so that what follows starts a line.
func (p *stepPrinter) interrupt() {
	if p.line != "" {
		fmt.Fprintln(p.w)
		p.line = ""
	}
}

// truncate shortens s to at most n characters, ending it with … when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:max(0, n-1)]) + "…"
}

// isTerminal reports whether w is a terminal (a character device), where
// a line can be rewritten in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

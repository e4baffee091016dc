package cli

import (
	"io"
	"os"

	"github.com/hashicorp/hcl/v2"
)

// palette colours text with ANSI escapes when true, and leaves it plain
// when false.
type palette bool

// colourFor says whether a stream takes colour: on a terminal, unless
// --no-color or NO_COLOR (https://no-color.org) says not to; elsewhere
// only when CLICOLOR_FORCE asks for it, as for a CI log that renders it.
func colourFor(w io.Writer, noColour bool) palette {
	if noColour || os.Getenv("NO_COLOR") != "" {
		return false
	}
	force := os.Getenv("CLICOLOR_FORCE")
	return palette(isTerminal(w) || force != "" && force != "0")
}

// ANSI select graphic rendition codes.
const (
	red     = "31"
	green   = "32"
	yellow  = "33"
	magenta = "35"
	boldRed = "1;31"
)

func (p palette) paint(sgr, text string) string {
	if !p || text == "" {
		return text
	}
	return "\x1b[" + sgr + "m" + text + "\x1b[0m"
}

// mark colours the sign of a planned change: + added, ~ changed,
// - removed, ! broken downstream.
func (p palette) mark(sign string) string {
	sgr := map[string]string{"+": green, "~": yellow, "-": red, "!": magenta}[sign]
	if sgr == "" {
		return sign
	}
	return p.paint(sgr, sign)
}

// severity colours a diagnostic's severity: errors red, warnings yellow.
func (p palette) severity(s hcl.DiagnosticSeverity, text string) string {
	if s == hcl.DiagWarning {
		return p.paint(yellow, text)
	}
	return p.paint(boldRed, text)
}

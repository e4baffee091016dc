package escape

import (
	"strings"
	"unicode/utf8"
)

// TerminalLine is s for one line of terminal output: line breaks and tabs
// become spaces, and every other control character (C0, DEL, C1, and so the
// start of every escape sequence), bidirectional override, and byte that is
// not UTF-8 is dropped or replaced, so that s prints as the characters it
// holds and nothing else.
func TerminalLine(s string) string {
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch treatment(s, i, r) {
		case keep:
			b.WriteRune(r)
		case replace:
			b.WriteRune(utf8.RuneError)
		case space:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TerminalText is s for terminal output that may span lines, such as an
// error message that quotes a value or a file name: each line as
// TerminalLine makes it, the line breaks kept ("\r\n" as "\n").
func TerminalText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = TerminalLine(l)
	}
	return strings.Join(lines, "\n")
}

// needsCleaning reports whether some character of s is not kept as it is:
// most texts need nothing, and are checked without allocating.
func needsCleaning(s string) bool {
	for i, r := range s {
		if treatment(s, i, r) != keep {
			return true
		}
	}
	return false
}

// What becomes of a character.
const (
	keep    = iota
	drop    // a control character or a bidirectional mark
	space   // a line break or tab
	replace // a byte that is not UTF-8: U+FFFD, for a terminal could read it as C1
)

// treatment is what becomes of the character r at s[i].
func treatment(s string, i int, r rune) int {
	switch {
	case r == utf8.RuneError && isInvalidAt(s, i):
		return replace
	case isBreak(r):
		return space
	case isControl(r) || isBidi(r):
		return drop
	}
	return keep
}

func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// isBreak reports whether r ends a line or moves the cursor along one.
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isControl reports whether r is a C0 or C1 control character or DEL: ESC
// (0x1b) and CSI (0x9b) start the sequences that move the cursor, clear the
// screen or make a hidden link (OSC 8).
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f
}

// isBidi reports whether r is an invisible mark that changes the direction
// text is shown in, and so can make it read as something else.
func isBidi(r rune) bool {
	switch {
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

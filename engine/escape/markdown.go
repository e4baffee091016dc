package escape

import (
	"strings"
	"unicode"
)

// Markdown is s as inline GitHub-flavoured Markdown that shows s as
// written: in a table cell, a heading or a sentence. It is one line (see
// TerminalLine); < and > are written as entities, and so is an & that could
// start one, so no tag and no entity of s acts; the characters of links,
// images, emphasis, code, strikethrough, math and table columns are escaped
// with a backslash; and an @mention gets an invisible word joiner after its
// @, so that a comment shows it but pings nobody.
//
// Parentheses stay: without an unescaped ] before it, a ( starts no link.
// A bare URL is still made a link by GitHub, showing the URL it goes to.
func Markdown(s string) string {
	s = TerminalLine(s)
	var b strings.Builder
	b.Grow(len(s))
	runes := []rune(s)
	for i, r := range runes {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			// Only an & before a name or a # could start an entity.
			if i+1 < len(runes) && (isWordRune(runes[i+1]) || runes[i+1] == '#') {
				b.WriteString("&amp;")
			} else {
				b.WriteRune(r)
			}
		case '\\', '|', '*', '`', '[', ']', '!', '~', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '_':
			// Within a word, GitHub reads _ as itself: cost_per_click stays.
			if i == 0 || i == len(runes)-1 || !isWordRune(runes[i-1]) || !isWordRune(runes[i+1]) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '@':
			b.WriteString("@\u2060")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

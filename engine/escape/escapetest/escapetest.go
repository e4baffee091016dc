// Package escapetest checks rendered output for what text from the data
// must never do there, for the tests and fuzz targets of the forms that
// write it: act on a terminal, or act as Markdown.
package escapetest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Terminal returns an error naming the first character of out that a
// terminal would act on, or that is not UTF-8: every control character but
// line feed and tab, DEL, C1, a bidirectional mark.
func Terminal(out string) error {
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd"):
			return fmt.Errorf("byte %d: %#x is not UTF-8", i, out[i])
		case r < 0x20 && r != '\n' && r != '\t', r >= 0x7f && r <= 0x9f:
			return fmt.Errorf("byte %d: control character %U in %q", i, r, around(out, i))
		case r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return fmt.Errorf("byte %d: bidirectional mark %U in %q", i, r, around(out, i))
		}
	}
	return nil
}

// Markdown returns an error naming the first line of out where text could
// act as Markdown or HTML: a <, a link or image (an unescaped "](" ), an
// @mention, or a table row whose number of cells is not its header's.
func Markdown(out string) error {
	cells := -1 // the header's, in a table
	for n, line := range strings.Split(out, "\n") {
		if strings.Contains(ownMarkup.Replace(line), "<") {
			return fmt.Errorf("line %d: raw < in %q", n+1, line)
		}
		if i := strings.IndexByte(line, '@'); i >= 0 && i+1 < len(line) && isWordByte(line[i+1]) {
			return fmt.Errorf("line %d: @mention in %q", n+1, line)
		}
		pipes, link := scan(line)
		if link {
			return fmt.Errorf("line %d: link syntax in %q", n+1, line)
		}
		switch {
		case !strings.HasPrefix(line, "|"):
			cells = -1
		case cells < 0:
			cells = pipes
		case pipes != cells:
			return fmt.Errorf("line %d: %d cell separators, the table's header has %d: %q", n+1, pipes, cells, line)
		}
	}
	return nil
}

// ownMarkup are the tags the Markdown forms write themselves: folded parts
// and line breaks within a cell. Escaped text writes no <: it forges none.
var ownMarkup = strings.NewReplacer("<details>", "", "</details>", "", "<summary>", "", "</summary>", "", "<br>", "")

// scan counts a Markdown line's unescaped pipes and reports whether an
// unescaped ] is followed by a (.
func scan(line string) (pipes int, link bool) {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			pipes++
		case ']':
			link = link || i+1 < len(line) && line[i+1] == '('
		}
	}
	return pipes, link
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// around is the text about byte i of s, for a message.
func around(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}

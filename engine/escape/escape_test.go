package escape_test

import (
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/escape"
)

// hostile are texts a definition or a data file may hold, and what each
// form makes of them.
var hostile = []struct{ in, line, markdown string }{
	{"plain key", "plain key", "plain key"},
	{"<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>",
		"&lt;img src=x onerror=alert(1)&gt;"},
	{"![x](http://evil)", "![x](http://evil)", `\!\[x\](http://evil)`},
	{"[click](javascript:alert(1))", "[click](javascript:alert(1))",
		`\[click\](javascript:alert(1))`},
	{"a|b", "a|b", `a\|b`},
	{"line1\nline2", "line1 line2", "line1 line2"},
	{"cr\r\nlf\ttab", "cr  lf tab", "cr  lf tab"},
	{"\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "]8;;http://evil\\link]8;;\\",
		`\]8;;http://evil\\link\]8;;\\`},
	{"\x1b[2Jcleared", "[2Jcleared", `\[2Jcleared`},
	{"\u009b2Jc1 \x7fdel \x00nul", "2Jc1 del nul", "2Jc1 del nul"},
	{"\u202egnp.exe", "gnp.exe", "gnp.exe"},
	{"bad \xff\x9b byte", "bad \ufffd\ufffd byte", "bad \ufffd\ufffd byte"},
	{"@org/team", "@org/team", "@\u2060org/team"},
	{"*bold* _it_ `code` ~s~ $x$", "*bold* _it_ `code` ~s~ $x$",
		"\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~ \\$x\\$"},
	{"cost_per_click", "cost_per_click", "cost_per_click"},
	{`R&D \ &amp; & &#60;`, `R&D \ &amp; & &#60;`, `R&amp;D \\ &amp;amp; & &amp;#60;`},
	{"Québec — 東京", "Québec — 東京", "Québec — 東京"},
}

func TestTerminalLine(t *testing.T) {
	for _, c := range hostile {
		if got := escape.TerminalLine(c.in); got != c.line {
			t.Errorf("TerminalLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func TestTerminalText(t *testing.T) {
	for _, c := range hostile {
		if !strings.ContainsAny(c.in, "\r\n") {
			if got := escape.TerminalText(c.in); got != c.line {
				t.Errorf("TerminalText(%q) = %q, want %q", c.in, got, c.line)
			}
		}
	}
	for in, want := range map[string]string{
		"line1\nline2":                   "line1\nline2",
		"cr\r\nlf\ttab":                  "cr\nlf tab",
		"open \x1b[31mred\x1b[0m.json\n": "open [31mred[0m.json\n",
		"lone\rreturn":                   "lone return",
	} {
		if got := escape.TerminalText(in); got != want {
			t.Errorf("TerminalText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	for _, c := range hostile {
		if got := escape.Markdown(c.in); got != c.markdown {
			t.Errorf("Markdown(%q) = %q, want %q", c.in, got, c.markdown)
		}
	}
}

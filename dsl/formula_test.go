// This file specifies Formula.RangeOf: whatever escapes or heredoc form a
// formula is written with, the runes of a token of its decoded text map to
// the file bytes that spell exactly that token, at the Line and Column (in
// grapheme clusters, as hcl.Pos counts them) of those bytes.
package dsl_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// token is a piece of a formula's text and how the file spells it, when the
// spelling differs (escapes).
type token struct{ text, spelled string }

func tok(s string) token { return token{s, s} }

func TestFormulaRanges(t *testing.T) {
	for _, c := range []struct {
		name    string
		written string // the formula as written after "formula = "
		text    string // its decoded text
		tokens  []token
	}{{
		name:    "plain",
		written: `"reach / customers"`,
		text:    "reach / customers",
		tokens:  []token{tok("reach"), tok("/"), tok("customers")},
	}, {
		name:    "escaped quote and backslash",
		written: `"name == \"a\\b\" && reach > 0"`,
		text:    `name == "a\b" && reach > 0`,
		tokens:  []token{tok("name"), {`"a\b"`, `\"a\\b\"`}, tok("reach"), tok("0")},
	}, {
		name:    "unicode and newline escapes",
		written: `"city == 'G\u00e9nova'\n&& reach"`,
		text:    "city == 'Génova'\n&& reach",
		tokens:  []token{{"'Génova'", `'G\u00e9nova'`}, {"\n", `\n`}, tok("&&"), tok("reach")},
	}, {
		name:    "template escapes",
		written: `"price == '$${x}' && pct == '%%{y}' && reach"`,
		text:    "price == '${x}' && pct == '%{y}' && reach",
		tokens:  []token{{"'${x}'", "'$${x}'"}, tok("pct"), {"'%{y}'", "'%%{y}'"}, tok("reach")},
	}, {
		name:    "multi-byte characters before the tokens",
		written: `"città == 'Zürich' && 日本 > reach"`,
		text:    "città == 'Zürich' && 日本 > reach",
		tokens:  []token{tok("città"), tok("'Zürich'"), tok("日本"), tok("reach")},
	}, {
		name:    "heredoc",
		written: "<<EOT\nreach /\n  customers\nEOT\n",
		text:    "reach /\n  customers\n",
		tokens:  []token{tok("reach"), tok("/\n"), tok("customers")},
	}, {
		name:    "indented heredoc",
		written: "<<-EOT\n    count(event == 'é') /\n      customers\n    EOT\n",
		text:    "count(event == 'é') /\n  customers\n",
		tokens:  []token{tok("count"), tok("'é'"), tok("customers")},
	}, {
		name:    "heredoc template escapes",
		written: "<<-EOT\n    price == '$${x}'\n    && reach\n  EOT\n",
		text:    "price == '${x}'\n&& reach\n", // the closing EOT's indentation does not count
		tokens:  []token{{"'${x}'", "'$${x}'"}, tok("reach")},
	}, {
		name:    "escape ending the formula",
		written: `"name == \"caf\u00e9\""`,
		text:    `name == "café"`,
		tokens:  []token{tok("name"), {`"café"`, `\"caf\u00e9\"`}},
	}, {
		name:    "backslash in a heredoc",
		written: "<<EOT\nname == 'a\\nb' && reach\nEOT\n",
		text:    "name == 'a\\nb' && reach\n",
		tokens:  []token{tok("name"), tok(`'a\nb'`), tok("reach")},
	}, {
		name:    "decomposed accent, normalized to NFC by HCL",
		written: `"e\u0301 == x && reach"`,
		text:    "é == x && reach",
		tokens:  []token{tok("=="), tok("reach")},
	}, {
		name:    "grapheme cluster of two runes",
		written: `"'🇫🇷' == flag && reach"`,
		text:    "'🇫🇷' == flag && reach",
		tokens:  []token{tok("flag"), tok("reach")},
	}} {
		t.Run(c.name, func(t *testing.T) {
			src := []byte("# Ünïcödé before the formula.\nkpi \"k\" {\n  formula = " + c.written + "\n}\n")
			f := loadFormula(t, src)
			if f.Text != c.text {
				t.Fatalf("Text = %q, want %q", f.Text, c.text)
			}
			var fails []string
			for _, tk := range c.tokens {
				if err := checkRange(src, rangeOfToken(t, f, tk.text), tk.spelled); err != "" {
					fails = append(fails, strconv.Quote(tk.text)+": "+err)
				}
			}
			for _, fail := range fails {
				t.Errorf("token %s", fail)
			}
		})
	}
}

// TestHeredocIndentationRange: in an indented heredoc, the spaces kept
// from a further-indented line map to the columns past the removed
// indentation, not to the indentation itself.
func TestHeredocIndentationRange(t *testing.T) {
	src := []byte("kpi \"k\" {\n  formula = <<-EOT\n    reach\n      / customers\n    EOT\n}\n")
	f := loadFormula(t, src)
	rng := rangeOfToken(t, f, "  /")
	ok := checkRange(src, rng, "  /") == "" && rng.Start.Column == 5
	expect(t, ok, "kept heredoc indentation maps to the removed one: %s holds %q",
		rng, src[rng.Start.Byte:rng.End.Byte])
}

func TestRangeOfClamps(t *testing.T) {
	src := []byte("kpi \"k\" {\n  formula = \"a + b\"\n}\n")
	f := loadFormula(t, src)
	whole := f.RangeOf(0, 5)
	if got := string(src[whole.Start.Byte:whole.End.Byte]); got != "a + b" {
		t.Errorf("RangeOf(0, 5) holds %q, want the whole text", got)
	}
	for _, c := range []struct{ from, to int }{{-3, 100}, {-1, 5}, {0, 6}} {
		if got := f.RangeOf(c.from, c.to); got != whole {
			t.Errorf("RangeOf(%d, %d) = %s, want it clamped to %s", c.from, c.to, got, whole)
		}
	}
	// An empty or reversed span points at one rune.
	if got := f.RangeOf(2, 2); string(src[got.Start.Byte:got.End.Byte]) != "+" {
		t.Errorf("RangeOf(2, 2) = %s, want the rune at 2", got)
	}
	if got := f.RangeOf(4, 1); string(src[got.Start.Byte:got.End.Byte]) != "b" {
		t.Errorf("RangeOf(4, 1) = %s, want the rune at 4", got)
	}

	empty := loadFormula(t, []byte("kpi \"k\" {\n  formula = \"\"\n}\n"))
	if got := empty.RangeOf(0, 1); got != empty.Range {
		t.Errorf("RangeOf on an empty formula = %s, want the string's range %s", got, empty.Range)
	}
}

func TestNewFormula(t *testing.T) {
	start := hcl.Pos{Line: 3, Column: 5, Byte: 40}
	f := dsl.NewFormula("é\nab", hcl.Range{Filename: "x", Start: start})
	got := f.RangeOf(3, 4) // "b"
	want := hcl.Range{Filename: "x", Start: hcl.Pos{Line: 4, Column: 2, Byte: 44}, End: hcl.Pos{Line: 4, Column: 3, Byte: 45}}
	if got != want {
		t.Errorf("NewFormula(\"é\\nab\").RangeOf(3, 4) = %#v, want %#v", got, want)
	}
}

func loadFormula(t *testing.T, src []byte) *dsl.Formula {
	t.Helper()
	p, diags := dsl.Load(map[string][]byte{"f.hcl": src})
	if diags.HasErrors() || len(p.KPIs) != 1 || p.KPIs[0].Formula == nil {
		t.Fatalf("Load(%q): %v", src, diags)
	}
	return p.KPIs[0].Formula
}

// rangeOfToken is the range of the first occurrence of s in the formula's
// text, counted in runes as expr counts them.
func rangeOfToken(t *testing.T, f *dsl.Formula, s string) hcl.Range {
	t.Helper()
	i := strings.Index(f.Text, s)
	if i < 0 {
		t.Fatalf("%q is not in %q", s, f.Text)
	}
	from := utf8.RuneCountInString(f.Text[:i])
	return f.RangeOf(from, from+utf8.RuneCountInString(s))
}

// checkRange tells how rng fails to cover exactly the bytes spelled, at the
// line and column of those bytes; "" when it does.
func checkRange(src []byte, rng hcl.Range, spelled string) string {
	if rng.Start.Byte < 0 || rng.Start.Byte > rng.End.Byte || rng.End.Byte > len(src) {
		return "range " + rng.String() + " is not within the file"
	}
	if got := string(src[rng.Start.Byte:rng.End.Byte]); got != spelled {
		return "range " + rng.String() + " holds " + strconv.Quote(got) + ", want " + strconv.Quote(spelled)
	}
	for _, p := range []hcl.Pos{rng.Start, rng.End} {
		if want := posOf(src, p.Byte); p != want {
			return "position " + posString(p) + " does not match its byte, want " + posString(want)
		}
	}
	return ""
}

// posOf is the hcl.Pos of byte b: lines count newlines, columns count
// grapheme clusters.
func posOf(src []byte, b int) hcl.Pos {
	line := 1 + bytes.Count(src[:b], []byte("\n"))
	lineStart := bytes.LastIndexByte(src[:b], '\n') + 1
	return hcl.Pos{Line: line, Column: 1 + graphemes(src[lineStart:b]), Byte: b}
}

// posTable is posOf for every byte of src, computed in one pass.
func posTable(src []byte) []hcl.Pos {
	table := make([]hcl.Pos, len(src)+1)
	at := hcl.Pos{Line: 1, Column: 1}
	for at.Byte < len(src) {
		w, _, _ := textseg.ScanGraphemeClusters(src[at.Byte:], true)
		w = max(w, 1)
		table[at.Byte] = at
		for i := 1; i < w; i++ { // inside a cluster: one column past its start
			table[at.Byte+i] = hcl.Pos{Line: at.Line, Column: at.Column + 1, Byte: at.Byte + i}
		}
		if src[at.Byte] == '\n' {
			at = hcl.Pos{Line: at.Line + 1, Column: 1, Byte: at.Byte + w}
		} else {
			at = hcl.Pos{Line: at.Line, Column: at.Column + 1, Byte: at.Byte + w}
		}
	}
	table[len(src)] = at
	return table
}

// graphemes counts the grapheme clusters of b.
func graphemes(b []byte) int {
	n := 0
	for ; len(b) > 0; n++ {
		w, _, _ := textseg.ScanGraphemeClusters(b, true)
		b = b[w:]
	}
	return n
}

func posString(p hcl.Pos) string {
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + "@" + strconv.Itoa(p.Byte)
}

// This file holds the fuzz tests of Load. FuzzLoad: whatever the bytes of a
// file, Load does not panic, and every diagnostic and formula range lies
// within the file. FuzzFormulaRange: whatever the text of a formula, once
// written as an HCL quoted string, each of its runes maps to the bytes that
// spell it inside that string.
package dsl_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/omni-metrics/omni/dsl"
)

func FuzzLoad(f *testing.F) {
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path == filepath.Join("testdata", "fuzz"):
			return filepath.SkipDir // the fuzzers' own corpus
		case d.IsDir():
			return nil
		}
		src, err := os.ReadFile(path)
		f.Add(src)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, diags := dsl.Load(map[string][]byte{"fuzz.hcl": src})
		for _, d := range diags {
			for _, rng := range []*hcl.Range{d.Subject, d.Context} {
				if rng != nil && !within(*rng, 0, len(src)) {
					t.Errorf("diagnostic %q: range %s (bytes %d-%d) is not within the file of %d bytes",
						d.Summary, rng, rng.Start.Byte, rng.End.Byte, len(src))
				}
			}
		}
		for _, fm := range formulas(p) {
			if !within(fm.Range, 0, len(src)) {
				t.Fatalf("formula %q: range %s is not within the file", fm.Text, fm.Range)
			}
			for i := range utf8.RuneCountInString(fm.Text) {
				if rng := fm.RangeOf(i, i+1); !within(rng, fm.Range.Start.Byte, fm.Range.End.Byte) {
					t.Errorf("formula %q: RangeOf(%d, %d) = %s (bytes %d-%d) is not within the formula's %s (bytes %d-%d)",
						fm.Text, i, i+1, rng, rng.Start.Byte, rng.End.Byte, fm.Range, fm.Range.Start.Byte, fm.Range.End.Byte)
				}
			}
		}
	})
}

func FuzzFormulaRange(f *testing.F) {
	for _, s := range []string{
		"reach / customers", `name == "café" && x\y`, "'${x}' + '%{y}' + '$$' + '%%{'",
		"a\nb\tc\r", "日本 > 0", "\x00\u200b\U0001F600", "🇫🇷", "e\u0301", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("HCL files are UTF-8")
		}
		spelled := hclSpell(s)
		src := []byte("kpi \"k\" {\n  formula = \"" + strings.Join(spelled, "") + "\"\n}\n")
		p, diags := dsl.Load(map[string][]byte{"f.hcl": src})
		if diags.HasErrors() {
			t.Fatalf("Load(%q): %v", src, diags)
		}
		fm := p.KPIs[0].Formula
		if want := norm.NFC.String(s); fm.Text != want {
			t.Fatalf("Text = %q, want %q (HCL strings are NFC)", fm.Text, want)
		}
		// Each rune lies within the string's content, without its quotes.
		lit := fm.Range
		lit.Start.Byte, lit.End.Byte = lit.Start.Byte+1, lit.End.Byte-1
		for i := range utf8.RuneCountInString(fm.Text) {
			if rng := fm.RangeOf(i, i+1); !within(rng, lit.Start.Byte, lit.End.Byte) {
				t.Fatalf("RangeOf(%d, %d) = %s is not within the string's content %s", i, i+1, rng, lit)
			}
		}
		if fm.Text != s {
			return // NFC composed runes: each maps to the bytes of all it was made of
		}
		table := posTable(src)
		for i, sp := range spelled {
			rng := fm.RangeOf(i, i+1)
			got := string(src[rng.Start.Byte:rng.End.Byte])
			if got != sp {
				t.Fatalf("rune %d %q: range %s holds %q, want %q", i, []rune(s)[i], rng, got, sp)
			}
			if want := table[rng.Start.Byte]; rng.Start != want {
				t.Fatalf("rune %d: start %s, want %s", i, posString(rng.Start), posString(want))
			}
		}
	})
}

// hclSpell writes each rune of s as an HCL quoted string spells it, as
// strconv.Quote would with HCL's escapes: $${ and %%{ for template
// sequences, \uXXXX for what is not printable.
func hclSpell(s string) []string {
	runes := []rune(s)
	spelled := make([]string, len(runes))
	for i, r := range runes {
		next := rune(0)
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		switch {
		case r == '"' || r == '\\':
			spelled[i] = `\` + string(r)
		case r == '\n':
			spelled[i] = `\n`
		case r == '\r':
			spelled[i] = `\r`
		case r == '\t':
			spelled[i] = `\t`
		case (r == '$' || r == '%') && next == '{':
			spelled[i] = string(r) + string(r)
		case !unicode.IsPrint(r) && r <= 0xFFFF:
			spelled[i] = `\u` + leftPad(strconv.FormatInt(int64(r), 16), 4)
		case !unicode.IsPrint(r):
			spelled[i] = `\U` + leftPad(strconv.FormatInt(int64(r), 16), 8)
		default:
			spelled[i] = string(r)
		}
	}
	return spelled
}

func leftPad(s string, n int) string { return strings.Repeat("0", n-len(s)) + s }

// within reports whether rng is a well-formed range inside bytes [lo, hi].
func within(rng hcl.Range, lo, hi int) bool {
	return lo <= rng.Start.Byte && rng.Start.Byte <= rng.End.Byte && rng.End.Byte <= hi
}

// formulas lists every formula that Load decoded.
func formulas(p *dsl.Project) []*dsl.Formula {
	var out []*dsl.Formula
	add := func(f *dsl.Formula) {
		if f != nil {
			out = append(out, f)
		}
	}
	for _, s := range p.Segments {
		add(s.Where)
	}
	for _, tr := range p.Traits {
		add(tr.Formula)
	}
	for _, k := range p.KPIs {
		add(k.Formula)
	}
	for _, c := range p.Campaigns {
		add(c.Where)
	}
	return out
}

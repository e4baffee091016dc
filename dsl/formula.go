package dsl

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Formula is an expression in expr syntax, written as an HCL string.
//
// It remembers where each of its characters stands in the file, so that an
// error found by the formula compiler can point at the exact characters,
// whatever escapes or heredoc indentation the HCL string used.
type Formula struct {
	Text  string    // the decoded expression
	Range hcl.Range // the whole HCL string, quotes included

	// pos[i] is the position of the i-th rune of Text; pos[len] is its end.
	pos []hcl.Pos
}

// RangeOf returns the file range of the runes [from, to) of Text, as counted
// by expr's locations. Out-of-bounds offsets are clamped.
func (f *Formula) RangeOf(from, to int) hcl.Range {
	last := len(f.pos) - 1
	if last < 0 {
		return f.Range
	}
	from, to = max(0, min(from, last)), max(0, min(to, last))
	if to <= from {
		to = min(from+1, last)
	}
	if to <= from {
		// An empty formula: point at the string itself.
		return f.Range
	}
	return hcl.Range{Filename: f.Range.Filename, Start: f.pos[from], End: f.pos[to]}
}

// NewFormula makes a formula from plain text that stands at the given range,
// for formulas that do not come from a file (tests, fuzzing).
func NewFormula(text string, rng hcl.Range) *Formula {
	f := &Formula{Text: text, Range: rng}
	p := rng.Start
	for _, r := range text {
		f.pos = append(f.pos, p)
		p = advance(p, r, utf8.RuneLen(r))
	}
	f.pos = append(f.pos, p)
	return f
}

// formulaAttr decodes an attribute that holds a formula. A nil attribute
// gives a nil formula.
func (l *loader) formulaAttr(attr *hcl.Attribute) (*Formula, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	tmpl, ok := attr.Expr.(*hclsyntax.TemplateExpr)
	if !ok {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Formula must be a string",
			Detail:   fmt.Sprintf("The attribute %q is a formula in expr syntax, written as a string: %s = \"count(event == 'visit')\".", attr.Name, attr.Name),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	f := &Formula{Range: tmpl.SrcRange}
	src := l.bytes(tmpl.SrcRange.Filename)
	for _, part := range tmpl.Parts {
		lit, ok := part.(*hclsyntax.LiteralValueExpr)
		if !ok {
			return nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Interpolation in a formula",
				Detail:   "Formulas are expr expressions, not HCL templates: write names directly (reach / customers), without ${ }. To write a literal ${, escape it as $${.",
				Subject:  part.Range().Ptr(),
			}}
		}
		text := lit.Val.AsString()
		f.Text += text
		f.pos = append(f.pos, alignRunes(text, src, lit.SrcRange)...)
	}
	end := tmpl.SrcRange.End
	if n := len(f.pos); n > 0 {
		end = f.pos[n-1]
		// The end of the text is just past its last rune.
		last, size := utf8.DecodeLastRuneInString(f.Text)
		end = advance(end, last, size)
	}
	f.pos = append(f.pos, end)
	return f, nil
}

// alignRunes finds the file position of each rune of a decoded string literal
// by walking its raw source: escapes such as \" or \u00e9 and the template
// escapes $${ and %%{ take several source bytes for one rune, and heredoc
// indentation takes source bytes for none.
func alignRunes(text string, src []byte, rng hcl.Range) []hcl.Pos {
	var raw []byte
	if 0 <= rng.Start.Byte && rng.Start.Byte <= rng.End.Byte && rng.End.Byte <= len(src) {
		raw = src[rng.Start.Byte:rng.End.Byte]
	}
	out := make([]hcl.Pos, 0, len(text))
	p, i := rng.Start, 0
next:
	for _, r := range text {
		for i < len(raw) {
			width, decoded := rawRune(raw[i:])
			here := p
			p = advanceBytes(p, raw[i:i+width])
			i += width
			if decoded == r {
				out = append(out, here)
				continue next
			}
			// Source bytes that stand for no rune of the value: indentation.
		}
		out = append(out, p) // unreachable for a literal that HCL decoded itself
	}
	return out
}

// rawRune decodes one character of a string literal's source: its width in
// bytes and the rune it stands for.
func rawRune(raw []byte) (int, rune) {
	if len(raw) >= 3 && (string(raw[:3]) == "$${" || string(raw[:3]) == "%%{") {
		return 2, rune(raw[0]) // the doubled sign stands for one; "{" follows
	}
	if raw[0] != '\\' || len(raw) < 2 {
		r, w := utf8.DecodeRune(raw)
		return w, r
	}
	switch raw[1] {
	case 'n':
		return 2, '\n'
	case 't':
		return 2, '\t'
	case 'r':
		return 2, '\r'
	case '"':
		return 2, '"'
	case '\\':
		return 2, '\\'
	case 'u', 'U':
		digits := 4
		if raw[1] == 'U' {
			digits = 8
		}
		if len(raw) >= 2+digits {
			var r rune
			if _, err := fmt.Sscanf(string(raw[2:2+digits]), "%x", &r); err == nil {
				return 2 + digits, r
			}
		}
	}
	return 1, '\\'
}

func advanceBytes(p hcl.Pos, b []byte) hcl.Pos {
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		p = advance(p, r, w)
		b = b[w:]
	}
	return p
}

func advance(p hcl.Pos, r rune, width int) hcl.Pos {
	p.Byte += width
	if r == '\n' {
		p.Line++
		p.Column = 1
	} else {
		p.Column++
	}
	return p
}

package dsl

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apparentlymart/go-textseg/v15/textseg"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"
)

// Formula is an expression in expr syntax, written as an HCL string.
//
// It remembers where each of its characters stands in the file, so that an
// error found by the formula compiler can point at the exact characters,
// whatever escapes, Unicode normalization or heredoc indentation the HCL
// string went through.
type Formula struct {
	Text  string    // the decoded expression
	Range hcl.Range // the whole HCL string, quotes included

	// starts[i] and ends[i] delimit the source of the i-th rune of Text.
	starts, ends []hcl.Pos
}

// RangeOf returns the file range of the runes [from, to) of Text, as counted
// by expr's locations. Offsets are clamped to the text; an empty span
// stands for the one rune at from.
func (f *Formula) RangeOf(from, to int) hcl.Range {
	n := len(f.starts)
	if n == 0 {
		return f.Range
	}
	from = max(0, min(from, n-1))
	to = max(from+1, min(to, n))
	return hcl.Range{Filename: f.Range.Filename, Start: f.starts[from], End: f.ends[to-1]}
}

// NewFormula makes a formula from plain text that stands at the given range,
// for formulas that do not come from a file (tests, fuzzing).
func NewFormula(text string, rng hcl.Range) *Formula {
	f := &Formula{Text: text, Range: rng}
	p := rng.Start
	for _, r := range text {
		f.starts = append(f.starts, p)
		p = advance(p, r == '\n', utf8.RuneLen(r))
		f.ends = append(f.ends, p)
	}
	return f
}

// formulaAttr decodes an attribute that holds a formula. A nil attribute
// gives a nil formula.
func (l *loader) formulaAttr(attr *hcl.Attribute) (*Formula, hcl.Diagnostics) {
	if attr == nil {
		return nil, nil
	}
	src := l.bytes(attr.Expr.Range().Filename)
	tmpl, ok := attr.Expr.(*hclsyntax.TemplateExpr)
	if wrap, isWrap := attr.Expr.(*hclsyntax.TemplateWrapExpr); isWrap {
		return nil, interpolationError(wrap.SrcRange)
	}
	if !ok {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Formula must be a string",
			Detail:   fmt.Sprintf("The attribute %q is a formula in expr syntax, written as a string: %s = \"count(event == 'visit')\".", attr.Name, attr.Name),
			Subject:  attr.Expr.Range().Ptr(),
		}}
	}
	if rng, found := findInterpolation(src, tmpl.SrcRange); found {
		return nil, interpolationError(rng)
	}
	heredoc := bytes.HasPrefix(sourceOf(src, tmpl.SrcRange), []byte("<<"))
	if !heredoc {
		if diag := innerDoubleQuotes(src, tmpl.SrcRange); diag != nil {
			return nil, hcl.Diagnostics{diag}
		}
	}
	f := &Formula{Range: tmpl.SrcRange}
	cursor := &positions{src: src, start: tmpl.SrcRange.Start, at: tmpl.SrcRange.Start}
	for _, part := range tmpl.Parts {
		lit, ok := part.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.String {
			return nil, interpolationError(part.Range())
		}
		text := lit.Val.AsString()
		spans := alignSpans(text, normalize(decodeRaw(src, lit.SrcRange, heredoc)), heredoc)
		for _, sp := range spans {
			f.starts = append(f.starts, cursor.pos(sp.from))
			f.ends = append(f.ends, cursor.pos(sp.to))
		}
		f.Text += text
	}
	return f, nil
}

// innerDoubleQuotes reports a quoted formula that HCL ended early at a
// double quote of its own, as in formula = "count(event == "visit")": the
// line goes on after the closing quote, up to another one.
func innerDoubleQuotes(src []byte, rng hcl.Range) *hcl.Diagnostic {
	if rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return nil
	}
	line, _, _ := bytes.Cut(src[rng.End.Byte:], []byte("\n"))
	last := bytes.LastIndexByte(line, '"')
	rest := bytes.TrimSpace(line)
	if last < 0 || len(rest) == 0 || bytes.ContainsRune([]byte("}#/,"), rune(rest[0])) {
		return nil
	}
	written := string(src[rng.Start.Byte : rng.End.Byte+last+1])
	text := strings.ReplaceAll(written[1:len(written)-1], `"`, "'")
	at := rng
	cursor := &positions{src: src, start: rng.Start, at: rng.Start}
	at.End = cursor.pos(rng.End.Byte + last + 1)
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Double quotes inside a formula",
		Detail:   fmt.Sprintf("The formula's string ends at its second double quote. Write text inside a formula in single quotes: \"%s\".", text),
		Subject:  &at,
	}
}

func interpolationError(rng hcl.Range) hcl.Diagnostics {
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Interpolation in a formula",
		Detail:   "Formulas are expr expressions, not HCL templates: write names directly (reach / customers), without ${ }. To write a literal ${, escape it as $${.",
		Subject:  &rng,
	}}
}

// findInterpolation finds the first ${ or %{ of a template's source that
// is not escaped as $${ or %%{.
func findInterpolation(src []byte, rng hcl.Range) (hcl.Range, bool) {
	raw := sourceOf(src, rng)
	for i := 0; i+1 < len(raw); i++ {
		switch {
		case (raw[i] == '$' || raw[i] == '%') && raw[i+1] == raw[i] && i+2 < len(raw) && raw[i+2] == '{':
			i += 2
		case (raw[i] == '$' || raw[i] == '%') && raw[i+1] == '{':
			cursor := &positions{src: src, start: rng.Start, at: rng.Start}
			at := cursor.pos(rng.Start.Byte + i)
			return hcl.Range{Filename: rng.Filename, Start: at, End: cursor.pos(rng.Start.Byte + i + 2)}, true
		}
	}
	return hcl.Range{}, false
}

func sourceOf(src []byte, rng hcl.Range) []byte {
	if 0 <= rng.Start.Byte && rng.Start.Byte <= rng.End.Byte && rng.End.Byte <= len(src) {
		return src[rng.Start.Byte:rng.End.Byte]
	}
	return nil
}

// span is a rune of a string literal's value and the file bytes it comes from.
type span struct {
	r        rune
	from, to int
}

// decodeRaw reads a string literal's source into the runes it stands for:
// escapes such as \" or \u00e9 (not in heredocs, which take backslashes
// literally) and the template escapes $${ and %%{ take several bytes for
// one rune.
func decodeRaw(src []byte, rng hcl.Range, heredoc bool) []span {
	raw := sourceOf(src, rng)
	var spans []span
	for i := 0; i < len(raw); {
		width, r := rawRune(raw[i:], heredoc)
		spans = append(spans, span{r, rng.Start.Byte + i, rng.Start.Byte + i + width})
		i += width
	}
	return spans
}

// rawRune decodes one character of a string literal's source: its width in
// bytes and the rune it stands for.
func rawRune(raw []byte, heredoc bool) (int, rune) {
	if len(raw) >= 3 && (string(raw[:3]) == "$${" || string(raw[:3]) == "%%{") {
		return 2, rune(raw[0]) // the doubled sign stands for one; "{" follows
	}
	if raw[0] != '\\' || heredoc || len(raw) < 2 {
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
			if r, err := strconv.ParseUint(string(raw[2:2+digits]), 16, 32); err == nil {
				return 2 + digits, rune(r)
			}
		}
	}
	return 1, '\\'
}

// normalize composes the runes as HCL does (Unicode NFC): each composed
// rune takes the bytes of the runes it was made of.
func normalize(spans []span) []span {
	var decoded []byte
	for _, sp := range spans {
		decoded = utf8.AppendRune(decoded, sp.r)
	}
	if norm.NFC.IsNormal(decoded) {
		return spans
	}
	// byteSpan[i] is the span of the rune that byte i of decoded belongs to.
	byteSpan := make([]int, 0, len(decoded))
	for i, sp := range spans {
		for range utf8.RuneLen(sp.r) {
			byteSpan = append(byteSpan, i)
		}
	}
	var out []span
	var it norm.Iter
	it.Init(norm.NFC, decoded)
	for start := 0; !it.Done(); {
		segment := it.Next()
		end := it.Pos()
		from, to := spans[byteSpan[start]].from, spans[byteSpan[end-1]].to
		for _, r := range string(segment) {
			out = append(out, span{r, from, to})
		}
		start = end
	}
	return out
}

// alignSpans picks, for each rune of a literal's value, the span it comes
// from. Spans that stand for no rune of the value are the indentation a
// heredoc removed: at the start of a line, the spaces removed are the
// first ones, the spaces kept the last ones.
func alignSpans(text string, spans []span, heredoc bool) []span {
	out := make([]span, 0, len(spans))
	i := 0
	for j, r := range []rune(text) {
		if heredoc && (i == 0 || spans[i-1].r == '\n') {
			i += max(0, leadingSpaces(spans[i:])-leadingRunes([]rune(text)[j:]))
		}
		for i < len(spans) && spans[i].r != r {
			i++ // indentation
		}
		if i == len(spans) {
			break // unreachable for a literal that HCL decoded itself
		}
		out = append(out, spans[i])
		i++
	}
	for len(out) < utf8.RuneCountInString(text) {
		end := 0
		if len(spans) > 0 {
			end = spans[len(spans)-1].to
		}
		out = append(out, span{0, end, end})
	}
	return out
}

func leadingSpaces(spans []span) int {
	n := 0
	for n < len(spans) && (spans[n].r == ' ' || spans[n].r == '\t') {
		n++
	}
	return n
}

func leadingRunes(text []rune) int {
	n := 0
	for n < len(text) && (text[n] == ' ' || text[n] == '\t') {
		n++
	}
	return n
}

// positions finds the positions of the bytes of a formula, moving forward
// through the file: columns count grapheme clusters, as HCL's do, and a
// byte inside a cluster is one column past the cluster's start.
type positions struct {
	src       []byte
	start, at hcl.Pos // where the formula starts; the cluster boundary reached
}

func (p *positions) pos(b int) hcl.Pos {
	b = min(b, len(p.src))
	if b < p.at.Byte {
		p.at = p.start // runes composed by NFC share their bytes: go back
	}
	for p.at.Byte < b {
		w, _, _ := textseg.ScanGraphemeClusters(p.src[p.at.Byte:], true)
		w = max(w, 1)
		if p.at.Byte+w > b {
			return hcl.Pos{Line: p.at.Line, Column: p.at.Column + 1, Byte: b}
		}
		p.at = advance(p.at, p.src[p.at.Byte] == '\n', w)
	}
	return p.at
}

func advance(p hcl.Pos, newline bool, width int) hcl.Pos {
	p.Byte += width
	if newline {
		p.Line++
		p.Column = 1
	} else {
		p.Column++
	}
	return p
}

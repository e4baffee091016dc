package review

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// This file writes blocks in a normal form, so that a definition compares
// equal to itself however it is laid out: attributes in name order, each
// constant rewritten from its value ("a" and <<EOT heredocs alike, 1e3 and
// 1000 alike, map keys sorted), other expressions from their tokens without
// comments, nested blocks in their order, all formatted by hclwrite.

// normalBlock is a block in normal form: its whole text, and each
// attribute's own line ("name = value"), by name.
type normalBlock struct {
	text   string
	attrs  map[string]string
	nested []string // the nested blocks' texts, in order
}

// normalize writes a parsed block of src in normal form.
func normalize(b *hclsyntax.Block, src []byte) normalBlock {
	attrs := map[string]hclwrite.Tokens{}
	for name, a := range b.Body.Attributes {
		attrs[name] = normalExpr(a.Expr, src)
	}
	n := normalBlock{attrs: map[string]string{}}
	for name, tokens := range attrs {
		n.attrs[name] = formatted(attrLine(name, tokens))
	}
	f := hclwrite.NewEmptyFile()
	body := f.Body().AppendNewBlock(b.Type, b.Labels).Body()
	setAttributes(body, attrs)
	for _, nb := range b.Body.Blocks {
		inner := normalize(nb, src)
		n.nested = append(n.nested, inner.text)
		body.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")}})
		body.AppendUnstructuredTokens(rawTokens(inner.text))
	}
	n.text = formatted(f.Bytes())
	return n
}

// renderBlock writes a block of constant attributes in normal form, as
// normalize would have written it from a file.
func renderBlock(kind string, labels []string, values map[string]cty.Value) normalBlock {
	attrs := map[string]hclwrite.Tokens{}
	n := normalBlock{attrs: map[string]string{}}
	for name, v := range values {
		attrs[name] = hclwrite.TokensForValue(v)
		n.attrs[name] = formatted(attrLine(name, attrs[name]))
	}
	f := hclwrite.NewEmptyFile()
	setAttributes(f.Body().AppendNewBlock(kind, labels).Body(), attrs)
	n.text = formatted(f.Bytes())
	return n
}

func setAttributes(body *hclwrite.Body, attrs map[string]hclwrite.Tokens) {
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		body.SetAttributeRaw(name, attrs[name])
	}
}

// normalExpr is an expression's canonical tokens: from its value when it is
// a constant; from its parts for references and lists or objects of them;
// else from its source without comments.
func normalExpr(e hclsyntax.Expression, src []byte) hclwrite.Tokens {
	if v, diags := e.Value(nil); !diags.HasErrors() && v.IsWhollyKnown() {
		return hclwrite.TokensForValue(v)
	}
	switch e := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return hclwrite.TokensForTraversal(e.Traversal)
	case *hclsyntax.TupleConsExpr:
		elems := make([]hclwrite.Tokens, len(e.Exprs))
		for i, x := range e.Exprs {
			elems[i] = normalExpr(x, src)
		}
		return hclwrite.TokensForTuple(elems)
	case *hclsyntax.ObjectConsExpr:
		items := make([]hclwrite.ObjectAttrTokens, len(e.Items))
		for i, item := range e.Items {
			items[i] = hclwrite.ObjectAttrTokens{Name: normalExpr(item.KeyExpr, src), Value: normalExpr(item.ValueExpr, src)}
		}
		return hclwrite.TokensForObject(items)
	case *hclsyntax.ObjectConsKeyExpr:
		if name := hcl.ExprAsKeyword(e); name != "" {
			return hclwrite.TokensForIdentifier(name)
		}
		return normalExpr(e.Wrapped, src)
	}
	r := e.Range()
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return nil
	}
	tokens, _ := hclsyntax.LexExpression(src[r.Start.Byte:r.End.Byte], r.Filename, r.Start)
	var out hclwrite.Tokens
	for _, t := range tokens {
		switch {
		case t.Type == hclsyntax.TokenEOF:
		case t.Type != hclsyntax.TokenComment:
			out = append(out, &hclwrite.Token{Type: t.Type, Bytes: t.Bytes})
		case bytes.HasSuffix(t.Bytes, []byte("\n")) && len(out) > 0 && out[len(out)-1].Type != hclsyntax.TokenNewline:
			// A comment ending a line of code: the line still ends.
			out = append(out, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
		}
	}
	return out
}

// attrLine is the text "name = value" of one attribute.
func attrLine(name string, value hclwrite.Tokens) []byte {
	return append([]byte(name+" = "), value.Bytes()...)
}

// rawTokens wraps formatted text so that it can be appended to a body.
func rawTokens(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte(text)}}
}

func formatted(src []byte) string {
	return strings.TrimSpace(string(hclwrite.Format(src))) + "\n"
}

// references lists the blocks an expression refers to, as kind.name, for
// the kinds given.
func references(e hcl.Expression, kinds map[string]bool) []string {
	var out []string
	for _, t := range e.Variables() {
		if len(t) < 2 || !kinds[t.RootName()] {
			continue
		}
		if attr, ok := t[1].(hcl.TraverseAttr); ok {
			out = append(out, t.RootName()+"."+attr.Name)
		}
	}
	return out
}

// filterName is a filter as formulas name it, filter.valid_orders.
var filterName = regexp.MustCompile(`\bfilter\.([A-Za-z][A-Za-z0-9_]*)`)

// filtersNamed lists the filters that the formulas of a block's text name
// (filter.name inside their strings), which HCL does not see as references.
func filtersNamed(text string) []string {
	var out []string
	for _, m := range filterName.FindAllStringSubmatch(text, -1) {
		out = append(out, "filter."+m[1])
	}
	return out
}

package formula

import (
	"fmt"
	"unicode/utf8"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/hashicorp/hcl/v2"
)

// MaxLength is the most characters a formula may have. Every step after
// the lexer (expr's parser and checker, the SQL lowering) recurses once per
// operator, so the length bounds how deep they go: no formula can overflow
// Go's stack, and none takes long to compile.
const MaxLength = 10_000

// MaxNesting is the most brackets (parentheses, list brackets) a formula
// may nest. Real formulas nest a handful; the limit gives a clear message
// long before the recursion of the steps after the lexer costs anything.
const MaxNesting = 100

// checkLimits reports a formula longer than MaxLength, or whose brackets nest
// deeper than MaxNesting, before expr parses it. ok is false if it did.
func (c *compiler) checkLimits() (tokens []lexer.Token, ok bool) {
	if n := utf8.RuneCountInString(c.f.Text); n > MaxLength {
		c.diags = append(c.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Formula too long",
			Detail:  fmt.Sprintf("This formula has %d characters; a formula may have %d at most. Split it: define traits or KPIs for its parts and refer to them.", n, MaxLength),
			Subject: c.f.Range.Ptr()})
		return nil, false
	}
	tokens, err := lexer.Lex(file.NewSource(c.f.Text))
	if err != nil {
		c.fromExpr(err, "Invalid formula")
		return nil, false
	}
	depth := 0
	for _, t := range tokens {
		if t.Kind != lexer.Bracket {
			continue
		}
		switch t.Value {
		case "(", "[", "{":
			if depth++; depth > MaxNesting {
				c.errorAt(t.Location, "Formula nested too deep", fmt.Sprintf("Brackets here nest %d deep; a formula may nest %d at most. Split it: define traits or KPIs for its parts and refer to them.", depth, MaxNesting))
				return nil, false
			}
		default:
			depth--
		}
	}
	return tokens, true
}

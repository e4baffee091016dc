package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// MaxFileBytes is the largest definitions file omni reads (1 MiB). HCL's
// parser recurses once per nested expression, so the size also bounds how
// deep it goes; real projects' files are a few kilobytes.
const MaxFileBytes = 1 << 20

// MaxNesting is the deepest that brackets, strings and interpolations may
// nest in a definitions file. HCL's parser recurses once per level, and a
// file under MaxFileBytes could otherwise nest deep enough to overflow Go's
// stack; real files nest a few levels (formulas are strings, with limits of
// their own).
const MaxNesting = 1000

// MaxDefinitions is the most named blocks (sources, traits, KPIs, ...) a
// project may declare: generous for any real project, and a bound on the
// cost of validating one.
const MaxDefinitions = 10_000

// checkFile reports a file larger than MaxFileBytes or nested deeper than
// MaxNesting, which is then not parsed.
func checkFile(name string, src []byte) *hcl.Diagnostic {
	if len(src) <= MaxFileBytes {
		return nestingAt(name, src)
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "File too large",
		Detail:  fmt.Sprintf("%s has %d bytes; a definitions file may have %d at most. Split it into several files.", name, len(src), MaxFileBytes),
		Subject: &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}}
}

// nestingAt reports the first token of a file at which its nesting passes
// MaxNesting, from HCL's lexer, which does not recurse. A file that does not
// lex is left to the parser to report.
func nestingAt(name string, src []byte) *hcl.Diagnostic {
	tokens, diags := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	depth := 0
	for _, t := range tokens {
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			depth--
		}
		if depth > MaxNesting {
			return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Nested too deep",
				Detail:  fmt.Sprintf("Brackets, strings and interpolations nest %d deep here; a definitions file may nest %d at most.", depth, MaxNesting),
				Subject: t.Range.Ptr()}
		}
	}
	return nil
}

// tooManyDefinitions reports the block past MaxDefinitions, once; the
// blocks after it are not decoded.
func (l *loader) tooManyDefinitions(block *hcl.Block) *hcl.Diagnostic {
	if len(l.declared) < MaxDefinitions {
		return nil
	}
	l.full = true
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Too many definitions",
		Detail:  fmt.Sprintf("A project may declare %d blocks at most; this one is past the limit. Split the project.", MaxDefinitions),
		Subject: block.DefRange.Ptr()}
}

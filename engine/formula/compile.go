package formula

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/expr-lang/expr/types"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/dsl"
)

// Compile parses, type-checks and lowers a formula to SQL in the given
// scope, where it must evaluate to what want says. Every problem is
// reported as a diagnostic at the formula's exact characters.
func Compile(f *dsl.Formula, scope Scope, want Want, env Env) (*Compiled, hcl.Diagnostics) {
	c := &compiler{f: f, scope: scope, want: want, env: env}
	tokens, ok := c.checkLimits()
	if !ok {
		return nil, c.diags
	}
	if c.rejectTokens(tokens); c.diags.HasErrors() {
		return nil, c.diags
	}
	cfg := newConfig()
	tree, err := parser.ParseWithConfig(f.Text, cfg)
	if err != nil {
		return nil, c.explain(err, "Invalid formula")
	}
	symbols := c.resolve(&tree.Node)
	if c.diags.HasErrors() {
		return nil, c.diags
	}
	envTypes := types.Map{}
	for name, s := range symbols {
		envTypes[name] = types.Any // a definition that failed: its errors are reported already
		if s.Type != builtins.Any {
			envTypes[name] = types.TypeOf(reflect.Zero(s.Type.Go()).Interface())
		}
	}
	cfg.WithEnv(envTypes)
	if _, err := checker.Check(tree, cfg); err != nil {
		return nil, c.explain(err, "Type error in formula")
	}
	c.symbols = symbols
	v := c.lower(tree.Node)
	if c.diags.HasErrors() {
		return nil, c.diags
	}
	c.checkResult(v)
	if c.diags.HasErrors() {
		return nil, c.diags
	}
	return &Compiled{SQL: v.sql, Type: v.typ, Level: v.level, Grains: v.grains}, c.diags
}

// newConfig is expr's configuration for omni: no expr builtins (each would
// slip through untranslated), and omni's functions with their own checks.
func newConfig() *conf.Config {
	cfg := conf.CreateNew()
	expr.DisableAllBuiltins()(cfg)
	for name := range cfg.Disabled {
		delete(cfg.Builtins, name)
	}
	for _, b := range builtins.All {
		expr.Function(b.Name, notEvaluated)(cfg)
		cfg.Functions[b.Name].Validate = b.Validate
	}
	return cfg
}

// notEvaluated stands for every function's Go body: formulas become SQL.
func notEvaluated(...any) (any, error) { return nil, errors.New("formulas are compiled to SQL") }

// compiler holds the state of one formula's compilation.
type compiler struct {
	f       *dsl.Formula
	tokens  []lexer.Token
	scope   Scope
	want    Want
	env     Env
	symbols map[string]*Symbol
	diags   hcl.Diagnostics
	agg     *aggregation // the aggregate call being lowered, if any
	// comparing and before are the call of a function of an earlier
	// period, or of earlier touchpoints, being lowered, if any.
	comparing, before *builtins.Builtin
	ranking           *builtins.Builtin // the rank call being lowered, if any
}

// rejectTokens reports the parts of expr's syntax that have no SQL meaning
// here, before the parser turns some of them into ordinary-looking calls.
func (c *compiler) rejectTokens(tokens []lexer.Token) {
	c.tokens = tokens // for the hints on SQL habits, should the parse fail
	for _, t := range tokens {
		if t.Kind != lexer.Operator {
			continue
		}
		switch t.Value {
		case "|", "#", "..", ";", "?.", "let":
			c.errorAt(t.Location, "Unsupported syntax", fmt.Sprintf("%q is expr syntax that omni formulas do not support: formulas are compiled to SQL, with the operators and functions of the omni reference.", t.Value))
		}
	}
}

// explain reports the SQL habits that explain an error of expr's parser or
// checker, or else the error itself.
func (c *compiler) explain(err error, summary string) hcl.Diagnostics {
	habits := sqlHabits([]rune(c.f.Text), c.tokens)
	if len(habits) == 0 {
		return c.fromExpr(err, summary)
	}
	for _, h := range habits {
		c.errorAt(h.at, h.summary, h.detail)
	}
	return c.diags
}

// fromExpr turns an error of expr's parser or checker into a diagnostic at
// the characters it names.
func (c *compiler) fromExpr(err error, summary string) hcl.Diagnostics {
	var fe *file.Error
	if errors.As(err, &fe) {
		c.errorAt(fe.Location, summary, c.unexpected(fe))
		return c.diags
	}
	c.diags = append(c.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: err.Error(), Subject: c.f.Range.Ptr()})
	return c.diags
}

func (c *compiler) errorAt(loc file.Location, summary, detail string) {
	rng := c.f.RangeOf(loc.From, loc.To)
	c.diags = append(c.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  &rng,
	})
}

// unexpected rewords expr's "unexpected token" errors in the formula's own
// characters, with what is likely missing; other messages pass as they are.
func (c *compiler) unexpected(fe *file.Error) string {
	token, ok := strings.CutPrefix(fe.Message, "unexpected token ")
	if !ok {
		return sentence(fe.Message)
	}
	text := []rune(c.f.Text)
	switch {
	case token == "EOF":
		return "The formula ends too early: a value is missing after an operator, or a parenthesis is not closed."
	case fe.From < 0 || fe.To > len(text) || fe.From >= fe.To:
		return sentence(fe.Message)
	case token == `Bracket(")")`:
		return "Unexpected \")\" here: it closes no parenthesis. Remove it, or open one before."
	case strings.HasPrefix(token, "Operator") || strings.HasPrefix(token, "Bracket"):
		return fmt.Sprintf("Unexpected %q here: a value is missing before it.", string(text[fe.From:fe.To]))
	}
	return fmt.Sprintf("Unexpected %q here: two values follow each other; join them with an operator (==, and, +…).", string(text[fe.From:fe.To]))
}

// sentence capitalizes a message of expr's and ends it with a period.
func sentence(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

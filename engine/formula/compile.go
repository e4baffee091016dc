package formula

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
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
		return nil, c.fromExpr(err, "Invalid formula")
	}
	symbols := c.resolve(tree.Node)
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
		return nil, c.fromExpr(err, "Type error in formula")
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
	scope   Scope
	want    Want
	env     Env
	symbols map[string]*Symbol
	diags   hcl.Diagnostics
	agg     *aggregation // the aggregate call being lowered, if any
}

// rejectTokens reports the parts of expr's syntax that have no SQL meaning
// here, before the parser turns some of them into ordinary-looking calls.
func (c *compiler) rejectTokens(tokens []lexer.Token) {
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

// resolve looks up every name the formula uses, reporting unknown ones.
func (c *compiler) resolve(root ast.Node) map[string]*Symbol {
	values, callees := names(root)
	for _, node := range callees {
		if builtins.Lookup(node.Value) == nil {
			c.errorAt(node.Location(), "Unknown function", fmt.Sprintf("There is no function %q.%s", node.Value, dsl.DidYouMean(node.Value, builtins.Names())))
		}
	}
	symbols := map[string]*Symbol{}
	for _, node := range values {
		if _, done := symbols[node.Value]; done {
			continue
		}
		s, err := c.env.Lookup(node.Value)
		switch {
		case err != nil:
			c.errorAt(node.Location(), "Cannot use "+node.Value, err.Error())
		case s == nil:
			c.errorAt(node.Location(), "Unknown name", fmt.Sprintf("Nothing is named %q here.%s", node.Value, dsl.DidYouMean(node.Value, c.env.Names())))
		default:
			symbols[node.Value] = s
		}
	}
	return symbols
}

// names lists the identifiers of a tree: those that name values, and those
// that name the function of a call.
func names(root ast.Node) (values, callees []*ast.IdentifierNode) {
	var v nameCollector
	ast.Walk(&root, &v)
	isCallee := map[*ast.IdentifierNode]bool{}
	for _, id := range v.callees {
		isCallee[id] = true
	}
	for _, id := range v.all {
		if !isCallee[id] {
			values = append(values, id)
		}
	}
	return values, v.callees
}

type nameCollector struct{ all, callees []*ast.IdentifierNode }

func (v *nameCollector) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		v.all = append(v.all, n)
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			v.callees = append(v.callees, id)
		}
	}
}

// fromExpr turns an error of expr's parser or checker into a diagnostic at
// the characters it names.
func (c *compiler) fromExpr(err error, summary string) hcl.Diagnostics {
	var fe *file.Error
	if errors.As(err, &fe) {
		c.errorAt(fe.Location, summary, sentence(fe.Message))
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

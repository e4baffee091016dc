package engine_test

// The arrows between omni's packages stay one-way: the rules below are
// checked against what `go list -deps` says the packages link, and the
// engine's, dsl's and builtins' sources are scanned for writes to a
// terminal, which only the command line does.

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/omni-metrics/omni"

// layoutRule says that the packages matching a pattern, but for the
// exceptions, may not depend, directly or not, on what another matches.
// Patterns are import paths relative to the module ("dsl/...": dsl and
// below it) or, with a dot in their first element, paths of other modules.
type layoutRule struct {
	packages string
	except   []string
	mayNot   string
	why      string
}

// pureGo are the engine's packages that do not link DuckDB: they run under
// the race detector (the Makefile's PURE_GO), and a scorecard can be read,
// viewed and diffed without a database.
var pureGo = []string{
	"dsl/...", "builtins/...", "engine/scorecard/...", "engine/report/...", "engine/review/...",
	"engine/attribution/...", "engine/loyalty/...", "engine/objective/...", "engine/period/...", "engine/experiment/...",
}

var layoutRules = append([]layoutRule{
	{packages: "dsl/...", mayNot: "engine/...", why: "dsl holds the definitions as written; the engine reads them, never the other way"},
	{packages: "builtins/...", mayNot: "engine/...", why: "builtins is data that dsl and the engine read"},
	{packages: "engine/...", except: []string{"engine", "engine/deftest", "engine/longproject"}, mayNot: "engine",
		why: "a capability package never imports the engine's root: the root composes them (deftest drives the engine, longproject is a test project for it)"},
}, duckDBFree(pureGo)...)

func duckDBFree(patterns []string) []layoutRule {
	var out []layoutRule
	for _, p := range patterns {
		out = append(out, layoutRule{packages: p, mayNot: "github.com/duckdb/...", why: "it does not link DuckDB"})
	}
	return out
}

// terminalFree are the packages that never write to a terminal: only the
// command line knows there is one.
var terminalFree = []string{"engine/...", "dsl/...", "builtins/..."}

// listedPackage is what `go list -json` says of a package that matters here.
type listedPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Deps       []string
}

func TestLayout(t *testing.T) {
	pkgs := listModule(t)
	for _, v := range layoutViolations(pkgs, layoutRules) {
		t.Error(v)
	}
	for _, p := range pkgs {
		if !matchAny(strings.TrimPrefix(p.ImportPath, module+"/"), terminalFree) {
			continue
		}
		for _, f := range p.GoFiles {
			path := filepath.Join(p.Dir, f)
			writes, err := terminalWrites(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range writes {
				t.Errorf("%s: %s writes to the terminal; only the command line (cmd/omni/cli) does", w, p.ImportPath)
			}
		}
	}
}

// TestLayoutViolations: the check finds a wrong import in each rule's
// kind, and lets the exceptions and the allowed arrows pass.
func TestLayoutViolations(t *testing.T) {
	pkg := func(path string, deps ...string) listedPackage {
		return listedPackage{ImportPath: module + "/" + path, Deps: deps}
	}
	for _, c := range []struct {
		name string
		pkg  listedPackage
		want string // a part of the only violation; "" for none
	}{
		{"dsl imports the engine", pkg("dsl", "fmt", module+"/engine/formula"), "dsl may not depend on engine/formula"},
		{"builtins imports the engine's root", pkg("builtins", module+"/engine"), "builtins may not depend on engine"},
		{"report links DuckDB", pkg("engine/report", module+"/engine/scorecard", "github.com/duckdb/duckdb-go/v2"), "engine/report may not depend on github.com/duckdb/duckdb-go/v2"},
		{"objective imports the engine's root", pkg("engine/objective", module+"/engine"), "engine/objective may not depend on engine"},
		{"a new capability imports the root", pkg("engine/newthing", module+"/engine"), "engine/newthing may not depend on engine"},
		{"the root links DuckDB", pkg("engine", "github.com/duckdb/duckdb-go/v2", module+"/engine/formula"), ""},
		{"deftest drives the engine", pkg("engine/deftest", module+"/engine"), ""},
		{"report reads scorecards", pkg("engine/report", module+"/engine/scorecard", module+"/dsl"), ""},
		{"a prefix is not a package", pkg("dsl", module+"/enginex"), ""},
	} {
		got := layoutViolations([]listedPackage{c.pkg}, layoutRules)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: violations %q, want none", c.name, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%s: violations %q, want one with %q", c.name, got, c.want)
		}
	}
}

// TestTerminalWrites: the scan finds os.Stdout and os.Stderr under any
// name of the os package, and nothing else.
func TestTerminalWrites(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      int
	}{
		{"stdout", "package p\nimport \"os\"\nvar w = os.Stdout", 1},
		{"renamed", "package p\nimport sys \"os\"\nfunc f() { sys.Stderr.WriteString(\"x\"); sys.Stdout.Sync() }", 2},
		{"a file", "package p\nimport \"os\"\nfunc f() { os.Create(\"x\") }", 0},
		{"another os", "package p\nimport os \"example.com/os\"\nvar w = os.Stdout", 0},
	} {
		got, err := terminalWrites("p.go", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("%s: %q, want %d", c.name, got, c.want)
		}
	}
}

// listModule lists the module's packages and what they link.
func listModule(t *testing.T) []listedPackage {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go tool is not on PATH: the layout cannot be listed")
	}
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Dir,GoFiles,Deps", "./...")
	cmd.Dir = ".."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []listedPackage
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(p.ImportPath, module+"/") || p.ImportPath == module {
			pkgs = append(pkgs, p)
		}
	}
	if len(pkgs) == 0 {
		t.Fatal("go list gave no package of the module")
	}
	return pkgs
}

// layoutViolations says which packages depend on what a rule forbids them.
func layoutViolations(pkgs []listedPackage, rules []layoutRule) []string {
	var out []string
	for _, p := range pkgs {
		path := strings.TrimPrefix(p.ImportPath, module+"/")
		for _, r := range rules {
			if !match(path, r.packages) || slices.Contains(r.except, path) {
				continue
			}
			for _, dep := range p.Deps {
				if d, ok := strings.CutPrefix(dep, module+"/"); ok {
					dep = d
				}
				if match(dep, r.mayNot) {
					out = append(out, path+" may not depend on "+dep+": "+r.why)
				}
			}
		}
	}
	return out
}

// match reports whether a path matches a pattern: itself, or anything
// below it when the pattern ends in "/...".
func match(path, pattern string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	return path == pattern
}

func matchAny(path string, patterns []string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return match(path, p) })
}

// terminalWrites lists the places of a Go file (read from src, or from the
// file when src is nil) that name os.Stdout or os.Stderr.
func terminalWrites(file string, src []byte) ([]string, error) {
	fset := token.NewFileSet()
	var source any
	if src != nil {
		source = src
	}
	f, err := parser.ParseFile(fset, file, source, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var osName string
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "os" {
			osName = "os"
			if imp.Name != nil {
				osName = imp.Name.Name
			}
		}
	}
	if osName == "" {
		return nil, nil
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); ok && x.Name == osName && (sel.Sel.Name == "Stdout" || sel.Sel.Name == "Stderr") {
			out = append(out, fset.Position(sel.Pos()).String()+": "+osName+"."+sel.Sel.Name)
		}
		return true
	})
	return out, nil
}

package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// compileWithDiagnostics binds a loaded project to its data and compiles
// it, returning all that Compile reports; a project that does not bind
// fails the test. The session closes when the test ends. Test projects
// share data with the projects beside them: the folder above the project
// is allowed too.
func compileWithDiagnostics(t *testing.T, p *dsl.Project) (*engine.Compiled, hcl.Diagnostics) {
	t.Helper()
	s, diags := engine.Bind(context.Background(), p, siblingsAllowed(p))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	t.Cleanup(s.Close)
	return engine.Compile(s)
}

// compileProject compiles a project that must compile without error.
func compileProject(t *testing.T, p *dsl.Project) *engine.Compiled {
	t.Helper()
	c, diags := compileWithDiagnostics(t, p)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c
}

// siblingsAllowed are the options of the tests' sessions: the folder above
// the project allowed besides the project's.
func siblingsAllowed(p *dsl.Project) engine.Options {
	return engine.Options{Threads: 2, MemoryLimit: "1GB", DataDirs: []string{filepath.Dir(p.Dir)}}
}

// compileDir loads, binds and compiles a project folder.
func compileDir(t *testing.T, dir string) *engine.Compiled {
	t.Helper()
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return compileProject(t, p)
}

// bindDiagnostics loads and binds a project folder whose definitions are
// valid, and returns what binding reports.
func bindDiagnostics(t *testing.T, dir string) hcl.Diagnostics {
	t.Helper()
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1})
	if s != nil {
		s.Close()
	}
	return diags
}

// runProject loads, binds, compiles and runs every scorecard of a folder.
func runProject(t *testing.T, dir string) []*scorecard.Scorecard {
	t.Helper()
	c := compileDir(t, dir)
	var cards []*scorecard.Scorecard
	for _, plan := range c.Plans {
		sc, err := c.Run(context.Background(), plan)
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, sc)
	}
	return cards
}

// tinyWith copies testdata/tiny into a temporary folder, with text added
// at the end of files by name (a file it does not have is created), and
// returns the folder.
func tinyWith(t *testing.T, added map[string]string) string {
	t.Helper()
	return projectWith(t, tinyDir, added)
}

// projectWith copies a project's folder into a temporary one, with text
// added at the end of files by name (a file it does not have is created),
// and returns the folder.
func projectWith(t *testing.T, from string, added map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range added {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

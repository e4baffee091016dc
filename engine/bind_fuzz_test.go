package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// FuzzBindSource binds a source whose path and customer column come from
// the fuzzer, in a project beside a folder of secrets. Property: Bind
// never panics, a session reads only files inside the project, and no
// diagnostic shows a secret.
func FuzzBindSource(f *testing.F) {
	for _, seed := range []struct{ path, column string }{
		{"tp.csv", "id"}, {"../outside/secret.csv", "token"}, {"/etc/passwd", "root"},
		{"linked/secret.csv", "id"}, {"*.csv", "id"}, {"s3://bucket/x.csv", "id"}, {"md:", "id"},
		{"tp.csv\x00", "i\"d"}, {"data/../../outside/*", "id"}, {"[", "\n"}, {"C:\\tp.csv", "'; DROP TABLE x; --"},
	} {
		f.Add(seed.path, seed.column)
	}
	root := f.TempDir()
	project := filepath.Join(root, "project")
	for name, text := range map[string]string{
		"outside/secret.csv": "id,ts,token\nA,2026-01-05,hunter2\n",
		"project/tp.csv":     "id,ts\nA,2026-01-05\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "outside"), filepath.Join(project, "linked")); err != nil {
		f.Skip("no symbolic links here:", err)
	}
	real, err := filepath.EvalSymlinks(project)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, path, column string) {
		p := &dsl.Project{Dir: project, Sources: []*dsl.Source{{Name: "touchpoints", Role: dsl.RoleTouchpoints,
			Path: dsl.Text{Value: path}, Format: dsl.Text{Value: "csv"},
			Customer: dsl.Text{Value: column}, Time: dsl.Text{Value: "ts"}}}}
		s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1, MemoryLimit: "256MB"})
		for _, d := range diags {
			if strings.Contains(d.Detail, "hunter2") || strings.Contains(d.Summary, "hunter2") {
				t.Fatalf("a diagnostic shows a secret: %s: %s", d.Summary, d.Detail)
			}
		}
		if s == nil {
			if !diags.HasErrors() {
				t.Fatal("no session and no error")
			}
			return
		}
		defer s.Close()
		for _, file := range s.Schema.Touchpoints.Files {
			if !strings.HasPrefix(file, real+string(filepath.Separator)) {
				t.Fatalf("path %q read %s, outside the project %s", path, file, real)
			}
		}
	})
}

const csvProject = `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
kpi "rows" { formula = "count()" }
`

// FuzzBindCSV binds a touchpoints source over CSV bytes from the fuzzer
// and, when it binds, runs a count of its rows. Property: an error or a
// scorecard, never a panic; an error of the run is one line of plain
// text.
func FuzzBindCSV(f *testing.F) {
	for _, seed := range []string{
		"id,ts\nA,2026-01-05\n", "", "id,ts\n", "id,ts\nA\xff,2026-01-05\n", "id,ts\nA,2026-01-05,extra\n",
		"id,ts\n\"A\n,2026-01-05\n", "id;ts\nA;2026-01-05\n", "id,ts,id\nA,2026-01-05,B\n", "\xef\xbb\xbfid,ts\r\nA,2026-01-05\r\n",
		"id,ts\nA,not a date\n", "id,ts\n,\n,\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "tp.csv"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, diags := dsl.Load(map[string][]byte{"omni.hcl": []byte(csvProject)})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		p.Dir = dir
		s, diags := engine.Bind(context.Background(), p, engine.Options{Threads: 1, MemoryLimit: "256MB"})
		if s == nil {
			if !diags.HasErrors() {
				t.Fatal("no session and no error")
			}
			return
		}
		defer s.Close()
		c, diags := engine.Compile(s)
		if diags.HasErrors() {
			return
		}
		if _, err := c.Run(context.Background(), c.Plans[0]); err != nil && strings.ContainsAny(err.Error(), "\n\x1b") {
			t.Fatalf("an error of more than one line of text: %q", err)
		}
	})
}

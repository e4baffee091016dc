package main

// go.mod says which modules omni imports itself: this test fails when a
// module that omni's packages (or their tests) import is marked
// "// indirect", or when one marked direct is imported by none — what
// `go mod tidy` would change in the markers. (tidy itself is not run: it
// would fetch DuckDB's libraries for every platform.)

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestGoModMarksDirectDependencies(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	root := filepath.Join("..", "..")
	declared := requirements(t, filepath.Join(root, "go.mod"))
	imported := importedModules(t, root)
	for mod := range imported {
		if direct, ok := declared[mod]; ok && !direct {
			t.Errorf("go.mod marks %s // indirect, yet omni imports it: move it to the first require block", mod)
		}
	}
	for mod, direct := range declared {
		if direct && !imported[mod] {
			t.Errorf("go.mod requires %s directly, yet no package of omni imports it: mark it // indirect or drop it", mod)
		}
	}
}

// requirements reads go.mod's require lines: module path → direct.
func requirements(t *testing.T, gomod string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	reqs := map[string]bool{}
	inBlock := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "require (":
			inBlock = true
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case strings.HasPrefix(line, "require "):
			line = strings.TrimPrefix(line, "require ")
		case !inBlock:
			continue
		}
		if fields := strings.Fields(line); len(fields) >= 2 {
			reqs[fields[0]] = !strings.Contains(line, "// indirect")
		}
	}
	if len(reqs) == 0 {
		t.Fatalf("no require line read from %s", gomod)
	}
	return reqs
}

// importedModules lists the modules of the packages that omni's own
// packages and tests import.
func importedModules(t *testing.T, root string) map[string]bool {
	t.Helper()
	own := goList(t, root, "-f", `{{join .Imports "\n"}}{{"\n"}}{{join .TestImports "\n"}}{{"\n"}}{{join .XTestImports "\n"}}`, "./...")
	var external []string
	for _, p := range strings.Fields(own) {
		if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") && !strings.HasPrefix(p, "github.com/omni-metrics/omni") {
			external = append(external, p)
		}
	}
	slices.Sort(external)
	mods := map[string]bool{}
	if len(external) == 0 {
		return mods
	}
	out := goList(t, root, append([]string{"-f", "{{with .Module}}{{.Path}}{{end}}"}, slices.Compact(external)...)...)
	for _, m := range strings.Fields(out) {
		mods[m] = true
	}
	return mods
}

func goList(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	return string(out)
}

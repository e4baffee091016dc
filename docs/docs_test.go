// Package docs_test keeps the documentation's HCL honest: the ```hcl blocks
// of each page, put together after the project of the language page's first
// example (which the other pages build on), form a project that `omni
// validate` and `omni test` accept against the pharma example's data, so that
// an example a reader copies is never one that fails. The README stands alone.
package docs_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/omni-metrics/omni/cmd/omni/cli"
)

// hclBlock is the body of a fenced ```hcl block.
var hclBlock = regexp.MustCompile("(?ms)^```hcl\n(.*?)^```")

// data is the folder whose files the documentation's sources name.
const data = "../examples/pharma/data"

func TestHCLExamplesValidate(t *testing.T) {
	pages, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	base := hclBlock.FindSubmatch(readFile(t, "language.md"))
	if base == nil {
		t.Fatal("language.md has no HCL example to build the other pages on")
	}
	pages = append(pages, "../README.md")
	checked := 0
	for _, page := range pages {
		blocks := hclBlock.FindAllSubmatch(readFile(t, page), -1)
		if len(blocks) == 0 {
			continue
		}
		if page != "language.md" && page != "../README.md" {
			blocks = append([][][]byte{base}, blocks...)
		}
		checked++
		t.Run(filepath.Base(page), func(t *testing.T) {
			dir := projectOf(t, blocks)
			for _, command := range []string{"validate", "test"} {
				var stdout, stderr bytes.Buffer
				if code := cli.Run([]string{command, dir}, nil, &stdout, &stderr); code != 0 {
					t.Errorf("omni %s fails on the HCL examples of %s (exit %d):\n%s%s", command, page, code, stdout.String(), stderr.String())
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no page has an HCL example: the glob or the fence pattern is wrong")
	}
}

// projectOf writes the blocks as one project, numbered files in page order,
// beside a copy of the example data.
func projectOf(t *testing.T, blocks [][][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for i, b := range blocks {
		name := filepath.Join(dir, fmt.Sprintf("%03d.hcl", i))
		if err := os.WriteFile(name, b[1], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyDir(t, data, filepath.Join(dir, "data"))
	return dir
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

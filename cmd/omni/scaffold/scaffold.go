// Package scaffold holds the project omni init writes: a small working
// project — definitions, sample data, tests — and a GitHub Actions workflow
// that checks every pull request.
package scaffold

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

//go:embed all:template
var template embed.FS

// placeholder stands for the project's name in the template's files.
const placeholder = "PROJECT_NAME"

// Write writes the project into dir, which must be empty or not exist, and
// returns the files written, relative to dir. The project is named after
// the folder.
func Write(dir string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: omni init writes a new project into an empty folder", dir)
	}
	name := ProjectName(dir)
	var written []string
	err := fs.WalkDir(template, "template", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := template.ReadFile(path)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(path, "template/")
		to := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		written = append(written, rel)
		return os.WriteFile(to, []byte(strings.ReplaceAll(string(b), placeholder, name)), 0o644)
	})
	return written, err
}

var notIdentifier = regexp.MustCompile(`[^a-z0-9_]+`)

// ProjectName makes a project name from a folder's: lower case, other
// characters than letters, digits and underscores replaced.
func ProjectName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	name := strings.Trim(notIdentifier.ReplaceAllString(strings.ToLower(filepath.Base(abs)), "_"), "_")
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "project_" + name
	}
	return strings.TrimSuffix(name, "_")
}

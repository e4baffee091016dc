package engine

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// A confinement is where a project's definitions may read data: the project
// folder and the data folders the user allows, nothing else. Definitions
// come from pull requests, so every path they name is hostile until it is
// shown to lead inside.
type confinement struct {
	project string   // the project folder as given, which relative paths start from
	named   []string // the folders as given, made absolute
	real    []string // the same folders with their symbolic links followed
}

// confine resolves the project folder and the allowed data folders. A data
// folder that does not exist is an error: a mistyped --data-dir must not
// pass unnoticed.
func confine(project string, dataDirs []string) (*confinement, error) {
	c := &confinement{project: cmp.Or(project, ".")}
	for _, dir := range append([]string{c.project}, dataDirs...) {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		real, err := filepath.EvalSymlinks(abs)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("The folder %s does not exist", dir)
		}
		if err != nil {
			return nil, fmt.Errorf("The folder %s cannot be read: %w", dir, err)
		}
		c.named, c.real = append(c.named, abs), append(c.real, real)
	}
	return c, nil
}

// dirs are the allowed folders with their links followed, for DuckDB's
// allowed_directories.
func (c *confinement) dirs() []string { return c.real }

// remote matches a path that starts with a URL scheme or a DuckDB prefix
// (http://, s3://, md:): two letters at least, so that C:\ stays a path.
var remote = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]+:`)

// files resolves a path a definition names (relative to the project folder,
// perhaps a glob) to the files it matches, sorted, each with its links
// followed. A path that leads outside the allowed folders, by .., by an
// absolute path or through a link, is an error at the attribute; so is a
// URL. Nothing outside is ever opened: the path is checked as written
// before the file system is asked about it.
func (c *confinement) files(path dsl.Text, what string) ([]string, hcl.Diagnostics) {
	at := &path.Range
	if scheme := remote.FindString(path.Value); scheme != "" {
		return nil, errorDiag("Not a local file", fmt.Sprintf("The %s %q starts with %q, a URL or remote location; omni reads local files only, inside the project folder. Copy the data into the project and name it by its path.", what, path.Value, scheme), at)
	}
	if strings.ContainsRune(path.Value, 0) {
		return nil, errorDiag("Invalid path", fmt.Sprintf("The %s %q holds a NUL character, which no file name has.", what, path.Value), at)
	}
	pattern := path.Value
	if !filepath.IsAbs(pattern) {
		pattern = filepath.Join(c.project, pattern)
	}
	pattern, err := filepath.Abs(pattern)
	if err != nil || !inside(pattern, c.named) && !inside(pattern, c.real) {
		return nil, c.outside(path, what, "")
	}
	matches, err := filepath.Glob(pattern)
	if err != nil || len(matches) == 0 {
		return nil, errorDiag("No data file", fmt.Sprintf("No file matches the %s %q (%s). Paths are relative to the project folder.", what, path.Value, pattern), at)
	}
	files := make([]string, len(matches))
	for i, m := range matches {
		real, err := filepath.EvalSymlinks(m)
		if err != nil {
			return nil, errorDiag("Cannot read data file", fmt.Sprintf("The %s %q matches %s, which cannot be followed: %v.", what, path.Value, m, err), at)
		}
		if !inside(real, c.real) {
			return nil, c.outside(path, what, fmt.Sprintf(" %s leads through a symbolic link to %s.", m, real))
		}
		files[i] = real
	}
	sort.Strings(files)
	return files, nil
}

// outside is the error of a path that leads out of the allowed folders.
func (c *confinement) outside(path dsl.Text, what, how string) hcl.Diagnostics {
	return errorDiag("Data outside the project", fmt.Sprintf("The %s %q leads outside the project folder (%s).%s omni reads data only inside the project folder and the folders allowed with --data-dir (or OMNI_DATA_DIRS); move the data there, or allow its folder.", what, path.Value, c.project, how), &path.Range)
}

// inside reports whether an absolute, clean path is one of the folders or
// lies under one.
func inside(path string, dirs []string) bool {
	for _, dir := range dirs {
		rel, err := filepath.Rel(dir, path)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

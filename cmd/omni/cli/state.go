package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/cmd/omni/outdir"
	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/review"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// stateFile is where omni run records the definitions it computed, beside
// the scorecards, for omni plan to compare with.
const stateFile = "omni.state.json"

// writeState records the snapshot of a compiled project in the set of outputs.
func writeState(set *outdir.Set, cp *compiledProject) error {
	return set.Write(stateFile, func(w io.Writer) error {
		return review.WriteState(w, review.Take(cp.project, cp.compiled))
	})
}

// outDir is where omni run writes a project's outputs unless --out says
// otherwise: out inside the project folder, as dbt's target/.
func outDir(project string) string { return filepath.Join(project, "out") }

// readStateFile reads a state file omni run wrote.
func readStateFile(path string) (*review.Snapshot, error) { return readFile(path, review.ReadState) }

// readScorecardFile reads a scorecard omni run wrote.
func readScorecardFile(path string) (*scorecard.Scorecard, error) {
	return readFile(path, scorecard.ReadJSON)
}

// readFile opens a file and reads it with read; errors name the file.
func readFile[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// snapshotAtRevision compiles the project's *.hcl files as they were at a
// git revision, over today's data, and takes their snapshot. Diagnostics
// name the files revision:path.
func snapshotAtRevision(ctx context.Context, dir, rev string, opts engine.Options) (*review.Snapshot, hcl.Diagnostics, map[string]*hcl.File) {
	fail := func(err error) (*review.Snapshot, hcl.Diagnostics, map[string]*hcl.File) {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read the definitions at " + rev, Detail: err.Error()}}, nil
	}
	list, err := git(ctx, dir, "ls-tree", "--name-only", rev, "--", ".")
	if err != nil {
		return fail(err)
	}
	files := map[string][]byte{}
	for _, name := range strings.Split(strings.TrimSpace(list), "\n") {
		if filepath.Ext(name) != ".hcl" {
			continue
		}
		text, err := git(ctx, dir, "show", rev+":./"+name)
		if err != nil {
			return fail(err)
		}
		files[rev+":"+filepath.Join(dir, name)] = []byte(text)
	}
	if len(files) == 0 {
		return fail(fmt.Errorf("%s holds no *.hcl file at %s", dir, rev))
	}
	p, diags := dsl.Load(files)
	if diags.HasErrors() {
		return nil, diags, p.Files
	}
	p.Dir = dir
	session, d := engine.Bind(ctx, p, opts)
	if diags = append(diags, d...); session == nil {
		return nil, diags, p.Files
	}
	defer session.Close()
	compiled, d := engine.Compile(session)
	if diags = append(diags, d...); diags.HasErrors() {
		return nil, diags, p.Files
	}
	return review.Take(p, compiled), diags, p.Files
}

// git runs a git command in dir and returns its output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
			return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(string(ee.Stderr)))
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}

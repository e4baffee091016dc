package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/review"
)

// changeFlags say what omni plan compares the definitions with.
type changeFlags struct {
	state, scorecard, revision string
	detailed, asJSON, markdown bool
}

// listsPlan says whether omni plan writes what each scorecard computes:
// not when stdout is for a machine or a pull request comment.
func (f *changeFlags) listsPlan() bool { return !f.asJSON && !f.markdown }

func registerChangeFlags(flags *pflag.FlagSet) *changeFlags {
	f := &changeFlags{}
	flags.StringVar(&f.state, "state", "", "compare with this state file (default: out/"+stateFile+" in the project folder)")
	flags.StringVar(&f.scorecard, "against", "", "compare with the fingerprints of a scorecard (KPIs, campaigns, segments and cohorts only)")
	flags.StringVar(&f.revision, "against-git", "", "compare with the definitions at a git revision, such as origin/main")
	flags.BoolVar(&f.detailed, "detailed-exitcode", false, fmt.Sprintf("exit %d when nothing changed, %d when something did or nothing is recorded, %d on errors", exitOK, exitChanges, exitError))
	flags.BoolVar(&f.asJSON, "json", false, "write the changes as JSON, and not the plan")
	flags.BoolVar(&f.markdown, "markdown", false, "write the changes as Markdown, for a pull request comment, and not the plan")
	return f
}

// planChanges compares the compiled project with what the flags name and
// writes the changes; it returns the command's exit code.
func planChanges(ctx context.Context, e *env, dir string, cp *compiledProject, f *changeFlags, opts engine.Options) int {
	recorded, against, code := f.recorded(ctx, e, dir, cp.project.Settings.Name, opts)
	if recorded == nil {
		return code
	}
	var moves []review.Move
	for _, m := range cp.project.Moved {
		moves = append(moves, review.Move{From: m.From.Kind + "." + m.From.Name, To: m.To.Kind + "." + m.To.Name})
	}
	plan := review.PlanChanges(recorded, review.Take(cp.project, cp.compiled), moves)
	switch {
	case f.asJSON:
		writePlanJSON(e, against, plan)
	case f.markdown:
		review.WritePlanMarkdown(e.stdout, plan, against, recorded.Partial)
	default:
		fmt.Fprintln(e.stdout)
		review.WriteChanges(e.stdout, plan, against, recorded.Partial, e.colourOut.mark)
	}
	if f.detailed && !plan.Empty() {
		return exitChanges
	}
	return exitOK
}

// writePlanJSON writes the changes for machines: what they are against
// ("" for nothing), each change and break, and the counts.
func writePlanJSON(e *env, against string, plan *review.Plan) {
	writeJSON(e.stdout, struct {
		Against string `json:"against"`
		*review.Plan
		Add    int `json:"add"`
		Change int `json:"change"`
		Remove int `json:"remove"`
	}{against, plan, plan.Count(review.Add), plan.Count(review.Change), plan.Count(review.Remove)})
}

// recorded reads the snapshot to compare with and says what it is, nil
// with the exit code on failure. With no state of the project recorded, it
// is an empty snapshot: every definition is new, and a CI gate on
// --detailed-exitcode must not pass for want of something to compare with.
func (f *changeFlags) recorded(ctx context.Context, e *env, dir, project string, opts engine.Options) (*review.Snapshot, string, int) {
	set := 0
	for _, s := range []string{f.state, f.scorecard, f.revision} {
		if s != "" {
			set++
		}
	}
	if set > 1 {
		fmt.Fprintln(e.stderr, "omni plan: --state, --against and --against-git name what to compare with: give one.")
		return nil, "", exitUsage
	}
	if f.asJSON && f.markdown {
		fmt.Fprintln(e.stderr, "omni plan: --json and --markdown are two forms of the changes: give one.")
		return nil, "", exitUsage
	}
	switch {
	case f.scorecard != "":
		sc, err := readScorecardFile(f.scorecard)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
			return nil, "", exitError
		}
		return review.FromScorecard(sc), "scorecard " + f.scorecard, exitOK
	case f.revision != "":
		s, diags, files := snapshotAtRevision(ctx, dir, f.revision, opts)
		writeDiagnostics(e.stderr, e.colourErr, diags, files)
		if s == nil {
			fmt.Fprintf(e.stderr, "omni: the definitions at %s do not compile: nothing to compare with.\n", f.revision)
			return nil, "", exitError
		}
		return s, "git revision " + f.revision, exitOK
	}
	path := f.state
	if path == "" {
		path = filepath.Join(outDir(dir), stateFile)
	}
	s, err := readStateFile(path)
	nothing := &review.Snapshot{Project: project}
	switch {
	case errors.Is(err, fs.ErrNotExist) && f.state == "":
		fmt.Fprintf(e.stderr, "omni: no recorded state in %s: every definition is new. omni run records it; or compare with --state, --against or --against-git.\n", path)
		return nothing, "nothing recorded", exitOK
	case err != nil:
		fmt.Fprintf(e.stderr, "omni: %s\n", errorText(err))
		return nil, "", exitError
	}
	if f.state == "" && s.Project != project {
		fmt.Fprintf(e.stderr, "omni: %s records project %q, not %q: every definition is new.\n", path, s.Project, project)
		return nothing, "nothing recorded", exitOK
	}
	return s, "state " + path, exitOK
}

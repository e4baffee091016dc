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
	detailed, asJSON           bool
}

func registerChangeFlags(flags *pflag.FlagSet) *changeFlags {
	f := &changeFlags{}
	flags.StringVar(&f.state, "state", "", "compare with this state file (default: out/"+stateFile+" in the project folder)")
	flags.StringVar(&f.scorecard, "against", "", "compare with the fingerprints of a scorecard (KPIs, campaigns and segments only)")
	flags.StringVar(&f.revision, "against-git", "", "compare with the definitions at a git revision, such as origin/main")
	flags.BoolVar(&f.detailed, "detailed-exitcode", false, fmt.Sprintf("exit %d when nothing changed, %d when something did or nothing is recorded, %d on errors", exitOK, exitChanges, exitError))
	flags.BoolVar(&f.asJSON, "json", false, "write the changes as JSON, and not the plan")
	return f
}

// planChanges compares the compiled project with what the flags name and
// writes the changes; it returns the command's exit code.
func planChanges(ctx context.Context, e *env, dir string, cp *compiledProject, f *changeFlags, opts engine.Options) int {
	recorded, against, code := f.recorded(ctx, e, dir, cp.project.Settings.Name, opts)
	if recorded == nil {
		if code == exitOK && f.asJSON {
			writePlanJSON(e, "", &review.Plan{Changes: []review.PlannedChange{}, Downstream: []review.Break{}})
		}
		return code
	}
	var moves []review.Move
	for _, m := range cp.project.Moved {
		moves = append(moves, review.Move{From: m.From.Kind + "." + m.From.Name, To: m.To.Kind + "." + m.To.Name})
	}
	plan := review.PlanChanges(recorded, review.Take(cp.project, cp.compiled), moves)
	if f.asJSON {
		writePlanJSON(e, against, plan)
	} else {
		fmt.Fprintf(e.stdout, "\nChanges against %s\n", against)
		if recorded.Partial {
			fmt.Fprintln(e.stdout, "  (a scorecard records its KPIs, campaigns and segments: other definitions, and additions, are not compared)")
		}
		fmt.Fprintln(e.stdout)
		review.WritePlan(e.stdout, plan)
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

// recorded reads the snapshot to compare with and says what it is; nil
// with exitOK when there is none, nil with exitError on failure.
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
	switch {
	case f.scorecard != "":
		sc, err := readScorecardFile(f.scorecard)
		if err != nil {
			fmt.Fprintf(e.stderr, "omni: %v\n", err)
			return nil, "", exitError
		}
		return review.FromScorecard(sc), "scorecard " + f.scorecard, exitOK
	case f.revision != "":
		s, diags, files := snapshotAtRevision(ctx, dir, f.revision, opts)
		writeDiagnostics(e.stderr, diags, files)
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
	switch {
	case errors.Is(err, fs.ErrNotExist) && f.state == "":
		fmt.Fprintf(e.stderr, "omni: no recorded state in %s to compare with: omni run records it; or compare with --state, --against or --against-git.\n", path)
		return nil, "", exitOK
	case err != nil:
		fmt.Fprintf(e.stderr, "omni: %v\n", err)
		return nil, "", exitError
	}
	if f.state == "" && s.Project != project {
		fmt.Fprintf(e.stderr, "omni: %s records project %q, not %q: not compared.\n", path, s.Project, project)
		return nil, "", exitOK
	}
	return s, "state " + path, exitOK
}

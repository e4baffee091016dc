// Package deftest runs the test blocks of a project: unit tests of the
// definitions. Each test runs the real engine on its own fixture data in
// place of the sources, and compares KPI values with those it expects.
package deftest

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/hashicorp/hcl/v2"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// Result is the outcome of one test.
type Result struct {
	Test     *dsl.Test
	Failures []Failure
	// Diags are the problems that kept the test from running: definitions
	// that do not compile over the fixtures' columns, unreadable fixtures.
	Diags hcl.Diagnostics
}

// Passed reports whether the test ran and every value was as expected.
func (r *Result) Passed() bool { return len(r.Failures) == 0 && !r.Diags.HasErrors() }

// Failure is an expected value that the test did not get.
type Failure struct {
	At      hcl.Range // the expectation, kpi.reach = 4
	Message string
}

// Run runs one test of a project: its fixtures bound in place of the
// sources, every KPI computed by the breakdowns its expectations name.
func Run(ctx context.Context, p *dsl.Project, t *dsl.Test, opts engine.Options) *Result {
	r := &Result{Test: t}
	dir, err := os.MkdirTemp("", "omni-test-")
	if err != nil {
		r.Diags = errorDiag("Cannot write the fixtures", err.Error(), t.DeclRange)
		return r
	}
	defer os.RemoveAll(dir)
	q, diags := fixtureProject(p, t, dir)
	if r.Diags = diags; diags.HasErrors() {
		return r
	}
	opts.DataDirs = append(slices.Clip(opts.DataDirs), dir) // the inline rows
	session, diags := engine.Bind(ctx, q, opts)
	if r.Diags = append(r.Diags, diags...); session == nil {
		return r
	}
	defer session.Close()
	compiled, diags := engine.Compile(session)
	if r.Diags = append(r.Diags, diags...); r.Diags.HasErrors() {
		return r
	}
	sc, err := compiled.Run(ctx, compiled.Plans[0])
	if err != nil {
		r.Diags = append(r.Diags, errorDiag("Cannot run the test", err.Error(), t.DeclRange)...)
		return r
	}
	for _, e := range t.Expects {
		r.Failures = append(r.Failures, check(sc, e)...)
	}
	for _, e := range t.AttributionExpects {
		r.Failures = append(r.Failures, checkAttribution(sc, e)...)
	}
	for _, e := range t.LadderExpects {
		r.Failures = append(r.Failures, checkLadder(sc, e)...)
	}
	for _, e := range t.ObjectiveExpects {
		r.Failures = append(r.Failures, checkObjective(sc, e)...)
	}
	return r
}

// fixtureProject is the project as a test sees it: the test's fixtures as
// its only sources (inline rows written to dir as JSON lines); the KPIs it
// expects and the KPIs and traits they use; the segments only when it
// expects values by segment or a KPI is always reported by segment; the
// campaigns it expects values of; the attributions and ladders it expects
// outcomes of (keepOutcomes); the objectives on lifts it expects statuses
// of, with their experiments; one scorecard over the whole data and those
// campaigns. A test thus
// needs rows, and columns, only for what it checks reads.
func fixtureProject(p *dsl.Project, t *dsl.Test, dir string) (*dsl.Project, hcl.Diagnostics) {
	q := *p
	q.Sources, q.Objectives, q.Segments, q.Campaigns = nil, nil, nil, nil
	q.Attributions, q.Ladders, q.Moved, q.Experiments = nil, nil, nil, nil
	card := &dsl.Scorecard{Name: "test", Objectives: []dsl.Ref{}, Experiments: []dsl.Ref{}}
	var expected []string
	campaigns := map[string]bool{}
	for _, o := range expectedObjectives(p, t) {
		q.Objectives = append(q.Objectives, o)
		card.Objectives = append(card.Objectives, dsl.Ref{Kind: "objective", Name: o.Name})
	}
	for _, x := range expectedExperiments(p, t) {
		q.Experiments = append(q.Experiments, x)
		card.Experiments = append(card.Experiments, dsl.Ref{Kind: "experiment", Name: x.Name})
		for _, k := range x.KPIs {
			expected = append(expected, k.Name)
		}
		if x.Segment != nil {
			q.Segments = p.Segments
		}
		if x.Campaign != nil {
			campaigns[x.Campaign.Name] = true
		}
	}
	for _, e := range t.Expects {
		if e.By.Value != "" {
			card.By = append(card.By, dsl.Breakdown{Names: []dsl.Text{e.By}, Range: e.By.Range})
		}
		if e.By.Value == "segment" {
			q.Segments = p.Segments
		}
		if e.Campaign != nil {
			campaigns[e.Campaign.Name] = true
		}
		for _, v := range e.Values {
			expected = append(expected, v.KPI.Name)
		}
	}
	expected = append(expected, keepOutcomes(p, &q, t, card, campaigns)...)
	for _, c := range p.Campaigns {
		if campaigns[c.Name] {
			q.Campaigns = append(q.Campaigns, c)
		}
	}
	q.Scorecards = []*dsl.Scorecard{card}
	q.KPIs, q.Traits = used(p, expected)
	for _, k := range q.KPIs {
		if slices.ContainsFunc(k.By, func(b dsl.Breakdown) bool { return b.Has("segment") }) {
			q.Segments = p.Segments // the KPI is always reported by segment
		}
	}
	for _, f := range t.Fixtures {
		for _, src := range p.Sources {
			if src.Name != f.Source {
				continue
			}
			s := *src
			s.Path, s.Format = f.Path, f.Format
			if f.Rows != nil {
				path := filepath.Join(dir, f.Source+".json")
				if err := writeRows(path, f.Rows); err != nil {
					return nil, errorDiag("Cannot write the fixture rows", err.Error(), f.DeclRange)
				}
				s.Path, s.Format = dsl.Text{Value: path, Range: f.DeclRange}, dsl.Text{Value: "json"}
			}
			q.Sources = append(q.Sources, &s)
		}
	}
	return &q, nil
}

// expectedExperiments are the experiments whose figures a test checks, or
// whose objectives' statuses, in the project's order: the others do not
// run, and need no columns.
func expectedExperiments(p *dsl.Project, t *dsl.Test) []*dsl.Experiment {
	objectives := expectedObjectives(p, t)
	var out []*dsl.Experiment
	for _, x := range p.Experiments {
		if slices.ContainsFunc(t.Expects, func(e *dsl.Expectation) bool { return e.Experiment != nil && e.Experiment.Name == x.Name }) ||
			slices.ContainsFunc(objectives, func(o *dsl.Objective) bool { return o.Experiment.Name == x.Name }) {
			out = append(out, x)
		}
	}
	return out
}

// expectedObjectives are the objectives on lifts whose statuses a test
// checks, in the project's order.
func expectedObjectives(p *dsl.Project, t *dsl.Test) []*dsl.Objective {
	var out []*dsl.Objective
	for _, o := range p.Objectives {
		if o.IsLift() && slices.ContainsFunc(t.ObjectiveExpects, func(e *dsl.ObjectiveExpectation) bool { return e.Objective != nil && e.Objective.Name == o.Name }) {
			out = append(out, o)
		}
	}
	return out
}

// checkObjective compares an objective's status with the one expected.
func checkObjective(sc *scorecard.Scorecard, e *dsl.ObjectiveExpectation) []Failure {
	for _, o := range sc.Objectives {
		if o.Name != e.Objective.Name {
			continue
		}
		if string(o.Status) == e.Status.Value {
			return nil
		}
		msg := fmt.Sprintf("objective %s: status %s, want %s", o.Name, o.Status, e.Status.Value)
		if l := o.Lift; l != nil {
			msg += fmt.Sprintf(" (lift %s %s against the target %s)", o.FormatValue(o.Value, sc.Currency), o.Interval(sc.Currency), o.TargetText)
		}
		return []Failure{{At: e.DeclRange, Message: msg}}
	}
	return []Failure{{At: e.DeclRange, Message: fmt.Sprintf("objective %s was not judged: its experiment or KPI does not compile over the fixtures", e.Objective.Name)}}
}

// used are the KPIs named and the KPIs and traits their formulas use,
// transitively, in the project's order.
func used(p *dsl.Project, names []string) ([]*dsl.KPI, []*dsl.Trait) {
	formulas := map[string]*dsl.Formula{}
	for _, k := range p.KPIs {
		formulas[k.Name] = k.Formula
	}
	for _, t := range p.Traits {
		formulas[t.Name] = t.Formula
	}
	need := map[string]bool{}
	for len(names) > 0 {
		name := names[0]
		names = names[1:]
		if need[name] || formulas[name] == nil {
			continue
		}
		need[name] = true
		tokens, _ := lexer.Lex(file.NewSource(formulas[name].Text))
		for _, tok := range tokens {
			if tok.Kind == lexer.Identifier {
				names = append(names, tok.Value)
			}
		}
	}
	var kpis []*dsl.KPI
	var traits []*dsl.Trait
	for _, k := range p.KPIs {
		if need[k.Name] {
			kpis = append(kpis, k)
		}
	}
	for _, t := range p.Traits {
		if need[t.Name] {
			traits = append(traits, t)
		}
	}
	return kpis, traits
}

// writeRows writes inline rows as JSON lines, which DuckDB reads with
// their types: numbers, strings, booleans, timestamps, lists.
func writeRows(path string, rows []dsl.Row) error {
	var b bytes.Buffer
	for _, row := range rows {
		b.WriteString("{")
		for i, col := range row.Columns {
			name, _ := json.Marshal(col)
			value := []byte("null")
			if v := row.Values[i]; !v.IsNull() {
				var err error
				if value, err = ctyjson.Marshal(v, v.Type()); err != nil {
					return fmt.Errorf("column %s: %w", col, err)
				}
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.Write(name)
			b.WriteString(": ")
			b.Write(value)
		}
		b.WriteString("}\n")
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// check compares the values of one expect block with the scorecard's.
func check(sc *scorecard.Scorecard, e *dsl.Expectation) []Failure {
	var out []Failure
	campaign := ""
	if e.Campaign != nil {
		campaign = e.Campaign.Name
	}
	where := cellText(campaign, e.By.Value, e.Key.Value, e.Period.Value)
	find := func(kpi string) (scorecard.Number, bool) {
		return lookup(sc, kpi, campaign, e.By.Value, e.Key.Value, e.Period.Value)
	}
	if e.Experiment != nil {
		statistic := cmp.Or(e.Statistic.Value, "value")
		where = fmt.Sprintf("experiment %s, variant %s, %s", e.Experiment.Name, e.Variant.Value, statistic)
		find = func(kpi string) (scorecard.Number, bool) {
			return experimentFigure(sc, e.Experiment.Name, e.Variant.Value, kpi, statistic)
		}
	}
	for _, want := range e.Values {
		got, found := find(want.KPI.Name)
		expected := "null"
		if want.Value != nil {
			expected = strconv.FormatFloat(*want.Value, 'g', -1, 64)
		}
		switch {
		case !found:
			out = append(out, Failure{want.Range, fmt.Sprintf("kpi.%s = %s, but the scorecard has no such value (%s)", want.KPI.Name, expected, where)})
		case want.Value == nil && !got.IsNull(),
			want.Value != nil && (got.IsNull() || math.Abs(float64(got)-*want.Value) > e.Tolerance):
			out = append(out, Failure{want.Range, fmt.Sprintf("kpi.%s = %s, got %s (%s)", want.KPI.Name, expected, got, where)})
		}
	}
	return out
}

// lookup finds a value of the scorecard by its cell.
func lookup(sc *scorecard.Scorecard, kpi, campaign, by, key, period string) (scorecard.Number, bool) {
	for _, v := range sc.Values {
		if v.KPI == kpi && v.Campaign == campaign && v.By == by && v.Period == period &&
			(by == "" || v.Key != nil && *v.Key == key) {
			return v.Value, true
		}
	}
	return scorecard.Null, false
}

// experimentFigure finds one figure of an experiment's variant on a KPI,
// by the name its JSON gives it.
func experimentFigure(sc *scorecard.Scorecard, experiment, variant, kpi, statistic string) (scorecard.Number, bool) {
	for _, x := range sc.Experiments {
		for _, r := range x.Results {
			if x.Name != experiment || r.Variant != variant || r.KPI != kpi {
				continue
			}
			return r.Figure(statistic)
		}
	}
	return scorecard.Null, false
}

// cellText says which cell an expectation is about.
func cellText(campaign, by, key, period string) string {
	parts := []string{"whole data"}
	if campaign != "" {
		parts[0] = "campaign " + campaign
	}
	if by != "" {
		parts = append(parts, by+" "+key)
	}
	if period != "" {
		parts = append(parts, "period "+period)
	} else {
		parts = append(parts, "whole window")
	}
	return strings.Join(parts, ", ")
}

func errorDiag(summary, detail string, at hcl.Range) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}}
}

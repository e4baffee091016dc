package cli

import (
	"fmt"
	"io"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// misses reports whether an objective's status fails the gate set by
// --fail-on: at_risk fails at risk and off track, off_track fails off track
// only. An objective that cannot be judged (no data) fails either: a gate
// that cannot tell fails closed. Objectives not started pass.
func misses(s, threshold scorecard.Status) bool {
	switch s {
	case scorecard.OffTrack, scorecard.NoData:
		return true
	case scorecard.AtRisk:
		return threshold == scorecard.AtRisk
	}
	return false
}

// parseFailOn reads --fail-on: "" (no gate), at_risk or off_track.
func parseFailOn(s string) (scorecard.Status, error) {
	switch st := scorecard.Status(s); st {
	case "", scorecard.AtRisk, scorecard.OffTrack:
		return st, nil
	}
	return "", fmt.Errorf("--fail-on takes at_risk or off_track, not %q", s)
}

// gate writes one line per objective that misses, and reports whether any did.
func gate(w io.Writer, cards []*scorecard.Scorecard, threshold scorecard.Status) bool {
	missed := false
	for _, sc := range cards {
		for _, o := range sc.Objectives {
			if !misses(o.Status, threshold) {
				continue
			}
			missed = true
			f := func(n scorecard.Number) string { return scorecard.FormatValue(n, o.Format, sc.Currency) }
			expected := scorecard.FormatValue(o.Expected, o.PaceFormat(), sc.Currency)
			line := fmt.Sprintf("omni: objective %s is %s", o.Name, o.Status.Text())
			if o.Status == scorecard.NoData {
				line += ": its KPI has no value to judge it by"
			} else {
				line += fmt.Sprintf(": %s is %s in %s, %s expected by now on the way from %s to %s by %s",
					o.KPI, f(o.Value), o.Period, expected, f(o.Baseline), f(o.Target), o.Deadline)
			}
			fmt.Fprintf(w, "%s (scorecard %s)\n", line, sc.Name)
		}
	}
	return missed
}

// writeObjectiveWarnings writes what makes objectives doubtful, at the
// objective's block, once per objective even when several scorecards
// report it.
func writeObjectiveWarnings(w io.Writer, cards []*scorecard.Scorecard, p *dsl.Project) {
	where := map[string]string{}
	for _, o := range p.Objectives {
		where[o.Name] = fmt.Sprintf("%s:%d:%d", o.DeclRange.Filename, o.DeclRange.Start.Line, o.DeclRange.Start.Column)
	}
	seen := map[string]bool{}
	for _, sc := range cards {
		for _, o := range sc.Objectives {
			if seen[o.Name] {
				continue
			}
			seen[o.Name] = true
			for _, text := range o.Warnings {
				fmt.Fprintf(w, "%s: warning: objective %s: %s\n", where[o.Name], o.Name, text)
			}
		}
	}
}

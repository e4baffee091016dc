package review

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// FromScorecard is the partial snapshot a scorecard tells: its KPIs, its
// campaigns, its segments and its cohorts, with their fingerprints and the
// presentation attributes it records (label and description; format unless
// it is the default, which a scorecard cannot tell from a format left out).
// A plan against it reports no additions: a scorecard does not tell a new
// definition from one it does not report.
func FromScorecard(sc *scorecard.Scorecard) *Snapshot {
	s := &Snapshot{FormatVersion: StateVersion, Project: sc.Project, Partial: true, Definitions: []Definition{}}
	add := func(kind, name, fingerprint string, values map[string]string) {
		attrs := map[string]cty.Value{}
		for k, v := range values {
			if v != "" {
				attrs[k] = cty.StringVal(v)
			}
		}
		n := renderBlock(kind, []string{name}, attrs)
		d := Definition{Address: kind + "." + name, Fingerprint: fingerprint, Text: n.text, Presentation: map[string]string{}}
		for k := range values {
			if isPresentation(kind, k) {
				d.Presentation[k] = n.attrs[k] // "" when the scorecard has none
			}
		}
		s.Definitions = append(s.Definitions, d)
	}
	for _, k := range sc.KPIs {
		values := map[string]string{"formula": k.Formula, "label": k.Label, "description": k.Description}
		if k.Format != "number" {
			values["format"] = k.Format
		}
		add("kpi", k.Name, k.Fingerprint, values)
	}
	for _, c := range sc.Scopes {
		if c.Campaign != "" {
			add("campaign", c.Campaign, c.Fingerprint, map[string]string{"label": c.Label, "start": c.Start, "end": c.End})
		}
	}
	for _, seg := range sc.Segments {
		add("segment", seg.Name, seg.Fingerprint, map[string]string{"label": seg.Label})
	}
	for _, co := range sc.Cohorts {
		add("cohort", co.Name, co.Fingerprint, map[string]string{"label": co.Label})
	}
	return s
}

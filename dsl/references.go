package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// checkReferences checks what spans blocks: the sources' roles and the
// references from one block to another.
func (p *Project) checkReferences() hcl.Diagnostics {
	diags := p.checkSourceRoles()
	diags = append(diags, p.checkPathSources()...)
	diags = append(diags, p.checkObjectives()...)
	diags = append(diags, p.checkScorecardRefs(names(p.Attributions, func(a *Attribution) string { return a.Name }),
		func(s *Scorecard) []Ref { return s.Attributions })...)
	diags = append(diags, p.checkScorecardRefs(names(p.Ladders, func(y *Loyalty) string { return y.Name }),
		func(s *Scorecard) []Ref { return s.Loyalty })...)
	diags = append(diags, p.checkScorecardRefs(names(p.Experiments, func(e *Experiment) string { return e.Name }),
		func(s *Scorecard) []Ref { return s.Experiments })...)
	sources := names(p.Sources, func(s *Source) string { return s.Name })
	for _, c := range p.Columns {
		for _, r := range c.Sources {
			diags = append(diags, checkRef(r, sources)...)
		}
	}
	kpis := names(p.KPIs, func(k *KPI) string { return k.Name })
	campaigns := names(p.Campaigns, func(c *Campaign) string { return c.Name })
	channels := names(p.Channels, func(c *Channel) string { return c.Name })
	for _, s := range p.Scorecards {
		for _, r := range s.KPIs {
			diags = append(diags, checkRef(r, kpis)...)
		}
		for _, r := range []*Ref{s.Campaign, s.Compare} {
			if r != nil {
				diags = append(diags, checkRef(*r, campaigns)...)
			}
		}
		if s.TopBy != nil {
			diags = append(diags, checkRef(*s.TopBy, kpis)...)
		}
	}
	segments := names(p.Segments, func(s *Segment) string { return s.Name })
	for _, e := range p.Experiments {
		for _, r := range e.KPIs {
			diags = append(diags, checkRef(r, kpis)...)
		}
		for _, r := range []*Ref{e.Segment, e.Campaign} {
			if r != nil {
				diags = append(diags, checkRef(*r, map[string][]string{"segment": segments, "campaign": campaigns}[r.Kind])...)
			}
		}
	}
	for _, c := range p.Campaigns {
		for _, b := range c.Budget {
			if !contains(channels, b.Key.Value) {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Budget for an undeclared channel",
					Detail:   fmt.Sprintf("No channel block is named %q.%s Budgets are per declared channel: add channel %q {} or fix the name.", b.Key.Value, DidYouMean(b.Key.Value, channels), b.Key.Value),
					Subject:  b.Key.Range.Ptr(),
				})
			}
		}
	}
	return diags
}

func (p *Project) checkSourceRoles() hcl.Diagnostics {
	var diags hcl.Diagnostics
	seen := map[SourceRole]*Source{}
	lookups := map[string]*Source{} // by the touchpoint column they look up
	for _, s := range p.Sources {
		if s.Role == 0 || s.Role == RolePaths { // a project may have many path summaries
			continue
		}
		if s.Role == RoleLookup {
			if prev := lookups[s.On.Value]; prev != nil {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Second lookup on one column",
					Detail:   fmt.Sprintf("Source %q looks up the touchpoint column %q, and so does %q (%s). Put their columns in one file: one lookup per touchpoint column.", s.Name, s.On.Value, prev.Name, prev.DeclRange),
					Subject:  s.On.Range.Ptr(),
				})
			}
			lookups[s.On.Value] = s
			continue
		}
		if prev := seen[s.Role]; prev != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("Second %s source", s.Role),
				Detail:   fmt.Sprintf("Source %q is a %s source, and so is %q (%s). A project has one source of each role; a glob in path reads many files as one source.", s.Name, s.Role, prev.Name, prev.DeclRange),
				Subject:  s.DeclRange.Ptr(),
			})
			continue
		}
		seen[s.Role] = s
	}
	if seen[RoleTouchpoints] == nil && len(p.Sources) > 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No touchpoints source",
			Detail:   "Every project needs one source of touchpoints: a source block with customer = \"<column>\" and time = \"<column>\".",
			Subject:  p.Sources[0].DeclRange.Ptr(),
		})
	}
	return diags
}

// checkScorecardRefs checks one kind of the scorecards' references, refs,
// against the names declared of that kind.
func (p *Project) checkScorecardRefs(declared []string, refs func(*Scorecard) []Ref) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, s := range p.Scorecards {
		for _, r := range refs(s) {
			diags = append(diags, checkRef(r, declared)...)
		}
	}
	return diags
}

func checkRef(r Ref, declared []string) hcl.Diagnostics {
	if contains(declared, r.Name) {
		return nil
	}
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Reference to an undeclared " + r.Kind,
		Detail:   fmt.Sprintf("No %s block is named %q.%s", r.Kind, r.Name, DidYouMean(r.Name, declared)),
		Subject:  r.Range.Ptr(),
	}}
}

func names[T any](items []*T, name func(*T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = name(it)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

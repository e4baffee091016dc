package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// This file holds path summaries: a source of paths already aggregated,
// with their conversions and non-conversions (the input of ChannelAttribution
// and of Google's Fractribution), and the attributions that read one
// instead of the touchpoints' journeys.

// DefaultPathSeparator separates the keys of a path when the source names
// no separator: ChannelAttribution's and omni's own paths.
const DefaultPathSeparator = " > "

// PathColumns are the role columns of a path summary: one row per path,
// its keys joined by the separator, first touch first.
type PathColumns struct {
	Column         Text // the column of paths, such as "email > search > display"
	Conversions    Text // the number of journeys along the path that converted
	NonConversions Text // the number that did not; "" for none
	Value          Text // the total value of the path's conversions; "" counts each conversion 1
	Separator      Text // between the keys of a path; "" means DefaultPathSeparator
}

// any reports whether the source sets any of a path summary's attributes.
func (p PathColumns) any() bool {
	return p.Column.Value != "" || p.Conversions.Value != "" || p.NonConversions.Value != "" || p.Value.Value != "" || p.Separator.Range != (hcl.Range{})
}

// SeparatorOrDefault is the separator between the keys of a path.
func (p PathColumns) SeparatorOrDefault() string {
	if p.Separator.Range == (hcl.Range{}) {
		return DefaultPathSeparator
	}
	return p.Separator.Value
}

var pathAttributes = []hcl.AttributeSchema{
	{Name: "paths"}, {Name: "conversions"}, {Name: "non_conversions"}, {Name: "value"}, {Name: "separator"},
}

func decodePathColumns(attrs hcl.Attributes) (PathColumns, hcl.Diagnostics) {
	var p PathColumns
	var diags hcl.Diagnostics
	for _, f := range []struct {
		to   *Text
		attr string
	}{{&p.Column, "paths"}, {&p.Conversions, "conversions"}, {&p.NonConversions, "non_conversions"}, {&p.Value, "value"}, {&p.Separator, "separator"}} {
		t, d := textAttr(attrs[f.attr])
		diags = append(diags, d...)
		*f.to = t
	}
	if attr := attrs["separator"]; attr != nil && !diags.HasErrors() && p.Separator.Value == "" {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Empty separator",
			Detail: fmt.Sprintf("separator is the text between the keys of a path, such as %q; it cannot be empty.", DefaultPathSeparator), Subject: p.Separator.Range.Ptr()})
	}
	return p, diags
}

// checkPathsRole checks that a path summary names its conversions and no
// column of another role.
func (s *Source) checkPathsRole(block *hcl.Block) hcl.Diagnostics {
	detail := ""
	switch {
	case s.Paths.Conversions.Value == "":
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Missing conversions column",
			Detail:  "A path summary (a source with paths = \"<column>\") needs conversions = \"<column>\": the number of journeys along each path that converted.",
			Subject: block.DefRange.Ptr()}}
	case s.Customer.Value != "" || s.Time.Value != "" || s.Channel.Value != "" || s.Key.Value != "" || s.Amount.Value != "" || s.On.Value != "":
		detail = "A path summary (a source with paths) has one row per path, its touches already in order: it takes no customer, time, channel, key, amount or on column."
	default:
		return nil
	}
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Mixed source roles", Detail: detail, Subject: block.DefRange.Ptr()}}
}

// touchpointAttributes are the attributes of an attribution that read the
// touchpoints, which an attribution of a path summary cannot have.
var touchpointAttributes = []string{"conversion", "value", "touch", "key", "by", "lookback", "lookback_days", "after_last_conversion", "spend_window"}

// checkPathSummary checks an attribution's source of paths, or, without
// one, that it names its conversions.
func (a *Attribution) checkPathSummary(attrs hcl.Attributes) hcl.Diagnostics {
	if a.Paths == nil {
		if attrs["conversion"] == nil {
			return missing(a, "conversion", `An attribution shares conversions among the touches before them: add conversion = "<condition>", such as conversion = "event == 'purchase'", or read a path summary with paths = source.<name>.`)
		}
		return nil
	}
	var diags hcl.Diagnostics
	for _, name := range touchpointAttributes {
		if attr := attrs[name]; attr != nil {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Attribute of a touchpoint attribution",
				Detail:  fmt.Sprintf("The attribute %q reads the touchpoints; this attribution reads the path summary %q, whose rows are the paths and their conversions already. Remove it.", name, a.Paths.Name),
				Subject: attr.NameRange.Ptr()})
		}
	}
	if a.Model.Value == "time_decay" {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Time decay without times",
			Detail:  fmt.Sprintf("Model \"time_decay\" weighs a touch by its age, and the path summary %q has no times. Choose another model, or attribute the touchpoints.", a.Paths.Name),
			Subject: a.Model.Range.Ptr()})
	}
	return diags
}

// checkPathSources checks that each attribution's paths name a path
// summary.
func (p *Project) checkPathSources() hcl.Diagnostics {
	var diags hcl.Diagnostics
	var summaries []string
	for _, s := range p.Sources {
		if s.Role == RolePaths {
			summaries = append(summaries, s.Name)
		}
	}
	for _, a := range p.Attributions {
		if a.Paths == nil || contains(summaries, a.Paths.Name) {
			continue
		}
		switch s := p.source(a.Paths.Name); {
		case s == nil:
			diags = append(diags, checkRef(*a.Paths, summaries)...)
		case s.Role != 0: // a source without a role is reported
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Not a path summary",
				Detail:  fmt.Sprintf("Source %q is a %s source; paths names a path summary, a source with paths = \"<column>\" and conversions = \"<column>\".", s.Name, s.Role),
				Subject: a.Paths.Range.Ptr()})
		}
	}
	return diags
}

// PathSummary is the source of paths an attribution reads; nil when it
// reads the touchpoints.
func (p *Project) PathSummary(a *Attribution) *Source {
	if a.Paths == nil {
		return nil
	}
	return p.source(a.Paths.Name)
}

func (p *Project) source(name string) *Source {
	for _, s := range p.Sources {
		if s.Name == name {
			return s
		}
	}
	return nil
}

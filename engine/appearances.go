package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// Appearance is a block that scorecards report beside their KPIs — a
// loyalty ladder, an attribution, an objective, an experiment — with the
// scorecards that report it. A scorecard that names none of a kind
// (loyalty, attribution, objectives, experiments unset) reports every block
// of that kind: those are its defaults.
type Appearance struct {
	Address    string // loyalty.members, attribution.last_touch…
	Scorecards []string
	ByDefault  []string // those of Scorecards that report it as they name none of its kind
	at         hcl.Range
}

// Appearances lists, for each ladder, attribution, objective and experiment
// that a scorecard reports, the scorecards that report it, in the order of
// the definitions.
func (c *Compiled) Appearances() []*Appearance {
	var out []*Appearance
	seen := map[string]*Appearance{}
	add := func(kind, name string, at hcl.Range, p *Plan, chosen []dsl.Ref) {
		a := seen[kind+"."+name]
		if a == nil {
			a = &Appearance{Address: kind + "." + name, at: at}
			seen[a.Address] = a
			out = append(out, a)
		}
		a.Scorecards = append(a.Scorecards, p.Name)
		if p.Def == nil || chosen == nil {
			a.ByDefault = append(a.ByDefault, p.Name)
		}
	}
	for _, p := range c.Plans {
		def := p.Def
		if def == nil {
			def = &dsl.Scorecard{}
		}
		for _, l := range p.Ladders {
			add("loyalty", l.Def.Name, l.Def.DeclRange, p, def.Loyalty)
		}
		if p.Attribution != nil {
			for _, a := range p.Attribution.Attributions {
				add("attribution", a.Def.Name, a.Def.DeclRange, p, def.Attributions)
			}
		}
		if p.Objectives != nil {
			for _, o := range p.Objectives.Objectives {
				add("objective", o.Def.Name, o.Def.DeclRange, p, def.Objectives)
			}
		}
		for _, x := range p.Experiments {
			add("experiment", x.Def.Name, x.Def.DeclRange, p, def.Experiments)
		}
	}
	return out
}

// choosingAttribute is, per kind of block, the scorecard's attribute that
// lists those it reports.
var choosingAttribute = map[string]string{"loyalty": "loyalty", "attribution": "attribution", "objective": "objectives", "experiment": "experiments"}

// warnDefaultAppearances warns of each block that several scorecards
// report only because they name none of its kind: each of them runs its
// query again and repeats it, which is rarely what was meant.
func (c *Compiled) warnDefaultAppearances() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, a := range c.Appearances() {
		if len(a.ByDefault) < 2 {
			continue
		}
		kind, _, _ := strings.Cut(a.Address, ".")
		attr := choosingAttribute[kind]
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Reported by default in several scorecards",
			Detail: fmt.Sprintf("Scorecards %s report %s, as each of them leaves %s unset, which reports every one: each runs its query again and shows it again. Name it in the scorecards it belongs to (%s = [%s]) and write %s = [] in the others.",
				quotedList(a.ByDefault), a.Address, attr, attr, a.Address, attr),
			Subject: a.at.Ptr(),
		})
	}
	return diags
}

// quotedList writes names as "a", "b" and "c".
func quotedList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

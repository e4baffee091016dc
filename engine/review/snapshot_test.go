package review

// A snapshot identifies each definition by its meaning: layout, comments,
// attribute order and the way a constant is written change nothing; a
// changed attribute changes the fingerprint or the presentation, and a
// changed dependency the fingerprint of what refers to it.

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

const original = `
project "shop" {
  currency = "EUR"
  grain    = "month"
}
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
channel "web" {
  label = "Website"
  media = "owned"
}
channel "email" {}
segment "adults" { where = "age >= 18" }
kpi "buyers" {
  label   = "Buyers"
  formula = "count_distinct(customer, event == 'purchase')"
}
campaign "sale" {
  start  = "2026-02-01"
  end    = "2026-02-28"
  budget = { web = 1000, email = 2e3 }
}
objective "more_buyers" {
  kpi      = kpi.buyers
  segment  = segment.adults
  target   = "+5%"
  start    = "2026-01-01"
  deadline = "2026-06-30"
  owner    = "crm"
}
scorecard "review" {
  kpis = [kpi.buyers]
  by   = ["channel"]
}
`

// reformatted is original laid out otherwise, with comments, attributes in
// another order, an escape, a number and map keys written differently.
const reformatted = `
# The shop.
project "shop" {
grain="month"   # monthly
    currency = "EUR"
}
source "touchpoints" {
  time     = "ts"
  customer = "id" /* the key */
  channel  = "channel"
  path     = "tp.csv"
}
channel "web" {
     media = "owned"
  label = "Web\u0073ite"
}
channel "email" {
}
segment "adults" {
  # grown-ups
  where = "age >= 18"
}
kpi "buyers" {
  formula = "count_distinct(customer, event == 'purchase')" // buyers
  label   = "Buyers"
}
campaign "sale" {
  budget = {
    # per channel
    email = 2000
    web   = 1000 # the site
  }
  end    = "2026-02-28"
  start  = "2026-02-01"
}
objective "more_buyers" {
  owner    = "crm"
  deadline = "2026-06-30"
  start    = "2026-01-01"
  target   = "+5%"
  segment  = segment.adults # who
  kpi      = kpi.buyers
}
scorecard "review" {
  by = ["channel"]
  kpis = [
    # the one KPI
    kpi.buyers, # trailing
  ]
}
`

// meanings stands for the engine: the normal form of what it compiles.
type meanings map[string]string

func (m meanings) Meaning(address string) (string, []string, bool) {
	normal, ok := m[address]
	return normal, nil, ok
}

var engineMeanings = meanings{"kpi.buyers": "value = count(DISTINCT customer) FILTER (WHERE event = 'purchase')\n"}

func take(t *testing.T, src string, c Compiler) *Snapshot {
	t.Helper()
	p, diags := dsl.Load(map[string][]byte{"shop.hcl": []byte(src)})
	if diags.HasErrors() {
		t.Fatalf("invalid project: %v", diags)
	}
	return Take(p, c)
}

func TestSnapshotIgnoresLayoutAndComments(t *testing.T) {
	want := take(t, original, engineMeanings)
	got := take(t, reformatted, engineMeanings)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reformatting changed the snapshot (-original +reformatted):\n%s", diff)
	}
	if n := len(want.Definitions); n != 9 {
		t.Errorf("got %d definitions, want 9: %+v", n, want.Definitions)
	}
}

func TestSnapshotSeesChanges(t *testing.T) {
	base := take(t, original, engineMeanings)
	for _, tc := range []struct {
		name, from, to  string
		address         string
		fingerprint     bool // the fingerprint must change
		presentation    bool // the presentation must change
		meaningOverride meanings
	}{
		{name: "channel metadata", from: `media = "owned"`, to: `media = "paid"`, address: "channel.web", fingerprint: true},
		{name: "campaign budget", from: `web = 1000`, to: `web = 1500`, address: "campaign.sale", presentation: true},
		{name: "KPI label", from: `label   = "Buyers"`, to: `label   = "Purchasers"`, address: "kpi.buyers", presentation: true},
		{name: "scorecard breakdown", from: `by   = ["channel"]`, to: `by   = ["segment"]`, address: "scorecard.review", presentation: true},
		{name: "objective target", from: `"+5%"`, to: `"+6%"`, address: "objective.more_buyers", fingerprint: true},
		{name: "objective owner", from: `owner    = "crm"`, to: `owner    = "sales"`, address: "objective.more_buyers", presentation: true},
		{name: "project grain", from: `grain    = "month"`, to: `grain    = "week"`, address: "project", fingerprint: true},
		{name: "source path", from: `"tp.csv"`, to: `"tp2.csv"`, address: "source.touchpoints", presentation: true},
		{name: "a KPI an objective measures", address: "objective.more_buyers", fingerprint: true,
			meaningOverride: meanings{"kpi.buyers": "value = count(*)\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, c := strings.Replace(original, tc.from, tc.to, 1), Compiler(engineMeanings)
			if tc.meaningOverride != nil {
				c = tc.meaningOverride
			}
			if src == original && tc.from != "" {
				t.Fatalf("%q is not in the project", tc.from)
			}
			changed := take(t, src, c)
			before, after := base.Lookup(tc.address), changed.Lookup(tc.address)
			if got := before.Fingerprint != after.Fingerprint; got != tc.fingerprint {
				t.Errorf("fingerprint changed: %v, want %v", got, tc.fingerprint)
			}
			if got := !cmp.Equal(before.Presentation, after.Presentation); got != tc.presentation {
				t.Errorf("presentation changed: %v, want %v (%v → %v)", got, tc.presentation, before.Presentation, after.Presentation)
			}
		})
	}
}

func TestSnapshotFromScorecardMatchesProject(t *testing.T) {
	s := take(t, original, engineMeanings)
	sc := &scorecard.Scorecard{Project: "shop",
		Scopes: []scorecard.Scope{{}, {Campaign: "sale", Start: "2026-02-01", End: "2026-02-28",
			Fingerprint: s.Lookup("campaign.sale").Fingerprint}},
		KPIs: []scorecard.KPI{{Name: "buyers", Label: "Buyers", Format: "number",
			Formula: "count_distinct(customer, event == 'purchase')", Fingerprint: s.Lookup("kpi.buyers").Fingerprint}},
	}
	plan := PlanChanges(FromScorecard(sc), s, nil)
	if !plan.Empty() {
		t.Errorf("a scorecard of the project differs from it: %+v", plan.Changes)
	}
}

package engine_test

// The normal form of a compiled definition, which its fingerprint hashes,
// stays the same however the files are laid out and whatever the order of
// compilation, and changes with anything that changes the values: the
// formula, a KPI or trait it uses, channel metadata it reads, the project's
// grain or time zone, the duplicates a source drops.

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

const tinyDir = "testdata/tiny"

var tinyAddresses = []string{
	"segment.gps", "segment.young", "trait.channels_used", "campaign.spring",
	"kpi.reach", "kpi.prescribers", "kpi.conversion", "kpi.multichannel", "kpi.revenue_total",
	"kpi.roi", "kpi.offline_share",
}

// compileTiny compiles testdata/tiny with its definitions edited by pairs
// of old and new text, and returns the compiled project.
func compileTiny(t *testing.T, edits ...string) *engine.Compiled {
	t.Helper()
	return compileEdited(t, tinyDir, "tiny.hcl", edits...)
}

// compileEdited compiles the project of dir, whose definitions are all in
// file, edited by pairs of old and new text.
func compileEdited(t *testing.T, dir, file string, edits ...string) *engine.Compiled {
	t.Helper()
	src, err := os.ReadFile(dir + "/" + file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for i := 0; i < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("%q is not in %s", edits[i], file)
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	p, diags := dsl.Load(map[string][]byte{dir + "/" + file: []byte(text)})
	if diags.HasErrors() {
		t.Fatalf("%v in\n%s", diags, text)
	}
	p.Dir = dir
	return compileProject(t, p)
}

func meaning(t *testing.T, c *engine.Compiled, address string) string {
	t.Helper()
	normal, _, ok := c.Meaning(address)
	if !ok {
		t.Fatalf("no meaning for %s", address)
	}
	return normal
}

func TestMeaningIgnoresLayout(t *testing.T) {
	base := compileTiny(t)
	comments := regexp.MustCompile(`(?m)^([^#\n].*)$`)
	reformatted := compileTiny(t,
		// A KPI declared first: the shared aggregates are numbered otherwise.
		`kpi "reach" {`, "kpi \"visits\" { formula = \"count(event == 'visit')\" }\nkpi \"reach\" {",
		`"prescribers / reach"`, `"prescribers/reach"`,
		`"count_distinct(customer, channel != 'rx')"`, `"count_distinct( customer,channel!=\"rx\" )"`,
		`kpi "roi" { formula = "(revenue_total - spend()) / spend()" }`,
		"kpi \"roi\" {\n  # return\n  formula = <<EOT\n(revenue_total - spend()) /\n  spend()\nEOT\n}",
		"start = \"2026-04-01\"\n  end   = \"2026-06-30\"", "end = \"2026-06-30\"\n  start = \"2026-04-01\"",
	)
	// And a comment at the end of every line.
	src, _ := os.ReadFile(tinyDir + "/tiny.hcl")
	commented := compileTiny(t, string(src), comments.ReplaceAllString(string(src), "$1 # note"))
	for _, address := range tinyAddresses {
		want := meaning(t, base, address)
		for name, c := range map[string]*engine.Compiled{"reformatted": reformatted, "commented": commented} {
			if got := meaning(t, c, address); got != want {
				t.Errorf("%s: the %s project changed its meaning:\n%s\nwant\n%s", address, name, got, want)
			}
		}
	}
}

func TestMeaningFollowsChanges(t *testing.T) {
	base := compileTiny(t)
	for _, tc := range []struct {
		name     string
		edits    []string
		changed  []string // every other address of tinyAddresses keeps its meaning
		renamed  string   // the address of a renamed definition
		original string   // the address it had
	}{
		{name: "formula", edits: []string{"event == 'prescription'", "event == 'prescription' && revenue > 0"},
			changed: []string{"kpi.prescribers", "kpi.conversion"}},
		{name: "trait", edits: []string{"count_distinct(channel, channel != 'rx')", "count_distinct(channel)"},
			changed: []string{"trait.channels_used", "kpi.multichannel"}},
		{name: "channel metadata", edits: []string{"channel \"rx\" { online = false }", "channel \"rx\" { online = true }"},
			changed: []string{"kpi.offline_share"}},
		{name: "segment", edits: []string{"age < 40", "age < 45"}, changed: []string{"segment.young"}},
		{name: "campaign filter", edits: []string{"event != 'open'", "event != 'visit'"}, changed: []string{"campaign.spring"}},
		{name: "grain", edits: []string{`grain = "quarter"`, `grain = "month"`},
			changed: slices.DeleteFunc(slices.Clone(tinyAddresses), func(a string) bool { return strings.HasPrefix(a, "segment.") })},
		{name: "touchpoints' duplicates dropped", edits: []string{`channel  = "channel"
}`, `channel  = "channel"
  distinct = true
}`}, changed: slices.DeleteFunc(slices.Clone(tinyAddresses), func(a string) bool { return strings.HasPrefix(a, "segment.") })},
		{name: "customers' duplicates dropped", edits: []string{`key  = "id"`, "key  = \"id\"\n  distinct = [\"id\"]"},
			changed: []string{"segment.gps", "segment.young", "trait.channels_used", "kpi.multichannel"}},
		{name: "reference date", edits: []string{`grain = "quarter"`, "grain = \"quarter\"\n  as_of = \"2026-05-31\""},
			changed: slices.DeleteFunc(slices.Clone(tinyAddresses), func(a string) bool { return strings.HasPrefix(a, "segment.") })},
		{name: "rename", edits: []string{`kpi "revenue_total" { formula = "sum(revenue)" }`,
			"kpi \"revenue_sum\" { formula = \"sum(revenue)\" }\nkpi \"revenue_total\" { formula = \"sum(revenue)\" }"},
			renamed: "kpi.revenue_sum", original: "kpi.revenue_total"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := compileTiny(t, tc.edits...)
			for _, address := range tinyAddresses {
				changed := meaning(t, c, address) != meaning(t, base, address)
				if want := slices.Contains(tc.changed, address); changed != want {
					t.Errorf("%s changed: %v, want %v", address, changed, want)
				}
			}
			if tc.renamed != "" && meaning(t, c, tc.renamed) != meaning(t, base, tc.original) {
				t.Errorf("a renamed definition keeps its meaning: %s differs from %s", tc.renamed, tc.original)
			}
		})
	}
}

// A cohort's meaning follows its condition and its period, the project's
// grain when it names none; never its label.
func TestMeaningOfACohort(t *testing.T) {
	const campaign = `campaign "spring" {`
	cohort := func(body string) string {
		c := compileTiny(t, campaign, "cohort \"first_rx\" {\n"+body+"\n}\n"+campaign)
		return meaning(t, c, "cohort.first_rx")
	}
	base := cohort(`when = "event == 'prescription'"`)
	for _, tc := range []struct {
		body    string
		changed bool
	}{
		{"label = \"First prescription\"\nwhen = \"event == 'prescription'\"", false},
		{"when = \"event == 'prescription'\"\nperiod = \"quarter\"", false}, // the project's grain
		{"when = \"event == 'prescription'\"\nperiod = \"month\"", true},
		{`when = "event == 'prescription' && revenue > 0"`, true},
		{`label = "First touchpoint"`, true}, // no condition: any touchpoint
	} {
		if got := cohort(tc.body) != base; got != tc.changed {
			t.Errorf("%s: meaning changed %v, want %v", tc.body, got, tc.changed)
		}
	}
}

// A trait's history changes its meaning and that of what uses it, alone.
func TestMeaningFollowsHistory(t *testing.T) {
	const dir, file = "testdata/history", "history.hcl"
	base, c := compileEdited(t, dir, file), compileEdited(t, dir, file, `history = "365d"`, `history = "730d"`)
	for _, address := range []string{"trait.frequency", "trait.frequency_365", "kpi.total_frequency", "kpi.active_365"} {
		changed := meaning(t, c, address) != meaning(t, base, address)
		if want := strings.HasSuffix(address, "_365"); changed != want {
			t.Errorf("%s changed: %v, want %v", address, changed, want)
		}
	}
}

func TestMeaningUses(t *testing.T) {
	c := compileTiny(t)
	for address, want := range map[string][]string{
		"kpi.conversion":    {"kpi.prescribers", "kpi.reach", "project", "source.touchpoints"},
		"kpi.multichannel":  {"project", "source.customers", "source.touchpoints", "trait.channels_used"},
		"kpi.offline_share": {"channel.email", "channel.rx", "channel.visit", "project", "source.touchpoints"},
		"segment.young":     {"source.customers"},
	} {
		if _, got, _ := c.Meaning(address); !slices.Equal(got, want) {
			t.Errorf("%s uses %v, want %v", address, got, want)
		}
	}
}

func TestScorecardCarriesFingerprints(t *testing.T) {
	c := compileTiny(t)
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range sc.KPIs {
		if len(k.Fingerprint) != 12 {
			t.Errorf("KPI %s has fingerprint %q", k.Name, k.Fingerprint)
		}
		if got := k.Proportion != nil; got != (k.Name == "conversion") {
			t.Errorf("KPI %s is a proportion: %v", k.Name, got)
		}
	}
	if sc.Scopes[1].Fingerprint == "" || len(sc.Segments) != 2 || sc.Segments[0].Fingerprint == "" {
		t.Errorf("want fingerprints for the campaign and the segments: %+v %+v", sc.Scopes, sc.Segments)
	}
}

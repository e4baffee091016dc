// This file specifies behaviors found wrong once (by review and by
// FuzzLoad), so that they stay right.
package dsl_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// expect fails the test with the note unless ok.
func expect(t *testing.T, ok bool, note string, args ...any) {
	t.Helper()
	if !ok {
		t.Errorf(note, args...)
	}
}

// TestLoadRegressions states the diagnostics of inputs once mishandled.
func TestLoadRegressions(t *testing.T) {
	const campaignQ = "campaign \"q\" {\n start = \"2026-01-01\"\n end = \"2026-01-02\"\n}\n"
	for _, c := range []struct {
		note string
		src  string
		want []string // "line: summary" of every diagnostic, sorted
		// detail, when set, must appear in the first diagnostic's detail.
		detail string
	}{{
		note: "an interpolated number in a formula is an interpolation, not a panic",
		src:  "kpi \"k\" {\n formula = \"count() / ${2}\"\n}",
		want: []string{"2: Interpolation in a formula"},
	}, {
		note: "an interpolated bool in a formula is an interpolation, not a panic",
		src:  "segment \"s\" {\n where = \"${true} && x\"\n}",
		want: []string{"2: Interpolation in a formula"},
	}, {
		note: "a formula that is a lone interpolation is an interpolation",
		src:  "kpi \"k\" {\n formula = \"${reach}\"\n}",
		want: []string{"2: Interpolation in a formula"},
	}, {
		note: "an empty time zone is unknown",
		src:  "project \"p\" {\n timezone = \"\"\n}",
		want: []string{"2: Unknown time zone"},
	}, {
		note: "the time zone \"Local\", the machine's, is refused",
		src:  "project \"p\" {\n timezone = \"Local\"\n}",
		want: []string{"2: Unknown time zone"},
	}, {
		note:   "a second project block points at the first",
		src:    "project \"a\" {}\nproject \"b\" {}",
		want:   []string{"2: Duplicate project block"},
		detail: "A project block was already declared at f.hcl:1,1-12",
	}, {
		note: "a budget names each channel once",
		src:  "channel \"email\" {}\ncampaign \"c\" {\n start = \"2026-01-01\"\n end = \"2026-01-02\"\n budget = {\n  email = 1\n  email = 2\n }\n}",
		want: []string{"7: Duplicate key"},
	}, {
		note: "an invalid campaign reference is one error, not also a comparison without a campaign",
		src:  campaignQ + "scorecard \"s\" {\n campaign = kpi.x\n compare = campaign.q\n}",
		want: []string{"6: Invalid reference"},
	}} {
		t.Run(c.note, func(t *testing.T) {
			diags, panicked := loadOne(c.src)
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d: %s", d.Subject.Start.Line, d.Summary))
			}
			ok := panicked == nil && fmt.Sprint(got) == fmt.Sprint(c.want)
			if ok && c.detail != "" {
				ok = strings.Contains(diags[0].Detail, c.detail)
			}
			expect(t, ok, "%s: got %q, panic %v", c.note, got, panicked)
		})
	}
}

// TestEmptyKPIList: kpis = [] asks for no KPI, which differs from leaving
// kpis out (every KPI): the decoded list must not be nil.
func TestEmptyKPIList(t *testing.T) {
	p, diags := dsl.Load(map[string][]byte{"f.hcl": []byte("scorecard \"s\" {\n kpis = []\n}")})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	expect(t, p.Scorecards[0].KPIs != nil, "kpis = [] must decode as an empty list, not nil (every KPI)")
}

// loadOne loads one file, recovering a panic of Load.
func loadOne(src string) (diags hcl.Diagnostics, panicked any) {
	defer func() { panicked = recover() }()
	_, diags = dsl.Load(map[string][]byte{"f.hcl": []byte(src)})
	return diags, nil
}

// TestSubjectAfterSyntaxError: after a syntax error, the diagnostics about
// what HCL recovered still point within the file.
func TestSubjectAfterSyntaxError(t *testing.T) {
	for _, src := range []string{ // found by FuzzLoad
		`scorecard "s" {campaign=campaig("0`,
		"moved{}\nmoved{\nfrom=kpi.A\nto=kp(\"000",
	} {
		checkSubjects(t, src)
	}
}

// checkSubjects checks that the diagnostics of a file point within it.
func checkSubjects(t *testing.T, src string) {
	t.Helper()
	diags, _ := loadOne(src)
	ok := true
	var bad []string
	for _, d := range diags {
		if r := d.Subject; r != nil && !(0 <= r.Start.Byte && r.Start.Byte <= r.End.Byte && r.End.Byte <= len(src)) {
			ok = false
			bad = append(bad, fmt.Sprintf("%s at bytes %d-%d", d.Summary, r.Start.Byte, r.End.Byte))
		}
	}
	expect(t, ok, "subject ranges outside the file: %s", strings.Join(bad, "; "))
}

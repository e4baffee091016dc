// This file specifies what LoadDir decodes from a complete, valid project
// spread over several files: every definition, its values as written, the
// defaults filled in, and the ranges that point back at the files.
package dsl_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

const launchDir = "testdata/valid/launch"

func text(v string) dsl.Text        { return dsl.Text{Value: v} }
func formula(v string) *dsl.Formula { return &dsl.Formula{Text: v} }
func ref(kind, name string) dsl.Ref { return dsl.Ref{Kind: kind, Name: name} }

// breakdowns is a by list of single names.
func breakdowns(names ...string) []dsl.Breakdown {
	var out []dsl.Breakdown
	for _, n := range names {
		out = append(out, dsl.Breakdown{Names: []dsl.Text{text(n)}})
	}
	return out
}
func date(y int, m time.Month, d int) dsl.Date {
	return dsl.Date{Value: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ignoreRanges compares definitions by value: ranges are checked apart.
var ignoreRanges = cmp.Options{
	cmpopts.IgnoreTypes(hcl.Range{}),
	cmpopts.IgnoreUnexported(dsl.Formula{}),
	cmpopts.IgnoreFields(dsl.Project{}, "Files"),
}

func loadLaunch(t *testing.T) *dsl.Project {
	t.Helper()
	p, diags := dsl.LoadDir(launchDir)
	if len(diags) > 0 {
		t.Fatalf("LoadDir(%s): unexpected diagnostics:\n%v", launchDir, diags)
	}
	return p
}

func TestLoadValid(t *testing.T) {
	p := loadLaunch(t)
	want := &dsl.Project{
		Dir: launchDir,
		Settings: &dsl.Settings{
			Name:     "launch",
			Timezone: text("UTC"), // default
			Currency: text("EUR"),
			Grain:    text("quarter"), // default
		},
		Sources: []*dsl.Source{{
			Name: "visits", Path: text("data/visits/*.parquet"), Format: text("parquet"),
			Role: dsl.RoleTouchpoints, Customer: text("hcp_id"), Time: text("ts"), Channel: text("channel"),
		}, {
			Name: "doctors", Path: text("data/doctors.TSV"), Format: text("csv"),
			Role: dsl.RoleCustomers, Key: text("hcp_id"),
		}, {
			Name: "costs", Path: text("data/costs.export"), Format: text("json"),
			Role: dsl.RoleSpend, Time: text("day"), Channel: text("channel"), Amount: text("eur"),
		}, {
			Name: "assets", Path: text("data/assets.parquet"), Format: text("parquet"),
			Role: dsl.RoleLookup, Key: text("asset_id"), On: text("content_id"),
		}},
		Channels: []*dsl.Channel{
			{Name: "rep_visit", Label: text("Face-to-face visit"), Media: text("owned"), Online: false},
			{Name: "email", Label: text("Email"), Media: text("owned"), Online: true},
			{Name: "display", Media: text("paid"), Online: true},
		},
		Segments: []*dsl.Segment{{
			Name: "young_gps", Label: text("Young GPs"), Description: text("General practitioners under 40."),
			Where: formula("specialty == 'GP' && age < 40"),
		}},
		Traits: []*dsl.Trait{{
			Name: "channels_used", Label: text("Channels used"), Formula: formula("count_distinct(channel)"),
		}},
		KPIs: []*dsl.KPI{{
			Name: "reach", Label: text("HCPs reached"), Format: text("integer"),
			Formula: formula("count_distinct(customer)"), By: breakdowns("segment", "channel"),
		}, {
			Name: "multichannel_rate", Description: text("Share of reached HCPs seen on two channels or more."),
			Format: text("percent"), Formula: formula("share(channels_used >= 2)\n"),
		}, {
			Name: "cost_per_reach", Formula: formula("spend() / reach"),
		}},
		Campaigns: []*dsl.Campaign{{
			Name: "wave1", Label: text("Launch, wave 1"),
			Start: date(2026, time.April, 1), End: date(2026, time.June, 30),
			Where:  formula(`campaign == "W1"`),
			Budget: []dsl.Amount{{Key: text("rep_visit"), Value: 1600000}, {Key: text("email"), Value: 15000.5}},
		}, {
			Name: "wave2", Start: date(2026, time.July, 1), End: date(2026, time.July, 1),
		}},
		Scorecards: []*dsl.Scorecard{{
			Name: "waves", Label: text("Wave 2 against wave 1"),
			Campaign: &dsl.Ref{Kind: "campaign", Name: "wave2"},
			Compare:  &dsl.Ref{Kind: "campaign", Name: "wave1"},
			KPIs:     []dsl.Ref{ref("kpi", "reach"), ref("kpi", "multichannel_rate")},
			By:       breakdowns("segment", "period"),
		}, {
			Name: "overall",
		}},
	}
	if diff := cmp.Diff(want, p, ignoreRanges); diff != "" {
		t.Errorf("LoadDir(%s) mismatch (-want +got):\n%s", launchDir, diff)
	}
	if p.FactSource() != p.Sources[0] || p.CustomerSource() != p.Sources[1] || p.SpendSource() != p.Sources[2] {
		t.Errorf("FactSource, CustomerSource, SpendSource = %v, %v, %v; want visits, doctors, costs",
			p.FactSource(), p.CustomerSource(), p.SpendSource())
	}
	if len(p.Files) != 8 {
		t.Errorf("len(Files) = %d, want the 8 files of %s", len(p.Files), launchDir)
	}
}

// TestLoadValidRanges checks that decoded values keep the range of what
// they were written as, and that defaults and inferences say where from.
func TestLoadValidRanges(t *testing.T) {
	p := loadLaunch(t)
	file := func(name string) string { return filepath.Join(launchDir, name) }
	for _, c := range []struct {
		what       string
		got        hcl.Range
		file       string
		line, col  int
		sourceText string
	}{
		{"project block", p.Settings.DeclRange, "project.hcl", 4, 1, `project "launch"`},
		{"currency", p.Settings.Currency.Range, "project.hcl", 5, 14, `"EUR"`},
		{"explicit format", p.Sources[2].Format.Range, "sources.hcl", 17, 13, `"json"`},
		{"looked-up column", p.Sources[3].On.Range, "sources.hcl", 26, 10, `"content_id"`},
		{"inferred format: the path", p.Sources[0].Format.Range, "sources.hcl", 4, 14, `"data/visits/*.parquet"`},
		{"channel block", p.Channels[1].DeclRange, "channels.hcl", 7, 1, `channel "email"`},
		{"heredoc formula", p.KPIs[1].Formula.Range, "kpis.hcl", 11, 17, "<<-EOT\n    share(channels_used >= 2)\n  EOT"},
		{"campaign end", p.Campaigns[0].End.Range, "campaigns.hcl", 4, 11, `"2026-06-30"`},
		{"quoted budget key", p.Campaigns[0].Budget[1].Key.Range, "campaigns.hcl", 8, 5, `"email"`},
		{"compared campaign", p.Scorecards[0].Compare.Range, "scorecards.hcl", 4, 14, `campaign.wave1`},
		{"second kpi reference", p.Scorecards[0].KPIs[1].Range, "scorecards.hcl", 5, 26, `kpi.multichannel_rate`},
	} {
		src, err := os.ReadFile(file(c.file))
		if err != nil {
			t.Fatal(err)
		}
		got := c.got
		if got.Filename != file(c.file) || got.Start.Line != c.line || got.Start.Column != c.col {
			t.Errorf("%s: range %s, want %s:%d,%d", c.what, got, file(c.file), c.line, c.col)
			continue
		}
		if s := string(src[got.Start.Byte:got.End.Byte]); s != c.sourceText {
			t.Errorf("%s: range %s holds %q, want %q", c.what, got, s, c.sourceText)
		}
	}
	if r := p.Settings.Timezone.Range; r != (hcl.Range{}) {
		t.Errorf("default timezone has range %s, want none: it was not written", r)
	}
}

func TestLoadDirWithoutFiles(t *testing.T) {
	p, diags := dsl.LoadDir(t.TempDir())
	if p != nil || len(diags) != 1 || diags[0].Summary != "No definitions" {
		t.Errorf("LoadDir(empty folder) = %v, %v; want nil and one \"No definitions\" error", p, diags)
	}
}

// TestLoadDirSubfolderNamedHCL: LoadDir reads the files of the folder, not
// its subfolders, even one whose name ends in .hcl.
func TestLoadDirSubfolderNamedHCL(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "old.hcl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "channels.hcl"), []byte(`channel "email" {}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, diags := dsl.LoadDir(dir)
	ok := len(diags) == 0 && p != nil && len(p.Channels) == 1
	expect(t, ok, "a subfolder named *.hcl must not be read: got %v", diags)
}

// TestFormatFromExtension: without a format attribute, the path's extension,
// in any case, tells the format; that of the file inside a compressed one.
func TestFormatFromExtension(t *testing.T) {
	for path, want := range map[string]string{
		"a.csv": "csv", "a.tsv": "csv", "a.txt": "csv", "dir/*.CSV": "csv",
		"a.parquet": "parquet", "a/*/b.Parquet": "parquet",
		"a.json": "json", "a.ndjson": "json", "a.jsonl": "json",
		"a.csv.gz": "csv", "a.TSV.GZ": "csv", "a.json.zst": "json", "dir/*.ndjson.gz": "json",
	} {
		src := "source \"s\" {\n path = \"" + path + "\"\n customer = \"c\"\n time = \"t\"\n}"
		p, diags := dsl.Load(map[string][]byte{"f.hcl": []byte(src)})
		if len(diags) > 0 || p.Sources[0].Format.Value != want {
			t.Errorf("format of %s = %q (%v), want %q", path, p.Sources[0].Format.Value, diags, want)
		}
	}
}

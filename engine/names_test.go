package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/omni-metrics/omni/dsl"
)

// writeProject writes files by name into a temporary folder and returns it.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Data columns may have the names of omni's internal columns. Five
// touchpoints of customers A, B, C and D (A twice), whose __customer column
// is Z on every row and whose __channel column is web: reach counts the
// four customers, not the one value of __customer, and formulas still
// read __customer and __channel by their names.
func TestDataColumnsWithInternalNames(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"omni.hcl": `
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
kpi "reach" { formula = "count_distinct(customer)" }
kpi "emails" { formula = "count(channel == 'email')" }
kpi "data_customers" { formula = "count_distinct(__customer)" }
kpi "data_channels" { formula = "count_distinct(__channel, __channel == 'web')" }
kpi "data_periods" { formula = "sum(___period)" }
`,
		"tp.csv": `id,ts,channel,__customer,__channel,___period
A,2026-01-05,email,Z,web,1
B,2026-01-06,email,Z,web,2
C,2026-02-01,visit,Z,web,3
D,2026-02-02,visit,Z,web,4
A,2026-03-01,visit,Z,web,5
`})
	got := cellValues(runProject(t, dir)[0])
	expectCells(t, got, map[cell]float64{
		{"", "reach", "", "", ""}:               4,  // A, B, C, D
		{"", "emails", "", "", ""}:              2,  // A's and B's first rows
		{"", "reach", "channel", "email", ""}:   2,  // A, B
		{"", "reach", "channel", "visit", ""}:   3,  // C, D, A
		{"", "data_customers", "", "", ""}:      1,  // Z
		{"", "data_channels", "", "", ""}:       1,  // web
		{"", "data_periods", "", "", ""}:        15, // 1 + 2 + 3 + 4 + 5
		{"", "data_periods", "", "", "2026-Q1"}: 15,
	})
}

// Definition names that start with two underscores are omni's: refused at
// the label, whatever the block.
func TestReservedDefinitionNames(t *testing.T) {
	dir := writeProject(t, map[string]string{"omni.hcl": `kpi "__scope" { formula = "count()" }
trait "__t" { formula = "count()" }
segment "__s" { where = "true" }
`})
	_, diags := dsl.LoadDir(dir)
	want := []string{
		`omni.hcl:1,5-14: Reserved name; The kpi name "__scope" starts with two underscores, which omni reserves for the names of the SQL it generates. Choose a name that starts with a letter.`,
		`omni.hcl:2,7-12: Reserved name; The trait name "__t" starts with two underscores, which omni reserves for the names of the SQL it generates. Choose a name that starts with a letter.`,
		`omni.hcl:3,9-14: Reserved name; The segment name "__s" starts with two underscores, which omni reserves for the names of the SQL it generates. Choose a name that starts with a letter.`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, filepath.Base(d.Subject.Filename)+":"+d.Subject.String()[len(d.Subject.Filename)+1:]+": "+d.Summary+"; "+d.Detail)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostic %d:\ngot  %s\nwant %s", i, got[i], want[i])
		}
	}
}

// The renaming holds for what the view computes too: a derived column reads
// a data column named __channel, and the time column __ts is parsed with a
// time_format, under the names of the data.
func TestDerivedColumnsAndTimesOfInternalNames(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"omni.hcl": `
source "touchpoints" {
  path        = "tp.csv"
  customer    = "id"
  time        = "__ts"
  time_format = "%m/%d/%Y"
}
column "via_web" {
  source = source.touchpoints
  rule {
    when = "__channel == 'web'"
    then = "web"
  }
  default = "other"
}
kpi "reach" {
  formula = "count_distinct(customer)"
  by      = ["via_web"]
}
`,
		"tp.csv": `id,__ts,__channel
A,01/05/2026,web
B,01/06/2026,email
C,04/01/2026,web
`})
	got := cellValues(runProject(t, dir)[0])
	expectCells(t, got, map[cell]float64{
		{"", "reach", "", "", ""}:             3,
		{"", "reach", "via_web", "web", ""}:   2, // A, C
		{"", "reach", "via_web", "other", ""}: 1, // B
		{"", "reach", "", "", "2026-Q1"}:      2, // January
		{"", "reach", "", "", "2026-Q2"}:      1, // April
	})
}

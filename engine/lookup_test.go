package engine_test

// Lookup sources: the columns of testdata/lookup's assets, by the asset
// each touchpoint names, computed by hand over its eight touchpoints.

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLookupColumnsByHand(t *testing.T) {
	got := cellValues(runProject(t, "testdata/lookup")[0])
	want := map[cell]float64{
		// Six rows are not rx: A E1 (efficacy email), A V1 (efficacy
		// e-detail), B E2 (safety email), B E9 (no such asset), C V1, X E1.
		{"", "touches", "", "", ""}:                6,
		{"", "touches", "", "", "2026-Q1"}:         3, // A E1, A V1, B E2
		{"", "efficacy_reach", "", "", ""}:         3, // A, C, X
		{"", "unmatched", "", "", ""}:              1, // B's E9 sees a NULL topic
		{"", "efficacy_reached_share", "", "", ""}: 0.75,
		// A breakdown by a lookup column is a touchpoint-level one; rows
		// without a match (E9, and the rx rows) fall under a null key.
		{"", "touches", "topic", "efficacy", ""}:         4,
		{"", "touches", "topic", "safety", ""}:           1,
		{"", "touches", "topic", "(none)", ""}:           1,
		{"", "efficacy_reach", "topic", "safety", ""}:    0,
		{"", "unmatched", "topic", "(none)", ""}:         1,
		{"", "touches", "format", "email", ""}:           3,
		{"", "touches", "format", "e-detail", ""}:        2,
		{"", "touches", "format", "e-detail", "2026-Q2"}: 1, // C V1
		// By a list column, a row counts under each of its values: tags
		// launch (E1, V1), efficacy (E1), safety (E2); W1 has none.
		{"", "touches", "tags", "launch", ""}:          4, // A E1, A V1, C V1, X E1
		{"", "touches", "tags", "efficacy", ""}:        2, // A E1, X E1
		{"", "touches", "tags", "safety", ""}:          1,
		{"", "touches", "tags", "launch", "2026-Q2"}:   2, // C V1, X E1
		{"", "efficacy_reach", "tags", "efficacy", ""}: 2, // A, X
		// The campaign keeps the rows whose asset has the tag "launch" (E1,
		// V1) and the prescriptions: B's E2 is tagged safety, E9 has no tags.
		{"launch", "touches", "", "", ""}:                4, // A E1, A V1, C V1, X E1
		{"launch", "efficacy_reach", "", "", ""}:         3,
		{"launch", "unmatched", "", "", ""}:              0,
		{"launch", "efficacy_reached_share", "", "", ""}: 1, // A, C, X
	}
	expectCells(t, got, want)
	for _, c := range []cell{
		{"", "efficacy_reached_share", "topic", "efficacy", ""},
		{"", "efficacy_reached_share", "tags", "launch", ""},
		{"", "touches", "tags", "(none)", ""}, // no key for an empty list
	} {
		if v, ok := got[c]; ok {
			t.Errorf("%+v = %v, want no value: a customer sees many topics", c, v)
		}
	}
}

// TestLookupDuplicateKeyFailsTheRun: two rows for one key would count each
// touchpoint that names it twice; the run stops and says which key.
func TestLookupDuplicateKeyFailsTheRun(t *testing.T) {
	c := compileDir(t, lookupElsewhere(t, `{"asset_id": "V1", "topic": "dosing", "format": "video", "tags": []}`))
	_, err := c.Run(context.Background(), c.Plans[0])
	want := `lookup source assets has 2 rows with asset_id 'V1': it needs one row per key, else each touchpoint with that value would count 2 times. Remove the duplicates from ../content/assets.json, or drop them as you read it: distinct = true (rows equal in every column) or distinct = ["asset_id"] (one row per asset_id)`
	if err == nil || err.Error() != want {
		t.Errorf("run with a duplicate key: %v, want %q", err, want)
	}
}

// TestLookupOutsideTheTouchpointsFolder: the lockdown lets DuckDB read a
// lookup in an allowed data folder outside the project.
func TestLookupOutsideTheTouchpointsFolder(t *testing.T) {
	c := compileDir(t, lookupElsewhere(t, ""))
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	expectCells(t, cellValues(sc), map[cell]float64{{"", "efficacy_reach", "", "", ""}: 3})
}

// lookupElsewhere copies testdata/lookup into a temporary folder, with its
// assets in a folder beside the project's (and a row added, unless ""),
// and returns the project's folder.
func lookupElsewhere(t *testing.T, extraAsset string) string {
	t.Helper()
	root := t.TempDir()
	copyFile := func(name, to, old, new string) {
		data, err := os.ReadFile(filepath.Join("testdata/lookup", name))
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.Replace(string(data), old, new, 1))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	project := filepath.Join(root, "project")
	copyFile("lookup.hcl", filepath.Join(project, "lookup.hcl"), `path = "assets.json"`, `path = "../content/assets.json"`)
	copyFile("touchpoints.csv", filepath.Join(project, "touchpoints.csv"), "", "")
	if extraAsset != "" {
		extraAsset += "\n"
	}
	copyFile("assets.json", filepath.Join(root, "content", "assets.json"), "\n{\"asset_id\": \"W1\"", "\n"+extraAsset+"{\"asset_id\": \"W1\"")
	return project
}

// TestLookupInMeaning: what a definition reads of a lookup is part of its
// meaning, so that its fingerprint changes with the lookup's key or column.
func TestLookupInMeaning(t *testing.T) {
	c := compileDir(t, "testdata/lookup")
	line := `lookup = key "asset_id", on "asset"`
	for address, reads := range map[string]bool{
		"kpi.efficacy_reach": true, "trait.efficacy_touches": true, "campaign.launch": true,
		"kpi.efficacy_reached_share": true, // through its trait
		"kpi.touches":                false,
	} {
		normal, uses, ok := c.Meaning(address)
		if !ok {
			t.Fatalf("no meaning for %s", address)
		}
		if got := strings.Contains(normal, line) && slices.Contains(uses, "source.assets"); got != reads {
			t.Errorf("%s reads the lookup: %v, want %v\n%s", address, got, reads, normal)
		}
	}
}

// TestLookupKeysOfDifferentTypesCompareAsText: an integer key matches the
// touchpoints' text values that write it.
func TestLookupKeysOfDifferentTypesCompareAsText(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"p.hcl": `source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
source "products" {
  path = "products.csv"
  key  = "sku"
  on   = "product"
}
kpi "blue" { formula = "count(color == 'blue')" }`,
		"tp.csv":       "id,ts,product\nA,2026-01-10 10:00:00,7\nA,2026-01-11 10:00:00,x7\nB,2026-01-12 10:00:00,8\n",
		"products.csv": "sku,color\n7,blue\n8,red\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := compileDir(t, dir)
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	expectCells(t, cellValues(sc), map[cell]float64{{"", "blue", "", "", ""}: 1})
}

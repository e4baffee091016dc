package engine_test

// File options: testdata/files reads touchpoints from a file without a
// header row (semicolons, "NA" and "-" for missing values, day-first times)
// and spend from a tab-separated file (month-first days, "n/a" for a
// missing cost). By hand:
//
//	A  27.03.2026 14:05  email  10
//	A  02.04.2026 09:00  visit  NA    a missing amount
//	B  31.03.2026 23:59  email  -     a missing amount, still in March
//	B  01.04.2026 00:00  NA     20    a missing channel
//	C  15.05.2026 12:00  visit  5
//
// Spend: email 7 on 03/27, visit 11 on 04/01, email n/a on 04/30, visit 3
// on 05/01. The first touchpoint is data, not a header: five touchpoints.

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileOptionsByHand(t *testing.T) {
	expectCells(t, cellValues(runProject(t, "testdata/files")[0]), filesByHand)
}

// filesByHand are the values of testdata/files, computed by hand above.
var filesByHand = map[cell]float64{
	{"", "touches", "", "", ""}:                     5,
	{"", "touches", "", "", "2026-03"}:              2,
	{"", "touches", "", "", "2026-04"}:              2,
	{"", "amount", "", "", ""}:                      35,
	{"", "unknown_amounts", "", "", ""}:             2,
	{"", "unknown_amounts", "", "", "2026-03"}:      1,
	{"", "cost", "", "", ""}:                        21,
	{"", "cost", "", "", "2026-04"}:                 11,
	{"", "touches", "channel", "(none)", ""}:        1,
	{"", "amount", "channel", "(none)", ""}:         20,
	{"", "touches", "channel", "email", ""}:         2,
	{"", "unknown_amounts", "channel", "email", ""}: 1,
	{"", "cost", "channel", "visit", ""}:            14,
}

// Compressed, the same files give the same numbers: the format and the tab
// of spend.tsv.gz come from the extension of the file inside.
func TestCompressedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"touchpoints.txt", "spend.tsv"} {
		data, err := os.ReadFile(filepath.Join("testdata/files", name))
		if err != nil {
			t.Fatal(err)
		}
		var zipped bytes.Buffer
		w := gzip.NewWriter(&zipped)
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), zipped.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	project, err := os.ReadFile("testdata/files/project.hcl")
	if err != nil {
		t.Fatal(err)
	}
	hcl := strings.NewReplacer(`"touchpoints.txt"`, `"touchpoints.txt.gz"`, `"spend.tsv"`, `"spend.tsv.gz"`).Replace(string(project))
	if err := os.WriteFile(filepath.Join(dir, "project.hcl"), []byte(hcl), 0o644); err != nil {
		t.Fatal(err)
	}
	expectCells(t, cellValues(runProject(t, dir)[0]), filesByHand)
}

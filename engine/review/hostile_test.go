package review

// Text from the definitions and the data is data in the comparison and the
// plan: the keys and labels of escapetest.Hostile hold HTML, Markdown links
// and images, pipes, line breaks, terminal escape sequences, bidirectional
// marks and @mentions. The written forms are compared with
// testdata/hostile.* (go test ./engine/review -update rewrites them).

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/scorecard"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// hostileComparison compares the hostile scorecard with itself, its values
// doubled and its objective's status changed.
func hostileComparison() *Comparison {
	before, after := escapetest.Hostile(), escapetest.Hostile()
	for i := range after.Values {
		after.Values[i].Value *= 2
	}
	after.Objectives[0].Status = scorecard.Achieved
	c := CompareScorecards(before, after)
	c.Before, c.After = "before\x1b[2J.json", "after\u202e.json"
	return c
}

func TestComparisonOfHostileData(t *testing.T) {
	c := hostileComparison()
	for _, form := range []struct {
		golden string
		show   Show
		check  func(string) error
	}{
		{"hostile.diff.md", Show{Markdown: true, Periods: true}, escapetest.Markdown},
		{"hostile.diff.txt", Show{Periods: true}, escapetest.Terminal},
	} {
		t.Run(form.golden, func(t *testing.T) {
			var b strings.Builder
			if err := WriteComparison(&b, c, form.show); err != nil {
				t.Fatal(err)
			}
			if err := form.check(b.String()); err != nil {
				t.Error(err)
			}
			if err := escapetest.Terminal(b.String()); err != nil {
				t.Error(err)
			}
			compareGolden(t, form.golden, b.String())
		})
	}
}

func TestPlanOfHostileDefinitions(t *testing.T) {
	hostile := "kpi.a\x1b]8;;http://evil\x1b\\b\x1b]8;;\x1b\\"
	p := &Plan{
		Changes: []PlannedChange{
			{Action: Add, Address: hostile, SameAs: "kpi.old\x1b[2J"},
			{Action: Change, Address: "kpi.label", Presentation: []string{"label"},
				Before: &Definition{Text: "kpi \"label\" {\n  label = \"Buyers\"\n}\n"},
				After:  &Definition{Text: "kpi \"label\" {\n  label = \"Buyers\x1b[2J\u202e\r\"\n}\n"}},
		},
		Downstream: []Break{{Address: "kpi.c\u009b2J", Cause: hostile, Through: "kpi.d\x07"}},
	}
	var b strings.Builder
	if err := WritePlan(&b, p, nil); err != nil {
		t.Fatal(err)
	}
	if err := escapetest.Terminal(b.String()); err != nil {
		t.Error(err)
	}
	compareGolden(t, "hostile.plan.txt", b.String())
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-golden +written):\n%s", name, diff)
	}
}

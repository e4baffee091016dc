package report_test

// The reports as a reader sees them: each page, rendered by headless
// Chromium, is measured by a script injected into a copy of it
// (testdata/layoutcheck.js; the report itself has none), which writes what
// it finds into the DOM: texts of a chart clipped by its edges or over one
// another, boxes their content overflows. Pages: the test scorecard, a
// cohort's retention triangle (testdata/cohorts.json, the scorecard of
// engine/testdata/cohorts) and the examples' expected scorecards.

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/report"
	"github.com/omni-metrics/omni/engine/scorecard"
)

//go:embed testdata/layoutcheck.js
var layoutCheck string

// minWords is the fewest words a report has: fewer is a blank page.
const minWords = 50

// layoutProblems renders a page with the check injected and returns what
// the check found, and a blank page.
func layoutProblems(t *testing.T, page string) []string {
	t.Helper()
	page = strings.Replace(page, "</body>", "<script>"+layoutCheck+"</script></body>", 1)
	m := regexp.MustCompile(`(?s)<pre id="layout-check">(.*?)</pre>`).FindStringSubmatch(render(t, page))
	if m == nil {
		return []string{"the check did not run: blank page?"}
	}
	lines := strings.Split(html.UnescapeString(m[1]), "\n")
	var texts, charts, words int
	if _, err := fmt.Sscanf(lines[0], "checked %d texts in %d charts, %d words", &texts, &charts, &words); err != nil {
		return []string{"unreadable check: " + lines[0]}
	}
	if words < minWords {
		lines = append(lines, fmt.Sprintf("blank page: %d words", words))
	}
	return lines[1:]
}

func htmlOf(t *testing.T, sc *scorecard.Scorecard) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteHTML(&b, sc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHTMLLayout fails on a text clipped, two texts overlapping, a box
// overflowing, or a blank page, in the test scorecard's report and the
// examples' (all of them but with -short).
func TestHTMLLayout(t *testing.T) {
	pages := map[string]*scorecard.Scorecard{"testdata/scorecard.json": readScorecard(t), "testdata/cohorts.json": readScorecardFile(t, "testdata/cohorts.json")}
	files, err := filepath.Glob("../../examples/*/expected/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Base(f) == "omni.state.json" || testing.Short() && !strings.Contains(f, "event-operation") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sc scorecard.Scorecard
		if err := json.Unmarshal(b, &sc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages[f] = &sc
	}
	for name, sc := range pages {
		t.Run(name, func(t *testing.T) {
			for _, p := range layoutProblems(t, htmlOf(t, sc)) {
				t.Error(p)
			}
		})
	}
}

// TestLayoutCheck checks the check: it finds overlapping and clipped texts
// and a blank page.
func TestLayoutCheck(t *testing.T) {
	page := strings.Replace(htmlOf(t, readScorecard(t)), "</main>", `<svg width="100" height="20" aria-label="bad">`+
		`<text x="0" y="15">overlapping</text><text x="20" y="15">text</text><text x="95" y="15">clipped</text></svg></main>`, 1)
	got := strings.Join(layoutProblems(t, page), "\n")
	for _, want := range []string{`overlap "overlapping" and "text" in "bad"`, `clipped "clipped" in "bad"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the check misses %s; it found:\n%s", want, got)
		}
	}
	if got := layoutProblems(t, "<!DOCTYPE html><html><body><p>nothing</p></body></html>"); len(got) != 1 || !strings.HasPrefix(got[0], "blank page") {
		t.Errorf("a blank page passes: %q", got)
	}
}

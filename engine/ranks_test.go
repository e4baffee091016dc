package engine_test

// The scores of testdata/scores, computed by hand. Per year, the customers
// of a period are those with a touchpoint in it; monetary is the sum of
// their purchases up to the period's end, recency the days from the last
// one to that end (2025-01-01, 2026-01-01; the whole data ends with 2025).
//
//	        2024 (A, B, C, D)     2025 (A, B, C, E, F; G visits)   whole data (all seven)
//	   monetary  recency     monetary  recency              monetary  recency
//	A  100       306         110       245                  110       245
//	B  50        214         250       334                  250       334
//	C  50        122         80        153                  80        153
//	D  10        61          –         –                    10        426
//	E  –         –           5         31                   5         31
//	F  –         –           100       275                  100       275
//	G  –         –           null      null                 null      null
//
// ntile(x, 3) is 1 + ⌊3 × below / n⌋, below the customers with a strictly
// lower value, n those with a value (G has none: no score, not counted).
// 2024 monetary, n = 4: D below 0 → 1; B and C, tied, below 1 → 1 + ⌊3/4⌋
// = 1 both (DuckDB's ntile() would give one of them 2, by row order); A
// below 3 → 1 + ⌊9/4⌋ = 3. 2025, n = 5: E 0 → 1, C 1 → 1, F 2 → 1 + ⌊6/5⌋
// = 2, A 3 → 2, B 4 → 1 + ⌊12/5⌋ = 3. Whole data, n = 6: E, D 1; C, F 2;
// A, B 3 (two each, as ntile() gives). r_score ranks -recency: 2024 A 1,
// B 1, C 2, D 3; 2025 B 1, F 1, A 2, C 2, E 3; whole data D 1, B 1, F 2,
// A 2, C 3, E 3.
//
// rank(monetary) is 1 for the highest, ties sharing it: 2024 A 1, B 2, C 2,
// D 4. percent_rank is below / (n - 1): 2024 D 0, B and C 1/3, A 1.
// rfm = r_score × 10 + m_score; champion = r_score >= 2 && m_score >= 2:
// nobody in 2024 (A is 1, 3), A alone in 2025 (2, 2), A, C and F over the
// whole data.
//
// Segments on traits (scorecard segments): a customer is in one in a period
// when his row of the period meets it. champions: nobody in 2024, A in
// 2025 (her 2025 purchase: 10; monetary 110), A, C and F over the whole
// data (their purchases 110 + 80 + 100 = 290, mean monetary 290 / 3).
// top_or_d (m_score == 3 || who == 'D'): 2024 A and D (100 + 10, mean
// monetary (100 + 10) / 2), 2025 B alone (200; 250; D has no 2025 row), the
// whole data A, B and D (110 + 250 + 10 = 370, 370 / 3). a, on attributes,
// is A in every period. champions counted within top_or_d: A over the
// whole data; in 2024 A is not one yet, in 2025 B is not one.
// retained_customers() counts the customers of a segment's cell who were
// in its cell the period before: low_m (m_score == 1) is B, C, D in 2024
// and C, E in 2025: C; champions and top_or_d keep nobody of 2024; a, on
// attributes, keeps A.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
)

func TestScoresByHand(t *testing.T) {
	got := cellValues(runProject(t, "testdata/scores")[0])
	want := map[cell]float64{}
	perCustomer := func(kpi, period string, values map[string]float64) {
		for who, v := range values {
			want[cell{"", kpi, "who", who, period}] = v
		}
	}
	perCustomer("m", "2024", map[string]float64{"A": 3, "B": 1, "C": 1, "D": 1})
	perCustomer("m", "2025", map[string]float64{"A": 2, "B": 3, "C": 1, "E": 1, "F": 2, "G": null})
	perCustomer("m", "", map[string]float64{"A": 3, "B": 3, "C": 2, "D": 1, "E": 1, "F": 2, "G": null})
	perCustomer("r", "2024", map[string]float64{"A": 1, "B": 1, "C": 2, "D": 3})
	perCustomer("r", "2025", map[string]float64{"A": 2, "B": 1, "C": 2, "E": 3, "F": 1, "G": null})
	perCustomer("r", "", map[string]float64{"A": 2, "B": 1, "C": 3, "D": 1, "E": 3, "F": 2})
	perCustomer("m_position", "2024", map[string]float64{"A": 1, "B": 2, "C": 2, "D": 4})
	perCustomer("m_share_below", "2024", map[string]float64{"A": 1, "B": 1.0 / 3, "C": 1.0 / 3, "D": 0})
	perCustomer("code", "2024", map[string]float64{"A": 13, "B": 11, "C": 21, "D": 31})
	perCustomer("code", "2025", map[string]float64{"A": 22, "B": 13, "C": 21, "E": 31, "F": 12})
	// A's membership changes from one period to the next.
	perCustomer("champions", "2024", map[string]float64{"A": 0})
	perCustomer("champions", "2025", map[string]float64{"A": 1, "C": 0})
	want[cell{"", "champions", "", "", "2024"}] = 0
	want[cell{"", "champions", "", "", "2025"}] = 1
	want[cell{"", "champions", "", "", ""}] = 3
	expectCells(t, got, want)
}

func TestSegmentsOnTraitsByHand(t *testing.T) {
	cards := runProject(t, "testdata/scores")
	got := cellValues(cards[1])
	expectCells(t, got, map[cell]float64{
		{"", "buyers", "segment", "champions", "2025"}:        1,
		{"", "revenue", "segment", "champions", "2025"}:       10,
		{"", "mean_monetary", "segment", "champions", "2025"}: 110,
		{"", "buyers", "segment", "champions", ""}:            3,
		{"", "revenue", "segment", "champions", ""}:           290,
		{"", "mean_monetary", "segment", "champions", ""}:     290.0 / 3,
		{"", "buyers", "segment", "top_or_d", "2024"}:         2,
		{"", "revenue", "segment", "top_or_d", "2024"}:        110,
		{"", "mean_monetary", "segment", "top_or_d", "2024"}:  55,
		{"", "buyers", "segment", "top_or_d", "2025"}:         1,
		{"", "revenue", "segment", "top_or_d", "2025"}:        200,
		{"", "mean_monetary", "segment", "top_or_d", "2025"}:  250,
		{"", "buyers", "segment", "top_or_d", ""}:             3,
		{"", "revenue", "segment", "top_or_d", ""}:            370,
		{"", "mean_monetary", "segment", "top_or_d", ""}:      370.0 / 3,
		{"", "champions", "segment", "top_or_d", ""}:          1,
		{"", "champions", "segment", "top_or_d", "2024"}:      0,
		{"", "champions", "segment", "top_or_d", "2025"}:      0,
		{"", "revenue", "segment", "a", "2024"}:               100,
		{"", "revenue", "segment", "a", "2025"}:               10,
		{"", "revenue", "segment", "a", ""}:                   110,
		{"", "retained", "segment", "low_m", "2025"}:          1,
		{"", "retained", "segment", "champions", "2025"}:      0,
		{"", "retained", "segment", "top_or_d", "2025"}:       0,
		{"", "retained", "segment", "a", "2025"}:              1,
		{"", "retained", "segment", "low_m", ""}:              null,
	})
	expectAbsent(t, got, cell{"", "buyers", "segment", "champions", "2024"})
}

// A score is a window over the customers' rows of the step before, per
// scope and period, among those with a value: no join of the touchpoints.
func TestScoreSQL(t *testing.T) {
	sql := compileDir(t, "testdata/scores").Plans[0].SQL
	x := "(-__trait1)" // -recency
	among := "PARTITION BY __scope, __period, " + x + " IS NULL"
	for _, want := range []string{
		"CASE WHEN __scope IS NOT NULL AND " + x + " IS NOT NULL THEN 1 + (3 * (rank() OVER (" + among + " ORDER BY " + x + ") - 1)) // count(" + x + ") OVER (PARTITION BY __scope, __period) END AS __trait3",
		"CASE WHEN __scope IS NOT NULL AND (__trait2) IS NOT NULL THEN rank() OVER (PARTITION BY __scope, __period, (__trait2) IS NULL ORDER BY (__trait2) DESC) END AS __trait5",
		"CASE WHEN __scope IS NOT NULL AND (__trait2) IS NOT NULL THEN percent_rank() OVER (PARTITION BY __scope, __period, (__trait2) IS NULL ORDER BY (__trait2)) END AS __trait6",
		"__trait3 * 10 + __trait4 AS __trait7",
	} {
		if !strings.Contains(sql, want) {
			t.Errorf("no %s in\n%s", want, sql)
		}
	}
}

// The diagnostics of testdata/score_errors, word for word.
func TestScoreDiagnosticDetails(t *testing.T) {
	p, diags := dsl.LoadDir("testdata/score_errors")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags = compileWithDiagnostics(t, p)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d: %s: %s", d.Subject.Start.Line, d.Summary, d.Detail))
	}
	segment := func(what string) string {
		return `Segment on traits: Segment "best" reads traits, so that a customer's membership changes from period to period; ` + what + ` reads a customer's segments once, from his attributes, and so the segments on attributes only. Use a segment on customer attributes here, or count its customers with a KPI: share(monetary > 100).`
	}
	want := []string{
		`16: Misplaced ntile: ntile(…) places a customer among the customers of a scorecard's period, which a loyalty ladder does not compute: use the trait in KPIs, and in the ladder's rules the values it ranks.`,
		`17: Buckets out of range: ntile splits the customers into at least 1 bucket, not 0: 5 gives quintile scores from 1 to 5.`,
		`21: Misplaced rank: rank(…) places a customer's value among the customers of a period: use it in a trait, as in trait "score" { formula = "rank(monetary)" }, and the trait here.`,
		`26: Misplaced previous: previous(…) compares a KPI's value per scorecard cell with another period: use it in a KPI.`,
		`35: ` + segment("a loyalty ladder by segment"),
		`44: ` + segment("an attribution by segment"),
		`52: ` + segment("an experiment's population"),
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A segment on traits means the traits it reads: a score's buckets change
// it, and the segments and KPIs that read that score, alone.
func TestMeaningOfSegmentsOnTraits(t *testing.T) {
	const dir, file = "testdata/scores", "scores.hcl"
	base, c := compileEdited(t, dir, file), compileEdited(t, dir, file, `"ntile(-recency, 3)"`, `"ntile(-recency, 4)"`)
	for _, address := range []string{"trait.r_score", "trait.rfm", "segment.champions", "kpi.code", "segment.top_or_d", "segment.a", "trait.m_score", "kpi.m"} {
		changed := meaning(t, c, address) != meaning(t, base, address)
		if want := address == "trait.r_score" || address == "trait.rfm" || address == "segment.champions" || address == "kpi.code"; changed != want {
			t.Errorf("%s changed: %v, want %v", address, changed, want)
		}
	}
	if m := meaning(t, base, "segment.champions"); !strings.Contains(m, "rank() OVER") || strings.Contains(m, "__trait") {
		t.Errorf("the meaning of segment.champions does not write the traits it reads in full:\n%s", m)
	}
}

package main

import (
	"embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// project holds the benchmark's definitions and data, without its KPIs.
//
//go:embed project
var project embed.FS

// writeProject writes the project with n KPIs into dir: kpi "k<i>" is
// sum(revenue, revenue > i), for i from 0 to n-1.
func writeProject(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files, err := fs.Sub(project, "project")
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, files); err != nil {
		return err
	}
	var kpis strings.Builder
	for i := range n {
		fmt.Fprintf(&kpis, "kpi \"k%d\" { formula = \"sum(revenue, revenue > %d)\" }\n", i, i)
	}
	return os.WriteFile(filepath.Join(dir, "kpis.hcl"), []byte(kpis.String()), 0o644)
}

// wantTotals are the whole-data totals of the project's first n KPIs,
// summed here from its touchpoints: null where no revenue is above i.
func wantTotals(n int) (map[string]scorecard.Number, error) {
	b, err := project.ReadFile("project/touchpoints.csv")
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		return nil, err
	}
	var revenues []float64
	for _, row := range rows[1:] {
		r, err := strconv.ParseFloat(row[4], 64)
		if err != nil {
			return nil, err
		}
		revenues = append(revenues, r)
	}
	want := map[string]scorecard.Number{}
	for i := range n {
		sum, found := 0.0, false
		for _, r := range revenues {
			if r > float64(i) {
				sum, found = sum+r, true
			}
		}
		want[fmt.Sprintf("k%d", i)] = scorecard.Null
		if found {
			want[fmt.Sprintf("k%d", i)] = scorecard.Number(sum)
		}
	}
	return want, nil
}

// checkTotals compares the whole-data totals of a scorecard with want.
func checkTotals(sc *scorecard.Scorecard, want map[string]scorecard.Number) error {
	got := map[string]scorecard.Number{}
	for _, v := range sc.Values {
		if v.Campaign == "" && v.By == "" && v.Period == "" {
			got[v.KPI] = v.Value
		}
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d KPI totals, want %d", len(got), len(want))
	}
	for kpi, w := range want {
		if g := got[kpi]; g.IsNull() != w.IsNull() || !w.IsNull() && math.Abs(float64(g-w)) > 1e-9 {
			return fmt.Errorf("%s: total %v, want %v", kpi, g, w)
		}
	}
	return nil
}

// readScorecard reads a scorecard omni wrote as JSON.
func readScorecard(path string) (*scorecard.Scorecard, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var sc scorecard.Scorecard
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &sc, nil
}

package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// extraPrefix starts the names of the KPIs -extra-kpis adds, which the
// reference does not compute.
const extraPrefix = "extra_"

// cell names a value: scope ("*" for the whole data), breakdown, key, period and KPI.
type cell struct{ scope, by, key, period, kpi string }

// compare checks that omni's scorecard and the reference hold the same
// numbers: every value of each, relative to 1e-9.
func compare(scorecardPath, referencePath string) (string, error) {
	omni, err := readScorecard(scorecardPath)
	if err != nil {
		return "", err
	}
	ref, err := readReference(referencePath)
	if err != nil {
		return "", err
	}
	var mismatches []string
	for c, want := range ref {
		if got, ok := omni[c]; !ok || !same(got, want) {
			mismatches = append(mismatches, fmt.Sprintf("%+v: omni %v (present %v), reference %v", c, got, ok, want))
		}
	}
	for c, got := range omni {
		if _, ok := ref[c]; !ok && !math.IsNaN(got) {
			mismatches = append(mismatches, fmt.Sprintf("%+v: omni %v, absent from the reference", c, got))
		}
	}
	if len(mismatches) > 0 {
		return "", fmt.Errorf("%d values differ, such as\n%s", len(mismatches), mismatches[0])
	}
	return fmt.Sprintf("all %d values equal", len(ref)), nil
}

func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func readScorecard(path string) (map[cell]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var sc struct {
		Values []struct {
			KPI, Campaign, By, Period string
			Key                       *string
			Keys                      []*string // a crossed cell's, which the reference has not
			Value                     *float64
		}
	}
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, err
	}
	out := map[cell]float64{}
	for _, v := range sc.Values {
		if strings.HasPrefix(v.KPI, extraPrefix) || v.Keys != nil {
			continue
		}
		c := cell{scope: "*", by: v.By, period: v.Period, kpi: v.KPI}
		if v.Campaign != "" {
			c.scope = v.Campaign
		}
		if v.Key != nil {
			c.key = *v.Key
		}
		out[c] = math.NaN()
		if v.Value != nil {
			out[c] = *v.Value
		}
	}
	return out, nil
}

// readReference reads a reference's CSV: scope, by, key, period (a quarter's
// first day), kpi, value; UNPIVOT left out the null values.
func readReference(path string) (map[cell]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	if _, err := r.Read(); err != nil {
		return nil, err
	}
	out := map[cell]float64{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(rec[5], 64)
		if err != nil {
			return nil, err
		}
		out[cell{scope: rec[0], by: rec[1], key: rec[2], period: quarterLabel(rec[3]), kpi: rec[4]}] = v
	}
}

// quarterLabel turns 2026-04-01 into 2026-Q2, as scorecards name quarters;
// 0001-01-01 stands for the whole window.
func quarterLabel(day string) string {
	if len(day) < 7 || day == "0001-01-01" {
		return ""
	}
	month, _ := strconv.Atoi(day[5:7])
	return fmt.Sprintf("%s-Q%d", day[:4], (month+2)/3)
}

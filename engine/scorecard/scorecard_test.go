package scorecard

// The JSON form reads back as written, keeps numbers to 12 significant
// digits, and writes null for values that do not exist.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNumberString(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{2, "2"},
		{0.1, "0.1"},
		{1.0 / 3, "0.333333333333"},
		{103988252.23999935, "103988252.24"}, // two runs of one parallel sum
		{103988252.23999941, "103988252.24"}, // print the same number
		{-0.0909090909090909, "-0.0909090909091"},
		{1e15, "1e+15"},
		{math.NaN(), "null"},
		{math.Inf(1), "null"},
	} {
		if got := Number(tc.in).String(); got != tc.want {
			t.Errorf("Number(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	key := "email"
	sc := &Scorecard{
		FormatVersion: FormatVersion, Project: "p", Name: "default", Grain: "quarter",
		Scopes: []Scope{{}, {Campaign: "q3", Start: "2026-07-01", End: "2026-09-30"}},
		KPIs:   []KPI{{Name: "reach", Format: "integer", Formula: "count_distinct(customer)", By: []string{"channel"}}},
		Values: []Value{
			{KPI: "reach", Value: 4},
			{KPI: "reach", Campaign: "q3", By: "channel", Key: &key, Period: "2026-Q3", Value: 0.5},
			{KPI: "reach", By: "channel", Value: Null},
		},
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, sc); err != nil {
		t.Fatal(err)
	}
	want := `    {"kpi":"reach","campaign":"q3","by":"channel","key":"email","period":"2026-Q3","value":0.5},` + "\n"
	if !bytes.Contains(b.Bytes(), []byte(want)) {
		t.Errorf("want one value per line, such as\n%s\ngot\n%s", want, b.String())
	}
	var back Scorecard
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("%v in\n%s", err, b.String())
	}
	if diff := cmp.Diff(sc, &back, sameNumber); diff != "" {
		t.Errorf("round trip (-wrote +read):\n%s", diff)
	}
}

func TestFormatValue(t *testing.T) {
	for _, tc := range []struct {
		v              Number
		format, cur, w string
	}{
		{0.4127, "percent", "", "41.3%"},
		{1234567.4, "integer", "", "1,234,567"},
		{-2500, "currency", "EUR", "-2,500 EUR"},
		{100.4, "currency", "EUR", "100 EUR"},
		{4.666, "currency", "EUR", "4.67 EUR"},
		{-0.5, "currency", "", "-0.50"},
		{3.14159, "number", "", "3.14"},
		{12345.6, "number", "", "12,346"},
		{Null, "percent", "", "–"},
	} {
		if got := FormatValue(tc.v, tc.format, tc.cur); got != tc.w {
			t.Errorf("FormatValue(%v, %s) = %q, want %q", tc.v, tc.format, got, tc.w)
		}
	}
}

// sameNumber compares numbers, null equal to null.
var sameNumber = cmp.Comparer(func(a, b Number) bool { return a == b || a.IsNull() && b.IsNull() })

// A column is written with one number of decimals: counts and whole
// amounts without any, amounts and numbers with 2 unless one is large,
// percentages with 1.
func TestFormatColumn(t *testing.T) {
	for _, c := range []struct {
		format string
		values []Number
		want   []string
	}{
		{"number", []Number{301, 2127, 5119}, []string{"301", "2,127", "5,119"}},
		{"number", []Number{764, 662.5, 9}, []string{"764.00", "662.50", "9.00"}},
		{"number", []Number{48, 3649.4}, []string{"48", "3,649"}},
		{"currency", []Number{49, 749.2}, []string{"49 EUR", "749 EUR"}},
		{"currency", []Number{0.42, 12, Null}, []string{"0.42 EUR", "12.00 EUR", "–"}},
		{"integer", []Number{2.6, 1234}, []string{"3", "1,234"}},
		{"percent", []Number{0.5, 0.1234}, []string{"50.0%", "12.3%"}},
	} {
		got := FormatColumn(c.values, c.format, "EUR")
		if !slices.Equal(got, c.want) {
			t.Errorf("FormatColumn(%v, %s) = %q, want %q", c.values, c.format, got, c.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 errors", 1: "1 error", 2: "2 errors"} {
		if got := Plural(n, "error"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPathsPerJourneys: models of the same journeys share one table of
// paths; a model of other journeys (another lookback) has its own, each
// titled with the models it holds for.
func TestPathsPerJourneys(t *testing.T) {
	paths := func(counts ...int) *Paths {
		p := &Paths{}
		for i, n := range counts {
			p.Converting = append(p.Converting, PathCount{Path: fmt.Sprint("path", i), Conversions: n})
		}
		return p
	}
	sc := &Scorecard{Attribution: []Attribution{
		{Name: "first_30d", Key: "channel", Paths: paths(9, 4)},
		{Name: "last_7d", Key: "channel", Paths: paths(5, 2)},
		{Name: "linear_30d", Key: "channel", Paths: paths(9, 4)},
		{Name: "by_format", Key: "format", Paths: paths(3)},
	}}
	var titles []string
	for _, table := range sc.AttributionTables("") {
		if strings.HasPrefix(table.Title, "top converting paths") {
			titles = append(titles, fmt.Sprintf("%s: %d rows", table.Title, len(table.Rows)))
		}
	}
	want := []string{
		"top converting paths (first_30d, linear_30d): 2 rows",
		"top converting paths (last_7d): 2 rows",
		"top converting paths: 1 rows",
	}
	if !slices.Equal(titles, want) {
		t.Errorf("tables of paths:\n%q\nwant\n%q", titles, want)
	}
}

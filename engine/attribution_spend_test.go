package engine_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// A key formula whose columns the spend source has too could split spend
// if it were a derived column of both sources: omni warns at the key that
// spend is null instead. A formula reading a column the spend source lacks
// (event) and a plain column name (campaign) are no cause for a warning.
func TestSpendOfAKeyFormulaWarns(t *testing.T) {
	for key, want := range map[string][]string{
		"lower(campaign)":          {"160:16: Spend not split by a key formula"},
		"channel + '/' + campaign": {"160:16: Spend not split by a key formula"},
		"campaign + event":         nil,
		"campaign":                 nil,
	} {
		t.Run(key, func(t *testing.T) {
			if got := attributionWarnings(t, `key        = "campaign"`, fmt.Sprintf("key        = %q", key)); !slices.Equal(got, want) {
				t.Errorf("warnings %q, want %q", got, want)
			}
		})
	}
}

// attributionWarnings compiles testdata/attribution with a key edited, and
// returns its warnings as "line:column: summary".
func attributionWarnings(t *testing.T, old, new string) []string {
	t.Helper()
	_, diags := compileAttributionEdited(t, old, new)
	var out []string
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			out = append(out, fmt.Sprintf("%d:%d: %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Summary))
		}
	}
	return out
}

// compileAttributionEdited compiles testdata/attribution with every old
// text of its definitions replaced by new, and returns its diagnostics too.
func compileAttributionEdited(t *testing.T, old, new string) (*engine.Compiled, hcl.Diagnostics) {
	t.Helper()
	const dir = "testdata/attribution"
	src, err := os.ReadFile(dir + "/project.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%q is not in %s/project.hcl", old, dir)
	}
	p, diags := dsl.Load(map[string][]byte{dir + "/project.hcl": []byte(strings.ReplaceAll(string(src), old, new))})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p.Dir = dir
	c, diags := compileWithDiagnostics(t, p)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return c, diags
}

// A key the spend source splits by but without a spend row in the scope's
// window cost 0 (nothing was recorded: the rx channel of self_touch), and
// no ratio: ROAS, ROI and cost per conversion are null, not infinite nor 0.
func TestKeyWithoutSpendRowsCostsZero(t *testing.T) {
	got := attributionsOf(t, "testdata/attribution")
	for _, r := range got[entryKey{"self_touch", "", ""}].Rows {
		if r.Key != "rx" {
			continue
		}
		if r.Conversions != 5 || r.Spend.IsNull() || r.Spend != 0 || !r.ROAS.IsNull() || !r.ROI.IsNull() || !r.CostPerConversion.IsNull() {
			t.Errorf("self_touch rx: conversions %v, spend %v, ROAS %v, ROI %v, cost per conversion %v; want 5, 0, null, null, null",
				r.Conversions, r.Spend, r.ROAS, r.ROI, r.CostPerConversion)
		}
		return
	}
	t.Error("self_touch: no rx row")
}

// A refund recorded as a conversion with a negative value is credited as it
// is, by every model: with Q1's 80 a refund of 80, the attributed value is
// 340 − 2 × 80 = 180, the keys' values add up to it, and linear credits
// display with 50 − 80 + 2/3 of 70.
func TestNegativeConversionValuesAreCreditedAsTheyAre(t *testing.T) {
	c, _ := compileAttributionEdited(t, `value      = "revenue"`, `value      = "id == 'Q' ? -revenue : revenue"`)
	sc, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	valued := []string{"first", "last", "linear", "position", "decay", "by_position", "by_key", "markov", "shapley"}
	seen := 0
	for _, a := range sc.Attribution {
		if a.Campaign != "" || a.Segment != "" || !slices.Contains(valued, a.Name) {
			continue // another scope, or no value formula
		}
		seen++
		sum := 0.0
		for _, r := range a.Rows {
			sum += float64(r.Value)
			if a.Name == "linear" && r.Key == "display" && math.Abs(float64(r.Value)-(50-80+140.0/3)) > 1e-9 {
				t.Errorf("linear display: value %v, want %v", r.Value, 50-80+140.0/3)
			}
		}
		if a.Value != 180 || math.Abs(sum-180) > 1e-9 {
			t.Errorf("%s: value %v, keys' values add up to %v; want 180 both", a.Name, a.Value, sum)
		}
	}
	if seen != len(valued) {
		t.Errorf("%d attributions with a value, want %d", seen, len(valued))
	}
}

// spend_window, Snowplow's convention: a key's spend is that of its spend
// rows less than the window before a conversion whose path has the key
// (and strictly before it). The converting journeys (attribution_test.go)
// and their keys: P1 email, visit at 03-04 10:00; P2 display at 03-06
// 10:00; Q1 display at 03-11 09:00; S1 email, visit at 03-20 12:00; U1
// display, email at 03-28 10:00. The spend rows are dated at midnight.
//
// "3d": email's and visit's rows of 03-01 are 3 days 10 hours before P1,
// out; display's 40 of 03-05 is 1 day 10 hours before P2, in; display's 10
// of 03-25 is 3 days 10 hours before U1, out. Display 40, email and visit 0.
//
// "7d": every row is in a window, and display's 40 of 03-05 in two (P2's
// and Q1's, 6 days 9 hours after it), counted once: display 50, email 30,
// visit 120 — the scope's spend, where Snowplow's join per conversion would
// count display's row twice (90).
//
// The campaign spring (display excluded) has P1 and S1: with "3d", email
// and visit 0; its scope's spend would be 30 and 120.
func TestSpendWindow(t *testing.T) {
	for window, want := range map[string]map[entryKey]map[string]float64{
		"3d": {{"last", "", ""}: {"display": 40, "email": 0, "visit": 0}, {"last", "spring", ""}: {"email": 0, "visit": 0}},
		"7d": {{"last", "", ""}: {"display": 50, "email": 30, "visit": 120}, {"last", "spring", ""}: {"email": 30, "visit": 120}},
	} {
		c, _ := compileAttributionEdited(t, `attribution "last" {`, fmt.Sprintf("attribution \"last\" {\n  spend_window = %q", window))
		sc, err := c.Run(context.Background(), c.Plans[0])
		if err != nil {
			t.Fatal(err)
		}
		got := map[entryKey]map[string]float64{}
		for _, a := range sc.Attribution {
			if a.Name != "last" || a.Segment != "" {
				continue
			}
			spend := map[string]float64{}
			for _, r := range a.Rows {
				if r.Spend.IsNull() {
					t.Errorf("%s %s %s: spend null", window, a.Campaign, r.Key)
				}
				spend[r.Key] = float64(r.Spend)
			}
			got[entryKey{a.Name, a.Campaign, a.Segment}] = spend
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("spend_window %s: spend %v, want %v", window, got, want)
		}
	}
}

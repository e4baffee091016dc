package dsl_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
)

// A ladder decodes as written: stages in order, the entry stage without a
// rule, the defaults (the project's grain, a horizon of 1) filled in, and
// scorecards naming it.
func TestLoadLoyalty(t *testing.T) {
	src := `
loyalty "ladder" {
  label  = "Buyers"
  by     = ["segment", "region"]
  volume = "sum(amount)"
  stage "none" { label = "Never bought" }
  stage "buyer" { when = "count() >= 1" }
}
loyalty "short" {
  period  = "year"
  horizon = 3
  stage "a" {}
  stage "b" { when = "days_since_last() <= 365" }
}
scorecard "s" { loyalty = [loyalty.short] }
`
	p, diags := dsl.Load(map[string][]byte{"l.hcl": []byte(src)})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := []*dsl.Loyalty{{
		Name: "ladder", Label: text("Buyers"), Volume: formula("sum(amount)"), Horizon: dsl.Number{Value: 1},
		By:     []dsl.Text{text("segment"), text("region")},
		Stages: []*dsl.Stage{{Name: "none", Label: text("Never bought")}, {Name: "buyer", When: formula("count() >= 1")}},
	}, {
		Name: "short", Period: text("year"), Horizon: dsl.Number{Value: 3},
		Stages: []*dsl.Stage{{Name: "a"}, {Name: "b", When: formula("days_since_last() <= 365")}},
	}}
	if diff := cmp.Diff(want, p.Ladders, ignoreRanges); diff != "" {
		t.Errorf("ladders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]dsl.Ref{ref("loyalty", "short")}, p.Scorecards[0].Loyalty, ignoreRanges); diff != "" {
		t.Errorf("scorecard's ladders (-want +got):\n%s", diff)
	}
	if w := p.Ladders[0].Stages[1].When; w.RangeOf(0, 5).Start.Line != 7 {
		t.Errorf("the rule's range starts at %v, want line 7", w.RangeOf(0, 5))
	}
}

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

// The rules are tried from the highest stage down, the entry stage catching
// the rest; with order = "first_match", as written, the last stage catching
// the rest. The discount is read as written.
func TestLoyaltyOrders(t *testing.T) {
	src := `
loyalty "highest" {
  stage "none" {}
  stage "buyer" { when = "count() >= 1" }
  stage "regular" { when = "count() >= 4" }
}
loyalty "rfm" {
  order    = "first_match"
  volume   = "sum(amount)"
  discount = 0.1
  stage "inactive" { when = "days_since_last() > 730" }
  stage "cold" { when = "days_since_last() > 365" }
  stage "active" {}
}
`
	p, diags := dsl.Load(map[string][]byte{"l.hcl": []byte(src)})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	highest, rfm := p.Ladders[0], p.Ladders[1]
	for _, c := range []struct {
		name           string
		tried, wantTry []int
		all, wantAll   int
	}{
		{"highest", highest.Tried(), []int{2, 1}, highest.CatchAll(), 0},
		{"first_match", rfm.Tried(), []int{0, 1}, rfm.CatchAll(), 2},
	} {
		if diff := cmp.Diff(c.wantTry, c.tried); diff != "" || c.all != c.wantAll {
			t.Errorf("%s: tried %v, catch-all %d; want %v, %d", c.name, c.tried, c.all, c.wantTry, c.wantAll)
		}
	}
	if highest.FirstMatch() || !rfm.FirstMatch() || highest.Discount != nil || rfm.Discount.Value != 0.1 {
		t.Errorf("order and discount: got %v %v, %v %v", highest.Order, highest.Discount, rfm.Order, rfm.Discount)
	}
}

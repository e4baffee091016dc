package deftest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/deftest"
)

// A test expects an attribution's credits and a ladder's counts and
// probabilities. Its rows, by hand: A touches email then search and buys
// 100 on 01-10, B touches search and buys 60 on 01-12, C touches email on
// 01-13 and buys 10 on 02-13: linear credits email 1/2 + 1 = 1.5 (value 50
// + 10), search 1/2 + 1 = 1.5 (value 50 + 60). Per month,
// a buyer is a customer with a purchase: January A and B are buyers, C (a
// visit only) a prospect; in February only C buys: A and B fall back, C
// rises. So 2026-02 counts prospect 2, buyer 1, and the moves into it are
// prospect > buyer 1/1 and buyer > prospect 2/2.
const project = `
source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
kpi "purchases" { formula = "count(event == 'buy')" }
attribution "linear" {
  conversion = "event == 'buy'"
  value      = "amount"
  model      = "linear"
}
loyalty "buyers" {
  period = "month"
  stage "prospect" {}
  stage "buyer" { when = "count(event == 'buy') >= 1" }
}
test "outcomes" {
  source "touchpoints" {
    rows = [
      { id = "A", ts = "2026-01-01 10:00:00", channel = "email", event = "open", amount = 0 },
      { id = "A", ts = "2026-01-05 10:00:00", channel = "search", event = "click", amount = 0 },
      { id = "A", ts = "2026-01-10 10:00:00", channel = "shop", event = "buy", amount = 100 },
      { id = "B", ts = "2026-01-11 10:00:00", channel = "search", event = "click", amount = 0 },
      { id = "B", ts = "2026-01-12 10:00:00", channel = "shop", event = "buy", amount = 60 },
      { id = "C", ts = "2026-01-13 10:00:00", channel = "email", event = "open", amount = 0 },
      { id = "C", ts = "2026-02-13 10:00:00", channel = "shop", event = "buy", amount = 10 },
    ]
  }
  expect_attribution {
    attribution = attribution.linear
    conversions = { email = 1.5, search = 1.5 }
    value       = { email = 60, search = 110 }
  }
  expect_attribution {
    attribution = attribution.linear
    conversions = { email = 1, display = 1 }
  }
  expect_ladder {
    ladder        = loyalty.buyers
    period        = "2026-02"
    counts        = { prospect = 2, buyer = 1 }
    probabilities = { "prospect > buyer" = 1, "buyer > prospect" = 1 }
  }
  expect_ladder {
    ladder        = loyalty.buyers
    period        = "2026-02"
    counts        = { buyer = 2 }
    probabilities = { "buyer > buyer" = 0.5 }
  }
}
`

func TestOutcomes(t *testing.T) {
	got := failuresOf(t, project, "id,ts,channel,event,amount\nZ,2026-01-01 00:00:00,x,y,0\n")
	// The failing half: email is credited 1.5, display is in no journey;
	// February has one buyer, and no buyer stayed one.
	want := []string{
		"attribution.linear credits email conversions 1, got 1.5 (whole data, whole window)",
		"attribution.linear credits display conversions 1, but display is in no journey (whole data, whole window)",
		"loyalty.buyers has 2 customers on buyer in 2026-02, got 1",
		"loyalty.buyers moves buyer > buyer into 2026-02 with probability 0.5, got 0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

// failuresOf runs the first test of a project of one file beside a
// touchpoints.csv of the given rows, and returns its failures' messages.
func failuresOf(t *testing.T, project, touchpoints string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "project.hcl"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "touchpoints.csv"), []byte(touchpoints), 0o644); err != nil {
		t.Fatal(err)
	}
	p, diags := dsl.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	r := deftest.Run(context.Background(), p, p.Tests[0], engine.Options{})
	if r.Diags.HasErrors() {
		t.Fatal(r.Diags)
	}
	var got []string
	for _, f := range r.Failures {
		got = append(got, f.Message)
	}
	return got
}

package deftest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// A test expects the statuses of objectives on a lift. Its rows, by hand:
// A converts 2 of 4 customers, B 3 of 4; at 50% the lift 0.25 has the
// interval 0.25 ± 0.6744898 · √(0.5·0.5/4 + 0.75·0.25/4) = [+2.7, +47.3]
// points. "+2pp" is achieved, "+5pp" at risk; the test expects the first
// right and the second wrong.
const liftProject = `
source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers"  { formula = "count_distinct(customer, event == 'buy')" }
kpi "reached" { formula = "count_distinct(customer)" }
kpi "conversion" { formula = "buyers / reached" }
experiment "invitation" {
  assignment = "message"
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.conversion]
  confidence = 0.5
}
objective "b_2pp" {
  experiment = experiment.invitation
  variant    = "B"
  kpi        = kpi.conversion
  target     = "+2pp"
}
objective "b_5pp" {
  experiment = experiment.invitation
  variant    = "B"
  kpi        = kpi.conversion
  target     = "+5pp"
}
test "lifts" {
  source "touchpoints" {
    rows = [
      { id = "a1", ts = "2026-03-02 10:00:00", event = "invite", message = "A" },
      { id = "a2", ts = "2026-03-02 10:00:00", event = "invite", message = "A" },
      { id = "a3", ts = "2026-03-02 10:00:00", event = "invite", message = "A" },
      { id = "a4", ts = "2026-03-02 10:00:00", event = "invite", message = "A" },
      { id = "b1", ts = "2026-03-02 10:00:00", event = "invite", message = "B" },
      { id = "b2", ts = "2026-03-02 10:00:00", event = "invite", message = "B" },
      { id = "b3", ts = "2026-03-02 10:00:00", event = "invite", message = "B" },
      { id = "b4", ts = "2026-03-02 10:00:00", event = "invite", message = "B" },
      { id = "a1", ts = "2026-03-10 10:00:00", event = "buy", message = "A" },
      { id = "a2", ts = "2026-03-10 10:00:00", event = "buy", message = "A" },
      { id = "b1", ts = "2026-03-10 10:00:00", event = "buy", message = "B" },
      { id = "b2", ts = "2026-03-10 10:00:00", event = "buy", message = "B" },
      { id = "b3", ts = "2026-03-10 10:00:00", event = "buy", message = "B" },
    ]
  }
  expect_objective {
    objective = objective.b_2pp
    status    = "achieved"
  }
  expect_objective {
    objective = objective.b_5pp
    status    = "achieved"
  }
}
`

func TestObjectiveStatuses(t *testing.T) {
	got := failuresOf(t, liftProject, "id,ts,event,message\nZ,2026-01-01 00:00:00,y,A\n")
	want := []string{"objective b_5pp: status at_risk, want achieved (lift +25.0 pp [+2.7 pp, +47.3 pp] against the target +5pp)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

// Only an objective on a lift has a status a test can check.
func TestObjectiveStatusOfAKPIObjective(t *testing.T) {
	src := `kpi "k" { formula = "1" }
objective "level" {
  kpi      = kpi.k
  target   = 2
  start    = "2026-01-01"
  deadline = "2026-12-31"
}
test "t" {
  expect_objective {
    objective = objective.level
    status    = "achieved"
  }
}
`
	_, diags := dsl.Load(map[string][]byte{"f.hcl": []byte(src)})
	var got []string
	for _, d := range diags {
		if d.Severity == hcl.DiagError { // the objective's missing population is a warning
			got = append(got, d.Subject.String()+": "+d.Summary+": "+d.Detail)
		}
	}
	want := []string{`f.hcl:10,17-32: Status of an objective on a KPI's value: A test checks the status of objectives on an experiment's lift. Objective "level" is judged from its KPI's periods up to its deadline, on the real data: check its KPI's values with an expect block instead.`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

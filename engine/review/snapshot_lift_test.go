package review

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// liftProject has an objective on an experiment's lift: its experiment,
// variant, KPI and target are what it means; its owner how it is shown.
const liftProject = `
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }
experiment "mail" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B", "C"]
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.buyers]
}
experiment "mail_again" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B", "C"]
  start      = "2026-04-01"
  end        = "2026-04-30"
  kpis       = [kpi.buyers]
}
objective "b_lifts" {
  experiment = experiment.mail
  variant    = "B"
  kpi        = kpi.buyers
  target     = "+5%"
  owner      = "crm"
}
`

func TestSnapshotOfLiftObjective(t *testing.T) {
	base := take(t, liftProject, engineMeanings).Lookup("objective.b_lifts")
	if !cmp.Equal(base.DependsOn, []string{"experiment.mail", "kpi.buyers"}) {
		t.Errorf("depends on %v, want its experiment and KPI", base.DependsOn)
	}
	for _, tc := range []struct {
		from, to                  string
		fingerprint, presentation bool
	}{
		{`variant    = "B"`, `variant    = "C"`, true, false},
		{`experiment = experiment.mail`, `experiment = experiment.mail_again`, true, false},
		{`target     = "+5%"`, `target     = "+6%"`, true, false},
		{`owner      = "crm"`, `owner      = "sales"`, false, true},
	} {
		src := strings.Replace(liftProject, tc.from, tc.to, 1)
		if src == liftProject {
			t.Fatalf("%q is not in the project", tc.from)
		}
		after := take(t, src, engineMeanings).Lookup("objective.b_lifts")
		if got := base.Fingerprint != after.Fingerprint; got != tc.fingerprint {
			t.Errorf("%s → %s: fingerprint changed %v, want %v", tc.from, tc.to, got, tc.fingerprint)
		}
		if got := !cmp.Equal(base.Presentation, after.Presentation); got != tc.presentation {
			t.Errorf("%s → %s: presentation changed %v, want %v", tc.from, tc.to, got, tc.presentation)
		}
	}
}

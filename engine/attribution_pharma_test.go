package engine_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine"
)

// efficiency adds to the pharma example every model and path rule, by
// segment too, in a scorecard of its own.
const efficiency = `
attribution "e_custom_position" {
  conversion = "event == 'prescription'"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "custom"
  weights    = [4, 1, 2]
  by         = ["segment"]
}
attribution "e_custom_key" {
  conversion = "event == 'prescription'"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "custom"
  weights    = { rep_visit = 3, display = 0.5 }
}
attribution "e_shapley" {
  conversion = "event == 'prescription'"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "shapley"
}
attribution "e_markov3" {
  conversion = "event == 'prescription'"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "markov"
  order      = 3
}
attribution "e_exposure_position" {
  conversion      = "event == 'prescription'"
  touch           = "channel != 'rx'"
  lookback        = "14d"
  lookback_steps  = 5
  path            = "exposure"
  remove_trailing = ["display"]
  model           = "position"
}
attribution "e_frequency_decay" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  path       = "frequency"
  remove     = ["email"]
  model      = "time_decay"
  half_life  = "2d"
  by         = ["segment"]
}
attribution "e_campaign_markov" {
  conversion = "event == 'prescription'"
  touch      = "campaign != nil"
  key        = "campaign"
  lookback   = "60d"
  model      = "markov"
}
attribution "e_fractribution" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  model      = "fractribution"
  by         = ["segment"]
}
attribution "e_probabilistic" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  model      = "probabilistic"
}
scorecard "efficiency" {
  kpis       = [kpi.prescriptions]
  objectives = []
  loyalty    = []
}
`

// TestAttributionEfficiencyOnPharma checks, for every model and path rule on
// the pharma data, that the keys share exactly the conversions that have a
// touch: no conversion lost, none counted twice.
func TestAttributionEfficiencyOnPharma(t *testing.T) {
	if testing.Short() {
		t.Skip("every model over the whole pharma data: run in full by CI (make test with CI set) and by go test without -short")
	}
	dir := "../examples/pharma"
	names, _ := filepath.Glob(filepath.Join(dir, "*.hcl"))
	files := map[string][]byte{"efficiency.hcl": []byte(efficiency)}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = b
	}
	p, diags := dsl.Load(files)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	p.Dir = dir
	c := compileProject(t, p)
	i := slices.IndexFunc(c.Plans, func(p *engine.Plan) bool { return p.Name == "efficiency" })
	if i < 0 {
		t.Fatal("no scorecard efficiency")
	}
	sc, err := c.Run(context.Background(), c.Plans[i])
	if err != nil {
		t.Fatal(err)
	}
	models := map[string]bool{}
	for _, a := range sc.Attribution {
		models[a.Model] = true
		sum, value := 0.0, 0.0
		for _, r := range a.Rows {
			sum += float64(r.Conversions)
			value += float64(r.Value)
		}
		if a.Attributed <= 0 || a.Attributed > a.Conversions {
			t.Errorf("%s %s %s: %v of %v conversions attributed", a.Name, a.Campaign, a.Segment, a.Attributed, a.Conversions)
		}
		if math.Abs(sum-float64(a.Attributed)) > 1e-6*float64(a.Attributed) || math.Abs(value-float64(a.Value)) > 1e-6*float64(a.Value) {
			t.Errorf("%s %s %s: credits add up to %v (value %v), want %v (value %v)", a.Name, a.Campaign, a.Segment, sum, value, a.Attributed, a.Value)
		}
	}
	if len(models) != len(dsl.AttributionModels) {
		t.Errorf("models covered: %v, want all of %v", models, dsl.AttributionModels)
	}
}

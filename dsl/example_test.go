// This file shows LoadDir on a project folder and what it decodes.
package dsl_test

import (
	"fmt"
	"strconv"

	"github.com/omni-metrics/omni/dsl"
)

func ExampleLoadDir() {
	p, diags := dsl.LoadDir("testdata/valid/launch")
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	fmt.Printf("project %s: grain %s, time zone %s\n", p.Settings.Name, p.Settings.Grain.Value, p.Settings.Timezone.Value)
	for _, s := range p.Sources {
		fmt.Printf("source %s: %s %s (%s)\n", s.Name, s.Role, s.Path.Value, s.Format.Value)
	}
	for _, k := range p.KPIs {
		fmt.Printf("kpi %s = %q (line %d)\n", k.Name, k.Formula.Text, k.Formula.Range.Start.Line)
	}
	c := p.Campaigns[0]
	fmt.Printf("campaign %s: %s to %s, budget", c.Name, c.Start, c.End)
	for _, b := range c.Budget {
		fmt.Printf(" %s=%s", b.Key.Value, strconv.FormatFloat(b.Value, 'f', -1, 64))
	}
	fmt.Println()
	s := p.Scorecards[0]
	fmt.Printf("scorecard %s: %s against %s\n", s.Name, s.Campaign.Name, s.Compare.Name)
	// Output:
	// project launch: grain quarter, time zone UTC
	// source visits: touchpoints data/visits/*.parquet (parquet)
	// source doctors: customers data/doctors.TSV (csv)
	// source costs: spend data/costs.export (json)
	// source assets: lookup data/assets.parquet (parquet)
	// kpi reach = "count_distinct(customer)" (line 4)
	// kpi multichannel_rate = "share(channels_used >= 2)\n" (line 11)
	// kpi cost_per_reach = "spend() / reach" (line 17)
	// campaign wave1: 2026-04-01 to 2026-06-30, budget rep_visit=1600000 email=15000.5
	// scorecard waves: wave2 against wave1
}

package report

import (
	"encoding/csv"
	"io"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// WriteAttributionCSV writes the scorecard's attributions as one tidy
// table, one row per attribution, scope, segment and key, with the columns
// of the rows of their JSON form: what each model credits each key with.
func WriteAttributionCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"attribution", "model", "campaign", "segment", "by", "key",
		"conversions", "value", "path_conversions", "spend", "roas", "roi", "cost_per_conversion"})
	for _, a := range sc.Attribution {
		for _, r := range a.Rows {
			c.Write([]string{a.Name, a.Model, a.Campaign, a.Segment, a.Key, r.Key,
				csvNumber(r.Conversions), csvNumber(r.Value), csvNumber(r.PathConversions),
				csvNumber(r.Spend), csvNumber(r.ROAS), csvNumber(r.ROI), csvNumber(r.CostPerConversion)})
		}
	}
	c.Flush()
	return c.Error()
}

// WriteLoyaltyCSV writes the scorecard's loyalty ladders as one tidy table,
// one row per ladder, population, period and stage: the customers on the
// stage and their volume, observed or forecast. The population is everybody
// (by and key empty) or a breakdown value; a key of customers without a
// value is empty too.
func WriteLoyaltyCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"ladder", "by", "key", "period", "kind", "stage", "customers", "volume"})
	for _, l := range sc.Loyalty {
		series := func(by, key string, s scorecard.LadderSeries) {
			for _, kind := range []struct {
				name    string
				periods []scorecard.LadderPeriod
			}{{"observed", s.Periods}, {"forecast", s.Forecast}} {
				for _, p := range kind.periods {
					for i, count := range p.Counts {
						volume := ""
						if i < len(p.Volume) {
							volume = csvNumber(p.Volume[i].Value)
						}
						c.Write([]string{l.Name, by, key, p.Period, kind.name, count.Stage, csvNumber(count.Value), volume})
					}
				}
			}
		}
		series("", "", l.LadderSeries)
		for _, g := range l.Groups {
			key := ""
			if g.Key != nil {
				key = *g.Key
			}
			series(g.By, key, g.LadderSeries)
		}
	}
	c.Flush()
	return c.Error()
}

package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// The CSV form is tidy: one table per kind of thing, one row per
// observation, one column per variable. WriteCSV writes the values (the
// scorecard's cells); WriteObjectivesCSV the objectives, one row each.
// Missing values and keys are empty cells; numbers are written as in the
// JSON, with 12 significant digits.

// WriteCSV writes the scorecard's values as one table with the header
// campaign,kpi,by,key,period,value, in the JSON's order.
func WriteCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"campaign", "kpi", "by", "key", "period", "value"})
	for _, v := range sc.Values {
		key := ""
		if v.Key != nil {
			key = *v.Key
		}
		c.Write([]string{v.Campaign, v.KPI, v.By, key, v.Period, csvNumber(v.Value)})
	}
	c.Flush()
	return c.Error()
}

// WriteObjectivesCSV writes the scorecard's objectives as one table, one row
// per objective, with the columns of their JSON form but the warnings.
func WriteObjectivesCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"objective", "kpi", "segment", "channel", "campaign", "owner", "direction", "start", "deadline",
		"baseline", "baseline_measured", "baseline_period", "target", "target_text",
		"as_of", "period", "value", "expected", "projected", "progress", "status"})
	for _, o := range sc.Objectives {
		c.Write([]string{o.Name, o.KPI, o.Segment, o.Channel, o.Campaign, o.Owner, o.Direction, o.Start, o.Deadline,
			csvNumber(o.Baseline), strconv.FormatBool(o.BaselineMeasured), o.BaselinePeriod, csvNumber(o.Target), o.TargetText,
			o.AsOf, o.Period, csvNumber(o.Value), csvNumber(o.Expected), csvNumber(o.Projected), csvNumber(o.Progress), string(o.Status)})
	}
	c.Flush()
	return c.Error()
}

// csvNumber writes a number as the JSON does; a missing one as nothing.
func csvNumber(n scorecard.Number) string {
	if s := n.String(); s != "null" {
		return s
	}
	return ""
}

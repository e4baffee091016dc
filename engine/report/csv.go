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
// campaign,kpi,by,key,period,value, in the JSON's order. A scorecard with
// crossed breakdowns has a column more per breakdown crossed after the
// first, key_2, key_3…: a crossed value's key is its first breakdown's
// value, key_2 the second's.
func WriteCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	header := []string{"campaign", "kpi", "by", "key", "period", "value"}
	crossed := maxCrossed(sc)
	for i := 2; i <= crossed; i++ {
		header = append(header, "key_"+strconv.Itoa(i))
	}
	c.Write(header)
	for _, v := range sc.Values {
		keys := v.Keys
		if keys == nil {
			keys = []*string{v.Key}
		}
		row := []string{v.Campaign, v.KPI, v.By, csvKey(keys[0]), v.Period, csvNumber(v.Value)}
		for i := 1; i < crossed; i++ {
			row = append(row, "")
			if i < len(keys) {
				row[len(row)-1] = csvKey(keys[i])
			}
		}
		c.Write(row)
	}
	c.Flush()
	return c.Error()
}

// maxCrossed is the most breakdowns a value's breakdown crosses; 0 when
// none is crossed.
func maxCrossed(sc *scorecard.Scorecard) int {
	n := 0
	for _, v := range sc.Values {
		n = max(n, len(v.Keys))
	}
	return n
}

// csvKey writes a key; the missing one as nothing.
func csvKey(k *string) string {
	if k == nil {
		return ""
	}
	return *k
}

// WriteObjectivesCSV writes the scorecard's objectives as one table, one row
// per objective, with the columns of their JSON form but the warnings.
func WriteObjectivesCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"objective", "kpi", "segment", "channel", "campaign", "owner", "direction", "start", "deadline",
		"baseline", "baseline_measured", "baseline_period", "target", "target_text",
		"as_of", "period", "value", "expected", "projected", "progress", "status",
		"experiment", "variant", "control", "relative", "lift_low", "lift_high", "confidence"})
	for _, o := range sc.Objectives {
		c.Write(append([]string{o.Name, o.KPI, o.Segment, o.Channel, o.Campaign, o.Owner, o.Direction, o.Start, o.Deadline,
			csvNumber(o.Baseline), strconv.FormatBool(o.BaselineMeasured), o.BaselinePeriod, csvNumber(o.Target), o.TargetText,
			o.AsOf, o.Period, csvNumber(o.Value), csvNumber(o.Expected), csvNumber(o.Projected), csvNumber(o.Progress), string(o.Status)}, liftColumns(o.Lift)...))
	}
	c.Flush()
	return c.Error()
}

// liftColumns are the columns of an objective on an experiment's lift,
// empty for another objective.
func liftColumns(l *scorecard.ObjectiveLift) []string {
	if l == nil {
		return make([]string, 7)
	}
	return []string{l.Experiment, l.Variant, l.Control, strconv.FormatBool(l.Relative), csvNumber(l.Low), csvNumber(l.High), csvNumber(l.Confidence)}
}

// csvNumber writes a number as the JSON does; a missing one as nothing.
func csvNumber(n scorecard.Number) string {
	if s := n.String(); s != "null" {
		return s
	}
	return ""
}

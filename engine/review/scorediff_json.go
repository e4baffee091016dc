package review

import (
	"encoding/json"
	"io"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// jsonComparison is the machine-readable form of a comparison: the rows
// the text form shows, with numbers unformatted (null where missing), and
// the counts of its summary line.
type jsonComparison struct {
	Before     string            `json:"before"`
	After      string            `json:"after"`
	Rows       []jsonRow         `json:"rows"`
	Objectives []ObjectiveChange `json:"objectives"`
	Lifts      []LiftChange      `json:"lifts"`
	Compared   int               `json:"compared"`
	Changed    int               `json:"changed"`
	Redefined  int               `json:"redefined"`
	Beyond     *int              `json:"beyond_threshold,omitempty"`
}

type jsonRow struct {
	Campaign    string           `json:"campaign,omitempty"`
	KPI         string           `json:"kpi"`
	By          string           `json:"by,omitempty"`
	Key         *string          `json:"key,omitempty"`
	Keys        []*string        `json:"keys,omitempty"`
	Period      string           `json:"period,omitempty"`
	Before      scorecard.Number `json:"before"`
	After       scorecard.Number `json:"after"`
	Delta       scorecard.Number `json:"delta"`
	Relative    scorecard.Number `json:"relative"`
	PValue      scorecard.Number `json:"p_value"`
	Better      int              `json:"better"`
	Redefined   bool             `json:"redefined"`
	RenamedFrom string           `json:"renamed_from,omitempty"`
}

// WriteComparisonJSON writes a comparison for machines (omni diff --json).
func WriteComparisonJSON(w io.Writer, c *Comparison, show Show) error {
	n := c.Count(show)
	out := jsonComparison{Before: c.Before, After: c.After, Rows: []jsonRow{}, Objectives: c.Objectives,
		Compared: n.Compared, Changed: n.Changed, Redefined: n.Redefined}
	if out.Objectives == nil {
		out.Objectives = []ObjectiveChange{}
	}
	out.Lifts = c.Lifts
	if out.Lifts == nil {
		out.Lifts = []LiftChange{}
	}
	if show.Threshold != nil {
		out.Beyond = &n.Beyond
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		if !show.Shows(r) {
			continue
		}
		out.Rows = append(out.Rows, jsonRow{Campaign: r.Campaign, KPI: r.KPI.Name, By: r.By, Key: r.Key, Keys: r.Keys, Period: r.Period,
			Before: r.Before, After: r.After, Delta: scorecard.Number(r.Delta), Relative: scorecard.Number(r.Relative),
			PValue: scorecard.Number(r.PValue), Better: r.Better, Redefined: r.Redefined, RenamedFrom: r.RenamedFrom})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

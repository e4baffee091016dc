package report

import (
	"cmp"
	"math"
	"strings"

	"github.com/omni-metrics/omni/engine/review"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// headline is what a report leads with: each KPI of the scorecard's first
// scope against its comparison, the scorecard's compare campaign, else the
// period before the latest complete one. The changes, their verdicts and
// their tests are omni diff's (engine/review).
type headline struct {
	Value, Against string // what is compared with what: campaigns, or periods
	Tiles          []tile
}

// tile is one KPI of the headline, with the scorecard's objectives on it.
type tile struct {
	KPI             string
	Value, Before   string
	Delta, Relative string // "" when unknown
	Arrow           string // ▲ up, ▼ down, = unchanged, "" unknown
	Verdict         string // better, worse, unchanged, redefined, or ""
	Significance    string // for a share: the test's verdict and p-value
	Objectives      []objectiveStatus
	Comparable      bool // both values exist
}

// objectiveStatus is an objective on a tile's KPI, with its status.
type objectiveStatus struct {
	Title  string
	Status scorecard.Status
}

// significanceLevel is the p-value under which a change of a share is
// called significant: the usual 5%.
const significanceLevel = 0.05

// headline compares the first scope with its comparison; nil when there
// is nothing to compare it with.
func (v *view) headline() *headline {
	if len(v.sc.Scopes) == 0 || len(v.sc.KPIs) == 0 {
		return nil
	}
	first := v.sc.Scopes[0]
	var h headline
	var c *review.Comparison
	if v.sc.Compare != "" && first.Campaign != "" {
		h.Value, h.Against = cmp.Or(first.Label, first.Campaign), v.sc.Compare
		for _, s := range v.sc.Scopes {
			if s.Campaign == v.sc.Compare {
				h.Against = cmp.Or(s.Label, s.Campaign)
			}
		}
		c = review.CompareCampaigns(v.sc, v.sc.Compare, first.Campaign)
	} else {
		periods := v.sc.Periods(first.Campaign)
		if n := len(periods); n > 0 && v.partial(first, periods[n-1]) {
			periods = periods[:n-1] // a partial period is no match for a whole one
		}
		n := len(periods)
		if n < 2 {
			return nil
		}
		h.Value, h.Against = periods[n-1], periods[n-2]
		c = review.ComparePeriods(v.sc, first.Campaign, h.Against, h.Value)
	}
	for i := range c.Rows {
		if r := &c.Rows[i]; r.By == "" {
			h.Tiles = append(h.Tiles, v.tile(r))
		}
	}
	return &h
}

// tile writes a KPI's change for a person.
func (v *view) tile(r *review.Row) tile {
	k := r.KPI
	f := v.numberFormat(k)
	t := tile{KPI: k.Title(), Value: f.text(r.After), Before: f.text(r.Before)}
	var p string
	t.Delta, t.Relative, p = r.ChangeTexts(v.sc.Currency)
	if !math.IsNaN(r.Delta) {
		t.Comparable = true
		t.Arrow = map[bool]string{true: "▲", false: "▼"}[r.Delta > 0]
		switch {
		case r.Redefined:
			t.Verdict = "redefined"
		case r.Better > 0:
			t.Verdict = "better"
		case r.Better < 0:
			t.Verdict = "worse"
		default:
			t.Arrow, t.Verdict = "=", "unchanged"
		}
	}
	if p != "" {
		t.Significance = "not significant"
		if r.PValue < significanceLevel {
			t.Significance = "significant"
		}
		if strings.HasPrefix(p, "<") {
			t.Significance += ", p < " + p[1:]
		} else {
			t.Significance += ", p = " + p
		}
	}
	for _, o := range v.sc.Objectives {
		if o.KPI == k.Name {
			t.Objectives = append(t.Objectives, objectiveStatus{Title: cmp.Or(o.Label, o.Name), Status: o.Status})
		}
	}
	return t
}

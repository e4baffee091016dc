package scorecard

import (
	"cmp"
	"fmt"
	"slices"
)

// A scorecard's top (top = 10, top_by = kpi.revenue) keeps, in the tables
// of each single breakdown the ranking KPI is reported by, the keys with
// its highest values over the scope's whole window, and folds the others
// into one row. The values of every key stay in Values: the ranking is how
// the reports present them.

// Top is the ranking of a scorecard's breakdowns.
type Top struct {
	N        int       `json:"n"`  // the keys kept
	By       string    `json:"by"` // the KPI that ranks them
	Rankings []Ranking `json:"rankings"`
}

// Ranking is the keys of one breakdown in one scope, over its whole window.
type Ranking struct {
	Campaign string `json:"campaign,omitempty"` // "" for the whole data
	By       string `json:"by"`
	// Total is the ranking KPI's value over the scope, the cell without
	// breakdown, of which each key's share is taken.
	Total Number   `json:"total"`
	Keys  []Ranked `json:"keys"` // the keys kept, highest first
	// Held is the kept keys' shares added up: the share of the total they
	// hold when the keys split it (see docs/scorecards.md).
	Held   Number  `json:"held"`
	Others *Others `json:"others,omitempty"` // absent when every key is kept
}

// Ranked is a key kept, with its value of the ranking KPI and its share
// of the total.
type Ranked struct {
	Key   *string `json:"key"` // null for the breakdown's missing value
	Value Number  `json:"value"`
	Share Number  `json:"share"`
}

// Others are the keys folded: how many, and their shares added up.
type Others struct {
	Keys  int    `json:"keys"`
	Share Number `json:"share"`
}

// RankTop ranks, per scope, the keys of each single breakdown kpi is
// reported by: the n with the highest values of kpi over the whole window
// are kept, ties by key (as CompareKeys orders them); a key without a
// value of kpi is never kept.
func (sc *Scorecard) RankTop(n int, kpi string) {
	sc.Top = &Top{N: n, By: kpi, Rankings: []Ranking{}}
	var by []string
	for _, k := range sc.KPIs {
		if k.Name == kpi {
			by = slices.DeleteFunc(slices.Clone(k.By), Crossed)
		}
	}
	for _, s := range sc.Scopes {
		for _, b := range by {
			sc.Top.Rankings = append(sc.Top.Rankings, sc.rank(n, kpi, s.Campaign, b))
		}
	}
}

// rank is the ranking of one breakdown in one scope.
func (sc *Scorecard) rank(n int, kpi, campaign, by string) Ranking {
	r := Ranking{Campaign: campaign, By: by, Total: Null}
	var all []Ranked
	for _, v := range sc.Values {
		switch {
		case v.Campaign != campaign || v.KPI != kpi || v.Period != "":
		case v.By == "":
			r.Total = v.Value
		case v.By == by:
			all = append(all, Ranked{Key: v.Key, Value: v.Value})
		}
	}
	slices.SortStableFunc(all, func(a, b Ranked) int {
		return cmp.Or(compareDescending(a.Value, b.Value), CompareKeys(a.Key, b.Key))
	})
	for i := range all {
		all[i].Share = share(all[i].Value, r.Total)
	}
	valued := slices.IndexFunc(all, func(k Ranked) bool { return k.Value.IsNull() })
	if valued < 0 {
		valued = len(all)
	}
	kept := all[:min(n, valued)]
	r.Keys, r.Held = kept, sumShares(kept)
	if folded := all[len(kept):]; len(folded) > 0 {
		r.Others = &Others{Keys: len(folded), Share: sumShares(folded)}
	}
	return r
}

// compareDescending orders numbers highest first, null last.
func compareDescending(a, b Number) int {
	switch {
	case a.IsNull() && b.IsNull():
		return 0
	case a.IsNull():
		return 1
	case b.IsNull():
		return -1
	}
	return cmp.Compare(b, a)
}

// share is a value over the total; null when either is null or the total
// is zero.
func share(value, total Number) Number {
	if value.IsNull() || total.IsNull() || total == 0 {
		return Null
	}
	return value / total
}

// sumShares adds the shares up, those without value aside; null when the
// total has none.
func sumShares(keys []Ranked) Number {
	sum, some := Number(0), false
	for _, k := range keys {
		if !k.Share.IsNull() {
			sum, some = sum+k.Share, true
		}
	}
	if !some {
		return Null
	}
	return sum
}

// Label names the others' row of a table: "(1 other)", "(12 others)".
func (o *Others) Label() string {
	if o.Keys == 1 {
		return "(1 other)"
	}
	return fmt.Sprintf("(%d others)", o.Keys)
}

// ranking is the ranking of a breakdown in a scope; nil without one.
func (sc *Scorecard) ranking(campaign, by string) *Ranking {
	if sc.Top == nil {
		return nil
	}
	for i, r := range sc.Top.Rankings {
		if r.Campaign == campaign && r.By == by {
			return &sc.Top.Rankings[i]
		}
	}
	return nil
}

// topBreakdown is the table of a ranked breakdown: the keys kept, their
// share of the ranking KPI's total in a last column, then a row for the
// others, empty but for their shares added up.
func (l *Layout) topBreakdown(campaign string, r *Ranking) Table {
	keys := make([]string, len(r.Keys))
	shares := make([]Number, len(r.Keys))
	for i, k := range r.Keys {
		keys[i], shares[i] = keyText(k.Key), k.Share
	}
	t := l.breakdown(campaign, r.By, keys)
	if r.Others != nil {
		shares = append(shares, r.Others.Share)
		row := make([]string, len(t.Header))
		row[0] = r.Others.Label()
		t.Rows = append(t.Rows, row)
	}
	t.Header = append(t.Header, "share of "+l.sc.kpi(l.sc.Top.By).Title())
	for i, text := range FormatColumn(shares, "percent", "") {
		t.Rows[i] = append(t.Rows[i], text)
	}
	return t
}

// kpi is the scorecard's KPI of that name.
func (sc *Scorecard) kpi(name string) KPI {
	i := slices.IndexFunc(sc.KPIs, func(k KPI) bool { return k.Name == name })
	return sc.KPIs[i]
}

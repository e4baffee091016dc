// Package scorecard is the data a run produces — KPI values per campaign,
// breakdown and period — and its documented, versioned JSON form.
//
// The JSON is meant to be committed and diffed: fields and values come in a
// stable order, and numbers are written with 12 significant digits, so that
// the floating-point noise of a parallel sum (DuckDB adds in no fixed order)
// shows, rarely, as a change of the last digit only.
package scorecard

import (
	"cmp"
	"encoding/json"
	"math"
	"strconv"
)

// FormatVersion is the version of the JSON shape; it changes when a field
// changes meaning or disappears.
const FormatVersion = 1

// Scorecard is the result of one scorecard of a project.
type Scorecard struct {
	FormatVersion int    `json:"format_version"`
	Project       string `json:"project"`
	Name          string `json:"scorecard"`
	Label         string `json:"label,omitempty"`
	Grain         string `json:"grain"` // the period of the values' series
	Currency      string `json:"currency,omitempty"`
	// AsOf is the project's reference date (YYYY-MM-DD), the one found in
	// the data for as_of = "data"; "" when there is none.
	AsOf   string  `json:"as_of,omitempty"`
	Scopes []Scope `json:"scopes"` // the whole data and the campaigns, in order
	// Compare is the campaign the first scope's campaign is reported
	// against (the scorecard's compare); "" when there is none.
	Compare string `json:"compare,omitempty"`
	KPIs    []KPI  `json:"kpis"` // in the scorecard's order

	Channels   []Channel   `json:"channels,omitempty"`   // the declared channels' metadata
	Objectives []Objective `json:"objectives,omitempty"` // in the scorecard's order
	Segments   []Grouping  `json:"segments,omitempty"`   // the segments it is broken down by
	Cohorts    []Grouping  `json:"cohorts,omitempty"`    // the cohorts it is broken down by
	Loyalty    []Loyalty   `json:"loyalty,omitempty"`    // the loyalty ladders, in the scorecard's order
	// Attribution is each attribution's credit per scope (and segment), in the scorecard's order.
	Attribution []Attribution `json:"attribution,omitempty"`
	// Experiments are the A/B tests, in the scorecard's order.
	Experiments []Experiment `json:"experiments,omitempty"`
	// Top is the ranking of the breakdowns' keys (the scorecard's top);
	// nil without one. See top.go.
	Top *Top `json:"top,omitempty"`
	// DroppedRows counts the rows of the data that values leave out; nil
	// when there are none.
	DroppedRows *DroppedRows `json:"dropped_rows,omitempty"`

	// Values come last: WriteJSON writes them one per line.
	Values []Value `json:"values"` // sorted by scope, KPI, breakdown, key, period
}

// DroppedRows are the rows of the data that values leave out, counted so
// that no number silently stands for less data than the files hold.
type DroppedRows struct {
	// TouchpointsWithoutTime are left out of every value.
	TouchpointsWithoutTime int64 `json:"touchpoints_without_time"`
	// TouchpointsWithoutCustomer count in values over rows (count(),
	// sums) but in no value per customer: distinct customers, traits,
	// segments, journeys, loyalty stages.
	TouchpointsWithoutCustomer int64 `json:"touchpoints_without_customer"`
	// SpendWithoutTime are left out of spend().
	SpendWithoutTime int64 `json:"spend_without_time"`
	// Duplicates are, per source that says distinct, the rows dropped as
	// repeating others.
	Duplicates map[string]int64 `json:"duplicates,omitempty"`
}

// Any says whether a row was left out.
func (d *DroppedRows) Any() bool {
	return d.TouchpointsWithoutTime > 0 || d.TouchpointsWithoutCustomer > 0 || d.SpendWithoutTime > 0 || len(d.Duplicates) > 0
}

// Scope is a part of the data the KPIs are computed over: the whole data
// (no campaign), or a campaign's window and filter.
type Scope struct {
	Campaign string `json:"campaign,omitempty"`
	Label    string `json:"label,omitempty"`
	Start    string `json:"start,omitempty"` // first day, YYYY-MM-DD
	End      string `json:"end,omitempty"`   // last day, included
	// Fingerprint is the campaign's: its window and filter.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// KPI describes a KPI of the scorecard.
type KPI struct {
	Name        string   `json:"name"`
	Label       string   `json:"label,omitempty"`
	Description string   `json:"description,omitempty"`
	Format      string   `json:"format"` // number, integer, percent or currency
	Formula     string   `json:"formula"`
	By          []string `json:"by,omitempty"` // the breakdowns it is reported by
	// Fingerprint identifies what the value means: its formula and all it depends on.
	Fingerprint string      `json:"fingerprint,omitempty"`
	Proportion  *Proportion `json:"proportion,omitempty"` // set when the KPI is a share of trials
	Direction   string      `json:"direction,omitempty"`  // "down" when lower is better; "" (up) otherwise
}

// Value is one KPI value in one cell.
type Value struct {
	KPI      string  `json:"kpi"`
	Campaign string  `json:"campaign,omitempty"` // "" for the whole data
	By       string  `json:"by,omitempty"`       // the breakdown; "" for the total
	Key      *string `json:"key,omitempty"`      // the breakdown's value; nil for its missing values
	// Keys are a crossed breakdown's values, one per breakdown crossed
	// (nil for a missing value); Key is then nil. See crossed.go.
	Keys   []*string `json:"keys,omitempty"`
	Period string    `json:"period,omitempty"` // "" over the scope's whole window
	Value  Number    `json:"value"`
}

// CompareKeys orders breakdown values: the missing value first, then
// integers by their value (a cohort's periods since: 2 before 10), then
// the others by their text.
func CompareKeys(a, b *string) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	x, errA := strconv.ParseInt(*a, 10, 64)
	y, errB := strconv.ParseInt(*b, 10, 64)
	switch {
	case errA == nil && errB == nil:
		return cmp.Compare(x, y)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return cmp.Compare(*a, *b)
}

// Number is a KPI value: a float, or NaN for a value that does not exist
// (a ratio over zero, an aggregate over no row), written as null.
type Number float64

// Null is the value that does not exist.
var Null = Number(math.NaN())

// IsNull reports whether the value does not exist.
func (n Number) IsNull() bool { return math.IsNaN(float64(n)) }

// String writes the number with 12 significant digits, the form the JSON uses.
func (n Number) String() string {
	if n.IsNull() {
		return "null"
	}
	if math.IsInf(float64(n), 0) {
		return "null"
	}
	return strconv.FormatFloat(float64(n), 'g', 12, 64)
}

// MarshalJSON writes the number as String does.
func (n Number) MarshalJSON() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalJSON reads a number or null.
func (n *Number) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Null
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*n = Number(f)
	return nil
}

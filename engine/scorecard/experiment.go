package scorecard

// Experiment is an A/B test's result: its customers per variant, the
// sample-ratio check, and each variant's lift over control on each KPI.
type Experiment struct {
	Name        string `json:"name"`
	Label       string `json:"label,omitempty"`
	Description string `json:"description,omitempty"`
	Assignment  string `json:"assignment"` // the formula naming each customer's variant
	Control     string `json:"control"`
	Start       string `json:"start"` // first day, YYYY-MM-DD
	End         string `json:"end"`   // last day, included
	Segment     string `json:"segment,omitempty"`
	Campaign    string `json:"campaign,omitempty"`
	Confidence  Number `json:"confidence"` // the level of every interval, as 0.95
	CUPED       bool   `json:"cuped,omitempty"`
	// KPIs are the KPIs judged, in the block's order.
	KPIs []ExperimentKPI `json:"kpis"`
	// Excluded counts the customers seen in two variants or more, left
	// out of every figure.
	Excluded int       `json:"excluded_customers"`
	Variants []Variant `json:"variants"` // the listed ones in order, then those found, by name
	// SRM is the sample-ratio check; nil without a split.
	SRM     *SampleRatio       `json:"srm,omitempty"`
	Results []ExperimentResult `json:"results"` // per KPI, in the block's order, then per variant
}

// ExperimentKPI is a KPI an experiment judges, as its figures are written.
type ExperimentKPI struct {
	Name  string `json:"name"`
	Label string `json:"label,omitempty"`
	// Format is that of the values per customer: percent for a rate of
	// customers, else the KPI's (a mean of counts is a number).
	Format string `json:"format"`
	// Direction is "down" when lower is better, "" (up) otherwise.
	Direction string `json:"direction,omitempty"`
}

// Variant is one arm of an experiment.
type Variant struct {
	Name      string `json:"name"`
	Customers int    `json:"customers"`
	// Split is its intended share of the customers (0 to 1); null without a split.
	Split Number `json:"split"`
}

// SampleRatio is the sample-ratio-mismatch check: Pearson's chi-square of
// the customers per variant against the split, and its p-value.
type SampleRatio struct {
	ChiSquare Number `json:"chi_square"`
	P         Number `json:"p_value"`
}

// ExperimentResult is one variant's figures on one KPI. Control's row has
// its value and customers only.
type ExperimentResult struct {
	KPI     string `json:"kpi"`
	Variant string `json:"variant"`
	// Test is "two-proportion z" for a rate of customers, "Welch t" for
	// any other value per customer.
	Test      string `json:"test"`
	Customers int    `json:"customers"` // those with a value of the KPI
	// Value is the mean of the customers' values: a rate, or a sum or a
	// mean per customer (CUPED-adjusted when the experiment asks).
	Value Number `json:"value"`
	// Lift is Value minus control's, with its interval.
	Lift     Number `json:"lift"`
	LiftLow  Number `json:"lift_low"`
	LiftHigh Number `json:"lift_high"`
	// Relative is Lift over control's value, with its interval.
	Relative     Number `json:"relative_lift"`
	RelativeLow  Number `json:"relative_lift_low"`
	RelativeHigh Number `json:"relative_lift_high"`
	P            Number `json:"p_value"`
	// Adjusted is P after Holm's correction across the experiment's
	// variants and KPIs.
	Adjusted Number `json:"p_value_holm"`
	// MDE is the smallest absolute lift these customers detect with 80%
	// power at the confidence level.
	MDE Number `json:"mde"`
	// Theta is CUPED's coefficient; null without CUPED.
	Theta Number `json:"cuped_theta"`
}

// Figure is one of the result's figures by the name its JSON gives it
// ("lift", "p_value_holm"…); false for a name it has not.
func (r ExperimentResult) Figure(name string) (Number, bool) {
	n, ok := map[string]Number{
		"value": r.Value, "customers": Number(r.Customers), "lift": r.Lift, "lift_low": r.LiftLow, "lift_high": r.LiftHigh,
		"relative_lift": r.Relative, "relative_lift_low": r.RelativeLow, "relative_lift_high": r.RelativeHigh,
		"p_value": r.P, "p_value_holm": r.Adjusted, "mde": r.MDE, "cuped_theta": r.Theta,
	}[name]
	return n, ok
}

package scorecard

// Objective is where an objective stands at the data's last date: its
// baseline and target, the value of its KPI in the latest period, the value
// expected by then on a straight line from baseline to target, and the value
// its trend projects at the deadline.
type Objective struct {
	Name        string `json:"name"`
	Label       string `json:"label,omitempty"`
	Description string `json:"description,omitempty"`
	KPI         string `json:"kpi"`
	Format      string `json:"format"`             // the KPI's format, to display the values
	Segment     string `json:"segment,omitempty"`  // the population: a segment…
	Channel     string `json:"channel,omitempty"`  // …or a channel; neither: everybody
	Campaign    string `json:"campaign,omitempty"` // "" for the whole data
	Owner       string `json:"owner,omitempty"`

	Baseline         Number `json:"baseline"`
	BaselineMeasured bool   `json:"baseline_measured"`         // false: given in the definition
	BaselinePeriod   string `json:"baseline_period,omitempty"` // the period it was measured in
	Target           Number `json:"target"`
	TargetText       string `json:"target_text"` // as written: 0.36, "+5%", "+5pp"
	Direction        string `json:"direction"`   // up or down: which way is good
	Start            string `json:"start"`       // YYYY-MM-DD
	Deadline         string `json:"deadline"`

	AsOf      string   `json:"as_of"`            // the data's last date, or the deadline if earlier; "" for a lift
	Period    string   `json:"period,omitempty"` // the period Value is the KPI of: the one holding AsOf
	Value     Number   `json:"value"`
	Expected  Number   `json:"expected"`  // on the straight line from baseline to target
	Projected Number   `json:"projected"` // at the deadline, from the least-squares trend
	Progress  Number   `json:"progress"`  // the share of the change from baseline to target done
	Status    Status   `json:"status"`
	Warnings  []string `json:"warnings,omitempty"` // what makes the objective doubtful, with the numbers

	// Lift is set for an objective on an experiment's lift, whose Value is
	// the variant's lift, its Target the lift wanted, its Start and Deadline
	// the experiment's window; nil for an objective on a KPI's value.
	Lift *ObjectiveLift `json:"lift,omitempty"`
}

// ObjectiveLift is what an objective on an experiment's lift is judged
// from: the interval of the lift that the experiment reports.
type ObjectiveLift struct {
	Experiment string `json:"experiment"`
	Variant    string `json:"variant"`
	Control    string `json:"control"`
	// Relative: the lift is relative to the control's value (a target
	// "+5%"); else absolute, in the KPI's unit (percentage points of a rate).
	Relative   bool   `json:"relative"`
	Low        Number `json:"low"`        // the interval of the lift…
	High       Number `json:"high"`       // …
	Confidence Number `json:"confidence"` // …at the experiment's level
}

// Status is where an objective stands.
type Status string

// The statuses, from best to worst, then those that cannot be judged.
const (
	Achieved Status = "achieved"  // the value has reached the target
	OnTrack  Status = "on_track"  // at or beyond the expected value
	AtRisk   Status = "at_risk"   // behind by at most a quarter of the change
	OffTrack Status = "off_track" // behind by more
	// NotStarted: the data ends before the objective's first period.
	NotStarted Status = "not_started"
	// NoData: the KPI has no value in the baseline's or the latest period.
	NoData Status = "no_data"
)

// Text is the status for a person: "on track".
func (s Status) Text() string {
	switch s {
	case OnTrack:
		return "on track"
	case AtRisk:
		return "at risk"
	case OffTrack:
		return "off track"
	case NotStarted:
		return "not started"
	case NoData:
		return "no data"
	}
	return string(s)
}

// FormatValue writes a value of the objective (its value, its target): a
// lift with its sign, in percent of the control for a relative one and in
// percentage points for a rate's; else a value in the KPI's format.
func (o Objective) FormatValue(n Number, currency string) string {
	switch {
	case o.Lift == nil:
		return FormatValue(n, o.Format, currency)
	case o.Lift.Relative:
		return relative(n)
	}
	return lift(n, o.Format, currency)
}

// Interval writes a lift objective's interval, "" for another objective.
func (o Objective) Interval(currency string) string {
	switch {
	case o.Lift == nil:
		return ""
	case o.Lift.Relative:
		return relativeInterval(o.Lift.Low, o.Lift.High)
	}
	return interval(o.Lift.Low, o.Lift.High, o.Format, currency)
}

// PaceFormat is the format of the values on the way from baseline to target
// (expected, projected, changes per period): those of a count are not
// whole numbers, and rounding them would hide how far behind it is.
func (o Objective) PaceFormat() string {
	if o.Format == "integer" {
		return "number"
	}
	return o.Format
}

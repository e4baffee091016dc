package scorecard

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Loyalty is the report of a loyalty ladder: how many customers stood on
// each stage in each period, how they moved between consecutive periods,
// the forecast of the next periods, and the forecasts the past periods would
// have made next to what happened — for everybody, then per breakdown value.
type Loyalty struct {
	Name        string   `json:"name"`
	Label       string   `json:"label,omitempty"`
	Description string   `json:"description,omitempty"`
	Period      string   `json:"period"` // the grain of its periods
	Stages      []string `json:"stages"` // from the lowest up
	// StageLabels are the labels of the stages that have one, by name.
	StageLabels map[string]string `json:"stage_labels,omitempty"`
	Volume      string            `json:"volume,omitempty"`   // the formula of what a customer produces
	Discount    *Number           `json:"discount,omitempty"` // the rate per period that discounts the forecast volume
	LadderSeries
	// Strongest ranks the stages and breakdown values by their progression
	// in the latest transition; nil with fewer than two periods.
	Strongest *Strongest    `json:"strongest,omitempty"`
	Groups    []LadderGroup `json:"groups,omitempty"` // by breakdown, then key
	// NullRules are the rules that were null for customers they were tried
	// for, in the order they are tried; nil when none was.
	NullRules []NullRule `json:"null_rules,omitempty"`
}

// NullRule is a stage's rule that was null for some customers in some
// periods: it did not hold, and the rules tried after it placed them.
type NullRule struct {
	Stage           string `json:"stage"`
	Rule            string `json:"rule"`             // the formula, as written
	CustomerPeriods int64  `json:"customer_periods"` // customers × periods
}

// LadderSeries is the ladder of one population.
type LadderSeries struct {
	Periods     []LadderPeriod   `json:"periods"`     // every period of the data, empty ones included
	Transitions []Transition     `json:"transitions"` // one per pair of consecutive periods
	Forecast    []LadderPeriod   `json:"forecast"`    // the next periods, from the latest transition
	Backtest    []BacktestPeriod `json:"backtest"`    // each period with two before it
	// Value is the forecast volume discounted, with a discount and a
	// forecast; nil otherwise.
	Value *LadderValue `json:"value,omitempty"`
}

// LadderValue is what the forecast volume is worth today: the volume of the
// t-th forecast period divided by (1 + discount)^t, summed over the
// forecast.
type LadderValue struct {
	Stages      StageValues `json:"stages"`       // of the customers the forecast puts in each stage
	Total       Number      `json:"total"`        // of every stage
	PerCustomer StageValues `json:"per_customer"` // of one customer now in each stage
}

// LadderGroup is the ladder of the customers of one breakdown value: a
// segment, or a value of a customer attribute.
type LadderGroup struct {
	By  string  `json:"by"`            // "segment" or the attribute
	Key *string `json:"key,omitempty"` // nil for customers without a value
	LadderSeries
}

// LadderPeriod is the stage distribution of a period, observed or forecast.
type LadderPeriod struct {
	Period string `json:"period"`
	Distribution
}

// Distribution is how many customers stand on each stage, and the volume
// they produce (or are expected to).
type Distribution struct {
	Counts      StageValues `json:"counts"`
	Volume      StageValues `json:"volume,omitempty"`
	VolumeTotal *Number     `json:"volume_total,omitempty"`
}

// Transition is how customers moved from one period to the next.
type Transition struct {
	From string `json:"from_period"`
	To   string `json:"to_period"`
	// Matrix[i][j] customers were in stage i and then in stage j.
	Matrix [][]Number `json:"matrix"`
	// Probabilities are the rows of Matrix over their totals; null for a
	// stage nobody was in.
	Probabilities   [][]Number `json:"probabilities"`
	ProgressionRate Number     `json:"progression_rate"` // the share of customers who moved up
	RegressionRate  Number     `json:"regression_rate"`  // the share who moved down
	// StageProgression is, per stage, the share of its customers who moved up.
	StageProgression StageValues `json:"stage_progression"`
}

// BacktestPeriod is a past period next to the forecast the period before it
// would have made, with the transition observed just before that.
type BacktestPeriod struct {
	Period    string        `json:"period"`
	Predicted Distribution  `json:"predicted"`
	Actual    Distribution  `json:"actual"`
	Error     BacktestError `json:"error"`
}

// BacktestError measures a past forecast against what happened.
type BacktestError struct {
	Counts StageValues `json:"counts"` // predicted − actual customers
	// Misplaced is the share of customers forecast in another stage than
	// the one they were in: Σ|predicted − actual| / 2N.
	Misplaced Number `json:"misplaced"`
	// NaiveMisplaced is that share for a forecast of no change.
	NaiveMisplaced Number  `json:"naive_misplaced"`
	Volume         *Number `json:"volume,omitempty"`          // predicted − actual
	VolumeRelative *Number `json:"volume_relative,omitempty"` // over the actual volume
}

// Strongest ranks what progressed most in a transition.
type Strongest struct {
	From   string       `json:"from_period"`
	To     string       `json:"to_period"`
	Stages []StageShare `json:"stages"`           // by the share of their customers who moved up
	Groups []GroupShare `json:"groups,omitempty"` // by their progression rate
}

// StageShare is a stage's progression: the share of its customers who moved up.
type StageShare struct {
	Stage string `json:"stage"`
	Rate  Number `json:"rate"`
}

// GroupShare is a breakdown value's progression rate.
type GroupShare struct {
	By   string  `json:"by"`
	Key  *string `json:"key,omitempty"`
	Rate Number  `json:"rate"`
}

// StageValues are numbers per stage, in the ladder's order. JSON writes them
// as an object whose keys keep that order.
type StageValues []StageValue

// StageValue is the number of one stage.
type StageValue struct {
	Stage string
	Value Number
}

// Total is the sum over the stages.
func (s StageValues) Total() Number {
	var t Number
	for _, v := range s {
		t += v.Value
	}
	return t
}

// MarshalJSON writes {"stage": value, …} in the stages' order.
func (s StageValues) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, v := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(v.Stage)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.WriteString(v.Value.String())
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the object MarshalJSON writes, keeping its order.
func (s *StageValues) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("stage values: want an object, got %s", data)
	}
	*s = StageValues{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v Number
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*s = append(*s, StageValue{Stage: t.(string), Value: v})
	}
	return nil
}

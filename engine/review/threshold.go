package review

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Threshold is the change omni diff fails on: relative to the value before
// ("5%") or absolute ("0.02", in the KPI's unit: 0.02 is 2 points of a rate).
type Threshold struct {
	Value    float64
	Relative bool
}

// ParseThreshold reads a threshold written 5% or 0.02.
func ParseThreshold(s string) (*Threshold, error) {
	text, relative := strings.CutSuffix(strings.TrimSpace(s), "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, fmt.Errorf("invalid threshold %q: write a relative change such as 5%% or an absolute one such as 0.02", s)
	}
	if relative {
		v /= 100
	}
	return &Threshold{Value: v, Relative: relative}, nil
}

// String writes the threshold as it is parsed.
func (t *Threshold) String() string {
	if t.Relative {
		return strconv.FormatFloat(t.Value*100, 'g', -1, 64) + "%"
	}
	return strconv.FormatFloat(t.Value, 'g', -1, 64)
}

// Exceeded reports whether a row changed by more than the threshold. A
// value that appears or disappears has no size of change: it is listed,
// not judged. A relative threshold judges any change from 0 as beyond it.
func (t *Threshold) Exceeded(r *Row) bool {
	if math.IsNaN(r.Delta) || !r.Changed() {
		return false
	}
	if t.Relative {
		return math.IsNaN(r.Relative) || math.Abs(r.Relative) > t.Value
	}
	return math.Abs(r.Delta) > t.Value
}

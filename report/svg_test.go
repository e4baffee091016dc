package report

import (
	"fmt"
	"testing"

	"github.com/omni-metrics/omni/scorecard"
)

// Two runs sum in a different order and disagree in the last bits: their
// charts must not (the HTML report is checked in with the examples).
func TestChartsIgnoreFloatingPointNoise(t *testing.T) {
	format := func(n scorecard.Number) string { return fmt.Sprintf("%.0f", float64(n)) }
	chart := func(a, b, c float64) string {
		values := []scorecard.Number{scorecard.Number(a), scorecard.Number(b), scorecard.Number(c)}
		line := newLineChart("t", []string{"Q1", "Q2", "Q3"}, values, format)
		bars := newBarChart("t", []barItem{{Name: "a", Value: values[0]}, {Name: "b", Value: values[1]}}, format)
		return fmt.Sprintf("%v %v", *line, *bars)
	}
	one, other := chart(428408.1, 892019.3, 940097), chart(428408.1+1e-10, 892019.3-1e-10, 940097)
	if one != other {
		t.Errorf("charts differ:\n%s\n%s", one, other)
	}
	if one == chart(428408.1, 892019.3, 990097) {
		t.Error("charts of different values are the same")
	}
}

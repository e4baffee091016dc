package report

import (
	"math"
	"strings"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Line charts' sizes, in SVG user units (pixels at 100%).
const (
	lineWidth, linePlotHeight = 360, 120
	lineTop                   = 10 // room for the top tick's label
	tickGap                   = 6  // between a tick's label and the plot
	yTicks                    = 4  // about as many steps on the value axis
)

// lineChart is a KPI's series: its values per period on a scale of round
// values, from zero, with gridlines: a small change looks small. A line
// joins the values of consecutive periods; a missing value breaks it. Every
// dot tells its period and value on hover, and the latest value is written
// after it. A partial period (see view.partial) is drawn hollow at the end
// of a dashed line, and a note under the chart says so.
type lineChart struct {
	Title         string
	Width, Height int
	PlotLeft      px
	PlotRight     px
	Grid          []label // a gridline and its value per tick, Y its height
	XLabels       []label // the periods written under the plot
	Solid, Dashed string  // the lines' paths: to whole periods, to a partial one
	Dots          []dot
	Latest        *label // the latest value, after its dot
	Note          *label // what a hollow dot means
}

// dot is a value's mark.
type dot struct {
	label
	Partial bool
}

// newLineChart lays out values (NaN for a missing one) of consecutive
// periods, partial[i] telling which cover part of their period; nil when
// fewer than two values exist.
func newLineChart(title string, periods []string, values []scorecard.Number, partial []bool, f numberFormat) *lineChart {
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for _, v := range values {
		if finite(v) {
			lo, hi, n = math.Min(lo, float64(v)), math.Max(hi, float64(v)), n+1
		}
	}
	if n < 2 {
		return nil
	}
	a := newAxis(lo, hi, yTicks, f.format == "integer")
	ticks := a.tickTexts(f)
	c := &lineChart{Title: title, Width: lineWidth}
	for _, t := range ticks {
		c.PlotLeft = max(c.PlotLeft, px(textWidth(t)+tickGap))
	}
	texts := make([]string, len(values))
	for i, v := range values {
		if finite(v) {
			texts[i] = f.text(v)
		}
	}
	last := len(values) - 1
	for !finite(values[last]) {
		last--
	}
	// The latest value is written after its dot, at the plot's right end;
	// the last period's label is centred under it.
	right := max(textWidth(texts[last])+tickGap+4, textWidth(periods[len(periods)-1])/2+2)
	c.PlotRight = px(lineWidth - right)
	c.PlotLeft = max(c.PlotLeft, px(textWidth(periods[0])/2+2))
	bottom := lineTop + linePlotHeight
	y := func(v float64) px { return px(lineTop + linePlotHeight*(1-a.at(v))) }
	for i, t := range a.ticks {
		c.Grid = append(c.Grid, label{X: c.PlotLeft - tickGap, Y: y(t), Text: ticks[i]})
	}
	step := float64(c.PlotRight-c.PlotLeft) / float64(max(1, len(periods)-1))
	every := labelEvery(periods, step)
	var solid, dashed []string
	var prev *dot // the previous period's, when it has a value
	var partials []string
	for i, p := range periods {
		x := c.PlotLeft + px(step*float64(i))
		if (len(periods)-1-i)%every == 0 {
			c.XLabels = append(c.XLabels, label{X: x, Y: px(bottom + 18), Text: p})
		}
		if !finite(values[i]) {
			prev = nil
			continue
		}
		d := &dot{label{X: x, Y: y(float64(values[i])), Text: texts[i], Title: p + ": " + texts[i]}, partial[i]}
		if d.Partial {
			d.Title += " (partial period)"
			partials = append(partials, p)
		}
		if prev != nil {
			segment := "M" + prev.X.String() + "," + prev.Y.String() + " L" + d.X.String() + "," + d.Y.String()
			if prev.Partial || d.Partial {
				dashed = append(dashed, segment)
			} else {
				solid = append(solid, segment)
			}
		}
		if i == last {
			c.Latest = &label{X: x + tickGap, Y: d.Y, Text: texts[i], Title: d.Title}
		}
		c.Dots = append(c.Dots, *d)
		prev = d
	}
	c.Solid, c.Dashed = strings.Join(solid, " "), strings.Join(dashed, " ")
	c.Height = bottom + 24
	if len(partials) > 0 { // the first and the last period at most
		note := "○ partial period, covered in part: " + partials[0]
		if len(partials) > 1 {
			note = "○ partial periods, covered in part: " + strings.Join(partials, ", ")
		}
		c.Note = &label{Y: px(c.Height + 14), Text: fit(note, lineWidth-4)}
		c.Height += 20
	}
	return c
}

// labelEvery is how many points one of the labels stands for, so that
// labels step apart do not overlap: 1 for quarters, more for months.
func labelEvery(labels []string, step float64) int {
	widest := 0.0
	for _, l := range labels {
		widest = max(widest, textWidth(l))
	}
	return max(1, int(math.Ceil((widest+8)/step)))
}

package report

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file lays charts out: coordinates and labels, computed in Go and
// drawn as inline SVG by the page's templates, which escape every label.

// Chart sizes, in SVG user units (pixels at 100%).
const (
	lineWidth, lineHeight = 340, 170
	lineMargin            = 44 // room for the first and last values' labels
	barWidth, barRow      = 460, 22
	barLabelWidth         = 150 // room for the channel names on the left
	plotTop, plotBottom   = 20, 28
)

// px is an SVG coordinate or length. It prints with one decimal, enough
// for a screen, so that a chart does not change with the last bits of the
// floating-point sums behind its values.
type px float64

func (v px) String() string { return strconv.FormatFloat(float64(v), 'f', 1, 64) }

// label is a text placed at a point.
type label struct {
	X, Y px
	Text string
}

// lineChart is a KPI's series: its values per period, joined by a line,
// over the line of zero: a small change looks small. Every dot tells its
// value on hover; the periods and values written under and over the line
// are those that fit, counted back from the latest.
type lineChart struct {
	Title         string
	Width, Height int
	Line          string  // the polyline's points, "x,y x,y…"
	Dots          []label // a dot per value, with its formatted value
	Values        []label // the values written over their dot
	XLabels       []label // the periods written under the axis
	AxisY         px      // the y of zero
}

// newLineChart lays out values (NaN for a missing one) of consecutive
// periods; nil when fewer than two values exist.
func newLineChart(title string, periods []string, values []scorecard.Number, format func(scorecard.Number) string) *lineChart {
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for _, v := range values {
		if finite(v) {
			lo, hi, n = math.Min(lo, float64(v)), math.Max(hi, float64(v)), n+1
		}
	}
	if n < 2 {
		return nil
	}
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if lo == hi {
		hi = 1
	}
	plotW, plotH := float64(lineWidth-2*lineMargin), float64(lineHeight-plotTop-plotBottom)
	step := plotW / float64(max(1, len(periods)-1))
	y := func(v float64) px { return px(plotTop + plotH*(1-(v-lo)/(hi-lo))) }
	c := &lineChart{Title: title, Width: lineWidth, Height: lineHeight, AxisY: y(0)}
	texts := make([]string, len(values))
	for i, v := range values {
		if finite(v) {
			texts[i] = format(v)
		}
	}
	var line []string
	everyPeriod, everyValue := labelEvery(periods, step), labelEvery(texts, step)
	for i, p := range periods {
		x, fromLast := px(lineMargin+step*float64(i)), len(periods)-1-i
		if fromLast%everyPeriod == 0 {
			c.XLabels = append(c.XLabels, label{X: x, Y: lineHeight - 8, Text: p})
		}
		if v := values[i]; finite(v) {
			dot := label{X: x, Y: y(float64(v)), Text: texts[i]}
			line = append(line, dot.X.String()+","+dot.Y.String())
			c.Dots = append(c.Dots, dot)
			if fromLast%everyValue == 0 {
				c.Values = append(c.Values, dot)
			}
		}
	}
	c.Line = strings.Join(line, " ")
	return c
}

// charWidth is the width of a character of the charts' labels, at most.
const charWidth = 7

// labelEvery is how many points one of the labels stands for, so that
// labels step apart do not overlap: 1 for quarters, more for months.
func labelEvery(labels []string, step float64) int {
	longest := 0
	for _, l := range labels {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	return max(1, int(math.Ceil(float64(longest*charWidth+8)/step)))
}

// barChart compares a KPI across the values of a breakdown, one horizontal
// bar each, in groups (online, then offline channels).
type barChart struct {
	Title         string
	Width, Height int
	Zero          px // the x of the value 0
	Bars          []bar
	Groups        []label // the groups' captions
}

// bar is one value of a bar chart, its name on the left and its value
// after it; Class colours it (by media).
type bar struct {
	Y, X, W        px
	LabelX, ValueX px
	Name, Value    string
	Class          string
}

// barItem is a value to draw as a bar.
type barItem struct {
	Name, Group, Class string
	Value              scorecard.Number
}

// newBarChart lays bars out in the items' order, a caption above each new
// group; nil when no item has a value.
func newBarChart(title string, items []barItem, format func(scorecard.Number) string) *barChart {
	lo, hi, found := 0.0, 0.0, false
	for _, it := range items {
		if finite(it.Value) {
			lo, hi, found = math.Min(lo, float64(it.Value)), math.Max(hi, float64(it.Value)), true
		}
	}
	if !found {
		return nil
	}
	if lo == hi {
		hi = 1
	}
	plotW := float64(barWidth - barLabelWidth - 100) // room for the value after the bar
	x := func(v float64) px { return px(barLabelWidth + plotW*(v-lo)/(hi-lo)) }
	c := &barChart{Title: title, Width: barWidth, Zero: x(0)}
	y, group := px(plotTop), ""
	for i, it := range items {
		if it.Group != "" && (i == 0 || it.Group != group) {
			group = it.Group
			y += 6
			c.Groups = append(c.Groups, label{X: 4, Y: y + 8, Text: it.Group})
			y += 14
		}
		b := bar{Y: y, Name: it.Name, Value: format(it.Value), Class: it.Class, X: c.Zero, LabelX: barLabelWidth - 6}
		if finite(it.Value) {
			b.X, b.W = min(x(float64(it.Value)), c.Zero), px(math.Abs(float64(x(float64(it.Value))-c.Zero)))
		}
		b.ValueX = max(b.X+b.W, c.Zero) + 4
		c.Bars = append(c.Bars, b)
		y += barRow
	}
	c.Height = int(y) + 8
	return c
}

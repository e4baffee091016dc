package report

import (
	"cmp"
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Bar charts' sizes, in SVG user units.
const (
	barWidth          = 480 // with names up to barNameRoom wide; wider with longer ones
	barRow, barHeight = 22, 14
	barNameRoom       = 190 // the names' room within barWidth
	barNameWidth      = 300 // the most room for a bar's name; longer ones end in …
	barTop            = 8
)

// barChart compares a KPI across the values of a breakdown, one horizontal
// bar each, in groups (online, then offline channels), over a scale of
// round values with gridlines. Names are measured: a long one is shortened
// and told whole on hover, as every bar's value is.
type barChart struct {
	Title         string
	Width, Height int
	Zero          px // the x of the value 0
	Top, Bottom   px // the plot's
	Grid          []label
	Bars          []bar
	Groups        []label // the groups' captions
}

// bar is one value of a bar chart, its name on the left and its value
// after it; Class colours it (by media).
type bar struct {
	Y, X, W        px
	LabelX, ValueX px
	Name, Value    string
	Title          string
	Class          string
}

// barItem is a value to draw as a bar; Title names it on hover, when its
// name alone does not (the name by default).
type barItem struct {
	Name, Group, Class, Title string
	Value                     scorecard.Number
}

// newBarChart lays bars out in the items' order, a caption above each new
// group; nil when no item has a value.
func newBarChart(title string, items []barItem, f numberFormat) *barChart {
	lo, hi, found := 0.0, 0.0, false
	nameW, valueW := 0.0, 0.0
	numbers := make([]scorecard.Number, len(items))
	for i, it := range items {
		nameW = max(nameW, textWidth(it.Name))
		if finite(it.Value) {
			lo, hi, found = math.Min(lo, float64(it.Value)), math.Max(hi, float64(it.Value)), true
		}
		numbers[i] = it.Value
	}
	values := f.column(numbers)
	for _, v := range values {
		valueW = max(valueW, textWidth(v))
	}
	if !found {
		return nil
	}
	nameW = math.Min(nameW, barNameWidth)
	width := barWidth + max(0, nameW-barNameRoom)
	// The plot starts after the names and leaves room for the values after
	// the bars and for half the first and last ticks' labels; it has as
	// many ticks as fit side by side.
	var a axis
	var ticks []string
	var left px
	var plotW float64
	for n := yTicks; n > 0; n-- {
		a = newAxis(lo, hi, n, f.format == "integer")
		ticks = a.tickTexts(f)
		left = px(nameW + 10 + textWidth(ticks[0])/2)
		plotW = width - float64(left) - math.Max(valueW+8, textWidth(ticks[len(ticks)-1])/2+2)
		widest := 0.0
		for _, t := range ticks {
			widest = max(widest, textWidth(t))
		}
		if plotW/float64(len(ticks)-1) >= widest+8 {
			break
		}
	}
	x := func(v float64) px { return left + px(plotW*a.at(v)) }
	c := &barChart{Title: title, Width: int(width), Zero: x(0), Top: barTop}
	y, group := px(barTop), ""
	for i, it := range items {
		if it.Group != "" && (i == 0 || it.Group != group) {
			group = it.Group
			c.Groups = append(c.Groups, label{X: 4, Y: y + 14, Text: it.Group})
			y += 20
		}
		b := bar{Y: y, Name: fit(it.Name, nameW), Value: values[i], Title: cmp.Or(it.Title, it.Name) + ": " + values[i],
			Class: it.Class, X: c.Zero, LabelX: px(nameW) + 4}
		if finite(it.Value) {
			end := x(float64(it.Value))
			b.X, b.W = min(end, c.Zero), px(math.Abs(float64(end-c.Zero)))
		}
		b.ValueX = max(b.X+b.W, c.Zero) + 4
		c.Bars = append(c.Bars, b)
		y += barRow
	}
	c.Bottom = y
	for i, t := range a.ticks {
		c.Grid = append(c.Grid, label{X: x(t), Y: y + 14, Text: ticks[i]})
	}
	c.Height = int(y) + 20
	return c
}

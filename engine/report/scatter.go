package report

import (
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Scatter charts' sizes, in SVG user units.
const (
	scatterWidth, scatterPlotHeight = 480, 200
	scatterTop                      = 12
)

// scatterChart sets keys by two values, as return on ad spend against
// spend: a dot per key, named beside it where its name fits clear of the
// others and of the plot's edges, and always on hover; a dashed line marks
// a reference value (break-even), when it is within the scale.
type scatterChart struct {
	Title         string
	Width, Height int
	Left, Right   px
	Top, Bottom   px
	XGrid, YGrid  []label
	XName, YName  label
	Dots, Names   []label
	Reference     *label // the reference line's y, and what it means
}

// scatterPoint is a key's two values.
type scatterPoint struct {
	Name string
	X, Y scorecard.Number
}

// newScatterChart lays out the points with both values; nil when fewer
// than two have them. reference is a value of y to draw a line at (NaN
// for none), told by referenceText.
func newScatterChart(title string, points []scatterPoint, xName string, xf numberFormat, yName string, yf numberFormat, reference float64, referenceText string) *scatterChart {
	var shown []scatterPoint
	xlo, xhi, ylo, yhi := 0.0, 0.0, 0.0, 0.0
	for _, p := range points {
		if finite(p.X) && finite(p.Y) {
			shown = append(shown, p)
			xlo, xhi = math.Min(xlo, float64(p.X)), math.Max(xhi, float64(p.X))
			ylo, yhi = math.Min(ylo, float64(p.Y)), math.Max(yhi, float64(p.Y))
		}
	}
	if len(shown) < 2 {
		return nil
	}
	if !math.IsNaN(reference) {
		yhi = math.Max(yhi, reference)
	}
	ya := newAxis(ylo, yhi, yTicks, yf.format == "integer")
	yTexts := ya.tickTexts(yf)
	c := &scatterChart{Title: title, Width: scatterWidth, Top: scatterTop + 14}
	for _, t := range yTexts {
		c.Left = max(c.Left, px(textWidth(t)+tickGap))
	}
	c.Bottom = c.Top + scatterPlotHeight
	// As many ticks on the spend axis as fit side by side.
	var xa axis
	var xTexts []string
	for n := yTicks; n > 0; n-- {
		xa = newAxis(xlo, xhi, n, xf.format == "integer")
		xTexts = xa.tickTexts(xf)
		c.Left = max(c.Left, px(textWidth(xTexts[0])/2+2))
		c.Right = px(scatterWidth - textWidth(xTexts[len(xTexts)-1])/2 - 2)
		widest := 0.0
		for _, t := range xTexts {
			widest = max(widest, textWidth(t))
		}
		if float64(c.Right-c.Left)/float64(len(xTexts)-1) >= widest+8 {
			break
		}
	}
	x := func(v float64) px { return c.Left + px(float64(c.Right-c.Left)*xa.at(v)) }
	y := func(v float64) px { return c.Bottom - px(scatterPlotHeight*ya.at(v)) }
	for i, t := range ya.ticks {
		c.YGrid = append(c.YGrid, label{X: c.Left - tickGap, Y: y(t), Text: yTexts[i]})
	}
	for i, t := range xa.ticks {
		c.XGrid = append(c.XGrid, label{X: x(t), Y: c.Bottom + 18, Text: xTexts[i]})
	}
	c.YName = label{X: c.Left, Y: c.Top - 8, Text: yName}
	c.XName = label{X: c.Right, Y: c.Bottom + 36, Text: xName}
	c.Height = int(c.Bottom) + 42
	if !math.IsNaN(reference) {
		// Told under the plot, where it crosses no dot.
		c.Reference = &label{X: c.Left + 28, Y: y(reference), Text: referenceText}
	}
	// Names go right of their dot, else left, above or below, where they
	// cross no other name, no dot and stay in the plot.
	var taken []box
	for _, p := range shown {
		d := label{X: x(float64(p.X)), Y: y(float64(p.Y)), Title: p.Name + ": " + xName + " " + xf.text(p.X) + ", " + yName + " " + yf.text(p.Y)}
		c.Dots = append(c.Dots, d)
		taken = append(taken, box{float64(d.X) - 4, float64(d.Y) - 4, float64(d.X) + 4, float64(d.Y) + 4})
	}
	plot := box{float64(c.Left), float64(c.Top) - 4, float64(c.Right), float64(c.Bottom)}
	for i, p := range shown {
		d, w := c.Dots[i], textWidth(p.Name)
		dx, dy := float64(d.X), float64(d.Y)
		for _, b := range []box{
			{dx + 6, dy - 8, dx + 6 + w, dy + 4},  // right
			{dx - 6 - w, dy - 8, dx - 6, dy + 4},  // left
			{dx - w/2, dy - 20, dx + w/2, dy - 8}, // above
			{dx - w/2, dy + 8, dx + w/2, dy + 20}, // below
		} {
			if plot.holds(b) && !b.crossesAny(taken) {
				taken = append(taken, b)
				c.Names = append(c.Names, label{X: px(b.x0), Y: px(b.y1 - 2), Text: p.Name, Title: d.Title})
				break
			}
		}
	}
	return c
}

// box is a rectangle: left, top, right, bottom.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) holds(o box) bool {
	return o.x0 >= b.x0 && o.x1 <= b.x1 && o.y0 >= b.y0 && o.y1 <= b.y1
}

func (b box) crossesAny(others []box) bool {
	for _, o := range others {
		if b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 {
			return true
		}
	}
	return false
}

package report

import (
	"fmt"
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// Ladder charts' sizes, in SVG user units.
const (
	stackWidth, stackPlotHeight = 480, 180
	stackTop                    = 10
	cellHeight                  = 24
	stageNameWidth              = 150 // the most room for a stage's name
)

// ladderCharts are a ladder drawn: customers per stage and period, stacked,
// the forecast shaded; the latest transition as a heat map; the backtest.
type ladderCharts struct {
	Title    string
	Stages   []stageSwatch // the legend, from the entry stage up
	Stack    *stackChart
	Heat     *heatMap
	Backtest *barChart
}

// stageSwatch is a stage's name and colour, for the legend.
type stageSwatch struct{ Name, Fill string }

// ladderChartsSection draws each ladder, before its tables.
func ladderChartsSection(v *view) *section {
	var out []ladderCharts
	for _, l := range v.sc.Loyalty {
		lc := ladderCharts{Title: l.Title(), Stack: newStackChart(l), Heat: newHeatMap(l), Backtest: newBacktestChart(l)}
		for i, s := range l.Stages {
			lc.Stages = append(lc.Stages, stageSwatch{s, stageFill(i, len(l.Stages))})
		}
		if lc.Stack != nil || lc.Heat != nil || lc.Backtest != nil {
			out = append(out, lc)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &section{"ladder-charts", "Loyalty ladders at a glance", "ladder charts", out}
}

// stackChart is a column per period of the customers on each stage, the
// entry stage at the bottom; forecast periods are shaded.
type stackChart struct {
	Width, Height        int
	Left, Right          px
	Top, Bottom          px
	Grid, XLabels        []label
	Columns              []stackColumn
	ForecastX, ForecastW px // the shaded band; 0 wide without a forecast
	PlotHeight           px
}

// stackColumn is one period's column.
type stackColumn struct {
	Segments []segment
}

// segment is a stage's part of a column, or a cell of a heat map.
type segment struct {
	X, Y, W, H px
	Fill       string
	Title      string
	Text       string // a heat map's value
	Light      bool   // the text is light, on a dark cell
}

func newStackChart(l scorecard.Loyalty) *stackChart {
	periods := append(append([]scorecard.LadderPeriod{}, l.Periods...), l.Forecast...)
	if len(periods) == 0 {
		return nil
	}
	hi := 0.0
	for _, p := range periods {
		hi = math.Max(hi, float64(p.Counts.Total()))
	}
	a := newAxis(0, hi, yTicks, true)
	ticks := a.tickTexts(numberFormat{format: "integer"})
	c := &stackChart{Width: stackWidth, Top: stackTop, Bottom: stackTop + stackPlotHeight, PlotHeight: stackPlotHeight}
	for _, t := range ticks {
		c.Left = max(c.Left, px(textWidth(t)+tickGap))
	}
	// Room for half the first and last periods' labels, centred under
	// their columns, past the plot's ends.
	c.Left = max(c.Left, px(textWidth(periods[0].Period)/2))
	c.Right = stackWidth - px(textWidth(periods[len(periods)-1].Period)/2) - 2
	y := func(v float64) px { return c.Bottom - px(stackPlotHeight*a.at(v)) }
	for i, t := range a.ticks {
		c.Grid = append(c.Grid, label{X: c.Left - tickGap, Y: y(t), Text: ticks[i]})
	}
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = p.Period
	}
	step := float64(c.Right-c.Left) / float64(len(periods))
	every := labelEvery(names, step)
	for i, p := range periods {
		x := c.Left + px(step*float64(i))
		forecast := i >= len(l.Periods)
		if forecast && c.ForecastW == 0 {
			c.ForecastX, c.ForecastW = x, c.Right-x
		}
		if (len(periods)-1-i)%every == 0 {
			c.XLabels = append(c.XLabels, label{X: x + px(step/2), Y: c.Bottom + 18, Text: p.Period})
		}
		var col stackColumn
		below := 0.0
		for j, sv := range p.Counts {
			n := float64(sv.Value)
			if !finite(sv.Value) || n <= 0 {
				continue
			}
			title := fmt.Sprintf("%s, %s: %s", p.Period, sv.Stage, scorecard.FormatValue(sv.Value, "integer", ""))
			if forecast {
				title += " (forecast)"
			}
			col.Segments = append(col.Segments, segment{X: x + px(step*0.15), W: px(step * 0.7), Y: y(below + n), H: y(below) - y(below+n),
				Fill: stageFill(j, len(p.Counts)), Title: title})
			below += n
		}
		c.Columns = append(c.Columns, col)
	}
	c.Height = int(c.Bottom) + 24
	return c
}

// heatMap is a transition's probabilities: a row per stage customers came
// from, a column per stage they went to.
type heatMap struct {
	Title         string
	Width, Height int
	Rows, Columns []label
	Cells         []segment
}

func newHeatMap(l scorecard.Loyalty) *heatMap {
	if len(l.Transitions) == 0 {
		return nil
	}
	tr := l.Transitions[len(l.Transitions)-1]
	nameW := 0.0
	for _, s := range l.Stages {
		nameW = max(nameW, textWidth(s))
	}
	nameW = math.Min(nameW, stageNameWidth)
	cellW := math.Max(textWidth("100.0%")+10, math.Min(nameW, 90)+8)
	left, top := nameW+10, 24.0
	m := &heatMap{Title: fmt.Sprintf("%s → %s: share of each stage's customers by the stage they moved to", tr.From, tr.To)}
	for j, s := range l.Stages {
		m.Columns = append(m.Columns, label{X: px(left + cellW*(float64(j)+0.5)), Y: px(top - 8), Text: fit(s, cellW-4), Title: "to " + s})
	}
	for i, s := range l.Stages {
		y := top + cellHeight*float64(i)
		m.Rows = append(m.Rows, label{X: px(nameW + 4), Y: px(y + 16), Text: fit(s, nameW), Title: "from " + s})
		for j, to := range l.Stages {
			cell := segment{X: px(left + cellW*float64(j)), Y: px(y), W: px(cellW - 2), H: cellHeight - 2, Fill: "#eceff3", Text: "–"}
			if i < len(tr.Probabilities) && j < len(tr.Probabilities[i]) && finite(tr.Probabilities[i][j]) {
				p := float64(tr.Probabilities[i][j])
				cell.Fill, cell.Light = heatFill(p), p > 0.5
				cell.Text = fmt.Sprintf("%.1f%%", p*100)
			}
			cell.Title = fmt.Sprintf("from %s to %s: %s", s, to, cell.Text)
			m.Cells = append(m.Cells, cell)
		}
	}
	m.Width = int(left + cellW*float64(len(l.Stages)) + 4)
	m.Height = int(top + cellHeight*float64(len(l.Stages)) + 4)
	return m
}

// newBacktestChart sets, per backtested period, the customers the forecast
// misplaced against those a forecast of no change would have.
func newBacktestChart(l scorecard.Loyalty) *barChart {
	var items []barItem
	for _, b := range l.Backtest {
		items = append(items,
			barItem{Name: "forecast", Group: b.Period, Class: "model-0", Title: b.Period + ", forecast", Value: b.Error.Misplaced},
			barItem{Name: "no change", Group: b.Period, Class: "media-none", Title: b.Period + ", no change", Value: b.Error.NaiveMisplaced})
	}
	return newBarChart("Backtest: customers the forecast misplaced, against a forecast of no change", items, numberFormat{format: "percent"})
}

// stageFill is the colour of stage i of n: light for the entry stage, dark
// for the top, on one blue ramp that reads in grey and to colour-blind eyes.
func stageFill(i, n int) string {
	t := 0.0
	if n > 1 {
		t = float64(i) / float64(n-1)
	}
	return mix([3]float64{0xc6, 0xdb, 0xef}, [3]float64{0x08, 0x30, 0x6b}, t)
}

// heatFill is the colour of a probability: white at 0, blue at 1.
func heatFill(p float64) string {
	return mix([3]float64{0xff, 0xff, 0xff}, [3]float64{0x08, 0x45, 0x94}, clamp(p))
}

func mix(from, to [3]float64, t float64) string {
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(from[i] + (to[i]-from[i])*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

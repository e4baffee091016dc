package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strconv"

	"github.com/omni-metrics/omni/engine/escape"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// experiment.gohtml draws an experiment: a forest plot of its lifts per
// KPI, then its tables.
//
//go:embed experiment.gohtml
var experimentSource string

var _ = template.Must(pageTemplate.Parse(experimentSource))

// writeExperimentsMarkdown writes each experiment as a decision-ready
// table: every variant's lift on every KPI, its interval, its p-value
// after Holm's correction and the verdict, then the checks.
func writeExperimentsMarkdown(b *bufio.Writer, sc *scorecard.Scorecard) {
	for _, e := range sc.Experiments {
		fmt.Fprintf(b, "\n## %s\n", escape.Markdown(e.Title()))
		for i, t := range e.Tables(sc.Currency) {
			if t.Title != "" {
				fmt.Fprintf(b, "\n### %s\n", escape.Markdown(t.Title))
			}
			b.WriteString("\n")
			left := 2 // the results' KPI and variant
			if i == 0 {
				left = 1 // the variants' names
			}
			writeMarkdownTable(b, table{Left: left, Header: t.Header, Rows: t.Rows}, true)
			if t.Note != "" {
				fmt.Fprintf(b, "\n%s\n", escape.Markdown(t.Note))
			}
		}
		for i, note := range e.Notes() {
			if i == 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(b, "- %s\n", escape.Markdown(note))
		}
	}
}

// experimentView is an experiment as the page shows it.
type experimentView struct {
	Title  string
	Plots  []*forestPlot
	Tables []scorecard.Table
	Notes  []string
}

func experimentsSection(v *view) *section {
	var out []experimentView
	for _, e := range v.sc.Experiments {
		ev := experimentView{Title: e.Title(), Tables: e.Tables(v.sc.Currency), Notes: e.Notes()}
		for _, k := range e.KPIs {
			if p := newForestPlot(e, k); p != nil {
				ev.Plots = append(ev.Plots, p)
			}
		}
		out = append(out, ev)
	}
	if len(out) == 0 {
		return nil
	}
	return &section{"experiments", "Experiments", "experiments", out}
}

// forestPlot draws one KPI's relative lifts, a row per variant against
// control: the interval as a line, the lift as a dot, 0 as the axis.
type forestPlot struct {
	Title, Control, Level string
	Width, Height, AxisY  px
	ScaleY                px // the baseline of the scale's labels, under the axis
	Zero, Left, Right     px // where 0 and the scale's ends stand
	LeftText, RightText   string
	Rows                  []forestRow
}

type forestRow struct {
	Variant, Text, Interval, Verdict string
	Colour                           string // the verdict's
	Y, CapTop, CapBottom             px
	LabelX, Low, High, X, TextX      px
}

// verdictColours draw a lift that is better in blue, worse in vermillion
// (the page's better and worse, which colour-blind readers tell apart),
// and inconclusive in grey.
var verdictColours = map[string]string{"better": "#0072b2", "worse": "#c04f00", "inconclusive": "#6e7781"}

// The plot's layout: variant names on the left, the lifts' scale in the
// middle, each lift written on the right.
const (
	forestWidth     = 640
	forestLabels    = 110
	forestScale     = 360
	forestRowHeight = 26
)

// newForestPlot lays out a KPI's lifts; nil when no variant has an interval.
func newForestPlot(e scorecard.Experiment, k scorecard.ExperimentKPI) *forestPlot {
	var results []scorecard.ExperimentResult
	low, high := 0.0, 0.0
	for _, r := range e.Results {
		if r.KPI != k.Name || r.Variant == e.Control || !finite(r.RelativeLow) || !finite(r.RelativeHigh) {
			continue
		}
		results = append(results, r)
		low, high = math.Min(low, float64(r.RelativeLow)), math.Max(high, float64(r.RelativeHigh))
	}
	if len(results) == 0 {
		return nil
	}
	// A scale symmetric about 0, a tenth wider than the widest interval:
	// how far an interval stands from no change reads at a glance.
	reach := 1.1 * math.Max(-low, high)
	if reach == 0 {
		reach = 1
	}
	x := func(f float64) px { return px(forestLabels + (f+reach)/(2*reach)*forestScale) }
	title := k.Name
	if k.Label != "" {
		title = k.Label
	}
	p := &forestPlot{Title: title, Control: e.Control, Level: strconv.FormatFloat(float64(e.Confidence)*100, 'f', -1, 64) + "%",
		Width: forestWidth, Zero: x(0), Left: x(-reach), Right: x(reach),
		LeftText: fmt.Sprintf("%+.0f%%", -reach*100), RightText: fmt.Sprintf("%+.0f%%", reach*100)}
	for i, r := range results {
		y := px(forestRowHeight*i + forestRowHeight/2 + 4)
		p.Rows = append(p.Rows, forestRow{Variant: r.Variant, Y: y, CapTop: y - 5, CapBottom: y + 5, LabelX: forestLabels - 10,
			Low: x(float64(r.RelativeLow)), High: x(float64(r.RelativeHigh)), X: x(float64(r.Relative)), TextX: forestLabels + forestScale + 10,
			Text:     fmt.Sprintf("%+.1f%%", float64(r.Relative)*100),
			Interval: fmt.Sprintf("[%+.1f%%, %+.1f%%]", float64(r.RelativeLow)*100, float64(r.RelativeHigh)*100),
			Verdict:  e.Verdict(r), Colour: verdictColours[e.Verdict(r)]})
	}
	p.AxisY = px(forestRowHeight * len(results))
	p.ScaleY = p.AxisY + 14
	p.Height = p.ScaleY + 6 // room for the labels' descenders
	return p
}

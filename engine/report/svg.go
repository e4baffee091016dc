package report

import (
	"math"
	"strconv"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file holds what the charts share: coordinates, labels measured
// before they are placed, and axes of round values. The charts are laid
// out in Go and drawn as inline SVG by the page's templates, which escape
// every label; the page has no script to measure text in the browser.

// px is an SVG coordinate or length. It prints with one decimal, enough
// for a screen, so that a chart does not change with the last bits of the
// floating-point sums behind its values.
type px float64

func (v px) String() string { return strconv.FormatFloat(float64(v), 'f', 1, 64) }

// label is a text placed at a point; Title tells more on hover.
type label struct {
	X, Y  px
	Text  string
	Title string
}

// fontSize is the size of the charts' text, in pixels (the page's CSS
// sets it on svg text).
const fontSize = 11

// textWidth is the width of a text in the charts' font, at most: advance
// widths, in ems, of DejaVu Sans, as wide as the common sans-serif fonts
// or wider (Arial, Helvetica, Roboto and Segoe UI are narrower), so that a
// label given this room fits whichever the reader's system picks.
func textWidth(s string) float64 {
	em := 0.0
	for _, r := range s {
		em += advance(r)
	}
	return em * fontSize
}

// advance is the width of a character, in ems.
func advance(r rune) float64 {
	switch {
	case r == ' ' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '|' || r == '!' ||
		r == 'i' || r == 'j' || r == 'l' || r == 'I':
		return 0.34
	case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '[' || r == ']' || r == '-' || r == '/':
		return 0.43
	case r >= '0' && r <= '9':
		return 0.64
	case r == 'm' || r == 'M' || r == 'W' || r == '%' || r == '@' || r == 'w':
		return 1.0
	case r >= 'a' && r <= 'z':
		return 0.64
	case r >= 'A' && r <= 'Z':
		return 0.8
	case r < 0x80 || r == '–' || r == '·':
		return 0.84
	}
	return 1.1 // accented, symbols, CJK: a full em and some
}

// fit shortens a text to a width, ending it with an ellipsis; the whole
// text goes in the label's title.
func fit(s string, width float64) string {
	if textWidth(s) <= width {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && textWidth(string(runes))+textWidth("…") > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}

// axis is a scale of round values from lo to hi, both included: 0, 5, 10…
type axis struct {
	lo, hi float64
	ticks  []float64
}

// newAxis covers lo to hi (and 0) with about n steps of 1, 2 or 5 times a
// power of ten; whole steps for counts.
func newAxis(lo, hi float64, n int, whole bool) axis {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if lo == hi {
		hi = 1
	}
	raw := (hi - lo) / float64(n)
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*step >= raw {
			step *= m
			break
		}
	}
	if whole {
		step = math.Max(1, math.Round(step))
	}
	a := axis{lo: math.Floor(lo/step) * step, hi: math.Ceil(hi/step) * step}
	for i := 0; ; i++ {
		t := a.lo + float64(i)*step
		if t > a.hi+step/2 {
			break
		}
		// 0.3, not 0.1 + 0.1 + 0.1 = 0.30000000000000004.
		t, _ = strconv.ParseFloat(strconv.FormatFloat(t, 'g', 12, 64), 64)
		a.ticks = append(a.ticks, t)
	}
	return a
}

// at is where a value falls, from 0 at lo to 1 at hi.
func (a axis) at(v float64) float64 { return (v - a.lo) / (a.hi - a.lo) }

// tickTexts are the ticks written as the KPI's values, with one number of
// decimals.
func (a axis) tickTexts(f numberFormat) []string {
	values := make([]scorecard.Number, len(a.ticks))
	for i, t := range a.ticks {
		values[i] = scorecard.Number(t)
	}
	return f.column(values)
}

// numberFormat writes the values of a KPI: its format and currency.
type numberFormat struct{ format, currency string }

func (f numberFormat) text(n scorecard.Number) string {
	return scorecard.FormatValue(n, f.format, f.currency)
}

// column writes values with one number of decimals, as a table's column.
func (f numberFormat) column(values []scorecard.Number) []string {
	return scorecard.FormatColumn(values, f.format, f.currency)
}

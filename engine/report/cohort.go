package report

import (
	"fmt"
	"math"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// maxTriangleOffsets is the most offsets a retention triangle's heat map
// draws, from 0: a monthly cohort's first year and its anniversary. The
// tables hold them all.
const maxTriangleOffsets = 13

// cohortSection draws the retention triangles of the first scope (see
// scorecard.CohortTriangle), one heat map per KPI: each cohort's share of
// its customers k periods later.
func cohortSection(v *view) *section {
	if len(v.sc.Scopes) == 0 {
		return nil
	}
	campaign := v.sc.Scopes[0].Campaign
	var maps []*heatMap
	for _, by := range v.sc.Crosses() {
		if !scorecard.CohortTriangle(by) {
			continue
		}
		for _, k := range v.sc.KPIsBy(by) {
			if m := newTriangleHeatMap(k.Title()+" by "+by, v.Triangle(campaign, by, k)); m != nil {
				maps = append(maps, m)
			}
		}
	}
	if len(maps) == 0 {
		return nil
	}
	return &section{"cohorts", "Cohort retention", "cohorts", maps}
}

// newTriangleHeatMap draws a triangle: a row per cohort, a column per
// offset, each cell its share of the cohort, coloured as a ladder's
// transitions are; a cell without a value is left out, which draws the
// triangle. Nil without a share.
func newTriangleHeatMap(title string, t scorecard.Triangle) *heatMap {
	offsets := t.Offsets[:min(len(t.Offsets), maxTriangleOffsets)]
	if len(offsets) == 0 {
		return nil
	}
	nameW := 0.0
	for _, c := range t.Cohorts {
		nameW = max(nameW, textWidth(c))
	}
	nameW = math.Min(nameW, stageNameWidth)
	cellW := textWidth("100%") + 10
	for _, o := range offsets {
		cellW = max(cellW, textWidth(o)+10)
	}
	left, top := nameW+10, 24.0
	m := &heatMap{Title: title + ": share of each cohort's size, per period since"}
	if len(offsets) < len(t.Offsets) {
		m.Title += fmt.Sprintf(" (%d of %d; the tables hold all)", len(offsets), len(t.Offsets))
	}
	for j, o := range offsets {
		m.Columns = append(m.Columns, label{X: px(left + cellW*(float64(j)+0.5)), Y: px(top - 8), Text: o, Title: "offset " + o})
	}
	drawn := false
	for i, c := range t.Cohorts {
		y := top + cellHeight*float64(i)
		m.Rows = append(m.Rows, label{X: px(nameW + 4), Y: px(y + 16), Text: fit(c, nameW), Title: "cohort " + c})
		for j, o := range offsets {
			share := t.Shares[i*len(t.Offsets)+j]
			if share.IsNull() {
				continue
			}
			p := float64(share)
			text := fmt.Sprintf("%.0f%%", p*100)
			m.Cells = append(m.Cells, segment{X: px(left + cellW*float64(j)), Y: px(y), W: px(cellW - 2), H: cellHeight - 2,
				Fill: heatFill(p), Light: p > 0.5, Text: text, Title: fmt.Sprintf("cohort %s, offset %s: %s", c, o, text)})
			drawn = true
		}
	}
	if !drawn {
		return nil
	}
	m.Width = int(left + cellW*float64(len(offsets)) + 4)
	m.Height = int(top + cellHeight*float64(len(t.Cohorts)) + 4)
	return m
}

package engine

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/omni-metrics/omni/engine/loyalty"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// runLadder runs the query of a ladder and reports it.
func (c *Compiled) runLadder(ctx context.Context, l *Ladder) (scorecard.Loyalty, error) {
	groups, periods, err := c.countLadder(ctx, l)
	if err != nil {
		return scorecard.Loyalty{}, queryError(ctx, "loyalty "+l.Def.Name, err)
	}
	return reportLadder(l, groups, periods), nil
}

// ladderGroup is the population of one breakdown value: nil by and key for
// everybody; a nil key, with a by, for customers without a value.
type ladderGroup struct {
	by, key *string
	series  loyalty.Series
}

// ladderRow is a row of a ladder's query: the customers (and their volume)
// of one breakdown value who were in stage from in the period before and in
// stage in the period.
type ladderRow struct {
	by, key          sql.NullString
	period           time.Time
	from             sql.NullInt64
	stage, customers int64
	volume           sql.NullFloat64
}

// countLadder runs a ladder's query: the series of every population, and
// the start of every period, in order.
func (c *Compiled) countLadder(ctx context.Context, l *Ladder) ([]*ladderGroup, []time.Time, error) {
	rows, err := c.Session.query(ctx, l.SQL)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var all []ladderRow
	for rows.Next() {
		var r ladderRow
		if err := rows.Scan(&r.by, &r.key, &r.period, &r.from, &r.stage, &r.customers, &r.volume); err != nil {
			return nil, nil, err
		}
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	var periods []time.Time
	for _, r := range all {
		periods = append(periods, r.period)
	}
	slices.SortFunc(periods, time.Time.Compare)
	periods = slices.Compact(periods)
	groups, index := map[[2]sql.NullString]*ladderGroup{}, map[time.Time]int{}
	for i, p := range periods {
		index[p] = i
	}
	var out []*ladderGroup
	for _, r := range all {
		g := groups[[2]sql.NullString{r.by, r.key}]
		if g == nil {
			g = &ladderGroup{by: nullable(r.by), key: nullable(r.key), series: emptySeries(len(periods), len(l.Def.Stages), l.Volume != "")}
			groups[[2]sql.NullString{r.by, r.key}] = g
			out = append(out, g)
		}
		g.add(r, index[r.period])
	}
	return out, periods, nil
}

// add counts a row of the query in the t-th period of the group's series.
func (g *ladderGroup) add(r ladderRow, t int) {
	n := float64(r.customers)
	g.series.Counts[t][r.stage] += n
	if g.series.Volumes != nil {
		g.series.Volumes[t][r.stage] += r.volume.Float64
	}
	if r.from.Valid && t > 0 {
		g.series.Moves[t-1][r.from.Int64][r.stage] += n
	}
}

func emptySeries(periods, stages int, volume bool) loyalty.Series {
	grid := func(rows int) [][]float64 {
		out := make([][]float64, rows)
		for i := range out {
			out[i] = make([]float64, stages)
		}
		return out
	}
	s := loyalty.Series{Counts: grid(periods)}
	if volume {
		s.Volumes = grid(periods)
	}
	for range max(periods-1, 0) {
		s.Moves = append(s.Moves, loyalty.Matrix(grid(stages)))
	}
	return s
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// reportLadder writes the report of a ladder from the series of its
// populations: everybody first (the group without a breakdown), then the
// values of each breakdown, in the order of by.
func reportLadder(l *Ladder, groups []*ladderGroup, periods []time.Time) scorecard.Loyalty {
	r := &ladderReport{l: l, periods: periods}
	out := scorecard.Loyalty{
		Name: l.Def.Name, Label: l.Def.Label.Value, Description: l.Def.Description.Value,
		Period: l.Grain, LadderSeries: r.series(loyalty.Series{}),
	}
	for _, s := range l.Def.Stages {
		out.Stages = append(out.Stages, s.Name)
	}
	if l.Def.Volume != nil {
		out.Volume = l.Def.Volume.Text
	}
	rank := map[string]int{}
	for i, b := range l.By {
		rank[b.Name] = i + 1
	}
	byRank := func(g *ladderGroup) int {
		if g.by == nil {
			return 0
		}
		return rank[*g.by]
	}
	slices.SortStableFunc(groups, func(a, b *ladderGroup) int {
		return cmp.Or(cmp.Compare(byRank(a), byRank(b)), compareKeys(a.key, b.key))
	})
	var everybody *ladderGroup
	for _, g := range groups {
		if g.by == nil {
			everybody = g
			out.LadderSeries = r.series(g.series)
			continue
		}
		out.Groups = append(out.Groups, scorecard.LadderGroup{By: *g.by, Key: g.key, LadderSeries: r.series(g.series)})
	}
	if everybody != nil && len(everybody.series.Moves) > 0 {
		out.Strongest = r.strongest(everybody, groups)
	}
	return out
}

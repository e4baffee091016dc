package loyalty

import (
	"database/sql"
	"slices"
	"time"
)

// Group is the population of one breakdown value: nil By and Key for
// everybody; a nil Key, with a By, for customers without a value.
type Group struct {
	By, Key *string
	Series  Series
}

// Row is a row of a ladder's query: the customers (and their volume) of
// one breakdown value who were in stage From in the period before and in
// Stage in the period.
type Row struct {
	By, Key          sql.NullString
	Period           time.Time
	From             sql.NullInt64
	Stage, Customers int64
	Volume           sql.NullFloat64
	// Nulls counts, per rule in the order they are tried (dsl.Loyalty's
	// Tried), those of the customers for whom the rule was null.
	Nulls []int64
}

// Groups files the rows of a ladder's query by population, the ladder
// having stages stages and a volume or not: the series of every population,
// and the start of every period, in order.
func Groups(all []Row, stages int, volume bool) ([]*Group, []time.Time) {
	var periods []time.Time
	for _, r := range all {
		periods = append(periods, r.Period)
	}
	slices.SortFunc(periods, time.Time.Compare)
	periods = slices.Compact(periods)
	groups, index := map[[2]sql.NullString]*Group{}, map[time.Time]int{}
	for i, p := range periods {
		index[p] = i
	}
	var out []*Group
	for _, r := range all {
		g := groups[[2]sql.NullString{r.By, r.Key}]
		if g == nil {
			g = &Group{By: nullable(r.By), Key: nullable(r.Key), Series: emptySeries(len(periods), stages, volume)}
			groups[[2]sql.NullString{r.By, r.Key}] = g
			out = append(out, g)
		}
		g.add(r, index[r.Period])
	}
	return out, periods
}

// add counts a row of the query in the t-th period of the group's series.
func (g *Group) add(r Row, t int) {
	n := float64(r.Customers)
	g.Series.Counts[t][r.Stage] += n
	if g.Series.Volumes != nil {
		g.Series.Volumes[t][r.Stage] += r.Volume.Float64
	}
	if r.From.Valid && t > 0 {
		g.Series.Moves[t-1][r.From.Int64][r.Stage] += n
	}
}

func emptySeries(periods, stages int, volume bool) Series {
	grid := func(rows int) [][]float64 {
		out := make([][]float64, rows)
		for i := range out {
			out[i] = make([]float64, stages)
		}
		return out
	}
	s := Series{Counts: grid(periods)}
	if volume {
		s.Volumes = grid(periods)
	}
	for range max(periods-1, 0) {
		s.Moves = append(s.Moves, Matrix(grid(stages)))
	}
	return s
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

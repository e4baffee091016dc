// Package loyalty is the arithmetic of loyalty ladders over small matrices:
// transition probabilities between consecutive periods, progression and
// regression, the forecast of the next periods and the backtest of past
// forecasts. Counting customers is DuckDB's job; this package never sees one:
// it files the counts the engine reads back by population (Groups) and
// writes their scorecard form (Report).
//
// The forecast is the first-order Markov-chain migration model of customer
// relationships (P. E. Pfeifer and R. L. Carraway, "Modeling customer
// relationships as Markov chains", Journal of Interactive Marketing 14(2),
// 2000, pp. 43–55): the stage distribution of the next period is the current
// distribution times the matrix of transition probabilities, here estimated
// from the latest observed transition (p_ij = n_ij / n_i), and the expected
// value of a period is its distribution times a value per stage.
//
// It may import dsl, engine/scorecard and engine/period, never the engine's
// root or DuckDB.
package loyalty

import "math"

// Matrix counts the customers who moved between two consecutive periods:
// Matrix[i][j] were in stage i in the first period and in stage j in the
// second. Stages are ordered from the lowest to the highest.
type Matrix [][]float64

// Probabilities are the transition probabilities: each row divided by its
// total. A row with no customer has no probabilities: NaN.
func (m Matrix) Probabilities() [][]float64 {
	p := make([][]float64, len(m))
	for i, row := range m {
		total := sum(row)
		p[i] = make([]float64, len(row))
		for j, n := range row {
			p[i][j] = n / total // NaN for 0/0
		}
	}
	return p
}

// Rates are the shares of all the customers of the matrix who moved up the
// ladder, and who moved down.
func (m Matrix) Rates() (progression, regression float64) {
	var up, down, total float64
	for i, row := range m {
		for j, n := range row {
			total += n
			switch {
			case j > i:
				up += n
			case j < i:
				down += n
			}
		}
	}
	return up / total, down / total
}

// StageProgression is, for each stage, the share of its customers who moved
// up; NaN for a stage nobody was in, and for the top stage, where nobody can.
func (m Matrix) StageProgression() []float64 {
	out := make([]float64, len(m))
	for i, row := range m {
		out[i] = sum(row[i+1:]) / sum(row)
		if i == len(m)-1 {
			out[i] = math.NaN()
		}
	}
	return out
}

// Step moves a stage distribution one period ahead: counts × P. The
// customers of a stage nobody was in when m was observed have no observed
// transition: they are assumed to stay where they are.
func (m Matrix) Step(counts []float64) []float64 {
	next := make([]float64, len(counts))
	p := m.Probabilities()
	for i, n := range counts {
		if math.IsNaN(p[i][0]) {
			next[i] += n
			continue
		}
		for j, pij := range p[i] {
			next[j] += n * pij
		}
	}
	return next
}

// Projection is a stage distribution of a future (or backtested) period and
// the volume it is expected to produce.
type Projection struct {
	Counts []float64 // customers per stage
	Volume []float64 // per stage: customers × the stage's mean volume; nil without volume
}

// Project forecasts the periods after one whose stage distribution is
// counts, horizon periods ahead: each period's distribution is the previous
// one moved by m (Step), and its volume per stage is its count times the
// stage's mean volume (mean nil: no volume).
func Project(counts []float64, m Matrix, mean []float64, horizon int) []Projection {
	out := make([]Projection, horizon)
	for k := range out {
		counts = m.Step(counts)
		out[k] = Projection{Counts: counts, Volume: times(counts, mean)}
	}
	return out
}

// TotalVolume is the volume of every stage together.
func (p Projection) TotalVolume() float64 { return sum(p.Volume) }

func times(counts, mean []float64) []float64 {
	if mean == nil {
		return nil
	}
	out := make([]float64, len(counts))
	for i := range counts {
		out[i] = counts[i] * mean[i]
	}
	return out
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

package loyalty

import "math"

// Series is what was observed of one population on a ladder, over
// consecutive periods.
type Series struct {
	Counts  [][]float64 // [period][stage]: customers
	Volumes [][]float64 // [period][stage]: volume produced; nil without a volume formula
	Moves   []Matrix    // Moves[t]: from period t to period t+1
}

// Forecast projects the periods after the last one, horizon periods ahead,
// with the latest transition matrix and the latest mean volume per stage.
// A series of one period has no transition, hence no forecast.
func (s *Series) Forecast(horizon int) []Projection {
	last := len(s.Counts) - 1
	if last < 1 || len(s.Moves) < last {
		return nil
	}
	return Project(s.Counts[last], s.Moves[last-1], s.MeanVolumes(last), horizon)
}

// MeanVolumes is, per stage, the volume of a customer of that stage in
// period t: the stage's volume over its customers. For a stage nobody was in
// at t, it is that of the latest earlier period where somebody was, else 0.
// Nil without volumes.
func (s *Series) MeanVolumes(t int) []float64 {
	if s.Volumes == nil {
		return nil
	}
	mean := make([]float64, len(s.Counts[t]))
	for stage := range mean {
		for p := t; p >= 0; p-- {
			if n := s.Counts[p][stage]; n > 0 {
				mean[stage] = s.Volumes[p][stage] / n
				break
			}
		}
	}
	return mean
}

// Check is a past period next to the forecast that the period before it
// would have made of it: the learning loop of the ladder.
type Check struct {
	Period    int // the index of the period checked
	Predicted Projection
	Actual    Projection
	Error     Error
}

// Error measures how far a forecast was from what happened.
type Error struct {
	Counts []float64 // predicted − actual customers, per stage
	// Misplaced is the share of the customers the forecast put in another
	// stage than the one they were in: Σ|predicted − actual| / 2N.
	Misplaced float64
	// NaiveMisplaced is the same share for the forecast of no change (each
	// stage keeps last period's count): the benchmark the ladder must beat.
	NaiveMisplaced float64
	Volume         float64 // predicted − actual volume, all stages; NaN without volume
	VolumeRelative float64 // Volume over the actual volume; NaN when that is 0
}

// Backtest checks each period that has two periods before it: the forecast
// made from the period before, with the transition matrix observed just
// before that and the mean volumes of that period, against what happened.
func (s *Series) Backtest() []Check {
	var out []Check
	for t := 2; t < len(s.Counts) && t-2 < len(s.Moves); t++ {
		predicted := Project(s.Counts[t-1], s.Moves[t-2], s.MeanVolumes(t-1), 1)[0]
		actual := Projection{Counts: s.Counts[t]}
		if s.Volumes != nil {
			actual.Volume = s.Volumes[t]
		}
		out = append(out, Check{Period: t, Predicted: predicted, Actual: actual,
			Error: compare(predicted, actual, s.Counts[t-1])})
	}
	return out
}

// compare measures a prediction against the actual period; before is the
// period the prediction was made from.
func compare(predicted, actual Projection, before []float64) Error {
	e := Error{Counts: make([]float64, len(actual.Counts)), Volume: math.NaN(), VolumeRelative: math.NaN()}
	var off, naive float64
	for i, n := range actual.Counts {
		e.Counts[i] = predicted.Counts[i] - n
		off += math.Abs(e.Counts[i])
		naive += math.Abs(before[i] - n)
	}
	total := 2 * sum(actual.Counts)
	e.Misplaced, e.NaiveMisplaced = off/total, naive/total
	if actual.Volume != nil {
		e.Volume = predicted.TotalVolume() - actual.TotalVolume()
		e.VolumeRelative = e.Volume / actual.TotalVolume()
		if actual.TotalVolume() == 0 {
			e.VolumeRelative = math.NaN()
		}
	}
	return e
}

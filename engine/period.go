package engine

import "time"

// periodStart is the first day of the period of the grain that holds day d,
// as DuckDB's date_trunc gives it (weeks start on Monday).
func periodStart(d time.Time, grain string) time.Time {
	y, m, day := d.Date()
	switch grain {
	case "year":
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case "quarter":
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	case "month":
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case "week":
		return time.Date(y, m, day-(int(d.Weekday())+6)%7, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// nextPeriod is the first day of the period after the one starting on p.
func nextPeriod(p time.Time, grain string) time.Time {
	switch grain {
	case "year":
		return p.AddDate(1, 0, 0)
	case "quarter":
		return p.AddDate(0, 3, 0)
	case "month":
		return p.AddDate(0, 1, 0)
	case "week":
		return p.AddDate(0, 0, 7)
	}
	return p.AddDate(0, 0, 1)
}

// grainNoun names one period of the grain, and several: quarter, quarters.
func grainNoun(grain string, n int) string {
	if grain == "" {
		grain = "quarter"
	}
	if n == 1 {
		return grain
	}
	return grain + "s"
}

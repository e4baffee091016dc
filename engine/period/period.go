// Package period is the calendar of a grain (day, week, month, quarter,
// year): where a period starts, the next one, its label and its noun, as
// DuckDB's date_trunc cuts time (weeks start on Monday). Objectives and
// ladders both count in periods; the engine labels its series with them.
//
// It imports the standard library only.
package period

import (
	"fmt"
	"time"
)

// Start is the first day of the period of the grain that holds day d,
// as DuckDB's date_trunc gives it (weeks start on Monday).
func Start(d time.Time, grain string) time.Time {
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

// Next is the first day of the period after the one starting on p.
func Next(p time.Time, grain string) time.Time {
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

// Previous is the first day of the period before the one starting on p.
func Previous(p time.Time, grain string) time.Time {
	switch grain {
	case "year":
		return p.AddDate(-1, 0, 0)
	case "quarter":
		return p.AddDate(0, -3, 0)
	case "month":
		return p.AddDate(0, -1, 0)
	case "week":
		return p.AddDate(0, 0, -7)
	}
	return p.AddDate(0, 0, -1)
}

// YearAgo is the first day of the period a year before the one starting on
// p: the same month, quarter or day of the year before (29 February's is 1
// March), and for a week the one 52 weeks before, which starts on a Monday
// too.
func YearAgo(p time.Time, grain string) time.Time {
	if grain == "week" {
		return p.AddDate(0, 0, -7*52)
	}
	return p.AddDate(-1, 0, 0)
}

// Label names the period starting at t: 2026-Q3, 2026-07, 2026-W27…
func Label(t time.Time, grain string) string {
	switch grain {
	case "year":
		return t.Format("2006")
	case "quarter":
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case "month":
		return t.Format("2006-01")
	case "week":
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	}
	return t.Format(time.DateOnly)
}

// Noun names one period of the grain, and several: quarter, quarters.
func Noun(grain string, n int) string {
	if grain == "" {
		grain = "quarter"
	}
	if n == 1 {
		return grain
	}
	return grain + "s"
}

// Parse is the first day of the period a label names, as Label writes it;
// false when the label is not one of the grain's.
func Parse(label, grain string) (time.Time, bool) {
	var t time.Time
	var err error
	switch grain {
	case "year":
		t, err = time.Parse("2006", label)
	case "quarter":
		var y, q int
		if _, err = fmt.Sscanf(label, "%d-Q%d", &y, &q); err == nil {
			t = time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
		}
	case "month":
		t, err = time.Parse("2006-01", label)
	case "week":
		var y, w int
		if _, err = fmt.Sscanf(label, "%d-W%d", &y, &w); err == nil {
			// 4 January is in week 1 of its ISO year.
			t = Start(time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC), grain).AddDate(0, 0, 7*(w-1))
		}
	default:
		t, err = time.Parse(time.DateOnly, label)
	}
	// A label Label would not write (2026-Q5, 2026-W60) is not a period.
	return t, err == nil && Label(t, grain) == label
}

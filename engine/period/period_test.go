package period

import (
	"testing"
	"time"
)

// TestPeriods: each grain's start, next period and label, at its
// boundaries.
func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		grain, day, start, next, label string
	}{
		{"quarter", "2026-08-15", "2026-07-01", "2026-10-01", "2026-Q3"},
		{"month", "2026-12-31", "2026-12-01", "2027-01-01", "2026-12"},
		{"week", "2026-07-05", "2026-06-29", "2026-07-06", "2026-W27"}, // a Sunday: the week began on Monday
		{"week", "2026-06-29", "2026-06-29", "2026-07-06", "2026-W27"},
		{"year", "2026-02-28", "2026-01-01", "2027-01-01", "2026"},
		{"day", "2026-02-28", "2026-02-28", "2026-03-01", "2026-02-28"},
	} {
		start := Start(day(c.day), c.grain)
		if start != day(c.start) || Next(start, c.grain) != day(c.next) || Label(start, c.grain) != c.label {
			t.Errorf("%s of %s: starts %s, next %s, label %s; want %s, %s, %s", c.grain, c.day,
				start.Format(time.DateOnly), Next(start, c.grain).Format(time.DateOnly), Label(start, c.grain), c.start, c.next, c.label)
		}
	}
}

func day(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

// TestParse reads back the labels Label writes, and no others.
func TestParse(t *testing.T) {
	for _, c := range []struct{ label, grain, start string }{
		{"2026", "year", "2026-01-01"},
		{"2026-Q3", "quarter", "2026-07-01"},
		{"2026-07", "month", "2026-07-01"},
		{"2026-W01", "week", "2025-12-29"}, // ISO week 1 of 2026 starts in 2025
		{"2020-W53", "week", "2020-12-28"},
		{"2026-07-01", "day", "2026-07-01"},
	} {
		got, ok := Parse(c.label, c.grain)
		if !ok || got.Format(time.DateOnly) != c.start {
			t.Errorf("Parse(%q, %s) = %s, %v; want %s", c.label, c.grain, got.Format(time.DateOnly), ok, c.start)
		}
	}
	for _, c := range [][2]string{{"2026-Q5", "quarter"}, {"2026-W60", "week"}, {"2026-7", "month"}, {"26", "year"}, {"x", "day"}, {"2026-Q2x", "quarter"}} {
		if _, ok := Parse(c[0], c[1]); ok {
			t.Errorf("Parse(%q, %s) accepted", c[0], c[1])
		}
	}
}

// TestPreviousAndYearAgo: the period before and the period a year before,
// across years, and a week 52 weeks back (its Monday).
func TestPreviousAndYearAgo(t *testing.T) {
	for _, c := range []struct{ grain, start, previous, yearAgo string }{
		{"year", "2026-01-01", "2025-01-01", "2025-01-01"},
		{"quarter", "2026-01-01", "2025-10-01", "2025-01-01"},
		{"month", "2026-03-01", "2026-02-01", "2025-03-01"},
		{"week", "2026-06-29", "2026-06-22", "2025-06-30"},
		{"day", "2024-02-29", "2024-02-28", "2023-03-01"},
	} {
		p, y := Previous(day(c.start), c.grain), YearAgo(day(c.start), c.grain)
		if p != day(c.previous) || y != day(c.yearAgo) {
			t.Errorf("%s %s: previous %s, a year ago %s; want %s, %s", c.grain, c.start,
				p.Format(time.DateOnly), y.Format(time.DateOnly), c.previous, c.yearAgo)
		}
	}
}

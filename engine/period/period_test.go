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

package scorecard_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// A cohort's retention triangle (the numbers of engine/testdata/cohorts)
// prints as a pivot, cohorts the rows, offsets the columns in the order
// of numbers (10 after 2), then as shares of each cohort's size, its
// offset 0: 2026-01 has 2 customers, of whom 1 (50%) came back at offsets
// 1, 2 and 10; 2026-02 2, 1 at offset 1. A touchpoint before the cohort
// (no offset) has no share. The reference date heads the scorecard.
func TestCohortTriangleText(t *testing.T) {
	const by = "cohort.first_order × cohort.first_order.offset"
	sc := &scorecard.Scorecard{Project: "shop", Name: "retention", Grain: "month", AsOf: "2026-12-20",
		Scopes: []scorecard.Scope{{}},
		KPIs:   []scorecard.KPI{{Name: "buyers", Format: "integer", By: []string{by}}}}
	for _, v := range []struct {
		cohort, offset string
		value          float64
	}{{"2026-01", "0", 2}, {"2026-01", "1", 1}, {"2026-01", "2", 1}, {"2026-01", "10", 1}, {"2026-02", "0", 2}, {"2026-02", "1", 1}, {"2026-02", "", 0}} {
		keys := []*string{&v.cohort, &v.offset}
		if v.offset == "" {
			keys[1] = nil
		}
		sc.Values = append(sc.Values, scorecard.Value{KPI: "buyers", By: by, Keys: keys, Value: scorecard.Number(v.value)})
	}
	var b bytes.Buffer
	if err := scorecard.WriteText(&b, sc); err != nil {
		t.Fatal(err)
	}
	want := "Scorecard retention of shop\n" +
		"As of 2026-12-20: the data ends that day.\n" +
		"\nWhole data\n==========\n" +
		"KPI     total\n" +
		"buyers       \n" +
		"\nbuyers by cohort.first_order × cohort.first_order.offset\n" +
		"cohort.first_order \\ cohort.first_order.offset  (none)  0  1  2  10\n" +
		"2026-01                                                 2  1  1   1\n" +
		"2026-02                                              0  2  1       \n" +
		"\nbuyers by cohort.first_order × cohort.first_order.offset, share of the cohort\n" +
		"cohort.first_order \\ cohort.first_order.offset  (none)       0      1      2     10\n" +
		"2026-01                                                 100.0%  50.0%  50.0%  50.0%\n" +
		"2026-02                                                 100.0%  50.0%              \n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

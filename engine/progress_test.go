package engine_test

// RunObserved tells its observer each step of a run, in order, and builds
// the scorecard Run builds.

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/omni-metrics/omni/engine"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func TestRunObservedTellsEachStep(t *testing.T) {
	c := compileDir(t, "testdata/progress")
	var got []string
	var steps []engine.Step
	observed, err := c.RunObserved(context.Background(), c.Plans[0], func(s engine.Step) {
		steps = append(steps, s)
		switch s.State {
		case engine.StepDone:
			got = append(got, fmt.Sprintf("done %d/%d %s %s %g", s.Index, s.Total, s.Scorecard, s.Name, s.Percent))
		case engine.StepStarted:
			got = append(got, fmt.Sprintf("start %d/%d %s %s %g", s.Index, s.Total, s.Scorecard, s.Name, s.Percent))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"start 1/5 default KPIs (2 KPIs × 1 breakdown) -1",
		"done 1/5 default KPIs (2 KPIs × 1 breakdown) 100",
		"start 2/5 default objectives -1",
		"done 2/5 default objectives 100",
		"start 3/5 default loyalty ladder buyers -1",
		"done 3/5 default loyalty ladder buyers 100",
		"start 4/5 default attribution first_week -1",
		"done 4/5 default attribution first_week 100",
		"start 5/5 default attribution last, data_driven -1",
		"done 5/5 default attribution last, data_driven 100",
	}
	if !slices.Equal(got, want) {
		t.Errorf("steps told:\n%q\nwant\n%q", got, want)
	}
	for _, s := range steps {
		if s.State == engine.StepRunning && (s.Percent > 100 || s.Elapsed <= 0) {
			t.Errorf("a percentage out of range: %+v", s)
		}
		if s.State == engine.StepDone && s.Elapsed <= 0 {
			t.Errorf("a step done in no time: %+v", s)
		}
	}

	plain, err := c.Run(context.Background(), c.Plans[0])
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	scorecard.WriteJSON(&a, observed)
	scorecard.WriteJSON(&b, plain)
	if a.String() != b.String() {
		t.Errorf("RunObserved built another scorecard than Run:\n%s\n%s", a.String(), b.String())
	}
	// Every step's report is there, attributions over the whole data and the campaign.
	if len(plain.Values) == 0 || len(plain.Objectives) != 1 || len(plain.Loyalty) != 1 || len(plain.Attribution) != 6 {
		t.Errorf("the scorecard misses a step's report: %d values, %d objectives, %d ladders, %d attributions",
			len(plain.Values), len(plain.Objectives), len(plain.Loyalty), len(plain.Attribution))
	}
}

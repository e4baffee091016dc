package engine

import (
	"context"
	"database/sql"
	"time"
)

// Step is where the run of a scorecard stands, as RunObserved tells its
// observer: once when a step starts, while its query runs each time
// DuckDB's estimate of how far it is changes, and once when it ends. A step
// is one query: the KPIs, the objectives, a loyalty ladder, a group of
// attributions that share their journeys.
type Step struct {
	Scorecard string
	Index     int    // the step's rank, from 1
	Total     int    // the number of steps of the scorecard
	Name      string // what the step computes: "KPIs (12 KPIs × 3 breakdowns)", "attribution u_shaped"
	State     StepState
	// Percent is how far the step's query is, from 0 to 100, as DuckDB
	// estimates it; -1 while unknown. It is 100 once the step is done.
	Percent float64
	Elapsed time.Duration // since the step started
}

// StepState is where a step is.
type StepState int

const (
	StepStarted StepState = iota // its query is about to run
	StepRunning                  // its query runs; Percent says how far
	StepDone                     // it has ended, after Elapsed
)

// pollInterval is how often a running query's progress is read.
const pollInterval = 200 * time.Millisecond

// staleAfter is how long an estimate may stay the same before it counts as
// unknown: when a query reaches an operator whose progress DuckDB cannot
// estimate (the scan of a materialized CTE, of a VALUES list), DuckDB
// stops estimating and leaves the last figure as it was.
const staleAfter = 2 * time.Second

// percentKey marks the context of a query whose progress someone observes.
type percentKey struct{}

// withPercent gives ctx a function that hears how far each query run with
// it is (Session.query reads it).
func withPercent(ctx context.Context, report func(percent float64)) context.Context {
	return context.WithValue(ctx, percentKey{}, report)
}

func percentReporter(ctx context.Context) func(float64) {
	report, _ := ctx.Value(percentKey{}).(func(float64))
	return report
}

// poll reads progress every interval and reports each new percentage,
// and -1 once a percentage has not moved for staleAfter, until stop is
// called. stop returns once polling has ended, so that report is never
// called after it.
func poll(read queryProgress, report func(percent float64), every time.Duration) (stop func()) {
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		ticker := time.NewTicker(every)
		defer ticker.Stop()
		reported, read0, since := -1.0, -1.0, time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-ticker.C:
				p := read()
				if p != read0 {
					read0, since = p, now
				}
				if now.Sub(since) >= staleAfter {
					p = -1
				}
				if p != reported {
					reported = p
					report(p)
				}
			}
		}
	}()
	return func() {
		close(done)
		<-ended
	}
}

// query runs a query of the session; while DuckDB executes it, the reporter
// of ctx (withPercent), if any, hears how far it is.
func (s *Session) query(ctx context.Context, query string) (*sql.Rows, error) {
	if report := percentReporter(ctx); report != nil && s.progress != nil {
		defer poll(s.progress, report, pollInterval)()
	}
	if s.server != nil {
		return s.server.QueryContext(ctx, query)
	}
	return s.db.QueryContext(ctx, query)
}

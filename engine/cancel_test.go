package engine_test

// A run stops promptly when its context is cancelled (Ctrl-C in omni run),
// and the session stays usable.

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/omni-metrics/omni/engine/longproject"
)

func TestRunStopsWhenCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 1M touchpoints")
	}
	dir := t.TempDir()
	longproject.Write(t, dir, 1_000_000)
	c := compileDir(t, dir)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Run(ctx, c.Plans[0])
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run after its deadline = %v, want the context's error", err)
	}
	// No timing assertion: the log says how prompt it was.
	t.Logf("cancelled after %s", time.Since(start))

	if _, err := c.Run(context.Background(), c.Plans[0]); err != nil {
		t.Fatalf("the session is unusable after a cancelled run: %v", err)
	}
}

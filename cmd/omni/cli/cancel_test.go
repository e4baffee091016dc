package cli_test

// Ctrl-C or a kill (SIGTERM) stops omni run promptly, and a stopped run
// writes nothing and leaves no temporary folder of DuckDB's.

import (
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/omni-metrics/omni/cmd/omni/cli"
	"github.com/omni-metrics/omni/engine/longproject"
)

func TestInterruptedRunWritesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 2M touchpoints")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { testInterruptedRun(t, sig) })
	}
}

func testInterruptedRun(t *testing.T, sig os.Signal) {
	temp := t.TempDir()
	t.Setenv("TMPDIR", temp)
	dir := t.TempDir()
	longproject.Write(t, dir, 2_000_000)
	out := filepath.Join(dir, "out")

	// While this test listens, an interrupt does not end the test binary,
	// even should it arrive after omni run has stopped listening.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, sig)
	defer signal.Stop(interrupts)

	stderr := &watchedWriter{seen: make(chan struct{}), want: "omni: [1/1]"}
	code := make(chan int)
	go func() {
		code <- cli.Run([]string{"run", "--progress", "--threads", "2", "--out", out, dir}, nil, io.Discard, stderr)
	}()
	select {
	case <-stderr.seen: // the query runs
	case c := <-code:
		t.Fatalf("omni run ended (%d) before its first step:\n%s", c, stderr.text())
	}
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(sig); err != nil {
		t.Skipf("cannot interrupt this process: %v", err)
	}
	start := time.Now()
	got := <-code
	t.Logf("stopped %s after the interrupt", time.Since(start))
	if got != 1 {
		t.Errorf("exit code %d, want 1\n%s", got, stderr.text())
	}
	if !strings.Contains(stderr.text(), "context canceled\nNo scorecard was written.\n") {
		t.Errorf("stderr does not say the run was cancelled:\n%s", stderr.text())
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		t.Errorf("the interrupted run wrote %d file(s) in %s", len(entries), out)
	}
	if left, _ := filepath.Glob(filepath.Join(temp, "omni-duckdb-*")); len(left) > 0 {
		t.Errorf("the interrupted run left DuckDB's temporary folder %s", left)
	}
}

// watchedWriter keeps what is written and closes seen once want is.
type watchedWriter struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	seen chan struct{}
	once sync.Once
}

func (w *watchedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if strings.Contains(w.b.String(), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *watchedWriter) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

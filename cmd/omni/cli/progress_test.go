package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/omni-metrics/omni/engine"
)

// steps is what RunObserved tells of a scorecard of two steps, the first
// with DuckDB's estimate twice, then unknown again.
var steps = []engine.Step{
	{Scorecard: "default", Index: 1, Total: 2, Name: "KPIs (2 KPIs × 1 breakdown)", State: engine.StepStarted, Percent: -1},
	{Scorecard: "default", Index: 1, Total: 2, Name: "KPIs (2 KPIs × 1 breakdown)", State: engine.StepRunning, Percent: 9.5},
	{Scorecard: "default", Index: 1, Total: 2, Name: "KPIs (2 KPIs × 1 breakdown)", State: engine.StepRunning, Percent: 43.7},
	{Scorecard: "default", Index: 1, Total: 2, Name: "KPIs (2 KPIs × 1 breakdown)", State: engine.StepRunning, Percent: -1},
	{Scorecard: "default", Index: 1, Total: 2, Name: "KPIs (2 KPIs × 1 breakdown)", State: engine.StepDone, Percent: 100, Elapsed: 1234567 * time.Microsecond},
	{Scorecard: "default", Index: 2, Total: 2, Name: "attribution " + strings.Repeat("model_", 12) + "end", State: engine.StepStarted, Percent: -1},
	{Scorecard: "default", Index: 2, Total: 2, Name: "attribution " + strings.Repeat("model_", 12) + "end", State: engine.StepDone, Percent: 100, Elapsed: 25 * time.Millisecond},
}

func TestLiveProgressRewritesEachStepsLine(t *testing.T) {
	var b bytes.Buffer
	p := &stepPrinter{w: &b, live: true}
	for _, s := range steps {
		p.observe(s)
	}
	want := "\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown)" +
		"\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown) 9%" +
		"\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown) 43%" +
		"\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown)    " + // blanks over " 43%"
		"\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown) 1.235s\n" +
		"\romni: [2/2] default: attribution model_model_model_model_model_model_model_mod…" +
		"\romni: [2/2] default: attribution model_model_model_model_model_model_mode… 25ms\n"
	if b.String() != want {
		t.Errorf("live progress:\n%q\nwant\n%q", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\r") {
		if n := len([]rune(strings.TrimSuffix(line, "\n"))); n > liveWidth {
			t.Errorf("a line of %d characters, wider than %d: %q", n, liveWidth, line)
		}
	}
}

func TestPlainProgressWritesALinePerStep(t *testing.T) {
	var b bytes.Buffer
	p := &stepPrinter{w: &b}
	for _, s := range steps {
		p.observe(s)
	}
	p.interrupt() // nothing to end
	want := "omni: [1/2] default: KPIs (2 KPIs × 1 breakdown)\n" +
		"omni: [2/2] default: attribution " + strings.Repeat("model_", 12) + "end\n"
	if b.String() != want {
		t.Errorf("plain progress:\n%q\nwant\n%q", b.String(), want)
	}
}

// An error ends the line of the step it interrupts.
func TestInterruptEndsTheLiveLine(t *testing.T) {
	var b bytes.Buffer
	p := &stepPrinter{w: &b, live: true}
	p.observe(steps[0])
	p.interrupt()
	p.interrupt()
	if want := "\romni: [1/2] default: KPIs (2 KPIs × 1 breakdown)\n"; b.String() != want {
		t.Errorf("interrupted:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestOnlyCharacterDevicesAreTerminals(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []io.Writer{f, w, &bytes.Buffer{}} {
		if isTerminal(out) {
			t.Errorf("%T taken for a terminal", out)
		}
	}
}

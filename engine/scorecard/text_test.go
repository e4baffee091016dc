package scorecard_test

// Text from the definitions and the data prints as text: the keys and
// labels of escapetest.Hostile hold HTML, Markdown, line breaks, terminal
// escape sequences and bidirectional marks; its text form is compared with
// testdata/hostile.txt (go test ./engine/scorecard -update rewrites it).

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/scorecard"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

func TestTextOfHostileData(t *testing.T) {
	var b bytes.Buffer
	if err := scorecard.WriteText(&b, escapetest.Hostile()); err != nil {
		t.Fatal(err)
	}
	if err := escapetest.Terminal(b.String()); err != nil {
		t.Error(err)
	}
	if *update {
		if err := os.WriteFile("testdata/hostile.txt", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("text form (-golden +written):\n%s", diff)
	}
}

// FuzzText writes the text form of a scorecard holding any text: nothing a
// terminal acts on gets through.
func FuzzText(f *testing.F) {
	for _, seed := range escapetest.Seeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var b bytes.Buffer
		if err := scorecard.WriteText(&b, escapetest.HostileWith(text)); err != nil {
			t.Fatal(err)
		}
		if err := escapetest.Terminal(b.String()); err != nil {
			t.Fatal(err)
		}
	})
}

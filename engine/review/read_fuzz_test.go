package review

// plan and diff read files a pull request or an earlier run wrote: a
// crafted state file or scorecard is an error that says what it is, or
// reads into a plan and a comparison that write without panicking, and
// print nothing a terminal or Markdown acts on.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/omni-metrics/omni/engine/escape/escapetest"
	"github.com/omni-metrics/omni/engine/scorecard"
)

func FuzzReadScorecards(f *testing.F) {
	var hostile bytes.Buffer
	if err := scorecard.WriteJSON(&hostile, escapetest.Hostile()); err != nil {
		f.Fatal(err)
	}
	f.Add(hostile.Bytes(), hostile.Bytes())
	f.Add(hostile.Bytes(), []byte(`{"format_version": 1, "values": [{"kpi": "x", "by": "b", "value": null}]}`))
	f.Add([]byte(`{"format_version": 1, "scopes": [], "kpis": [], "values": []}`), []byte(`[]`))
	f.Fuzz(func(t *testing.T, before, after []byte) {
		b, errB := scorecard.ReadJSON(bytes.NewReader(before))
		a, errA := scorecard.ReadJSON(bytes.NewReader(after))
		for _, err := range []error{errB, errA} {
			if err != nil && !strings.HasPrefix(err.Error(), "not an omni scorecard") && !strings.Contains(err.Error(), "format_version") {
				t.Fatalf("unclear error: %v", err)
			}
		}
		if errB != nil || errA != nil {
			return
		}
		c := CompareScorecards(b, a)
		for _, show := range []Show{{Markdown: true, All: true, Periods: true}, {All: true, Periods: true}} {
			var out strings.Builder
			if err := WriteComparison(&out, c, show); err != nil {
				t.Fatal(err)
			}
			if err := escapetest.Terminal(out.String()); err != nil {
				t.Fatal(err)
			}
			if show.Markdown {
				if err := escapetest.Markdown(out.String()); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

func FuzzReadState(f *testing.F) {
	var state bytes.Buffer
	if err := WriteState(&state, FromScorecard(escapetest.Hostile())); err != nil {
		f.Fatal(err)
	}
	f.Add(state.Bytes(), state.Bytes())
	f.Add(state.Bytes(), []byte(`{"format_version": 1, "project": "shop", "definitions": [{"address": "kpi.a\u001b[2J", "text": "x\n\u202e"}]}`))
	f.Add([]byte(`{}`), []byte(`null`))
	f.Fuzz(func(t *testing.T, recorded, current []byte) {
		r, errR := ReadState(bytes.NewReader(recorded))
		c, errC := ReadState(bytes.NewReader(current))
		for _, err := range []error{errR, errC} {
			if err != nil && !strings.HasPrefix(err.Error(), "not an omni state file") && !strings.Contains(err.Error(), "format_version") {
				t.Fatalf("unclear error: %v", err)
			}
		}
		if errR != nil || errC != nil {
			return
		}
		var out strings.Builder
		if err := WritePlan(&out, PlanChanges(r, c, nil), nil); err != nil {
			t.Fatal(err)
		}
		if err := escapetest.Terminal(out.String()); err != nil {
			t.Fatal(err)
		}
	})
}

package review

// A plan tells each kind of change apart: added, removed, changed in a way
// that breaks comparability or only in presentation, renamed by a moved
// block, and unchanged definitions whose values change through a
// dependency.

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// def is a definition whose text stands for its source.
func def(address, fingerprint, text string, dependsOn ...string) Definition {
	return Definition{Address: address, Fingerprint: fingerprint, Text: text, DependsOn: dependsOn}
}

func withLabel(d Definition, label string) Definition {
	d.Presentation = map[string]string{"label": label}
	return d
}

func snapshot(defs ...Definition) *Snapshot {
	return &Snapshot{FormatVersion: StateVersion, Project: "p", Definitions: defs}
}

// summary lists a plan's changes as "action address [breaking] …" lines.
func summary(p *Plan) []string {
	var out []string
	for _, c := range p.Changes {
		line := string(c.Action) + " " + c.Address
		if c.MovedFrom != "" {
			line += " from " + c.MovedFrom
		}
		if c.Breaking && c.Action == Change {
			line += " breaking"
		}
		if len(c.Presentation) > 0 {
			line += " presentation:" + strings.Join(c.Presentation, ",")
		}
		if c.SameAs != "" {
			line += " same-as:" + c.SameAs
		}
		out = append(out, line)
	}
	for _, b := range p.Downstream {
		out = append(out, "downstream "+b.Address+" cause:"+b.Cause+" through:"+b.Through)
	}
	return out
}

func TestPlanChanges(t *testing.T) {
	recorded := snapshot(
		def("kpi.buyers", "b1", "buyers v1"),
		def("kpi.visitors", "v1", "visitors"),
		def("kpi.conversion", "c1", "conversion", "kpi.buyers", "kpi.visitors"),
		def("objective.convert", "o1", "objective", "kpi.conversion"),
		withLabel(def("kpi.basket", "k1", "basket"), `label = "Basket"`),
		def("kpi.old", "x1", "old"),
		def("kpi.sales", "s1", "sales"),
		def("kpi.units", "u1", "units"),
	)
	current := snapshot(
		def("kpi.buyers", "b2", "buyers v2"),                                    // formula changed
		def("kpi.visitors", "v1", "visitors, reformatted"),                      // layout only
		def("kpi.conversion", "c2", "conversion", "kpi.buyers", "kpi.visitors"), // through buyers
		def("objective.convert", "o2", "objective", "kpi.conversion"),           // through buyers, via conversion
		withLabel(def("kpi.basket", "k1", "basket, relabelled"), `label = "Average basket"`),
		def("kpi.new", "n1", "new"),
		def("kpi.revenue", "s1", "revenue"),   // kpi.sales renamed, with a moved block
		def("kpi.quantity", "u1", "quantity"), // kpi.units renamed, without one
	)
	got := summary(PlanChanges(recorded, current, []Move{{From: "kpi.sales", To: "kpi.revenue"}}))
	want := []string{
		"change kpi.buyers breaking",
		"change kpi.basket presentation:label",
		"add kpi.new",
		"change kpi.revenue from kpi.sales",
		"add kpi.quantity same-as:kpi.units",
		"remove kpi.old",
		"remove kpi.units",
		"downstream kpi.conversion cause:kpi.buyers through:",
		"downstream objective.convert cause:kpi.buyers through:kpi.conversion",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

func TestPlanUnchanged(t *testing.T) {
	s := snapshot(def("kpi.a", "a1", "a"), def("kpi.b", "b1", "b", "kpi.a"))
	if p := PlanChanges(s, s, nil); !p.Empty() || p.Summary() != "Plan: 0 to add, 0 to change, 0 to remove." {
		t.Errorf("a snapshot against itself: %v, %s", summary(p), p.Summary())
	}
}

func TestPlanDriftWithoutCause(t *testing.T) {
	// Same text, other fingerprint, no changed dependency: the compiled SQL
	// changed by itself (a column type of the data, say). It is a change.
	got := summary(PlanChanges(snapshot(def("kpi.a", "a1", "a")), snapshot(def("kpi.a", "a2", "a")), nil))
	if diff := cmp.Diff([]string{"change kpi.a breaking"}, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

func TestPlanAgainstPartialSnapshot(t *testing.T) {
	// A scorecard tells its KPIs: a definition it lacks is not "added", and
	// presentation is compared on what it records.
	recorded := snapshot(withLabel(def("kpi.a", "a1", "from a scorecard"), ""))
	recorded.Partial = true
	current := snapshot(
		withLabel(def("kpi.a", "a1", "kpi a"), ""),
		def("kpi.b", "b1", "kpi b"),
		def("channel.web", "w1", "channel web"),
	)
	if p := PlanChanges(recorded, current, nil); !p.Empty() {
		t.Errorf("want no change, got %v", summary(p))
	}
	current.Definitions[0] = withLabel(current.Definitions[0], `label = "A"`)
	want := []string{"change kpi.a presentation:label"}
	if diff := cmp.Diff(want, summary(PlanChanges(recorded, current, nil))); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

func TestWritePlan(t *testing.T) {
	recorded := snapshot(Definition{Address: "kpi.a", Fingerprint: "a1",
		Text: "kpi \"a\" {\n  formula = \"count()\"\n  label   = \"A\"\n}\n", Meaning: "value = $1\n$1 = count(*) over touchpoints\n"})
	current := snapshot(Definition{Address: "kpi.a", Fingerprint: "a2",
		Text: "kpi \"a\" {\n  formula = \"count(ok)\"\n  label   = \"A\"\n}\n", Meaning: "value = $1\n$1 = count(*) FILTER (WHERE ok) over touchpoints\n"})
	var b strings.Builder
	if err := WritePlan(&b, PlanChanges(recorded, current, nil), nil); err != nil {
		t.Fatal(err)
	}
	want := `  ~ kpi.a (breaking: past values are not comparable)
        kpi "a" {
      -   formula = "count()"
      +   formula = "count(ok)"
          label   = "A"
      compiled:
        value = $1
      - $1 = count(*) over touchpoints
      + $1 = count(*) FILTER (WHERE ok) over touchpoints

Plan: 0 to add, 1 to change, 0 to remove.
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WritePlan (-want +got):\n%s", diff)
	}
}

// A definition's text cannot end the code block of the pull request
// comment, nor put HTML or links into it.
func TestWritePlanMarkdown(t *testing.T) {
	recorded := snapshot(Definition{Address: "kpi.a", Fingerprint: "a1", Text: "kpi \"a\" {\n  label = \"A\"\n}\n"})
	current := snapshot(Definition{Address: "kpi.a", Fingerprint: "a2",
		Text: "kpi \"a\" {\n  label = \"````\\n<img src=x onerror=alert(1)> [x](http://evil)\"\n}\n"})
	var b strings.Builder
	if err := WritePlanMarkdown(&b, PlanChanges(recorded, current, nil), "git revision <main>", false); err != nil {
		t.Fatal(err)
	}
	want := "### omni plan\n\n`````\nChanges against git revision <main>\n\n" +
		"  ~ kpi.a (breaking: past values are not comparable)\n" +
		"        kpi \"a\" {\n" +
		"      -   label = \"A\"\n" +
		"      +   label = \"````\\n<img src=x onerror=alert(1)> [x](http://evil)\"\n" +
		"        }\n\nPlan: 0 to add, 1 to change, 0 to remove.\n`````\n\nPlan: 0 to add, 1 to change, 0 to remove.\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WritePlanMarkdown (-want +got):\n%s", diff)
	}
}

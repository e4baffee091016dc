package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/dialect"
	"github.com/omni-metrics/omni/engine/formula"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// This file writes the normal form of what each compiled definition
// computes, from which its fingerprint is taken. The compiled SQL is already
// a normal form of a formula (spaces, quotes and comments of the file are
// gone); the normal form adds what the SQL leaves implicit: the aggregates
// it refers to by name, the traits and channel metadata they read, the
// project's grain and time zone, and the sources' role columns. The name of
// the definition is left out, so that a renamed definition keeps its
// fingerprint.

// Meaning returns the normal form of a compiled KPI, trait, segment,
// cohort, campaign or filter, addressed as kind.name ("kpi.reach"), and the addresses of the
// definitions it depends on. ok is false for other kinds and unknown names.
// The normal form is written in DuckDB's SQL on every engine (see
// writtenForDuckDB), so that omni diff compares runs on different engines.
func (c *Compiled) Meaning(address string) (normalForm string, uses []string, ok bool) {
	if c = c.writtenForDuckDB(); c == nil {
		return "", nil, false
	}
	kind, name, _ := strings.Cut(address, ".")
	m := &meaning{c: c, uses: map[string]bool{}}
	switch kind {
	case "kpi":
		k := c.kpis[name]
		if k == nil || !k.done || k.failed {
			return "", nil, false
		}
		m.kpi(k)
	case "trait":
		t := c.traits[name]
		if t == nil || !t.done || t.failed {
			return "", nil, false
		}
		value := m.inlined(&t.unit)
		m.add("value = " + value)
		m.names(t.Def.Formula, address)
		m.context(value, true)
	case "segment":
		i := slices.IndexFunc(c.Segments, func(s *Segment) bool { return s.Def.Name == name })
		if i < 0 {
			return "", nil, false
		}
		if seg := c.Segments[i]; seg.readsTraits() {
			value := m.inlined(seg.unit)
			m.add("where per period = " + value)
			m.names(seg.Def.Where, address)
			m.context(value, true)
		} else {
			m.add("where = " + seg.SQL)
			m.customers()
		}
	case "cohort":
		co := c.cohort(name)
		if co == nil {
			return "", nil, false
		}
		m.cohort(co)
	case "campaign":
		camp := c.campaign(&dsl.Ref{Name: name})
		if camp == nil {
			return "", nil, false
		}
		m.add("start = "+camp.Def.Start.String(), "end = "+camp.Def.End.String(), "where = "+camp.Where)
		m.context(camp.Where, false)
	case "filter":
		i := slices.IndexFunc(c.Session.Schema.Touchpoints.Derived, func(d *Derived) bool { return d.address() == address })
		if i < 0 {
			return "", nil, false
		}
		f := c.Session.Schema.Touchpoints.Derived[i] // its SQL writes out the filters it names
		m.add("where = " + f.SQL)
		m.context(f.SQL, false)
		for _, a := range f.Reads {
			m.uses[a] = true
		}
	default:
		return "", nil, false
	}
	return m.String(), sortedKeys(m.uses), true
}

// writtenForDuckDB is the project compiled for DuckDB: itself on DuckDB,
// else compiled once more, its SQL unrun, for the normal forms, which
// must not depend on the engine the queries run on. nil if that compile
// fails, which the engine's compile of the same definitions would have
// reported.
func (c *Compiled) writtenForDuckDB() *Compiled {
	if c.Session.Dialect == dialect.DuckDB {
		return c
	}
	if c.forDuckDB == nil {
		s := *c.Session
		s.Dialect = dialect.DuckDB
		compiled, diags := Compile(&s)
		if diags.HasErrors() {
			return nil
		}
		c.forDuckDB = compiled
	}
	return c.forDuckDB
}

// fingerprint is the fingerprint of a compiled definition's normal form;
// "" when it has none.
func (c *Compiled) fingerprint(address string) string {
	normal, _, ok := c.Meaning(address)
	if !ok {
		return ""
	}
	return scorecard.Fingerprint(normal)
}

// meaning accumulates the lines of a normal form and the definitions it uses.
type meaning struct {
	c     *Compiled
	lines []string
	uses  map[string]bool
}

func (m *meaning) add(lines ...string) { m.lines = append(m.lines, lines...) }

// String is the normal form: its lines.
func (m *meaning) String() string { return strings.Join(m.lines, "\n") + "\n" }

// maxInlined is the length up to which the normal form of a trait or KPI
// writes the definitions it names in full, as their SQL in parentheses.
// Past it (a chain of KPIs that each name the one before twice doubles at
// every step), each definition it names stands as its fingerprint.
const maxInlined = 1 << 16

// inlined is a definition's SQL with those it names written in full, in
// parentheses, as long as that stays within maxInlined; else with each one
// it names as its fingerprint.
func (m *meaning) inlined(u *unit) string {
	return replaceNames(u.sql, func(name string) (string, bool) {
		n := u.named(name)
		switch {
		case n == nil:
			return "", false
		case u.inlinedLength > maxInlined && n.address != "": // a compared value (see periods.go) has none
			kind, _, _ := strings.Cut(n.address, ".")
			return kind + "(" + sqlString(m.c.namedFingerprint(n)) + ")", true
		}
		return parenthesize(m.inlined(n)), true
	})
}

// namedFingerprint is the fingerprint of a definition that another names,
// computed once: in a chain, each one's stands in the normal form of the
// next.
func (c *Compiled) namedFingerprint(u *unit) string {
	if f, ok := c.namedFingerprints[u]; ok {
		return f
	}
	f := c.fingerprint(u.address)
	if c.namedFingerprints == nil {
		c.namedFingerprints = map[*unit]string{}
	}
	c.namedFingerprints[u] = f
	return f
}

// kpi writes a KPI's SQL with its measures numbered in order of use, then
// each measure with the table it aggregates.
func (m *meaning) kpi(k *KPI) {
	var used []*Measure
	value := replaceNames(m.inlined(&k.unit), func(name string) (string, bool) {
		i := slices.IndexFunc(used, func(x *Measure) bool { return x.Name == name })
		if i < 0 {
			j := slices.IndexFunc(m.c.Measures, func(x *Measure) bool { return x.Name == name })
			if j < 0 {
				return "", false
			}
			used, i = append(used, m.c.Measures[j]), len(used)
		}
		return fmt.Sprintf("$%d", i+1), true
	})
	m.add("value = " + value)
	all := value
	for i, x := range used {
		m.add(fmt.Sprintf("$%d = %s over %s", i+1, x.SQL, grainNames[x.Grain]))
		all += "\n" + x.SQL
	}
	for _, name := range m.c.history.columns {
		if strings.Contains(all, name) { // a window of earlier rows (see periods.go), written out
			m.add(name + " = " + m.c.history.sql[name])
			all += "\n" + m.c.history.sql[name]
		}
	}
	m.names(k.Def.Formula, "kpi."+k.Def.Name)
	m.context(all, k.Grains.Has(formula.Customers) || k.Grains.Has(formula.Base))
	if k.Grains.Has(formula.Spend) {
		spend := m.c.Session.Schema.Spend.Source
		m.add(fmt.Sprintf("spend = time %q, amount %q, channel %q", spend.Time.Value, spend.Amount.Value, spend.Channel.Value))
		m.uses["source."+spend.Name] = true
		m.derived(m.c.Session.Schema.Spend, all)
	}
	if k.Grains.Has(formula.Budget) {
		// The budgets are part of the definitions: a changed budget changes
		// what the KPI reads.
		for _, camp := range m.c.Campaigns {
			for _, b := range camp.Def.Budget {
				m.add(fmt.Sprintf("budget %s %s = %v", camp.Def.Name, b.Key.Value, b.Value))
			}
		}
	}
}

// cohort writes the period of a cohort and the condition its customers'
// first touchpoint meets, over the touchpoints as the context writes them.
func (m *meaning) cohort(co *Cohort) {
	m.add("period = " + co.Grain)
	if co.Def.When == nil {
		m.add("when = any touchpoint")
	} else {
		m.add("when = " + co.When)
		m.names(co.Def.When, "cohort."+co.Def.Name)
	}
	m.context(co.When, false)
}

var grainNames = map[formula.Grain]string{formula.Touchpoints: "touchpoints", formula.Customers: "customers", formula.Spend: "spend", formula.Budget: "budget", formula.Base: "the customer base"}

// names records the traits and KPIs a formula names as its dependencies,
// but the definition itself, whose name a KPI can share with the column it
// aggregates.
func (m *meaning) names(f *dsl.Formula, self string) {
	tokens, _ := lexer.Lex(file.NewSource(f.Text))
	for _, t := range tokens {
		switch {
		case t.Kind != lexer.Identifier:
		case m.c.kpis[t.Value] != nil && "kpi."+t.Value != self:
			m.uses["kpi."+t.Value] = true
		case m.c.traits[t.Value] != nil:
			m.uses["trait."+t.Value] = true
		}
	}
}

// context writes what SQL over touchpoints depends on beyond itself: the
// traits it reads as columns, channel metadata, the project's settings, the
// sources' role columns and the keys of the lookups it reads.
func (m *meaning) context(sql string, customers bool) {
	read := sql // and the traits it reads
	for _, t := range m.c.Traits {
		if t.done && !t.failed && strings.Contains(sql, formula.QuoteIdent(t.Def.Name)) {
			value := m.inlined(&t.unit)
			m.add(fmt.Sprintf("trait %s = %s", t.Def.Name, value))
			read += "\n" + value
		}
	}
	p := m.c.Session.Project
	if m.readsChannelMetadata(sql) {
		for _, ch := range p.Channels {
			m.add(fmt.Sprintf("channel %s = label %q, media %q, online %v", ch.Name, ch.Label.Value, ch.Media.Value, ch.Online))
			m.uses["channel."+ch.Name] = true
		}
	}
	m.add("grain = "+p.Settings.Grain.Value, "timezone = "+p.Settings.Timezone.Value)
	if !p.Settings.AsOf.IsZero() {
		m.add("as_of = " + p.Settings.AsOf.String())
	}
	m.uses["project"] = true
	tp := m.c.Session.Schema.Touchpoints.Source
	m.add(fmt.Sprintf("touchpoints = customer %q, time %q, channel %q", tp.Customer.Value, tp.Time.Value, tp.Channel.Value) + distinctMeaning(tp))
	m.uses["source."+tp.Name] = true
	m.derived(m.c.Session.Schema.Touchpoints, read)
	if customers || m.readsAttributes(sql) {
		m.customers()
	}
	m.lookups(read)
}

// derived writes the derived columns of a source that SQL reads or that
// play a role, with their SQL: a changed rule changes what reads them.
func (m *meaning) derived(t *Table, sql string) {
	src := t.Source
	roles := []string{src.Customer.Value, src.Time.Value, src.Channel.Value, src.Amount.Value}
	for _, d := range t.Derived {
		if slices.Contains(roles, d.Def.Name) || strings.Contains(sql, formula.QuoteIdent(d.Def.Name)) {
			m.add(fmt.Sprintf("column %s of %s = %s", d.Def.Name, src.Name, d.SQL))
			m.uses[d.address()] = true
			for _, a := range d.Reads {
				m.uses[a] = true
			}
		}
	}
}

// distinctMeaning writes the duplicates a source drops, which change what
// is counted; nothing when it keeps every row, so that fingerprints stay
// those of before distinct existed.
func distinctMeaning(src *dsl.Source) string {
	d := src.Distinct
	if d.Rows {
		return ", distinct"
	}
	if len(d.Columns) == 0 {
		return ""
	}
	columns := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		columns[i] = strconv.Quote(c.Value)
	}
	return ", distinct by " + strings.Join(columns, ", ")
}

// readsAttributes reports whether SQL reads a customer attribute.
func (m *meaning) readsAttributes(sql string) bool {
	for _, a := range attributes(m.c.Session.Schema) {
		if strings.Contains(sql, columnSQL(a.Name)) {
			return true
		}
	}
	return false
}

// customers writes the key that joins customer attributes to touchpoints.
func (m *meaning) customers() {
	if cs := m.c.Session.Schema.Customers; cs != nil {
		m.add(fmt.Sprintf("customers = key %q", cs.Source.Key.Value) + distinctMeaning(cs.Source))
		m.uses["source."+cs.Source.Name] = true
	}
}

// readsChannelMetadata reports whether SQL reads a column that channel
// blocks provide rather than the data.
func (m *meaning) readsChannelMetadata(sql string) bool {
	for _, md := range channelMetadata {
		if m.c.Session.Schema.Touchpoints.Column(md.name) == nil && strings.Contains(sql, formula.QuoteIdent(md.name)) {
			return true
		}
	}
	return false
}

// replaceNames rewrites the bare identifiers of generated SQL for which
// rename answers true, leaving string literals and quoted identifiers alone.
func replaceNames(sql string, rename func(string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(sql); {
		ch := sql[i]
		j := i + 1
		switch {
		case ch == '\'' || ch == '"':
			for j < len(sql) && (sql[j] != ch || j+1 < len(sql) && sql[j+1] == ch) {
				if sql[j] == ch {
					j++ // a doubled quote stands for one
				}
				j++
			}
			j = min(j+1, len(sql))
		case isWordByte(ch):
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			if ch < '0' || ch > '9' {
				if to, ok := rename(sql[i:j]); ok {
					b.WriteString(to)
					i = j
					continue
				}
			}
		}
		b.WriteString(sql[i:j])
		i = j
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// addFingerprints gives a scorecard's KPIs, campaigns, cohorts and segments
// their fingerprints, and its KPIs what omni diff judges their changes by: the
// direction that is good, the counts behind a share of trials.
func (c *Compiled) addFingerprints(p *Plan, sc *scorecard.Scorecard) {
	for i := range sc.KPIs {
		k := c.kpis[sc.KPIs[i].Name]
		sc.KPIs[i].Fingerprint = c.fingerprint("kpi." + k.Def.Name)
		sc.KPIs[i].Proportion = c.proportion(p, k)
		if k.Def.LowerIsBetter() {
			sc.KPIs[i].Direction = "down"
		}
	}
	for i := range sc.Scopes {
		if name := sc.Scopes[i].Campaign; name != "" {
			sc.Scopes[i].Fingerprint = c.fingerprint("campaign." + name)
		}
	}
	for _, co := range p.cohorts() {
		sc.Cohorts = append(sc.Cohorts, scorecard.Grouping{Name: co.Def.Name, Label: co.Def.Label.Value,
			Fingerprint: c.fingerprint("cohort." + co.Def.Name)})
	}
	if !p.splitsBySegment() {
		return
	}
	for _, s := range c.Segments {
		sc.Segments = append(sc.Segments, scorecard.Grouping{Name: s.Def.Name, Label: s.Def.Label.Value,
			Fingerprint: c.fingerprint("segment." + s.Def.Name)})
	}
}

package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// A crossed breakdown (by = [["segment", "channel"]]) splits the values by
// each combination of its breakdowns' values: one more grouping set of the
// same scan, (segment, channel) beside (segment) and (channel). Segments
// and the values of a list column overlap, so that their cells come from
// rows fanned out to them; a cross holds at most one such breakdown, and
// its cells come from that breakdown's fanned-out rows, where each
// customer counts in each segment he is in.

// breakdownEntry resolves an entry of a by list: a breakdown, or a cross.
// "period" gives nil, as for breakdown.
func (c *Compiled) breakdownEntry(e dsl.Breakdown) (*Breakdown, hcl.Diagnostics) {
	if !e.Crossed() {
		return c.breakdown(e.Names[0])
	}
	cross := &Breakdown{Name: e.Name()}
	var diags hcl.Diagnostics
	var overlapping *Breakdown
	for _, name := range e.Names {
		b, d := c.breakdown(name)
		diags = append(diags, d...)
		if b == nil {
			continue
		}
		if b.overlaps() {
			if overlapping != nil {
				diags = append(diags, errorDiag("Cross of two overlapping breakdowns", fmt.Sprintf("%q and %q both give a row several values (a customer is in several segments, a list holds several values): a cross may hold one of them. Cross each with the other breakdowns apart.", overlapping.Name, b.Name), &name.Range)...)
			}
			overlapping = b
		}
		cross.parts = append(cross.parts, b)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return cross, nil
}

// overlaps reports whether a row has several values of the breakdown: a
// customer's segments, a list's values.
func (b *Breakdown) overlaps() bool { return b.dim == bySegment || b.list }

// overlapping is the part of a breakdown whose values overlap; nil when
// none does.
func (b *Breakdown) overlapping() *Breakdown {
	for _, p := range b.singles() {
		if p.overlaps() {
			return p
		}
	}
	return nil
}

// singles are the breakdowns a breakdown is made of: those it crosses, or
// itself.
func (b *Breakdown) singles() []*Breakdown {
	if b.parts != nil {
		return b.parts
	}
	return []*Breakdown{b}
}

// has reports whether a breakdown is, or crosses, the one of a dimension.
func (b *Breakdown) has(d dimension) bool {
	return slices.ContainsFunc(b.singles(), func(p *Breakdown) bool { return p.dim == d })
}

// refusedBy reports whether a KPI's not_by refuses the breakdown or one
// that it crosses.
func (b *Breakdown) refusedBy(k *KPI) bool {
	return slices.ContainsFunc(b.singles(), func(p *Breakdown) bool { return k.notBy[p.Name] })
}

// columns are the SQL a breakdown groups by in a scan whose rows carry the
// values of its overlapping part, if any, in the column fanned.
func (b *Breakdown) columns(fanned string) []string {
	var cols []string
	for _, p := range b.singles() {
		if p.overlaps() {
			cols = append(cols, fanned)
		} else {
			cols = append(cols, p.SQL)
		}
	}
	return cols
}

// sameCross says which cross of a plan crosses the same breakdowns as
// another, in another order; "" when none does. Their cells would be the
// same grouping set, which names one breakdown only.
func sameCross(bs []*Breakdown, b *Breakdown) string {
	key := func(b *Breakdown) string {
		var names []string
		for _, p := range b.parts {
			names = append(names, p.Name)
		}
		slices.Sort(names)
		return strings.Join(names, "\x00")
	}
	for _, o := range bs {
		if b != nil && o.parts != nil && b.parts != nil && key(o) == key(b) {
			return o.Name
		}
	}
	return ""
}

// splitsBySegment reports whether a plan splits values by segment, alone
// or crossed.
func (p *Plan) splitsBySegment() bool {
	return slices.ContainsFunc(p.Breakdowns, func(b *Breakdown) bool { return b.has(bySegment) })
}

// crossedKeys reads the key of a cross's cell, the JSON list of its
// breakdowns' values, of which there are n.
func crossedKeys(key string, n int) ([]*string, error) {
	var keys []*string
	if err := json.Unmarshal([]byte(key), &keys); err != nil || len(keys) != n {
		return nil, fmt.Errorf("the key of a crossed cell is not a list of %d values: %q", n, key)
	}
	return keys, nil
}

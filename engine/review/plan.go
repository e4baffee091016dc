package review

import (
	"maps"
	"slices"
)

// Action is what a plan does to a definition.
type Action string

// The actions of a plan.
const (
	Add    Action = "add"
	Change Action = "change"
	Remove Action = "remove"
)

// Move is a moved block: the definition recorded at From is now at To.
type Move struct {
	From, To string // addresses, kind.name
}

// Plan is the difference between the recorded definitions and the current
// ones.
type Plan struct {
	Changes    []PlannedChange `json:"changes"`
	Downstream []Break         `json:"downstream"`
}

// PlannedChange is a definition added, changed or removed.
type PlannedChange struct {
	Action    Action `json:"action"`
	Address   string `json:"address"`
	MovedFrom string `json:"moved_from,omitempty"` // the address it had, when renamed by a moved block
	// Breaking says that the definition's values change meaning: past values
	// are not comparable. A non-breaking change touches only presentation.
	Breaking bool `json:"breaking"`
	// Presentation lists the presentation attributes that changed.
	Presentation []string `json:"presentation,omitempty"`
	// SameAs names, for an added definition, a removed one of the same
	// fingerprint: a rename that a moved block would keep the history of.
	SameAs string      `json:"same_as,omitempty"`
	Before *Definition `json:"before,omitempty"`
	After  *Definition `json:"after,omitempty"`
}

// Break is a definition left as it was whose values change all the same,
// because a definition it depends on changed.
type Break struct {
	Address string `json:"address"`
	Cause   string `json:"cause"`             // the changed definition
	Through string `json:"through,omitempty"` // the dependency that leads to it, when not the cause itself
}

// Count counts the planned changes of an action.
func (p *Plan) Count(a Action) int {
	n := 0
	for _, c := range p.Changes {
		if c.Action == a {
			n++
		}
	}
	return n
}

// Empty reports whether nothing changed.
func (p *Plan) Empty() bool { return len(p.Changes) == 0 && len(p.Downstream) == 0 }

// PlanChanges plans the change from the recorded snapshot to the current one.
// A move renames a recorded definition when the record has its old address
// and not its new one, so that its history carries on.
func PlanChanges(recorded, current *Snapshot, moves []Move) *Plan {
	p := &Plan{Changes: []PlannedChange{}, Downstream: []Break{}}
	matched := map[string]bool{}
	var drifted []*Definition // same text, other fingerprint: changed by a dependency
	for i := range current.Definitions {
		after := &current.Definitions[i]
		before, from := recorded.Lookup(after.Address), ""
		if before == nil {
			for _, m := range moves {
				if m.To == after.Address && recorded.Lookup(m.From) != nil {
					before, from = recorded.Lookup(m.From), m.From
				}
			}
		}
		if before == nil {
			if !recorded.Partial {
				p.Changes = append(p.Changes, PlannedChange{Action: Add, Address: after.Address, After: after})
			}
			continue
		}
		matched[before.Address] = true
		c := PlannedChange{Action: Change, Address: after.Address, MovedFrom: from, Before: before, After: after,
			Breaking:     before.Fingerprint != "" && before.Fingerprint != after.Fingerprint,
			Presentation: changedPresentation(before, after, recorded.Partial)}
		switch {
		case c.Breaking && from == "" && !recorded.Partial && before.Text == after.Text:
			drifted = append(drifted, after)
		case c.Breaking || from != "" || len(c.Presentation) > 0:
			p.Changes = append(p.Changes, c)
		}
	}
	for i := range recorded.Definitions {
		if before := &recorded.Definitions[i]; !matched[before.Address] {
			p.Changes = append(p.Changes, PlannedChange{Action: Remove, Address: before.Address, Breaking: true, Before: before})
		}
	}
	p.explain(drifted, current)
	p.findRenames()
	return p
}

// changedPresentation lists the presentation attributes whose text changed.
// A partial snapshot is compared on the attributes it records only.
func changedPresentation(before, after *Definition, partial bool) []string {
	names := map[string]bool{}
	for k := range before.Presentation {
		names[k] = true
	}
	if !partial {
		for k := range after.Presentation {
			names[k] = true
		}
	}
	var changed []string
	for _, k := range slices.Sorted(maps.Keys(names)) {
		if before.Presentation[k] != after.Presentation[k] {
			changed = append(changed, k)
		}
	}
	return changed
}

// explain finds, for each definition that drifted, the changed definition
// it depends on. One that depends on no change drifted by itself (a column
// type of the data changed its SQL, say): it is a breaking change.
func (p *Plan) explain(drifted []*Definition, current *Snapshot) {
	changed := map[string]bool{}
	for _, c := range p.Changes {
		changed[c.Address] = c.Breaking
	}
	for _, d := range drifted {
		if cause, through := findCause(d, current, changed); cause != "" {
			p.Downstream = append(p.Downstream, Break{Address: d.Address, Cause: cause, Through: through})
			continue
		}
		p.Changes = append(p.Changes, PlannedChange{Action: Change, Address: d.Address, Breaking: true,
			Before: d, After: d})
	}
}

// findCause walks the dependencies of d breadth first to the nearest
// breaking change, and returns it with the direct dependency leading there.
func findCause(d *Definition, current *Snapshot, changed map[string]bool) (cause, through string) {
	type step struct{ address, first string }
	queue := []step{}
	for _, dep := range d.DependsOn {
		queue = append(queue, step{dep, dep})
	}
	seen := map[string]bool{d.Address: true}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if seen[s.address] {
			continue
		}
		seen[s.address] = true
		if changed[s.address] {
			if s.first == s.address {
				return s.address, ""
			}
			return s.address, s.first
		}
		if dep := current.Lookup(s.address); dep != nil {
			for _, next := range dep.DependsOn {
				queue = append(queue, step{next, s.first})
			}
		}
	}
	return "", ""
}

// findRenames points out, for each added definition, a removed one of the
// same kind and fingerprint: a rename without a moved block.
func (p *Plan) findRenames() {
	for i, add := range p.Changes {
		if add.Action != Add {
			continue
		}
		for _, rm := range p.Changes {
			if rm.Action == Remove && rm.Before.Kind() == add.After.Kind() && rm.Before.Fingerprint != "" &&
				rm.Before.Fingerprint == add.After.Fingerprint {
				p.Changes[i].SameAs = rm.Address
			}
		}
	}
}

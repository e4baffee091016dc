package review

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// StateVersion is the version of the state file's JSON shape.
const StateVersion = 1

// Snapshot is what omni knows of a project's definitions at one time: the
// state omni run records, or what a scorecard or a git revision tells.
type Snapshot struct {
	FormatVersion int    `json:"format_version"`
	Project       string `json:"project"`
	// Partial says that the snapshot holds only the KPIs, campaigns,
	// segments and cohorts of a scorecard, so that other definitions cannot
	// be compared.
	Partial     bool         `json:"partial,omitempty"`
	Definitions []Definition `json:"definitions"`
}

// Definition is one block of a project, as a snapshot keeps it.
type Definition struct {
	Address string `json:"address"` // kind.name, such as kpi.reach; "project" for the project block
	// Fingerprint identifies what the definition computes, dependencies
	// included: when it changes, past values are no longer comparable.
	Fingerprint string `json:"fingerprint"`
	// Presentation holds the attributes that change how values are shown or
	// which are reported, never a value (label, format…), each normalised.
	Presentation map[string]string `json:"presentation,omitempty"`
	Text         string            `json:"text"`              // the block, normalised
	Meaning      string            `json:"meaning,omitempty"` // the compiled normal form, for what the engine compiles
	DependsOn    []string          `json:"depends_on,omitempty"`
}

// Kind is the block type of the definition.
func (d *Definition) Kind() string {
	kind, _, _ := strings.Cut(d.Address, ".")
	return kind
}

// Compiler gives the normal form of what a compiled definition computes,
// addressed as kind.name, and the definitions it uses. The engine
// implements it for KPIs, traits, segments, cohorts, campaigns and filters.
type Compiler interface {
	Meaning(address string) (normalForm string, uses []string, ok bool)
}

// skipped are the block types that define nothing a scorecard reports.
var skipped = map[string]bool{"moved": true, "test": true}

// Take takes the snapshot of a loaded project. The fingerprint of what c
// compiles is that of its normal form; that of any other block is that of
// its attributes that are not presentation, and of the definitions they
// refer to.
func Take(p *dsl.Project, c Compiler) *Snapshot {
	s := &Snapshot{FormatVersion: StateVersion, Project: p.Settings.Name, Definitions: []Definition{}}
	t := &taker{compiler: c, blocks: map[string]*block{}, kinds: map[string]bool{}}
	for _, name := range slices.Sorted(maps.Keys(p.Files)) {
		f := p.Files[name]
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			t.kinds[b.Type] = true
			address := b.Type
			if b.Type != "project" && len(b.Labels) > 0 {
				address += "." + b.Labels[0]
			}
			if skipped[b.Type] || t.blocks[address] != nil || b.Type != "project" && len(b.Labels) == 0 {
				continue
			}
			t.blocks[address] = &block{syntax: b, n: normalize(b, f.Bytes)}
			t.order = append(t.order, address)
		}
	}
	for _, address := range t.order {
		s.Definitions = append(s.Definitions, t.definition(address))
	}
	return s
}

// block is a block of the project during a snapshot.
type block struct {
	syntax *hclsyntax.Block
	n      normalBlock
	def    *Definition // once taken
	taking bool        // to stop at a cycle, which validation reports
}

type taker struct {
	compiler Compiler
	blocks   map[string]*block
	kinds    map[string]bool // the block types of the project, which references name
	order    []string
}

func (t *taker) definition(address string) Definition {
	b := t.blocks[address]
	if b.def != nil || b.taking {
		if b.def == nil {
			return Definition{Address: address}
		}
		return *b.def
	}
	b.taking = true
	kind := b.syntax.Type
	d := &Definition{Address: address, Text: b.n.text, Presentation: map[string]string{}}
	var semantic []string
	for _, name := range slices.Sorted(maps.Keys(b.n.attrs)) {
		if isPresentation(kind, name) {
			d.Presentation[name] = b.n.attrs[name]
			continue
		}
		semantic = append(semantic, b.n.attrs[name])
		for _, ref := range references(b.syntax.Body.Attributes[name].Expr, t.kinds) {
			if !slices.Contains(d.DependsOn, ref) && t.blocks[ref] != nil {
				d.DependsOn = append(d.DependsOn, ref)
			}
		}
	}
	for _, ref := range filtersNamed(b.n.text) {
		if !slices.Contains(d.DependsOn, ref) && t.blocks[ref] != nil && ref != address {
			d.DependsOn = append(d.DependsOn, ref)
		}
	}
	if normal, uses, ok := t.meaning(address); ok {
		d.Meaning, d.DependsOn, d.Fingerprint = normal, uses, scorecard.Fingerprint(normal)
	} else {
		slices.Sort(d.DependsOn)
		for _, dep := range d.DependsOn {
			semantic = append(semantic, dep+" = "+t.definition(dep).Fingerprint)
		}
		semantic = append(semantic, b.n.nested...)
		d.Fingerprint = scorecard.Fingerprint(strings.Join(semantic, "\n"))
	}
	if len(d.Presentation) == 0 {
		d.Presentation = nil
	}
	b.def = d
	return *d
}

func (t *taker) meaning(address string) (string, []string, bool) {
	if t.compiler == nil {
		return "", nil, false
	}
	return t.compiler.Meaning(address)
}

// presentation lists, per block type, the attributes that change how values
// are shown or which are reported, never a value. Channels have none: their
// label, media and online are columns formulas read.
var presentation = map[string][]string{
	"project":   {"currency"},
	"source":    {"path", "format"},
	"channel":   {},
	"kpi":       {"label", "description", "format", "by", "direction"},
	"campaign":  {"label", "description", "budget"},
	"objective": {"label", "description", "owner"},
}

// isPresentation reports whether an attribute of a block type is
// presentation. Every attribute of a scorecard is: it chooses what to
// report. Other types have their label and description.
func isPresentation(kind, attr string) bool {
	if kind == "scorecard" {
		return true
	}
	names, ok := presentation[kind]
	if !ok {
		names = []string{"label", "description"}
	}
	return slices.Contains(names, attr)
}

// Lookup returns the definition at an address, or nil.
func (s *Snapshot) Lookup(address string) *Definition {
	for i := range s.Definitions {
		if s.Definitions[i].Address == address {
			return &s.Definitions[i]
		}
	}
	return nil
}

// WriteState writes a snapshot as the state file's JSON.
func WriteState(w io.Writer, s *Snapshot) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// ReadState reads a state file written by WriteState.
func ReadState(r io.Reader) (*Snapshot, error) {
	var s Snapshot
	if err := json.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("not an omni state file: %w", err)
	}
	if s.FormatVersion != StateVersion {
		return nil, fmt.Errorf("state format_version %d, this omni reads %d", s.FormatVersion, StateVersion)
	}
	return &s, nil
}

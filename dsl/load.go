package dsl

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// rootSchema lists the block types of a project file.
var rootSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "project", LabelNames: []string{"name"}},
	{Type: "source", LabelNames: []string{"name"}},
	{Type: "column", LabelNames: []string{"name"}},
	{Type: "filter", LabelNames: []string{"name"}},
	{Type: "channel", LabelNames: []string{"name"}},
	{Type: "segment", LabelNames: []string{"name"}},
	{Type: "trait", LabelNames: []string{"name"}},
	{Type: "kpi", LabelNames: []string{"name"}},
	{Type: "campaign", LabelNames: []string{"name"}},
	{Type: "objective", LabelNames: []string{"name"}},
	{Type: "attribution", LabelNames: []string{"name"}},
	{Type: "experiment", LabelNames: []string{"name"}},
	{Type: "loyalty", LabelNames: []string{"name"}},
	{Type: "cohort", LabelNames: []string{"name"}},
	{Type: "scorecard", LabelNames: []string{"name"}},
	{Type: "moved"},
	{Type: "test", LabelNames: []string{"name"}},
}}

// loader decodes the blocks of a project's files. It keeps the parser for
// the files' bytes, which formulas need to map their characters to the file.
type loader struct {
	parser  *hclparse.Parser
	project *Project
	// declared records each block's range by "type.name", to report duplicates.
	declared map[string]hcl.Range
	// full: a block past MaxDefinitions was met, and the rest is not decoded.
	full bool
}

// LoadDir reads every *.hcl file of dir (not its subfolders), in name order.
// It returns what it could decode along with every diagnostic found.
func LoadDir(dir string) (*Project, hcl.Diagnostics) {
	if problem := FolderProblem(dir); problem != nil {
		return nil, hcl.Diagnostics{problem}
	}
	names, err := hclFiles(dir)
	if err != nil || len(names) == 0 {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "No definitions",
			Detail:   fmt.Sprintf("The folder %s holds no *.hcl file. Run omni in a project folder, or name one: omni validate examples/pharma.", dir),
		}}
	}
	sources := make(map[string][]byte, len(names))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read file", Detail: err.Error()}}
		}
		sources[name] = b
	}
	p, diags := Load(sources)
	if p != nil {
		p.Dir = dir
	}
	return p, diags
}

// FolderProblem reports a project folder that is missing or is a file.
func FolderProblem(dir string) *hcl.Diagnostic {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "No such folder",
			Detail: fmt.Sprintf("The folder %s does not exist. Name a project folder (omni validate examples/pharma), or create one with omni init %s.", dir, dir)}
	case err == nil && !info.IsDir():
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Not a folder",
			Detail: fmt.Sprintf("%s is a file; omni reads all the *.hcl files of a project folder. Name the folder that holds it (omni validate %s).", dir, filepath.Dir(dir))}
	}
	return nil
}

// hclFiles lists the *.hcl files of dir, in name order; folders are not read.
func hclFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".hcl" {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	return names, nil
}

// Load decodes a project from file contents keyed by file name.
func Load(files map[string][]byte) (*Project, hcl.Diagnostics) {
	l := &loader{
		parser:   hclparse.NewParser(),
		project:  &Project{Settings: defaultSettings()},
		declared: map[string]hcl.Range{},
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var diags hcl.Diagnostics
	for _, name := range names {
		if d := checkFile(name, files[name]); d != nil {
			diags = append(diags, d)
			continue
		}
		f, d := l.parser.ParseHCL(files[name], name)
		diags = append(diags, d...)
		if f == nil || f.Body == nil {
			continue
		}
		diags = append(diags, l.decodeFile(f)...)
		if l.full {
			break // tooManyDefinitions said so, once
		}
	}
	l.project.Files = l.parser.Files()
	diags = append(diags, l.project.checkReferences()...)
	diags = append(diags, l.project.checkMoved()...)
	diags = append(diags, l.project.checkTests()...)
	return l.project, diags
}

func (l *loader) bytes(filename string) []byte {
	if f := l.parser.Files()[filename]; f != nil {
		return f.Bytes
	}
	return nil
}

func (l *loader) decodeFile(f *hcl.File) hcl.Diagnostics {
	content, diags := f.Body.Content(rootSchema)
	p := l.project
	for _, block := range content.Blocks {
		if block.Type == "moved" { // it has no name to declare
			diags = append(diags, decodeInto(&p.Moved, block, decodeMovedBlock)...)
			continue
		}
		if d := l.tooManyDefinitions(block); d != nil {
			return append(diags, d)
		}
		if d := l.declare(block); d != nil {
			diags = append(diags, d)
			continue
		}
		var d hcl.Diagnostics
		switch block.Type {
		case "project":
			p.Settings, d = decodeProjectBlock(block)
		case "source":
			d = decodeInto(&p.Sources, block, decodeSourceBlock)
		case "column":
			d = decodeInto(&p.Columns, block, l.decodeDerivedColumnBlock)
		case "filter":
			d = decodeInto(&p.Filters, block, l.decodeFilterBlock)
		case "channel":
			d = decodeInto(&p.Channels, block, decodeChannelBlock)
		case "segment":
			d = decodeInto(&p.Segments, block, l.decodeSegmentBlock)
		case "trait":
			d = decodeInto(&p.Traits, block, l.decodeTraitBlock)
		case "kpi":
			d = decodeInto(&p.KPIs, block, l.decodeKPIBlock)
		case "campaign":
			d = decodeInto(&p.Campaigns, block, l.decodeCampaignBlock)
		case "attribution":
			d = decodeInto(&p.Attributions, block, l.decodeAttributionBlock)
		case "experiment":
			d = decodeInto(&p.Experiments, block, l.decodeExperimentBlock)
		case "objective":
			d = decodeInto(&p.Objectives, block, decodeObjectiveBlock)
		case "loyalty":
			d = decodeInto(&p.Ladders, block, l.decodeLoyaltyBlock)
		case "cohort":
			d = decodeInto(&p.Cohorts, block, l.decodeCohortBlock)
		case "scorecard":
			d = decodeInto(&p.Scorecards, block, decodeScorecardBlock)
		case "test":
			d = decodeInto(&p.Tests, block, decodeTestBlock)
		}
		diags = append(diags, d...)
	}
	return diags
}

// decodeInto decodes a block and appends it to its list, even when it has
// errors, so that later checks still see the definitions it declares.
func decodeInto[T any](list *[]*T, block *hcl.Block, decode func(*hcl.Block) (*T, hcl.Diagnostics)) hcl.Diagnostics {
	v, diags := decode(block)
	*list = append(*list, v)
	return diags
}

// declare records a block, or reports it as a duplicate of an earlier one.
// KPIs and traits share one namespace: formulas name both without a prefix.
func (l *loader) declare(block *hcl.Block) *hcl.Diagnostic {
	kind := block.Type
	if kind == "kpi" || kind == "trait" {
		kind = "kpi or trait"
	}
	key := kind + "." + block.Labels[0]
	if block.Type == "project" {
		key = "project"
	}
	if prev, dup := l.declared[key]; dup && block.Type == "project" {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Duplicate project block",
			Detail:   fmt.Sprintf("A project block was already declared at %s. A project has one project block; merge them.", prev),
			Subject:  block.DefRange.Ptr(),
		}
	} else if dup {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("Duplicate %s %q", block.Type, block.Labels[0]),
			Detail:   fmt.Sprintf("%s %s named %q was already declared at %s. Names must be unique within a project; rename one of them.", article(kind), kind, block.Labels[0], prev),
			Subject:  block.DefRange.Ptr(),
		}
	}
	l.declared[key] = block.DefRange
	return nil
}

// article is the indefinite article of a word: "an attribution", "a kpi".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "An"
	}
	return "A"
}

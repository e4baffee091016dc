package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Moved is a moved block: a definition renamed, whose history carries on
// under its new name, as in Terraform. omni plan then compares the renamed
// definition with what was recorded under its old name.
type Moved struct {
	From, To  Ref
	DeclRange hcl.Range
}

var movedSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "from", Required: true}, {Name: "to", Required: true},
}}

// unmovable are the block types that have no name to change.
var unmovable = map[string]bool{"project": true, "moved": true, "test": true}

func decodeMovedBlock(block *hcl.Block) (*Moved, hcl.Diagnostics) {
	m := &Moved{DeclRange: block.DefRange}
	content, diags := block.Body.Content(movedSchema)
	if diags.HasErrors() {
		return m, diags
	}
	var d hcl.Diagnostics
	m.From, d = movedRef(content.Attributes["from"])
	diags = append(diags, d...)
	m.To, d = movedRef(content.Attributes["to"])
	diags = append(diags, d...)
	if !diags.HasErrors() && m.From.Kind != m.To.Kind {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Moved to another kind",
			Detail:   fmt.Sprintf("A %s cannot become a %s: a moved block renames a definition within its kind.", m.From.Kind, m.To.Kind),
			Subject:  m.To.Range.Ptr(),
		})
	}
	return m, diags
}

// movedRef decodes one end of a moved block: a reference to a named
// definition of any kind.
func movedRef(attr *hcl.Attribute) (Ref, hcl.Diagnostics) {
	kind := ""
	if trav, d := hcl.AbsTraversalForExpr(attr.Expr); !d.HasErrors() {
		kind = trav.RootName()
	}
	if unmovable[kind] || !isBlockType(kind) {
		return Ref{}, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference",
			Detail:   "A moved block renames a named definition: write from = kpi.old_name and to = kpi.new_name.",
			Subject:  rangeOf(attr.Expr).Ptr(),
		}}
	}
	return refOf(attr.Expr, kind)
}

func isBlockType(kind string) bool {
	for _, b := range rootSchema.Blocks {
		if b.Type == kind {
			return true
		}
	}
	return false
}

// checkMoved checks that each moved block leads from a name no longer
// declared to one declared, and that no two move the same name.
func (p *Project) checkMoved() hcl.Diagnostics {
	declared := p.declaredAddresses()
	var diags hcl.Diagnostics
	from := map[string]hcl.Range{}
	for _, m := range p.Moved {
		if m.From.Kind == "" || m.From.Kind != m.To.Kind {
			continue
		}
		old, now := m.From.Kind+"."+m.From.Name, m.To.Kind+"."+m.To.Name
		switch prev, dup := from[old]; {
		case dup:
			diags = append(diags, movedError("Moved twice", fmt.Sprintf("%s was already moved at %s: a definition has one new name.", old, prev), m.From.Range))
		case declared[old]:
			diags = append(diags, movedError("Moved from a declared name", fmt.Sprintf("%s is still declared: a moved block says that it was renamed. Remove the moved block, or rename the definition.", old), m.From.Range))
		case !declared[now]:
			diags = append(diags, movedError("Moved to an undeclared name", fmt.Sprintf("No %s block is named %q: a moved block leads to the definition's new name.", m.To.Kind, m.To.Name), m.To.Range))
		}
		from[old] = m.DeclRange
	}
	return diags
}

func movedError(summary, detail string, at hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: at.Ptr()}
}

// declaredAddresses lists the named blocks of every file as kind.name.
func (p *Project) declaredAddresses() map[string]bool {
	out := map[string]bool{}
	for _, f := range p.Files {
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			if len(b.Labels) > 0 {
				out[b.Type+"."+b.Labels[0]] = true
			}
		}
	}
	return out
}

package dsl

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// ObjectiveExpectation is an expect_objective block: the status an
// objective on an experiment's lift gets from the test's data.
type ObjectiveExpectation struct {
	Objective *Ref // nil when missing: reported
	Status    Text
	DeclRange hcl.Range
}

// ObjectiveStatuses are the statuses an objective on a lift can get, as the
// scorecard's JSON writes them.
var ObjectiveStatuses = []string{"achieved", "at_risk", "off_track", "no_data"}

var objectiveExpectSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "objective", Required: true}, {Name: "status", Required: true},
}}

func decodeObjectiveExpectBlock(block *hcl.Block) (*ObjectiveExpectation, hcl.Diagnostics) {
	e := &ObjectiveExpectation{DeclRange: block.DefRange}
	content, diags := block.Body.Content(objectiveExpectSchema)
	var d hcl.Diagnostics
	e.Objective, d = refAttr(content.Attributes["objective"], "objective")
	diags = append(diags, d...)
	e.Status, d = choiceAttr(content.Attributes["status"], ObjectiveStatuses)
	return e, append(diags, d...)
}

// checkObjectiveExpects checks that a test's expect_objective blocks name
// declared objectives on a lift: an objective on a KPI's value is judged on
// the dates of the real data, which a test's few rows do not have.
func (p *Project) checkObjectiveExpects(t *Test) hcl.Diagnostics {
	var diags hcl.Diagnostics
	declared := names(p.Objectives, func(o *Objective) string { return o.Name })
	for _, e := range t.ObjectiveExpects {
		if e.Objective == nil {
			continue
		}
		if d := checkRef(*e.Objective, declared); d != nil {
			diags = append(diags, d...)
			continue
		}
		i := slices.IndexFunc(p.Objectives, func(o *Objective) bool { return o.Name == e.Objective.Name })
		if !p.Objectives[i].IsLift() {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Status of an objective on a KPI's value",
				Detail: fmt.Sprintf("A test checks the status of objectives on an experiment's lift. Objective %q is judged from its KPI's periods up to its deadline, on the real data: check its KPI's values with an expect block instead.",
					e.Objective.Name), Subject: e.Objective.Range.Ptr()})
		}
	}
	return diags
}

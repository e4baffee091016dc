package dsl

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// The orders in which a ladder tries its stages' rules.
const (
	// OrderHighest tries them from the highest stage down: a customer is in
	// the highest stage whose rule holds, else in the first, the entry
	// stage, which has no rule.
	OrderHighest = "highest"
	// OrderFirstMatch tries them as written, from the first stage: the
	// first rule that holds wins, and the last stage, which has no rule,
	// catches the rest.
	OrderFirstMatch = "first_match"
)

// Orders are the values of a ladder's order.
var Orders = []string{OrderHighest, OrderFirstMatch}

// FirstMatch says whether the ladder tries its rules as written.
func (y *Loyalty) FirstMatch() bool { return y.Order.Value == OrderFirstMatch }

// Tried lists the stages that have a rule, by index, in the order their
// rules are tried: from the highest down, or as written with first_match.
func (y *Loyalty) Tried() []int {
	var out []int
	for i, s := range y.Stages {
		if s.When != nil {
			out = append(out, i)
		}
	}
	if !y.FirstMatch() {
		slices.Reverse(out)
	}
	return out
}

// CatchAll is the index of the stage without a rule: the stage of the
// customers for whom no rule holds.
func (y *Loyalty) CatchAll() int {
	for i, s := range y.Stages {
		if s.When == nil {
			return i
		}
	}
	return 0
}

// checkHighest checks the stages of a ladder whose rules are tried from the
// highest down: the first, the entry stage, has no rule and every other
// stage has one.
func checkHighest(stages []*Stage, whens map[*Stage]*hcl.Attribute) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if when := whens[stages[0]]; when != nil {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Rule on the entry stage",
			Detail:   "The first stage is the entry stage: customers are in it when no other stage's rule holds, and new customers enter the ladder through it. Remove its when, or add a stage without a rule below it. (To try the rules as written, the last stage catching the rest, set order = \"first_match\".)",
			Subject:  when.Expr.Range().Ptr(),
		})
	}
	for i, s := range stages[1:] {
		if whens[s] != nil {
			continue
		}
		detail := fmt.Sprintf("A customer is in stage %q in a period when its rule holds (and no higher stage's does): give it one, such as when = \"count(event == 'purchase') >= 1\". Only the first stage, the entry stage, has none.", s.Name)
		if i == len(stages)-2 {
			detail += " (To try the rules as written, this last stage catching the rest, set order = \"first_match\".)"
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Stage without a rule",
			Detail:   detail,
			Subject:  s.DeclRange.Ptr(),
		})
	}
	return diags
}

// checkFirstMatch checks the stages of a ladder whose rules are tried as
// written: every stage has a rule but the last, which catches the rest.
func checkFirstMatch(stages []*Stage, whens map[*Stage]*hcl.Attribute) hcl.Diagnostics {
	var diags hcl.Diagnostics
	var catchAll *Stage
	for _, s := range stages {
		switch when := whens[s]; {
		case catchAll == nil && when == nil:
			catchAll = s
		case catchAll != nil && when == nil:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Two catch-all stages",
				Detail:   fmt.Sprintf("Stage %q has no when, like stage %q before it: with order = \"first_match\", only the last stage has none, and takes the customers for whom no rule holds. Give it a when.", s.Name, catchAll.Name),
				Subject:  s.DeclRange.Ptr(),
			})
		case catchAll != nil:
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Stage after the catch-all",
				Detail:   fmt.Sprintf("Stage %q comes after stage %q, which has no when and takes every customer the rules before it leave: with order = \"first_match\" its rule would never be tried. Move the stage without a when last.", s.Name, catchAll.Name),
				Subject:  when.Expr.Range().Ptr(),
			})
		}
	}
	if catchAll == nil {
		last := stages[len(stages)-1]
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No catch-all stage",
			Detail:   fmt.Sprintf("With order = \"first_match\", the rules are tried as written and the last stage, without a when, takes the customers for whom none holds. Remove the when of stage %q, or add a last stage without one.", last.Name),
			Subject:  whens[last].Expr.Range().Ptr(),
		})
	}
	return diags
}

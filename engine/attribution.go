package engine

import (
	"fmt"
	"strings"

	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
	"github.com/omni-metrics/omni/engine/formula"
)

// Attribution is a compiled attribution block: its formulas as SQL over the
// facts, through the same compiler, checks and quoting as every formula.
type Attribution struct {
	Def        *dsl.Attribution
	Conversion string // condition
	Touch      string // condition
	Value      string // number; "1" when the block gives none
	Key        string // the key of a touch, as text
	// KeyName is the key as the scorecard names it: "channel", "campaign"…
	KeyName string
	// spendColumn is the column of the spend source whose values are the
	// keys, to split spend by key; "" when spend cannot be split so.
	spendColumn string
	// bySegment says that the attribution is reported per segment too.
	bySegment bool
	// paths is the path summary the attribution reads instead of the
	// touchpoints; nil for the touchpoints.
	paths *Table
}

// compileAttributions compiles every attribution block, keeping those
// without errors.
func (c *Compiled) compileAttributions() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, def := range c.Session.Project.Attributions {
		a, d := c.compileAttribution(def)
		diags = append(diags, d...)
		if a != nil && !d.HasErrors() {
			c.Attributions = append(c.Attributions, a)
		}
	}
	return diags
}

func (c *Compiled) compileAttribution(def *dsl.Attribution) (*Attribution, hcl.Diagnostics) {
	if def.Paths != nil {
		return c.compilePathAttribution(def), nil
	}
	if def.Conversion == nil || def.Model.Value == "" {
		return nil, nil // reported by dsl
	}
	a := &Attribution{Def: def, Value: "1", KeyName: "channel", Key: formula.QuoteIdent(colChannel)}
	var diags hcl.Diagnostics
	row := func(f *dsl.Formula, want formula.Want) string {
		out, d := formula.Compile(f, formula.RowScope, want, c.env(formula.RowScope))
		diags = append(diags, d...)
		if out == nil {
			return "NULL"
		}
		return out.SQL
	}
	a.Conversion = row(def.Conversion, formula.Condition)
	a.Touch = "NOT coalesce(" + a.Conversion + ", FALSE)"
	if def.Touch != nil {
		a.Touch = "coalesce(" + row(def.Touch, formula.Condition) + ", FALSE)"
	}
	if def.Value != nil {
		a.Value = row(def.Value, formula.Number)
	}
	switch {
	case def.Key != nil:
		a.Key, a.KeyName = "CAST("+row(def.Key, formula.Value)+" AS VARCHAR)", strings.TrimSpace(def.Key.Text)
	case c.Session.Schema.Touchpoints.Source.Channel.Value == "":
		tp := c.Session.Schema.Touchpoints.Source
		diags = append(diags, errorDiag("Attribution without a key", fmt.Sprintf(
			"Touches credit their channel by default, and source %q has no channel role. Set channel = \"<column>\" in the source, or key = \"<column>\" here.", tp.Name), &def.DeclRange)...)
	}
	a.spendColumn = c.spendColumnOf(a.KeyName)
	if def.Key != nil && a.spendColumn == "" && c.spendCouldSplitBy(def.Key) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Spend not split by a key formula",
			Detail:  fmt.Sprintf("The spend source has every column that the key %q reads, but spend cannot be split by a formula, so the attribution's spend, ROAS, ROI and cost per conversion are null. Declare a column block with this formula on both the touchpoints and the spend source, and write its name as the key.", def.Key.Text),
			Subject: def.Key.Range.Ptr()})
	}
	if w := def.SpendWindow; !w.IsZero() && a.spendColumn == "" {
		why := fmt.Sprintf("the spend source cannot be split by the key %q: it needs a column of that name (its channel role for the channel)", a.KeyName)
		if c.Session.Schema.Spend == nil {
			why = "the project has no spend source"
		}
		diags = append(diags, errorDiag("Spend window without spend by key", fmt.Sprintf(
			"spend_window counts each key's spend rows before its conversions, and %s. Remove spend_window, or give the spend source that column.", why), &w.Range)...)
	}
	for _, by := range def.By {
		b, d := c.breakdown(by)
		diags = append(diags, d...)
		switch {
		case b != nil && b.dim == bySegment:
			a.bySegment = true
			diags = append(diags, c.traitSegmentProblem("an attribution by segment", nil, &by.Range)...)
		case !d.HasErrors():
			diags = append(diags, errorDiag("Attribution not by segment", fmt.Sprintf(
				"Attributions are reported by segment only: a journey is a customer's, and %q is not a customer's segment. Write by = [\"segment\"].", by.Value), &by.Range)...)
		}
	}
	return a, diags
}

// spendColumnOf is the spend source's column that holds the values of a
// key: its channel column for the channel, a column of the same name for a
// touchpoint column (a campaign code, say); "" for none.
func (c *Compiled) spendColumnOf(key string) string {
	spend := c.Session.Schema.Spend
	switch {
	case spend == nil:
		return ""
	case key == "channel":
		return spend.Source.Channel.Value
	case simpleName.MatchString(key) && c.Session.Schema.Touchpoints.Column(key) != nil && spend.Column(key) != nil:
		return key
	}
	return ""
}

// spendCouldSplitBy says that the spend source has every column that a key
// formula reads (its role channel included), so that the same formula as a
// derived column of both sources would split spend by the key. A formula
// that does not lex, or reads no column, could not.
func (c *Compiled) spendCouldSplitBy(key *dsl.Formula) bool {
	spend := c.Session.Schema.Spend
	if spend == nil {
		return false
	}
	tokens, err := lexer.Lex(file.NewSource(key.Text))
	if err != nil {
		return false
	}
	reads := 0
	for i, t := range tokens {
		if t.Kind != lexer.Identifier || isCallee(tokens, i) || t.Value == "nil" || t.Value == "true" || t.Value == "false" {
			continue
		}
		if spend.Column(t.Value) == nil && (t.Value != "channel" || spend.Source.Channel.Value == "") {
			return false
		}
		reads++
	}
	return reads > 0
}

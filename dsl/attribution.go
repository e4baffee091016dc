package dsl

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// AttributionModels are the ways an attribution shares a conversion among
// the touches of its path: five heuristics, custom weights, and three
// models learnt from the data.
var AttributionModels = []string{"first", "last", "linear", "position", "time_decay", "custom", "markov", "shapley", "fractribution", "probabilistic"}

// AfterLastConversion are the conventions for a converter's touches after
// his last conversion: a journey without conversion (omni's, ChannelAttribution's
// non-conversions), or dropped (Snowplow's).
var AfterLastConversion = []string{"journey", "drop"}

// PathTransforms are the ways repeated keys of a path are counted: unique
// keeps every touch, exposure collapses consecutive repeats, first keeps the
// first touch of each key, frequency too while counting the repeats.
var PathTransforms = []string{"unique", "exposure", "first", "frequency"}

// Attribution is an attribution block: which touchpoints are conversions,
// which are touches and what key they credit; how the touches before a
// conversion form its path; and the model that shares the conversion, and
// its value, among the path's touches.
type Attribution struct {
	Name        string
	Label       Text
	Description Text
	Conversion  *Formula // a row condition: the conversions; nil with Paths
	Value       *Formula // a row number: a conversion's value; nil counts each conversion 1
	Touch       *Formula // a row condition: the touches; nil: every row that is not a conversion
	Key         *Formula // a row value: what a touch credits; nil: its channel
	By          []Text   // "segment": reported per segment too
	// Paths is the path summary the attribution reads instead of the
	// touchpoints' journeys; nil for the touchpoints.
	Paths *Ref

	Lookback     Duration // a touch counts if it is less than this before the conversion; zero: no limit
	LookbackDays int      // a touch counts if its date is at most this many days before the conversion's; -1: no limit
	// SpendWindow is Snowplow's convention for a key's spend: its spend rows
	// less than this before a conversion whose path has the key; zero: the
	// spend rows of the scope's window.
	SpendWindow Duration
	// AfterLastConversion is what becomes of a converter's touches after
	// his last conversion: one of AfterLastConversion; "" means a journey.
	AfterLastConversion Text
	LookbackSteps       int    // a path keeps its last steps, at most this many; zero: no limit
	Include             []Text // key values kept as touches; nil keeps all
	Exclude             []Text // key values that are never touches
	Remove              []Text // keys removed from a path, unless the path is all that key
	Trailing            []Text // keys removed from the end of a path, unless the path is all that key
	Path                Text   // one of PathTransforms; "" means unique
	TopPaths            int    // how many paths of each kind the scorecard lists

	Model      Text     // one of AttributionModels
	First      Number   // position: the first touch's share
	Last       Number   // position: the last touch's share
	HalfLife   Duration // time_decay: a touch's weight halves per half-life before the path's last touch
	Weights    []Number // custom: relative weights by position, the last one repeated
	KeyWeights []Amount // custom: relative weights by key, 1 for the keys not listed
	Order      int      // markov: the number of steps a state remembers
	DeclRange  hcl.Range
}

// Position weights when the block gives none: the common U shape.
const (
	DefaultFirstShare = 0.4
	DefaultLastShare  = 0.4
)

// DefaultTopPaths is how many paths of each kind a scorecard lists when
// the attribution does not say; MaxTopPaths, at most.
const (
	DefaultTopPaths = 10
	MaxTopPaths     = 1000
)

// MaxMarkovOrder bounds a Markov chain's memory: the number of states grows
// as the number of keys to this power.
const MaxMarkovOrder = 4

var attributionSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "conversion"}, {Name: "model", Required: true}, {Name: "paths"},
	{Name: "value"}, {Name: "touch"}, {Name: "key"}, {Name: "by"},
	{Name: "lookback"}, {Name: "lookback_days"}, {Name: "after_last_conversion"}, {Name: "spend_window"}, {Name: "lookback_steps"}, {Name: "include"}, {Name: "exclude"},
	{Name: "remove"}, {Name: "remove_trailing"}, {Name: "path"}, {Name: "top_paths"},
	{Name: "first"}, {Name: "last"}, {Name: "half_life"}, {Name: "weights"}, {Name: "order"},
	{Name: "label"}, {Name: "description"},
}}

// modelAttributes are the attributes that only one model uses.
var modelAttributes = []struct{ attr, model string }{
	{"first", "position"}, {"last", "position"}, {"half_life", "time_decay"}, {"weights", "custom"}, {"order", "markov"},
}

func (l *loader) decodeAttributionBlock(block *hcl.Block) (*Attribution, hcl.Diagnostics) {
	name, diags := blockName(block)
	a := &Attribution{Name: name, DeclRange: block.DefRange, Order: 1,
		First: Number{Value: DefaultFirstShare}, Last: Number{Value: DefaultLastShare}}
	content, d := block.Body.Content(attributionSchema)
	diags = append(diags, d...)
	attrs := content.Attributes
	a.Label, a.Description, d = describe(content)
	diags = append(diags, d...)
	for _, f := range []struct {
		dst  **Formula
		attr string
	}{{&a.Conversion, "conversion"}, {&a.Value, "value"}, {&a.Touch, "touch"}, {&a.Key, "key"}} {
		*f.dst, d = l.formulaAttr(attrs[f.attr])
		diags = append(diags, d...)
	}
	for _, f := range []struct {
		dst  *[]Text
		attr string
	}{{&a.By, "by"}, {&a.Include, "include"}, {&a.Exclude, "exclude"}, {&a.Remove, "remove"}, {&a.Trailing, "remove_trailing"}} {
		*f.dst, d = textListAttr(attrs[f.attr])
		diags = append(diags, d...)
	}
	a.LookbackDays, d = countAttr(attrs["lookback_days"], 0, 0, -1)
	diags = append(diags, d...)
	a.AfterLastConversion, d = choiceAttr(attrs["after_last_conversion"], AfterLastConversion)
	diags = append(diags, d...)
	a.Paths, d = refAttr(attrs["paths"], "source")
	diags = append(diags, d...)
	a.Lookback, d = durationAttr(attrs["lookback"])
	diags = append(diags, d...)
	a.SpendWindow, d = durationAttr(attrs["spend_window"])
	diags = append(diags, d...)
	a.LookbackSteps, d = countAttr(attrs["lookback_steps"], 1, 0, 0)
	diags = append(diags, d...)
	a.TopPaths, d = countAttr(attrs["top_paths"], 0, MaxTopPaths, DefaultTopPaths)
	diags = append(diags, d...)
	a.Path, d = choiceAttr(attrs["path"], PathTransforms)
	diags = append(diags, d...)
	a.Model, d = choiceAttr(attrs["model"], AttributionModels)
	diags = append(diags, d...)
	diags = append(diags, a.decodeModel(attrs)...)
	diags = append(diags, a.checkLists(attrs)...)
	diags = append(diags, a.checkPathSummary(attrs)...)
	return a, diags
}

// decodeModel decodes the attributes of the block's model, and reports
// those that belong to another model.
func (a *Attribution) decodeModel(attrs hcl.Attributes) hcl.Diagnostics {
	if !contains(AttributionModels, a.Model.Value) {
		return nil // missing or invalid: reported
	}
	var diags hcl.Diagnostics
	for _, m := range modelAttributes {
		attr := attrs[m.attr]
		if attr != nil && a.Model.Value != m.model {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Attribute of another model",
				Detail:   fmt.Sprintf("The attribute %q is for model %q; this attribution's model is %q. Remove it, or change the model.", m.attr, m.model, a.Model.Value),
				Subject:  attr.NameRange.Ptr(),
			})
		}
	}
	if diags.HasErrors() {
		return diags
	}
	var d hcl.Diagnostics
	switch a.Model.Value {
	case "position":
		d = a.decodeShares(attrs["first"], attrs["last"])
	case "time_decay":
		if a.HalfLife, d = durationAttr(attrs["half_life"]); attrs["half_life"] == nil {
			d = missing(a, "half_life", `model "time_decay" halves a touch's weight every half_life before the conversion: add half_life = "7d".`)
		}
	case "custom":
		if a.Weights, a.KeyWeights, d = weightsAttr(attrs["weights"]); attrs["weights"] == nil {
			d = missing(a, "weights", `model "custom" shares a conversion by weights: add weights = [2, 1, 1] (by position from the first touch, the last weight repeated) or weights = { email = 2 } (by key, 1 for keys not listed).`)
		}
	case "markov":
		a.Order, d = countAttr(attrs["order"], 1, MaxMarkovOrder, 1)
	}
	return append(diags, d...)
}

// decodeShares decodes the position model's shares of the first and last
// touches, which leave the rest to the touches between them.
func (a *Attribution) decodeShares(first, last *hcl.Attribute) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, s := range []struct {
		attr *hcl.Attribute
		dst  *Number
	}{{first, &a.First}, {last, &a.Last}} {
		if s.attr == nil {
			continue
		}
		n, d := numberValue(s.attr, s.attr.Expr)
		diags = append(diags, d...)
		if !d.HasErrors() && (n.Value < 0 || n.Value > 1) {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Share out of range",
				Detail: fmt.Sprintf("The attribute %q is a share of the conversion, from 0 to 1, not %v.", s.attr.Name, n.Value), Subject: n.Range.Ptr()})
			continue
		}
		if !d.HasErrors() {
			*s.dst = n
		}
	}
	if sum := a.First.Value + a.Last.Value; !diags.HasErrors() && (sum > 1+1e-12 || sum == 0) {
		at := a.Last.Range
		if last == nil {
			at = a.First.Range
		}
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Shares do not add up",
			Detail: fmt.Sprintf("first + last is %s + %s = %s: it must be more than 0 and at most 1, the rest going to the touches between them.", number(a.First.Value), number(a.Last.Value), number(sum)), Subject: at.Ptr()})
	}
	return diags
}

// checkLists reports key lists, and lookbacks, that contradict each other.
func (a *Attribution) checkLists(attrs hcl.Attributes) hcl.Diagnostics {
	if attrs["lookback"] != nil && attrs["lookback_days"] != nil {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Both lookback and lookback_days",
			Detail:   "lookback is a duration before the conversion's instant (\"30d\": 30 times 24 hours); lookback_days, calendar days before the conversion's date, as Fractribution and Snowplow count. Keep one of them.",
			Subject:  attrs["lookback_days"].NameRange.Ptr(),
		}}
	}
	if a.Include != nil && a.Exclude != nil {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Both include and exclude",
			Detail:   "include lists the only keys that are touches; exclude, keys that are not. Keep one of them.",
			Subject:  attrs["exclude"].NameRange.Ptr(),
		}}
	}
	return nil
}

func missing(a *Attribution, attr, detail string) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Missing " + attr, Detail: detail, Subject: a.DeclRange.Ptr()}}
}

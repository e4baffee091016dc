package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/builtins"
	"github.com/omni-metrics/omni/engine/formula"
)

// Internal column names of the generated SQL. They start with two
// underscores, which no data column's name does in the sources' views (see
// viewColumn) and no definition's name may.
const (
	colCustomer = "__customer"
	colTime     = "__time"
	colChannel  = "__channel"
	colPeriod   = "__period"
	colAmount   = "__amount"
)

// viewColumn is the name under which a source's view shows a data column:
// its own name, with one more underscore in front when it starts with two,
// so that data columns may have any name and never meet omni's internal
// ones. Formulas and role attributes name columns by their data name.
func viewColumn(dataName string) string {
	if strings.HasPrefix(dataName, "__") {
		return "_" + dataName
	}
	return dataName
}

// columnSQL is the SQL that refers to a data column in its source's view.
func columnSQL(dataName string) string {
	return formula.QuoteIdent(viewColumn(dataName))
}

// channelMetadata are the columns channel blocks add to each touchpoint.
var channelMetadata = []struct {
	name string
	typ  builtins.Type
}{
	{"channel_label", builtins.String},
	{"media", builtins.String},
	{"online", builtins.Bool},
}

// baseSymbols lists what every formula can name before traits and KPIs:
// the touchpoint columns, the role names, channel metadata, customer
// attributes and the lookups' columns. A customer attribute with the name of
// a touchpoint column is hidden by it, with a warning.
func baseSymbols(s *Schema) (map[string]*formula.Symbol, hcl.Diagnostics) {
	symbols := map[string]*formula.Symbol{}
	var diags hcl.Diagnostics
	tp := s.Touchpoints
	for _, c := range tp.Columns {
		if c.Type != builtins.Any {
			symbols[c.Name] = &formula.Symbol{Name: c.Name, Level: formula.RowLevel, Type: c.Type,
				SQL: columnSQL(c.Name), What: "touchpoint column", InSpend: s.spendDerives(c.Name)}
		}
	}
	// The rows of the spend source have a time, and a channel with its
	// metadata when the source has a channel column.
	spendChannel := s.Spend != nil && s.Spend.Source.Channel.Value != ""
	role := func(name, col string, t builtins.Type, inSpend bool) {
		symbols[name] = &formula.Symbol{Name: name, Level: formula.RowLevel, Type: t,
			SQL: formula.QuoteIdent(col), What: "touchpoint column", InSpend: inSpend}
	}
	role("customer", colCustomer, tp.Column(tp.Source.Customer.Value).Type, false)
	role("time", colTime, builtins.Time, s.Spend != nil)
	if tp.Source.Channel.Value != "" {
		role("channel", colChannel, builtins.String, spendChannel)
		for _, m := range channelMetadata {
			if symbols[m.name] == nil {
				role(m.name, m.name, m.typ, spendChannel)
			}
		}
	}
	for _, a := range attributes(s) {
		if symbols[a.Name] != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Hidden customer attribute",
				Detail:   fmt.Sprintf("The customer attribute %q has the name of a touchpoint column or role, which formulas see instead. Rename one of them in the data to use both.", a.Name),
				Subject:  s.Customers.Source.DeclRange.Ptr(),
			})
			continue
		}
		symbols[a.Name] = &formula.Symbol{Name: a.Name, Level: formula.CustomerLevel, Type: a.Type,
			SQL: columnSQL(a.Name), What: "customer attribute"}
	}
	diags = append(diags, addLookupSymbols(s, symbols)...)
	return symbols, diags
}

// attributes are the usable columns of the customers source, but its key.
func attributes(s *Schema) []Column {
	if s.Customers == nil {
		return nil
	}
	var out []Column
	for _, c := range s.Customers.Columns {
		if c.Name != s.Customers.Source.Key.Value && c.Type != builtins.Any {
			out = append(out, c)
		}
	}
	return out
}

func symbolNames(m map[string]*formula.Symbol) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

package builtins

import (
	"fmt"
	"strings"
)

// kindTitles head the sections of the reference, in order.
var kindTitles = []struct {
	kind  Kind
	title string
	intro string
}{
	{Aggregate, "Aggregates", "In a trait they aggregate the customer's touchpoints of the period — or of his history up to the period's end, in a trait with `history` (`count`, `sum`, `min`, `max`, `first_time` and `last_time` only: see [Customer history](language.md#customer-history)); in a KPI, the touchpoints of the scorecard cell — or its customers, when the argument uses a trait. The optional last argument `where` keeps only the rows meeting a condition."},
	{CustomerAggregate, "Customer aggregates", "KPIs only: over the customers of the cell (those with a touchpoint in it), one row each with their traits and attributes."},
	{BaseAggregate, "Customer base", "KPIs only: over every customer of the customers source in the cell's segment or attribute value — those without a touchpoint in the cell too, whose traits are those of no touchpoint (a count is 0, a sum null) — one row each with their traits and attributes."},
	{SpendAggregate, "Spend", "KPIs only: over the rows of the spend source in the cell's period, channel and campaign window."},
	{BudgetAggregate, "Budget", "KPIs only: over the budgets the cell's campaign gives its channels (`budget = { channel = amount }`). A budget is for the campaign's whole window: per period, and over the whole data, there is none."},
	{HistoryAggregate, "As-of functions", "Traits and loyalty ladders (a stage's `when`, the `volume`): over all of the customer's touchpoints up to the end of the period (or of the trait's `history` window), not only those of the period — recency, the age of the relationship. The end of a period is the day after its last day, or after the reference date `as_of`; over a scorecard's whole data, the end of its last period. A KPI reads them through a trait. The optional `where` keeps only the touchpoints meeting a condition."},
	{Compare, "Earlier periods", "KPIs only: the value of a KPI, or of any formula over the cell's aggregates, in the same cell (same breakdown value, same campaign) one calendar period before, or a year before. A period of the calendar with no row in the cell counts its aggregates over no row (a count is 0, a sum null); before the first period of the data (or the campaign) and over the whole window the value is null. See [previous periods](language.md#previous-periods)."},
	{Before, "Earlier touchpoints", "Inside a KPI's aggregate, in the condition on each touchpoint: whether the same customer had, earlier in the data, a touchpoint meeting a condition of its own."},
	{Rank, "Ranks and scores", "Traits only, outside aggregates: the place of a customer's value among the values of the customers of the same period (those with a touchpoint in it), as of its end — over a scorecard's whole data, among its customers over it; per campaign, among the campaign's. A customer with a null value has none and does not count. To score low values high (recency), negate the value: `ntile(-recency, 5)`. See [Scores and segments of customers](language.md#scores-and-segments-of-customers)."},
	{Scalar, "Scalar functions", "Usable everywhere, on values of one row."},
}

// Reference writes the Markdown reference of every function, from the table.
func Reference() string {
	var b strings.Builder
	for _, section := range kindTitles {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n| function | returns | description | example |\n|---|---|---|---|\n", section.title, section.intro)
		for _, f := range All {
			if f.Kind != section.kind {
				continue
			}
			returns := f.Returns.String()
			if f.Returns == Any {
				returns = "type of `" + f.Params[0].Name + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | `%s` |\n", f.Signature(), returns, f.Doc, f.Example)
		}
		b.WriteString("\n")
	}
	return b.String()
}

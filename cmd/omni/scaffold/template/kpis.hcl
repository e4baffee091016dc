# KPIs: one number per scorecard cell. Formulas are expr expressions; a KPI
# may name other KPIs.

kpi "reach" {
  label   = "Customers reached"
  format  = "integer"
  formula = "count_distinct(customer, event != 'purchase')"
}

kpi "buyers" {
  label   = "Buyers"
  format  = "integer"
  formula = "count_distinct(customer, event == 'purchase')"
}

kpi "conversion_rate" {
  label   = "Conversion rate"
  format  = "percent"
  formula = "buyers / reach"
}

kpi "revenue" {
  label   = "Revenue"
  format  = "currency"
  formula = "sum(amount, event == 'purchase')"
}

kpi "cost_per_buyer" {
  label     = "Cost per buyer"
  format    = "currency"
  formula   = "spend() / buyers"
  direction = "down"
}

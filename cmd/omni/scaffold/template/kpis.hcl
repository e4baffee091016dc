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

# Buyers purchase on the web or in store, whichever channel reached them:
# per channel this ratio would mean nothing (over 100% for the web, 0% for
# email). attribution.hcl credits each purchase to the channels before it.
kpi "conversion_rate" {
  label   = "Conversion rate"
  format  = "percent"
  formula = "buyers / reach"
  not_by  = ["channel"]
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
  not_by    = ["channel"] # the attributions give a cost per conversion per channel
  direction = "down"
}

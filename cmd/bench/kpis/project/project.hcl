# The many-KPIs benchmark: 9 touchpoints, so that nothing but the cost of
# compiling and planning many definitions counts. The benchmark adds
# kpis.hcl: KPIs of the form sum(revenue, revenue > i), each with a
# condition of its own.
project "many_kpis" {
  timezone = "UTC"
  currency = "EUR"
  grain    = "month"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
  channel  = "channel"
}

source "customers" {
  path = "customers.csv"
  key  = "customer_id"
}

segment "young" { where = "age < 30" }
segment "older" { where = "age >= 30" }

channel "web" {}
channel "store" { online = false }

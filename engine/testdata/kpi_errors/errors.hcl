# KPIs that read what the project does not have. The data is that of
# ../tiny, without its customers and its spend.
project "errors" {}

source "touchpoints" {
  path     = "../tiny/touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}

channel "email" {}
channel "visit" { online = false }

trait "budgeted" { formula = "budget() > 0" } # ERROR: Misplaced aggregate

kpi "cost" { formula = "spend()" } # ERROR: No spend source
kpi "budget_total" { formula = "budget()" }
kpi "base" { formula = "base_count()" } # ERROR: No customers source

campaign "spring" {
  start  = "2026-04-01"
  end    = "2026-06-30"
  budget = { email = 50 }
}

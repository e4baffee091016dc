# Ladders that load but do not compile against the sources of
# ../loyalty: each error's line is marked with its summary.

source "touchpoints" {
  path     = "../loyalty/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

source "customers" {
  path = "../loyalty/customers.csv"
  key  = "customer_id"
}

segment "gold" { where = "tier == 'gold'" }

trait "purchases" { formula = "count(event == 'purchase')" }
trait "recency" { formula = "days_since_last()" }

kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }

loyalty "rules" {
  volume = "count() > 1" # ERROR: Number expected
  stage "none" {}
  stage "a" { when = "event == 'purchase'" } # ERROR: Misplaced touchpoint column
  stage "b" { when = "purchases" } # ERROR: Condition expected
  stage "c" { when = "buyers > 1" } # ERROR: Misplaced KPI
  stage "d" { when = "share(purchases > 1) > 0.5" } # ERROR: Misplaced aggregate
  stage "e" { when = "purchase >= 1" } # ERROR: Unknown name
  stage "f" { when = "days_since_last(amount) < 30" } # ERROR: Type error in formula
  stage "g" { when = "sum(days_since_first()) > 1" } # ERROR: Misplaced aggregate
}

loyalty "breakdowns" {
  by = ["period", "event", "regio", "purchases", "segment", "tier"] # ERROR: Breakdown without meaning # ERROR: Breakdown without meaning # ERROR: Unknown breakdown # ERROR: Breakdown by a trait
  stage "none" {}
  stage "some" { when = "purchases > 0" }
}

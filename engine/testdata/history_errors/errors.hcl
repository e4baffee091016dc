# Traits over a customer's history that load but do not compile: each
# error's line is marked with its summary.

source "touchpoints" {
  path     = "../loyalty/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

source "customers" {
  path = "../loyalty/customers.csv"
  key  = "customer_id"
}

trait "recency" { formula = "days_since_last(event == 'purchase')" }
trait "cold" { formula = "recency > 90" }
trait "typical" {
  formula = "median(amount)" # ERROR: Aggregate without history
  history = "all"
}
trait "kinds" {
  formula = "count() + count_distinct(event)" # ERROR: Aggregate without history
  history = "365d"
}
trait "spending" {
  formula = "sum(amount)"
  history = "365d"
}

kpi "cold_share" { formula = "share(cold)" }
kpi "cold_base" { formula = "base_count(cold)" } # ERROR: History trait in base_count
kpi "spending_base" { formula = "base_share(spending > 100)" } # ERROR: History trait in base_share
kpi "days_since" { formula = "days_since_last()" } # ERROR: Misplaced aggregate

loyalty "l" {
  stage "none" {}
  stage "typical" { when = "median(amount) > 10" }
  stage "cold" { when = "cold" }
}

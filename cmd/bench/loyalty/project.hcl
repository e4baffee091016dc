# The loyalty benchmark: a five-stage ladder per quarter with a history
# rule, an attribute breakdown and a volume, over generated data.

source "touchpoints" {
  path     = "touchpoints.parquet"
  customer = "customer_id"
  time     = "ts"
}

source "customers" {
  path = "customers.parquet"
  key  = "customer_id"
}

kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }

loyalty "bench" {
  period  = "quarter"
  horizon = 2
  by      = ["tier"]
  volume  = "sum(amount, event == 'purchase')"
  stage "none" {}
  stage "lapsed" { when = "days_since_last(event == 'purchase') <= 365" }
  stage "engaged" { when = "count(event == 'visit') >= 1" }
  stage "buyer" { when = "count(event == 'purchase') >= 1" }
  stage "regular" { when = "count(event == 'purchase') >= 3 && tier != 'bronze'" }
}

scorecard "bench" {
  kpis    = []
  loyalty = [loyalty.bench]
}

# Five customers' purchases over three years, as of 2026-09-30 (A's purchase
# of 2026-12-20 is past it). history_test.go computes every number by hand.

project "rfm" {
  grain = "year"
  as_of = "2026-09-30"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

# The RFM staples, each named once.
trait "recency" { formula = "days_since_last(event == 'purchase')" }
trait "tenure" { formula = "days_since_first(event == 'purchase')" }
trait "first_purchase" {
  formula = "first_time(event == 'purchase')"
  history = "all"
}
trait "frequency" {
  formula = "count(event == 'purchase')"
  history = "all"
}
trait "monetary" {
  formula = "sum(amount, event == 'purchase') / count(event == 'purchase')"
  history = "all"
}
trait "frequency_365" {
  formula = "count(event == 'purchase')"
  history = "365d"
}

# Its whole window ends on 2026-07-01, the day after its end.
campaign "spring_2026" {
  start = "2026-02-01"
  end   = "2026-06-30"
}

kpi "total_frequency" { formula = "sum(frequency)" }
kpi "max_recency" { formula = "max(recency)" }
kpi "min_tenure" { formula = "min(tenure)" }
kpi "mean_monetary" { formula = "avg(monetary)" }
kpi "active_365" { formula = "count(frequency_365 >= 1)" }
# A trait that names one that looks back reads its column.
trait "lapsed" { formula = "recency > 365" }
kpi "lapsed_buyers" { formula = "count(lapsed)" }
kpi "early_buyers" { formula = "count(first_purchase < date('2025-01-01'))" }

loyalty "rfm" {
  stage "prospect" {}
  stage "lapsed" { when = "recency > 365" }
  stage "active" { when = "frequency_365 >= 1" }
  stage "loyal" { when = "frequency >= 2 && frequency_365 >= 1" }
}

# The same ladder with recency written in the rule: the same numbers.
loyalty "rfm_inline" {
  stage "prospect" {}
  stage "lapsed" { when = "days_since_last(event == 'purchase') > 365" }
  stage "active" { when = "frequency_365 >= 1" }
  stage "loyal" { when = "frequency >= 2 && frequency_365 >= 1" }
}

# As of mid-2025: the data ends on 2025-06-30, and 2025 ends on 2025-07-01.
loyalty "rfm_mid_2025" {
  as_of = "2025-06-30"
  stage "prospect" {}
  stage "lapsed" { when = "recency > 365" }
  stage "active" { when = "frequency_365 >= 1" }
  stage "loyal" { when = "frequency >= 2 && frequency_365 >= 1" }
}

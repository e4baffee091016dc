# Five customers' visits and orders, 2025-12 to 2026-04. cohort_test.go
# computes every number by hand.

project "shop" {
  grain = "month"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

# A customer's cohort: the month of his first order.
cohort "first_order" {
  when = "event == 'order'"
}

# Or of his first touchpoint, whatever it is.
cohort "first_touch" {}

# March only: the cohorts still come from the whole history.
campaign "march" {
  start = "2026-03-01"
  end   = "2026-03-31"
}

kpi "buyers" { formula = "count_distinct(customer, event == 'order')" }
kpi "reach" { formula = "count_distinct(customer)" }

scorecard "retention" {
  kpis = [kpi.buyers, kpi.reach]
  by = [
    ["cohort.first_order", "cohort.first_order.offset"], # the triangle
    "cohort.first_order.offset",                         # every cohort pooled
    "cohort.first_touch",
  ]
}

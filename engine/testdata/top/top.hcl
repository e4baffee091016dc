# Six customers' purchases in five stores (one without a store), January
# and February 2026. top_test.go ranks the stores by hand.

project "shops" {
  grain = "month"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

campaign "february" {
  start = "2026-02-01"
  end   = "2026-02-28"
}

kpi "buyers" { formula = "count_distinct(customer)" }
kpi "revenue" {
  format  = "currency"
  formula = "sum(amount)"
}

scorecard "stores" {
  kpis   = [kpi.buyers, kpi.revenue]
  by     = ["store"]
  top    = 3
  top_by = kpi.revenue
}

# Seven customers' visits and purchases, December 2025 to March 2026, to
# compare the engines on named filters, a reference date found in the data,
# traits that look back to it, crossed breakdowns, a top of keys and weekly
# cohorts (G's week of 2025-12-30 is 2026-W01): see
# postgres_features_test.go.
project "features" {
  grain = "month"
  as_of = "data"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}

filter "purchase" { where = "event == 'purchase'" }
filter "big_purchase" { where = "filter.purchase && amount >= 50" }

trait "spent" { formula = "sum(amount, filter.purchase)" }
trait "spend_score" { formula = "ntile(spent, 2)" }
trait "recency" { formula = "days_since_last(filter.purchase)" }

cohort "first_week" { period = "week" }

segment "big_spenders" { where = "spend_score == 2" }

kpi "buyers" { formula = "count_distinct(customer, filter.purchase)" }
kpi "big_orders" { formula = "count(filter.big_purchase)" }
kpi "revenue" { formula = "sum(amount, filter.purchase)" }
kpi "revenue_growth" { formula = "change(revenue)" }
kpi "mean_recency" { formula = "avg(recency)" }

campaign "february_on" {
  start = "2026-02-01"
  end   = "2026-03-31"
  where = "filter.purchase || channel == 'web'"
}

scorecard "shops" {
  kpis   = [kpi.buyers, kpi.big_orders, kpi.revenue, kpi.revenue_growth, kpi.mean_recency]
  by     = ["channel", "store", ["segment", "channel"], "cohort.first_week"]
  top    = 2
  top_by = kpi.revenue
}

# Previous periods, retention and earlier touchpoints, small enough to
# compute every number by hand: see periods_test.go. No row in March 2026
# nor from March to December 2025.
project "periods" {
  grain = "month"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}

trait "orders_placed" { formula = "count(event == 'purchase')" }

kpi "orders" { formula = "count(event == 'purchase')" }
kpi "revenue" { formula = "sum(amount)" }
kpi "prev_orders" { formula = "previous(orders)" }
kpi "prev_revenue" { formula = "previous(revenue)" }
kpi "order_growth" { formula = "change(orders)" }
kpi "prev_growth" { formula = "previous(order_growth)" }
kpi "orders_year_ago" { formula = "year_ago(orders)" }
kpi "orders_yoy" { formula = "year_change(orders)" }
kpi "revenue_delta" { formula = "revenue - previous(revenue)" }
kpi "prev_basket" { formula = "previous(revenue / orders)" }
kpi "prev_count" { formula = "previous(count())" }
kpi "buyers" { formula = "count(orders_placed >= 1)" }
kpi "retained_buyers" { formula = "retained_customers(orders_placed >= 1)" }
kpi "retained_any" { formula = "retained_customers()" }
kpi "retention" { formula = "retained_customers(orders_placed >= 1) / previous(buyers)" }
kpi "ropo_orders" { formula = "count(channel == 'store' && had_before(channel == 'web'))" }
kpi "ropo_14" { formula = "count(channel == 'store' && had_before(channel == 'web', 14))" }
kpi "ropo_15" { formula = "count(channel == 'store' && had_before(channel == 'web', 15))" }
kpi "ropo_period" { formula = "count(channel == 'store' && had_before_period(channel == 'web'))" }

campaign "spring" {
  start = "2026-02-01"
  end   = "2026-04-30"
}

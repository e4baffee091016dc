# Crossed breakdowns on data small enough to compute every cell by hand:
# see cross_test.go. A is in both segments, which overlap.
project "crossed" {
  grain = "quarter"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "customers.csv"
  key  = "id"
}

segment "young" { where = "age < 40" }
segment "north" { where = "region == 'north'" }

trait "channels_used" { formula = "count_distinct(channel)" }

kpi "visitors" { formula = "count_distinct(customer)" }
kpi "buyers" {
  formula = "count_distinct(customer, event == 'purchase')"
  format  = "integer"
}
kpi "conversion" {
  formula = "buyers / visitors"
  format  = "percent"
}
kpi "revenue" { formula = "sum(amount)" }
kpi "revenue_per_buyer" {
  formula = "revenue / buyers"
  not_by  = ["channel"]
}
kpi "multichannel" { formula = "share(channels_used >= 2)" }

scorecard "crossed" {
  by = ["segment", "channel", ["segment", "channel"], ["region", "channel"],
    ["segment", "region"], ["segment", "region", "channel"]]
}

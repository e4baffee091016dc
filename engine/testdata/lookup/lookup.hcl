# Touchpoints that name a content asset, and the assets' metadata: small
# enough to compute every number by hand (see lookup_test.go). B's second
# email shows E9, which the assets file does not hold.
project "lookup" {
  grain = "quarter"
}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "assets" {
  path = "assets.json"
  key  = "asset_id"
  on   = "asset"
}

trait "efficacy_touches" { formula = "count(topic == 'efficacy')" }

kpi "touches" { formula = "count(channel != 'rx')" }
kpi "efficacy_reach" { formula = "count_distinct(customer, topic == 'efficacy')" }
kpi "unmatched" { formula = "count(channel != 'rx' && topic == nil)" }
kpi "efficacy_reached_share" { formula = "share(efficacy_touches >= 1)" }

campaign "launch" {
  start = "2026-01-01"
  end   = "2026-06-30"
  where = "'launch' in tags || channel == 'rx'"
}

scorecard "content" {
  by = ["topic", "format", "tags"]
}

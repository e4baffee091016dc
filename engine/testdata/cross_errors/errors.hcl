# Crossed breakdowns that cannot be: names that are no breakdown, the same
# cross twice in another order, a cross containing a breakdown a KPI
# refuses or cannot be split by. The data is that of ../crossed.
project "errors" {}

source "touchpoints" {
  path     = "../crossed/touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "../crossed/customers.csv"
  key  = "id"
}

segment "young" { where = "age < 40" }
trait "channels_used" { formula = "count_distinct(channel)" }

kpi "buyers" {
  formula = "count_distinct(customer, event == 'purchase')"
  not_by  = ["channel"]
  by      = [["segment", "channel"]] # ERROR: Breakdown without meaning
}
kpi "multichannel" {
  formula = "share(channels_used >= 2)"
  by      = [["region", "channel"]] # ERROR: Breakdown without meaning
}

scorecard "crossed" {
  by = [
    ["segment", "chanel"], # ERROR: Unknown breakdown
    ["segment", "channel"],
    ["channel", "segment"], # ERROR: Same cross twice
    "segment × channel",    # ERROR: Breakdown named as a cross
  ]
}

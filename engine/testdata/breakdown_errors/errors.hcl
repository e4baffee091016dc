# KPIs that ask for breakdowns without meaning for what they measure. These
# are checked once every formula compiles. The data is that of ../tiny.
project "errors" {}

source "touchpoints" {
  path     = "../tiny/touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "../tiny/customers.csv"
  key  = "id"
}
source "spend" {
  path    = "../tiny/spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

channel "email" {}
channel "visit" { online = false }
segment "gps" { where = "specialty == 'GP'" }
trait "channels_used" { formula = "count_distinct(channel)" }

kpi "budget_used" {
  formula = "spend() / budget()"
  by      = ["channel", "media", "segment"] # ERROR: Breakdown without meaning
}
kpi "budget_by_specialty" {
  formula = "budget()"
  by      = ["specialty"] # ERROR: Breakdown without meaning
}
kpi "cost_by_segment" {
  formula = "spend()"
  by      = ["segment"] # ERROR: Breakdown without meaning
}
kpi "multichannel" {
  formula = "share(channels_used >= 2)"
  by      = ["channel"] # ERROR: Breakdown without meaning
}

campaign "spring" {
  start  = "2026-04-01"
  end    = "2026-06-30"
  budget = { email = 50 }
}

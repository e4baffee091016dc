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

# not_by refuses breakdowns a KPI has no meaning by: never "period", never
# one its by wants, only breakdowns that exist; an objective then cannot
# judge it by a refused one.
kpi "conversion" {
  formula = "count_distinct(customer, event == 'rx') / count_distinct(customer)"
  not_by  = ["segment", "period"] # ERROR: Breakdown that cannot be refused
}
kpi "contradiction" {
  formula = "count()"
  by      = ["channel"]
  not_by  = ["channel", "chanel"] # ERROR: Breakdown both wanted and refused # ERROR: Unknown breakdown
}
objective "gp_conversion" {
  kpi      = kpi.conversion
  segment  = segment.gps # ERROR: KPI not measurable by segment
  target   = 0.5
  start    = "2026-04-01"
  deadline = "2026-06-30"
}

campaign "spring" {
  start  = "2026-04-01"
  end    = "2026-06-30"
  budget = { email = 50 }
}

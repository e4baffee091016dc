# A project small enough to compute every number by hand: see e2e_test.go.
project "tiny" {
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
source "spend" {
  path    = "spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

channel "email" { media = "owned" }
channel "visit" {
  media  = "owned"
  online = false
}
channel "rx" { online = false }

segment "gps" { where = "specialty == 'GP'" }
segment "young" { where = "age < 40" }

trait "channels_used" { formula = "count_distinct(channel, channel != 'rx')" }

kpi "reach" {
  formula = "count_distinct(customer, channel != 'rx')"
  by      = ["specialty"]
}
kpi "prescribers" { formula = "count_distinct(customer, event == 'prescription')" }
kpi "conversion" { formula = "prescribers / reach" }
kpi "multichannel" { formula = "share(channels_used >= 2)" }
kpi "revenue_total" { formula = "sum(revenue)" }
kpi "cost" { formula = "spend()" }
kpi "roi" { formula = "(revenue_total - spend()) / spend()" }
kpi "offline_share" { formula = "count(!online) / count()" }
kpi "budget_total" {
  formula = "budget()"
  by      = ["media"]
}
kpi "budget_used" { formula = "spend() / budget()" }
kpi "base_customers" {
  formula = "base_count()"
  by      = ["specialty"]
}
kpi "base_reached" { formula = "base_share(channels_used >= 1)" }
kpi "unreached" { formula = "base_count(channels_used == 0)" }
kpi "offline_cost" { formula = "spend(!online)" }
kpi "email_cost_share" { formula = "spend(channel == 'email') / spend()" }

campaign "spring" {
  start = "2026-04-01"
  end   = "2026-06-30"
  where  = "event != 'open'"
  budget = { email = 50, visit = 300 }
}

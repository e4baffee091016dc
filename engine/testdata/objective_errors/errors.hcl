# Objectives that cannot be measured on the sources, and rates asked for
# values they cannot take. The data is that of ../objectives.
project "errors" { grain = "month" }

source "touchpoints" {
  path     = "../objectives/touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}
source "customers" {
  path = "../objectives/customers.csv"
  key  = "id"
}
source "spend" {
  path    = "../objectives/spend.csv"
  time    = "day"
  channel = "channel"
  amount  = "eur"
}

channel "visit" {}
segment "young" { where = "age < 40" }
trait "channels_used" { formula = "count_distinct(channel)" }

kpi "reach" { formula = "count_distinct(customer, channel != 'rx')" }
kpi "prescribers" { formula = "count_distinct(customer, event == 'prescription')" }
kpi "conversion" {
  format  = "percent"
  formula = "prescribers / reach"
}
kpi "multichannel" {
  format  = "percent"
  formula = "share(channels_used >= 2)"
}
kpi "reached" {
  format  = "percent"
  formula = "base_share(channels_used >= 1)"
}
kpi "roi" { # shown in percent, but not a share: it may exceed 100%
  format  = "percent"
  formula = "(100 * prescribers - spend()) / spend()"
}
kpi "cac" { formula = "spend() / prescribers" }

campaign "april" {
  start = "2026-04-01"
  end   = "2026-04-30"
}

objective "customers_per_channel" {
  kpi      = kpi.multichannel
  channel  = channel.visit # ERROR: KPI not measurable by channel
  target   = 0.9
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "spend_per_segment" {
  kpi      = kpi.cac
  segment  = segment.young # ERROR: KPI not measurable by segment
  target   = "-10%"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "campaign_without_history" {
  kpi      = kpi.reach
  campaign = campaign.april # ERROR: Baseline not measurable
  target   = "+10%"
  start    = "2026-04-01"
  deadline = "2026-05-31"
}
objective "campaign_with_a_baseline" {
  kpi      = kpi.reach
  campaign = campaign.april
  baseline = 3
  target   = "+10%"
  start    = "2026-04-01"
  deadline = "2026-05-31"
}
objective "percent_as_number" {
  kpi      = kpi.conversion
  segment  = segment.young
  target   = 36 # ERROR: Rate target outside 0 to 1
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "share_baseline" {
  kpi      = kpi.multichannel
  segment  = segment.young
  baseline = 80 # ERROR: Rate baseline outside 0 to 1
  target   = 0.9
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "base_share_target" {
  kpi      = kpi.reached
  segment  = segment.young
  target   = 36 # ERROR: Rate target outside 0 to 1
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "beyond_all" {
  kpi      = kpi.conversion
  segment  = segment.young
  baseline = 0.95
  target   = "+10pp" # ERROR: Rate target outside 0 to 1
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "roi_beyond_100" {
  kpi      = kpi.roi
  campaign = campaign.april
  baseline = -0.5
  target   = 1.5
  start    = "2026-03-01"
  deadline = "2026-05-31"
}

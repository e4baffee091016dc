# A project small enough to judge every objective by hand: see
# objective_test.go. Months: January to April 2026, data until April 20.
project "goals" {
  grain    = "month"
  currency = "EUR"
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

channel "visit" {
  media  = "owned"
  online = false
}
channel "rx" { online = false }

segment "young" { where = "age < 40" }

kpi "visits" { formula = "count(event == 'visit')" }
kpi "reach" { formula = "count_distinct(customer, channel != 'rx')" }
kpi "prescribers" { formula = "count_distinct(customer, event == 'prescription')" }
kpi "conversion" {
  format  = "percent"
  formula = "prescribers / reach"
}
kpi "cac" {
  format    = "currency"
  formula   = "spend() / prescribers"
  direction = "down"
}

campaign "spring" {
  start = "2026-02-01"
  end   = "2026-04-30"
  where = "customer != 'D'"
}

# Unless said otherwise, objectives run from March to May: the baseline is
# February's (period 0), March is period 1, April (the data's last month)
# period 2, May period 3, the deadline's.

objective "visits_relative" {
  kpi      = kpi.visits
  target   = "+50%"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "visits_at_risk" {
  kpi      = kpi.visits
  target   = 8
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "visits_on_track" {
  kpi      = kpi.visits
  target   = 7
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "visits_given_off_track" {
  kpi      = kpi.visits
  baseline = 4
  target   = 20
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "young_points" {
  kpi      = kpi.conversion
  segment  = segment.young
  target   = "+10pp"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "conversion_points_off_track" {
  kpi      = kpi.conversion
  target   = "+15pp"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "cac_relative" {
  kpi      = kpi.cac
  target   = "-20%"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "cac_on_track" {
  kpi      = kpi.cac
  target   = 20
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "cac_at_risk" {
  kpi      = kpi.cac
  target   = 10
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "not_started" {
  kpi      = kpi.visits
  target   = "+10%"
  start    = "2026-06-01"
  deadline = "2026-12-31"
}
objective "no_baseline" {
  kpi      = kpi.visits
  target   = "+10%"
  start    = "2026-01-01"
  deadline = "2026-03-31"
}
objective "met_already" {
  kpi      = kpi.visits
  target   = 3
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "channel_reach" {
  kpi      = kpi.reach
  channel  = channel.visit
  target   = "+25%"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "campaign_on_track" {
  kpi      = kpi.visits
  campaign = campaign.spring
  target   = "+100%"
  start    = "2026-03-01"
  deadline = "2026-05-31"
}
objective "deadline_passed" {
  kpi      = kpi.visits
  target   = 6
  start    = "2026-02-01"
  deadline = "2026-03-31"
}

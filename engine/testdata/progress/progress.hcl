# A project with a step of every kind: progress_test.go lists them.

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}

campaign "winter" {
  start = "2026-01-01"
  end   = "2026-03-31"
}

kpi "visits" { formula = "count(event == 'visit')" }
kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }

objective "more_visits" {
  kpi      = kpi.visits
  campaign = campaign.winter
  baseline = 1
  target   = "+50%"
  start    = "2026-02-01"
  deadline = "2026-03-31"
}

loyalty "buyers" {
  period = "month"
  stage "prospect" {}
  stage "buyer" { when = "count(event == 'purchase') >= 1" }
}

# Two groups of attributions: the last two share their journeys.
attribution "first_week" {
  conversion = "event == 'purchase'"
  lookback   = "7d"
  model      = "first"
}
attribution "last" {
  conversion = "event == 'purchase'"
  model      = "last"
}
attribution "data_driven" {
  conversion = "event == 'purchase'"
  model      = "markov"
}

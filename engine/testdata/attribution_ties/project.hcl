# Ties in time, attributed by hand: see attribution_ties_test.go.
project "ties" {}

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "id"
  time     = "ts"
  channel  = "channel"
}

campaign "late" {
  start = "2026-03-03"
  end   = "2026-03-31"
}

kpi "purchases" { formula = "count(event == 'purchase')" }

attribution "first" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "first"
}
attribution "last" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "last"
}
attribution "one_day" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "1d"
  model      = "last"
}
attribution "dropped_after" {
  conversion            = "event == 'purchase'"
  value                 = "revenue"
  lookback              = "30d"
  after_last_conversion = "drop"
  model                 = "first"
}

# Journeys small enough to attribute by hand: see attribution_test.go.
project "journeys" {}

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

segment "gp" { where = "specialty == 'GP'" }
segment "cardio" { where = "specialty == 'cardio'" }

campaign "spring" {
  start = "2026-03-01"
  end   = "2026-03-31"
  where = "channel != 'display'"
}

kpi "prescriptions" { formula = "count(event == 'prescription')" }

# The models, over the same journeys: one query computes them all.
attribution "first" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "first"
  by         = ["segment"]
}
attribution "last" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "last"
}
attribution "linear" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "linear"
}
attribution "position" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "position"
  first      = 0.3
  last       = 0.5
}
attribution "decay" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "time_decay"
  half_life  = "1d"
}
attribution "by_position" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "custom"
  weights    = [3, 1]
}
attribution "by_key" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "custom"
  weights    = { visit = 3 }
}
attribution "markov" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "markov"
}
attribution "shapley" {
  conversion = "event == 'prescription'"
  value      = "revenue"
  lookback   = "30d"
  model      = "shapley"
}

# Path rules, each on its own journeys.
attribution "exposure" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  path       = "exposure"
  model      = "linear"
}
attribution "firsts" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  path       = "first"
  model      = "linear"
}
attribution "frequency" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  path       = "frequency"
  model      = "linear"
}
attribution "removed" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  remove     = ["display"]
  model      = "linear"
}
attribution "trailing" {
  conversion      = "event == 'prescription'"
  lookback        = "30d"
  remove_trailing = ["display"]
  model           = "last"
}
attribution "two_steps" {
  conversion     = "event == 'prescription'"
  lookback       = "30d"
  lookback_steps = 2
  model          = "first"
}
attribution "day" {
  conversion = "event == 'prescription'"
  lookback   = "24h"
  model      = "linear"
}
attribution "day_and_half" {
  conversion = "event == 'prescription'"
  lookback   = "36h"
  model      = "linear"
  top_paths  = 0 # alone in its group: its query counts no path
}
attribution "forever" {
  conversion = "event == 'prescription'"
  model      = "first"
}
attribution "no_visits" {
  conversion = "event == 'prescription'"
  touch      = "channel != 'visit' && channel != 'rx'"
  lookback   = "30d"
  model      = "last"
}
attribution "self_touch" {
  conversion = "event == 'prescription'"
  touch      = "true" # conversions are touches too, at their own instant
  lookback   = "30d"
  model      = "last"
}
attribution "campaigns" {
  conversion = "event == 'prescription'"
  key        = "campaign"
  lookback   = "30d"
  model      = "linear"
}
attribution "markov2" {
  conversion = "event == 'prescription'"
  lookback   = "30d"
  model      = "markov"
  order      = 2
}

# Conventions: calendar days (Fractribution's and Snowplow's lookback), and
# the touches after a converter's last conversion dropped (Snowplow's).
attribution "calendar_day" {
  conversion    = "event == 'prescription'"
  lookback_days = 1
  model         = "first"
}
attribution "one_day" {
  conversion = "event == 'prescription'"
  lookback   = "1d"
  model      = "first"
}
attribution "dropped_after" {
  conversion            = "event == 'prescription'"
  lookback              = "30d"
  after_last_conversion = "drop"
  model                 = "first"
}

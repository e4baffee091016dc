# Attribution: which promotional channels earn the prescriptions. Each
# prescription's path is the HCP's touches on every channel but the
# prescription feed, in the 30 days before it and since his previous
# prescription. The six models share these journeys, so one query computes
# them side by side.

attribution "first_touch" {
  label      = "First touch"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "first"
}

attribution "last_touch" {
  label      = "Last touch"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "last"
}

attribution "linear" {
  label      = "Linear"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "linear"
}

attribution "u_shaped" {
  label      = "Position-based (40/20/40)"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "position"
  first      = 0.4
  last       = 0.4
}

attribution "time_decay" {
  label      = "Time decay (half-life 7 days)"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "time_decay"
  half_life  = "7d"
}

attribution "markov" {
  label      = "Markov chain (order 1)"
  conversion = "event == 'prescription'"
  value      = "revenue"
  touch      = "channel != 'rx'"
  lookback   = "30d"
  model      = "markov"
  order      = 1
}

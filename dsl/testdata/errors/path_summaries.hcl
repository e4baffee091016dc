# Path summaries: sources of paths with their counts, and the attributions
# that read them instead of the touchpoints.

source "visits" {
  path     = "data/visits.csv"
  customer = "hcp_id"
  time     = "ts"
}

source "summary" {
  path            = "data/paths.csv"
  paths           = "path"
  conversions     = "total_conversions"
  non_conversions = "total_null"
}

source "another_summary" { # a project may have many
  path        = "data/other_paths.csv"
  paths       = "path"
  conversions = "conv"
  separator   = ">"
}

source "uncounted" { # ERROR: Missing conversions column
  path  = "data/uncounted.csv"
  paths = "path"
}

source "mixed" { # ERROR: Mixed source roles
  path        = "data/mixed.csv"
  paths       = "path"
  conversions = "conv"
  customer    = "hcp_id"
}

source "headless" { # ERROR: Missing paths column
  path        = "data/headless.csv"
  conversions = "conv"
}

source "unseparated" {
  path        = "data/unseparated.csv"
  paths       = "path"
  conversions = "conv"
  separator   = "" # ERROR: Empty separator
}

attribution "from_summary" {
  paths     = source.summary
  model     = "markov"
  path      = "exposure"
  top_paths = 20
}

attribution "too_many_paths" {
  paths     = source.summary
  model     = "first"
  top_paths = 1001 # ERROR: Invalid count
}

attribution "touchpoint_attributes" {
  paths      = source.summary
  conversion = "event == 'purchase'" # ERROR: Attribute of a touchpoint attribution
  lookback   = "30d" # ERROR: Attribute of a touchpoint attribution
  model      = "linear"
  spend_window = "90d" # ERROR: Attribute of a touchpoint attribution
}

attribution "timeless" {
  paths     = source.summary
  model     = "time_decay" # ERROR: Time decay without times
  half_life = "7d"
}

attribution "from_touchpoints" {
  paths = source.visits # ERROR: Not a path summary
  model = "first"
}

attribution "from_nowhere" {
  paths = source.sumary # ERROR: Reference to an undeclared source
  model = "first"
}

attribution "no_conversion" { # ERROR: Missing conversion
  model = "first"
}

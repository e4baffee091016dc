# Attribution blocks: models, their parameters, paths and references.

attribution "no_model" { # ERROR: Missing required argument
  conversion = "event == 'purchase'"
}

attribution "unknown_model" {
  conversion = "event == 'purchase'"
  model      = "last_click" # ERROR: Invalid value
}

attribution "wrong_parameter" {
  conversion = "event == 'purchase'"
  model      = "linear"
  half_life  = "7d" # ERROR: Attribute of another model
}

attribution "shares" {
  conversion = "event == 'purchase'"
  model      = "position"
  first      = 0.7
  last       = 0.6 # ERROR: Shares do not add up
}

attribution "share_range" {
  conversion = "event == 'purchase'"
  model      = "position"
  first      = 1.5 # ERROR: Share out of range
}

attribution "no_half_life" { # ERROR: Missing half_life
  conversion = "event == 'purchase'"
  model      = "time_decay"
}

attribution "bad_half_life" {
  conversion = "event == 'purchase'"
  model      = "time_decay"
  half_life  = "a week" # ERROR: Invalid duration
}

attribution "weights" {
  conversion = "event == 'purchase'"
  model      = "custom"
  weights    = [2, 0, 1] # ERROR: Weight not positive
}

attribution "key_weights" {
  conversion = "event == 'purchase'"
  model      = "custom"
  weights = {
    email = -1 # ERROR: Weight not positive
  }
}

attribution "order" {
  conversion = "event == 'purchase'"
  model      = "markov"
  order      = 5 # ERROR: Invalid count
}

attribution "paths" {
  conversion     = "event == 'purchase'"
  model          = "last"
  lookback       = "30" # ERROR: Invalid duration
  lookback_steps = 0 # ERROR: Invalid count
  path           = "unique_path" # ERROR: Invalid value
  include        = ["email"]
  exclude        = ["display"] # ERROR: Both include and exclude
}

attribution "interpolated" {
  conversion = "event == '${var}'" # ERROR: Interpolation in a formula
  model      = "first"
}

scorecard "review" {
  attribution = [attribution.shares, attribution.sharse] # ERROR: Reference to an undeclared attribution
}

attribution "conventions" {
  conversion            = "event == 'purchase'"
  model                 = "first"
  lookback              = "30d"
  lookback_days         = 30 # ERROR: Both lookback and lookback_days
  after_last_conversion = "keep" # ERROR: Invalid value
}

attribution "negative_days" {
  conversion    = "event == 'purchase'"
  model         = "first"
  lookback_days = -1 # ERROR: Invalid count
  spend_window  = "90" # ERROR: Invalid duration
}

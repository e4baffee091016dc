# Tests expect attributions' credits and ladders' counts and probabilities.
source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
segment "young" { where = "true" }
attribution "linear" {
  conversion = "true"
  model      = "linear"
}
source "summary" {
  path        = "paths.csv"
  paths       = "path"
  conversions = "n"
}
attribution "from_summary" {
  paths = source.summary
  model = "first"
}
loyalty "buyers" {
  stage "prospect" {}
  stage "buyer" { when = "count() >= 1" }
}

test "outcomes" {
  source "touchpoints" {
    rows = [{ id = "A", ts = "2026-01-10 10:00:00" }]
  }
  expect_attribution {
    attribution = attribution.linear
    segment     = "young"
    conversions = { email = 1 }
    value       = { email = 10 }
    tolerance   = 0.01
  }
  expect_attribution {
    attribution = attribution.linaer # ERROR: Reference to an undeclared attribution
    segment     = "old" # ERROR: Reference to an undeclared segment
    conversions = { email = 1 }
  }
  expect_attribution { # ERROR: Missing required argument
    attribution = attribution.linear
  }
  expect_attribution { # ERROR: Missing required argument
    conversions = { email = 1 }
  }
  expect_attribution {
    attribution = attribution.from_summary # ERROR: Test without the path summary
    conversions = { email = 1 }
  }
  expect_ladder {
    ladder        = loyalty.buyers
    period        = "2026-02"
    counts        = { prospect = 2, buyers = 1 } # ERROR: No such stage
    probabilities = { "prospect > buyer" = 1, "buyer to prospect" = 0 } # ERROR: Invalid move
  }
  expect_ladder { # ERROR: Nothing expected
    ladder = loyalty.buyers
    period = "2026-02"
  }
  expect_ladder {
    ladder = loyalty.byers # ERROR: Reference to an undeclared loyalty
    period = "2026-02"
    counts = { prospect = 1 }
  }
}

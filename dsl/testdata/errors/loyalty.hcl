# A loyalty ladder is ordered stages: the first, the entry stage, has no
# rule; every stage above it has one. Its period is a grain, its horizon a
# small whole number, and scorecards name ladders by reference.

loyalty "good" {
  period  = "quarter"
  horizon = 2
  by      = ["segment"]
  volume  = "count(event == 'prescription')"
  stage "non_user" {}
  stage "tester" { when = "count(event == 'prescription') >= 1" }
}

loyalty "good" { # ERROR: Duplicate loyalty "good"
  stage "a" {}
  stage "b" { when = "count() > 0" }
}

loyalty "one_stage" { # ERROR: Too few stages
  stage "only" {}
}

loyalty "no_stage" {} # ERROR: Too few stages

loyalty "rules" {
  stage "entry" {
    when = "count() > 0" # ERROR: Rule on the entry stage
  }
  stage "middle" {} # ERROR: Stage without a rule
  stage "top" { when = "count() > 5" }
  stage "top" { when = "count() > 9" } # ERROR: Duplicate stage
  stage "bad-name" { when = "count() > 9" } # ERROR: Invalid name
}

loyalty "attributes" {
  period  = "quartr" # ERROR: Invalid value
  horizon = 0 # ERROR: Invalid horizon
  volume  = 3 # ERROR: Formula must be a string
  discount = 0.1 # a volume is written, if wrong: no second error
  levels  = 3 # ERROR: Unsupported argument
  stage "a" {}
  stage "b" {
    when  = "${x}" # ERROR: Interpolation in a formula
    after = "a" # ERROR: Unsupported argument
  }
}

loyalty "horizons" {
  horizon = 1.5 # ERROR: Invalid horizon
  stage "a" {}
  stage "b" { when = "true" }
}

loyalty "far" {
  horizon = "two" # ERROR: Incorrect attribute value type
  stage "a" {}
  stage "b" { when = "true" }
}

loyalty "after_catch_all" {
  order = "first_match"
  stage "lapsed" { when = "days_since_last() > 365" }
  stage "other" {}
  stage "again" {} # ERROR: Two catch-all stages
  stage "active" { when = "count() > 0" } # ERROR: Stage after the catch-all
}

loyalty "no_catch_all" {
  order = "first_match"
  stage "lapsed" { when = "days_since_last() > 365" }
  stage "active" { when = "count() > 0" } # ERROR: No catch-all stage
}

loyalty "orders" {
  order    = "first" # ERROR: Invalid value
  discount = 0.1 # ERROR: Discount without volume
  stage "a" {}
  stage "b" { when = "true" }
}

loyalty "discounts" {
  volume   = "count()"
  discount = 10 # ERROR: Invalid discount
  stage "a" {}
  stage "b" { when = "true" }
}

loyalty "negative" {
  volume   = "count()"
  discount = -0.1 # ERROR: Invalid discount
  stage "a" {}
  stage "b" { when = "true" }
}

scorecard "s" {
  loyalty = [loyalty.god, kpi.good] # ERROR: Reference to an undeclared loyalty # ERROR: Invalid reference
}

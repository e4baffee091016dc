# Experiment blocks: the assignment, the window, the split, the level and
# their references.

source "touchpoints" {
  path     = "t.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }
segment "loyal" { where = "tier == 'gold'" }

experiment "no_assignment" { # ERROR: Missing required argument
  control = "a"
  start   = "2026-01-01"
  end     = "2026-01-31"
  kpis    = [kpi.buyers]
}

experiment "backwards" {
  assignment = "message"
  control    = "a"
  start      = "2026-02-01"
  end        = "2026-01-31" # ERROR: Experiment ends before it starts
  kpis       = [kpi.buyers]
}

experiment "nothing_judged" {
  assignment = "message"
  control    = "a"
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [] # ERROR: No KPI judged
}

experiment "undeclared" {
  assignment = "message"
  control    = "a"
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [kpi.buyer] # ERROR: Reference to an undeclared kpi
  segment    = segment.loyl # ERROR: Reference to an undeclared segment
  campaign   = campaign.spring # ERROR: Reference to an undeclared campaign
}

experiment "split" {
  assignment = "message"
  control    = "c"          # ERROR: Control not among the variants
  variants   = ["a", "b", "a"] # ERROR: Duplicate variant
  split      = [50, 0]       # ERROR: Share not positive # ERROR: Split and variants differ in length
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [kpi.buyers]
  confidence = 95 # ERROR: Confidence out of range
  unit       = "household" # ERROR: Invalid value
}

experiment "split_alone" {
  assignment = "message"
  control    = "a"
  split      = [50, 50] # ERROR: Split without variants
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [kpi.buyers]
}

scorecard "weekly" {
  experiments = [experiment.welcome] # ERROR: Reference to an undeclared experiment
}

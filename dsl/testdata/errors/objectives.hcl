# Objectives are SMART: specific (one KPI, a population), measurable (a
# target the KPI can reach), time-bound (a start, and a deadline after it).

kpi "conversion" {
  format  = "percent"
  formula = "1"
}
kpi "prescribers" { formula = "2" }
kpi "cac" {
  formula   = "3"
  direction = "lower" # ERROR: Invalid value
}
segment "young_gps" { where = "age < 40" }
channel "email" {}
campaign "q3" {
  start = "2026-07-01"
  end   = "2026-09-30"
}

objective "nothing" { # ERROR: Objective without a KPI # ERROR: Objective without a target # ERROR: Objective without a start # ERROR: Objective without a deadline
  segment = segment.young_gps
}

objective "references" {
  kpi      = kpi.convresion # ERROR: Reference to an undeclared kpi
  segment  = segment.old_gps # ERROR: Reference to an undeclared segment
  campaign = campaign.q4 # ERROR: Reference to an undeclared campaign
  target   = "+5%"
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "wrong_kinds" {
  kpi      = [kpi.conversion, kpi.prescribers] # ERROR: One kpi per objective
  channel  = "email" # ERROR: Invalid reference
  campaign = segment.young_gps # ERROR: Invalid reference
  target   = "+5%"
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "undeclared_channel" {
  kpi      = kpi.prescribers
  channel  = channel.emial # ERROR: Reference to an undeclared channel
  target   = "+5%"
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "targets" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = "5%" # ERROR: Invalid target
  baseline = "many" # ERROR: Incorrect attribute value type
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "quoted_number" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = "120" # ERROR: Invalid target
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "no_change" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = "+0%" # ERROR: Invalid target
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "garbage" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = "+5 percent" # ERROR: Invalid target
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "times" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = 120
  start    = "2026-07-01"
  deadline = "2026-07-01" # ERROR: Deadline not after start
}

objective "bad_dates" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = 120
  start    = "July 1st" # ERROR: Invalid date
  deadline = "2026-12-31"
}

objective "two_populations" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  channel  = channel.email # ERROR: Objective on a segment and a channel
  target   = "+10%"
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "directions" {
  kpi       = kpi.prescribers
  segment   = segment.young_gps
  target    = "+10%"
  direction = "down" # ERROR: Direction and target disagree
  start     = "2026-07-01"
  deadline  = "2026-12-31"
}

objective "unknown_direction" {
  kpi       = kpi.prescribers
  segment   = segment.young_gps
  target    = 120
  direction = "higher" # ERROR: Invalid value
  start     = "2026-07-01"
  deadline  = "2026-12-31"
}

objective "points_on_a_count" {
  kpi      = kpi.prescribers
  segment  = segment.young_gps
  target   = "+5pp" # ERROR: Points target on a KPI that is not a rate
  start    = "2026-07-01"
  deadline = "2026-12-31"
}

objective "already_met" {
  kpi       = kpi.conversion
  segment   = segment.young_gps
  baseline  = 0.4
  target    = 0.35 # ERROR: Target already met by the baseline
  direction = "up"
  start     = "2026-07-01"
  deadline  = "2026-12-31"
}

objective "cheaper_already" {
  kpi      = kpi.cac
  campaign = campaign.q3
  baseline = 0
  target   = "-10%" # ERROR: Target already met by the baseline
  start    = "2026-07-01"
  deadline = "2026-09-30"
}

scorecard "s" {
  objectives = [objective.already_met, objective.retention] # ERROR: Reference to an undeclared objective
}

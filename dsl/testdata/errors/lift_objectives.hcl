# Lift objectives: an objective with an experiment targets a variant's lift
# against the control, over the experiment's customers and window.

source "touchpoints" {
  path     = "t.csv"
  customer = "id"
  time     = "ts"
}
kpi "attendance" {
  format  = "percent"
  formula = "count_distinct(customer, event == 'attend') / count_distinct(customer)"
}
kpi "visits" { formula = "count(event == 'visit')" }
segment "loyal" { where = "tier == 'gold'" }

experiment "invitations" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B", "C"]
  start      = "2026-01-01"
  end        = "2026-01-31"
  kpis       = [kpi.attendance, kpi.visits]
}

objective "fine" {
  experiment = experiment.invitations
  variant    = "B"
  kpi        = kpi.attendance
  target     = "+2pp"
}

objective "unknown_experiment" {
  experiment = experiment.invitation # ERROR: Reference to an undeclared experiment
  variant    = "B"
  kpi        = kpi.attendance
  target     = "+5%"
}

objective "unknown_variant" {
  experiment = experiment.invitations
  variant    = "b" # ERROR: Unknown variant
  kpi        = kpi.attendance
  target     = "+5%"
}

objective "control" {
  experiment = experiment.invitations
  variant    = "A" # ERROR: Control named as the variant
  kpi        = kpi.attendance
  target     = "+5%"
}

objective "kpi_not_judged" {
  experiment = experiment.invitations
  variant    = "B"
  kpi        = kpi.revenue # ERROR: Reference to an undeclared kpi # ERROR: KPI not judged by the experiment
  target     = "+5%"
}

objective "malformed" {
  experiment = experiment.invitations
  variant    = "C"
  kpi        = kpi.visits
  target     = "5 more" # ERROR: Invalid target
}

objective "nothing" { # ERROR: Objective without a KPI # ERROR: Lift objective without a variant # ERROR: Objective without a target
  experiment = experiment.invitations
}

objective "not_for_lifts" {
  experiment = experiment.invitations
  variant    = "B"
  kpi        = kpi.attendance
  target     = "+5%"
  segment    = segment.loyal # ERROR: Attribute not for a lift objective
  baseline   = 0.3 # ERROR: Attribute not for a lift objective
  start      = "2026-01-01" # ERROR: Attribute not for a lift objective
  deadline   = "2026-01-31" # ERROR: Attribute not for a lift objective
  direction  = "up" # ERROR: Attribute not for a lift objective
}

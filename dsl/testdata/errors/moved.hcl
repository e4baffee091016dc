source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers" { formula = "count()" }
kpi "visits" { formula = "count()" }
segment "adults" { where = "age >= 18" }

moved {
  from = kpi.purchasers
  to   = kpi.buyers
}
moved {
  from = kpi.visits # ERROR: Moved from a declared name
  to   = kpi.buyers
}
moved {
  from = kpi.gone
  to   = kpi.nowhere # ERROR: Moved to an undeclared name
}
moved {
  from = kpi.purchasers # ERROR: Moved twice
  to   = kpi.visits
}
moved {
  from = kpi.grown_ups
  to   = segment.adults # ERROR: Moved to another kind
}
moved {
  from = project.old # ERROR: Invalid reference
  to   = "kpi.buyers" # ERROR: Invalid reference
}
moved { # ERROR: Missing required argument
  from = kpi.x
}

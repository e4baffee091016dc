# Crossed breakdowns: a list in a by list crosses two or more names, each
# once, never the period (every value is per period already).
kpi "buyers" {
  formula = "count_distinct(customer)"
  by      = [[]] # ERROR: Cross of fewer than two breakdowns
}
kpi "visits" {
  formula = "count()"
  by      = [["channel"]] # ERROR: Cross of fewer than two breakdowns
}
scorecard "crossed" {
  by = [
    ["segment", "channel", "segment"], # ERROR: Breakdown crossed with itself
    ["segment", "period"],             # ERROR: Period in a cross
    ["segment", null],                 # ERROR: Incorrect attribute value type
    [["segment", "channel"]],          # ERROR: Incorrect attribute value type
    "channel",
  ]
}

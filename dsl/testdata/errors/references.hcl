# Scorecards name campaigns and kpis as references, which must be declared.

kpi "reach" {
  formula = "count_distinct(customer)"
}

campaign "q2_launch" {
  start = "2026-04-01"
  end   = "2026-06-30"
}

scorecard "wrong_kind" {
  campaign = kpi.reach # ERROR: Invalid reference
}

scorecard "not_traversals" {
  kpis = [
    "reach", # ERROR: Invalid reference
    reach, # ERROR: Invalid reference
    kpi.reach.value, # ERROR: Invalid reference
    kpi["reach"], # ERROR: Invalid reference
  ]
}

scorecard "undeclared" {
  campaign = campaign.q2_lunch # ERROR: Reference to an undeclared campaign
  compare  = campaign.q2_launch
  kpis     = [kpi.rech] # ERROR: Reference to an undeclared kpi
}

scorecard "compare_alone" {
  compare = campaign.q2_launch # ERROR: Comparison without a campaign
}

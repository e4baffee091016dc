# Block names are identifiers: formulas refer to them without quotes.

channel "tele-phone" { # ERROR: Invalid name
}

kpi "2nd_wave_reach" { # ERROR: Invalid name
  formula = "count_distinct(customer)"
}

segment "" { # ERROR: Invalid name
  where = "true"
}

scorecard "_ok_1" {}

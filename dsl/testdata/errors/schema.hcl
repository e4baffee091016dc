# Each block takes its own arguments, some of them required; HCL reports
# misspelled arguments with a suggestion.

kpi "reach" { # ERROR: Missing required argument
  formla = "count_distinct(customer)" # ERROR: Unsupported argument
}

kpis "visits" { # ERROR: Unsupported block type
  formula = "count()"
}

trait "channels" {
  formula = "count_distinct(channel)"
  where {} # ERROR: Unsupported block type
}

campaign "q2" { # ERROR: Missing required argument
  start = "2026-04-01"
}

source "visits" { # ERROR: Missing path or table
  customer = "hcp_id"
  time     = "ts"
}

segment "all" { # ERROR: Missing required argument
}

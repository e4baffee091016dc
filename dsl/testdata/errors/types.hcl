# Attributes take constants of one type; HCL converts what it can
# (42 to "42", "true" to true, "1000" to 1000) and the rest is an error.

channel "email" {
  label  = ["Email"] # ERROR: Incorrect attribute value type
  online = "sometimes" # ERROR: Incorrect attribute value type
}

channel "phone" {
  label  = 42
  online = "false"
}

channel "fax" {
  label  = null # ERROR: Incorrect attribute value type
  online = 1 # ERROR: Incorrect attribute value type
}

channel "rx" {
  label = var.rx_label # ERROR: Variables not allowed
}

kpi "reach" {
  formula = "count_distinct(customer)"
  by      = "segment" # ERROR: Incorrect attribute value type
}

kpi "visits" {
  formula = "count()"
  by      = ["segment", ["channel"]] # ERROR: Cross of fewer than two breakdowns
}

campaign "q2" {
  start = "2026-04-01"
  end   = "2026-06-30"
  budget = {
    email  = "1000"
    phone  = "lots" # ERROR: Incorrect attribute value type
    fax    = true # ERROR: Incorrect attribute value type
    (["rx"]) = 10 # ERROR: Incorrect attribute value type
  }
}

campaign "q3" {
  start  = "2026-07-01"
  end    = "2026-09-30"
  budget = ["email"] # ERROR: Incorrect attribute value type
}

scorecard "main" {
  kpis = kpi.reach # ERROR: Incorrect attribute value type
  by   = [1, "channel"]
}

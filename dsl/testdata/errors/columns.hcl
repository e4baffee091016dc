# A column block: a source, then a formula or rules with a default, not
# both; rules are when and then; sources are references.

source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}

column "both" {
  source  = source.touchpoints
  formula = "lower(medium)" # ERROR: Formula and rules
  rule {
    when = "medium == 'email'"
    then = "Email"
  }
  default = "Other"
}
column "stray_default" {
  source  = source.touchpoints
  formula = "lower(medium)"
  default = "Other" # ERROR: Default without rules
}
column "empty" { # ERROR: Column without a value
  source = source.touchpoints
}
column "open_ended" { # ERROR: Rules without a default
  source = source.touchpoints
  rule {
    when = "medium == 'email'"
    then = "Email"
  }
}
column "half_rule" {
  source = source.touchpoints
  rule { # ERROR: Missing required argument
    when = "medium == 'email'"
  }
  default = "Other"
}
column "numbered" {
  source = source.touchpoints
  rule {
    when = "medium == 'email'"
    then = ["Email"] # ERROR: Incorrect attribute value type
  }
  default = "Other"
}
column "elsewhere" {
  source  = source.touchpont # ERROR: Reference to an undeclared source
  formula = "1"
}
column "quoted" {
  source  = "touchpoints" # ERROR: Invalid reference
  formula = "1"
}
column "listed" {
  source  = [source.touchpoints, kpi.reach] # ERROR: Invalid reference
  formula = "1"
}
column "unsourced" { # ERROR: Missing required argument
  formula = "1"
}
column "bad-name" { # ERROR: Invalid name
  source  = source.touchpoints
  formula = "1"
}
column "unsourced" { # ERROR: Duplicate column "unsourced"
  source  = source.touchpoints
  formula = "1"
}

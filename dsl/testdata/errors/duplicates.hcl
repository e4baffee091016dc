# Names are unique per block type; kpis and traits share one namespace, and
# a project has a single project block.

project "launch" {}

project "launch_2" { # ERROR: Duplicate project block
}

channel "email" {}

channel "email" { # ERROR: Duplicate channel "email"
  label = "Email"
}

kpi "channels_used" {
  formula = "count_distinct(channel)"
}

trait "channels_used" { # ERROR: Duplicate trait "channels_used"
  formula = "count_distinct(channel)"
}

segment "email" {
  where = "true"
}

source "touchpoints" {
  path     = "tp.csv"
  customer = "id"
  time     = "ts"
}
kpi "buyers" { formula = "count()" }
campaign "sale" {
  start = "2026-02-01"
  end   = "2026-02-28"
}

test "valid" {
  source "touchpoints" {
    rows = [{ id = "A", ts = "2026-01-10 10:00:00" }]
  }
  expect {
    campaign = campaign.sale
    by       = "channel"
    key      = "web"
    period   = "2026-02"
    values   = { kpi.buyers = 1, kpi.buyers = null }
  }
}
test "valid" { # ERROR: Duplicate test "valid"
  source "touchpoints" { path = "fixtures/tp.csv" }
  expect { values = { kpi.buyers = 1 } }
}
test "without touchpoints" { # ERROR: Test without touchpoints
  source "people" { path = "people.csv" } # ERROR: Reference to an undeclared source
  expect {
    campaign = campaign.winter # ERROR: Reference to an undeclared campaign
    values   = { kpi.buyer = 1 } # ERROR: Reference to an undeclared kpi
  }
}
test "bad shapes" {
  source "touchpoints" { # ERROR: Fixture needs rows or a path
  }
  source "touchpoints" {
    rows = ["A"] # ERROR: Invalid row
  }
  expect { # ERROR: Breakdown without a value
    by     = "channel"
    values = { reach = 1, kpi.buyers = "many" } # ERROR: Invalid reference # ERROR: Incorrect attribute value type
  }
  expect { # ERROR: Missing required argument
  }
}
experiment "invitation" {
  assignment = "message"
  control    = "A"
  start      = "2026-02-01"
  end        = "2026-02-28"
  kpis       = [kpi.buyers]
}
test "experiment figures" {
  source "touchpoints" { path = "fixtures/tp.csv" }
  expect {
    experiment = experiment.invitation
    variant    = "B"
    statistic  = "lift"
    values     = { kpi.buyers = 1 }
  }
  expect {
    experiment = experiment.invitation # ERROR: Experiment without a variant
    values     = { kpi.buyers = 1 }
  }
  expect {
    variant = "B" # ERROR: Variant without an experiment
    values  = { kpi.buyers = 1 }
  }
  expect {
    experiment = experiment.invitatoin # ERROR: Reference to an undeclared experiment
    variant    = "B"
    statistic  = "uplift" # ERROR: Invalid value
    period     = "2026-02" # ERROR: Cell of an experiment
    values     = { kpi.buyers = 1 }
  }
}

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

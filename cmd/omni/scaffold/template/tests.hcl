# Tests: fixture rows in, expected KPI values out (omni test). Each test
# runs on its own rows only; sources it gives no rows for are left out.

test "conversion counts buyers among the customers reached" {
  source "touchpoints" {
    rows = [
      { customer_id = "A", ts = "2026-03-02 10:00:00", channel = "web", event = "visit", amount = null, campaign = "SPRING" },
      { customer_id = "A", ts = "2026-03-02 11:00:00", channel = "web", event = "purchase", amount = 50, campaign = "SPRING" },
      { customer_id = "B", ts = "2026-03-05 10:00:00", channel = "email", event = "email_open", amount = null, campaign = "SPRING" },
      { customer_id = "C", ts = "2026-05-10 10:00:00", channel = "store", event = "visit", amount = null, campaign = "" },
    ]
  }
  source "customers" {
    rows = [
      { customer_id = "A", age = 30, tier = "gold" },
      { customer_id = "B", age = 50, tier = "bronze" },
      { customer_id = "C", age = 41, tier = "silver" },
    ]
  }
  source "spend" {
    rows = [
      { day = "2026-03-02", channel = "web", cost = 100 },
    ]
  }

  expect {
    values = {
      kpi.reach           = 3
      kpi.buyers          = 1
      kpi.conversion_rate = 0.3333333333
      kpi.revenue         = 50
      kpi.cost_per_buyer  = 100
    }
    tolerance = 1e-6
  }

  expect {
    campaign = campaign.spring
    by       = "segment"
    key      = "under_35"
    values   = { kpi.reach = 1, kpi.conversion_rate = 1 }
  }
}

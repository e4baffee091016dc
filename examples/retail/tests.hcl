# Tests of the definitions (omni test): each runs on its own rows, in place
# of the data files, and checks KPI values worked out by hand.

test "omnichannel KPIs count buyers, online orders and repeat orders" {
  source "touchpoints" {
    rows = [
      { customer_id = "A", ts = "2025-02-03 10:00:00", channel = "web", event = "product_view", campaign = null, fulfilment = null, order_rank = null, amount = null, new_category_amount = null },
      { customer_id = "A", ts = "2025-02-03 10:20:00", channel = "web", event = "order", campaign = null, fulfilment = "click_collect", order_rank = 3, amount = 80, new_category_amount = 40 },
      { customer_id = "A", ts = "2025-05-10 15:00:00", channel = "store", event = "order", campaign = null, fulfilment = "in_store", order_rank = 4, amount = 120, new_category_amount = 0 },
      { customer_id = "B", ts = "2025-03-01 11:00:00", channel = "app", event = "order", campaign = null, fulfilment = "delivery", order_rank = 1, amount = 30, new_category_amount = 30 },
      { customer_id = "B", ts = "2025-06-01 11:00:00", channel = "app", event = "order", campaign = null, fulfilment = "click_collect", order_rank = 2, amount = 50, new_category_amount = 25 },
      { customer_id = "C", ts = "2025-04-02 09:00:00", channel = "email", event = "email_open", campaign = "spring_2025", fulfilment = null, order_rank = null, amount = null, new_category_amount = null },
    ]
  }
  source "customers" {
    rows = [
      { customer_id = "A", age = 41, age_band = "30-44", children = 2, occupation = "employed" },
      { customer_id = "B", age = 20, age_band = "18-29", children = 0, occupation = "student" },
      { customer_id = "C", age = 70, age_band = "60+", children = 0, occupation = "retired" },
    ]
  }

  # A ordered on the web and in a store (multichannel), B in the app only,
  # C only opened an email. Two online orders of three collected in store.
  # Cross-selling leaves out B's first order: 40 + 0 + 25. B is new, A
  # returning: one returning buyer of two.
  expect {
    values = {
      kpi.buyers             = 2
      kpi.conversion_rate    = 0.666666666667
      kpi.multichannel_rate  = 0.5
      kpi.click_collect_rate = 0.666666666667
      kpi.cross_sell_revenue = 65
      kpi.cross_sell_rate    = 0.666666666667
      kpi.new_customers      = 1
      kpi.returning_rate     = 0.5
      kpi.average_basket     = 70
    }
  }

  # Students: B alone, a new customer.
  expect {
    by     = "segment"
    key    = "students"
    values = { kpi.buyers = 1, kpi.multichannel_rate = 0, kpi.returning_rate = 0 }
  }
}

test "retention and ROPO look at the year before and at earlier views" {
  source "touchpoints" {
    rows = [
      { customer_id = "A", ts = "2024-05-02 10:00:00", channel = "store", event = "order", campaign = null, fulfilment = "in_store", order_rank = 1, amount = 40, new_category_amount = 40 },
      { customer_id = "B", ts = "2024-06-01 10:00:00", channel = "web", event = "order", campaign = null, fulfilment = "delivery", order_rank = 1, amount = 25, new_category_amount = 25 },
      { customer_id = "A", ts = "2025-03-01 18:00:00", channel = "web", event = "product_view", campaign = null, fulfilment = null, order_rank = null, amount = null, new_category_amount = null },
      { customer_id = "A", ts = "2025-03-10 11:00:00", channel = "store", event = "order", campaign = null, fulfilment = "in_store", order_rank = 2, amount = 60, new_category_amount = 0 },
      { customer_id = "C", ts = "2025-04-01 09:00:00", channel = "app", event = "product_view", campaign = null, fulfilment = null, order_rank = null, amount = null, new_category_amount = null },
      { customer_id = "C", ts = "2025-04-20 09:00:00", channel = "store", event = "order", campaign = null, fulfilment = "in_store", order_rank = 1, amount = 30, new_category_amount = 30 },
    ]
  }
  source "customers" {
    rows = [
      { customer_id = "A", age = 41, age_band = "30-44", children = 2, occupation = "employed" },
      { customer_id = "B", age = 20, age_band = "18-29", children = 0, occupation = "student" },
      { customer_id = "C", age = 70, age_band = "60+", children = 0, occupation = "retired" },
    ]
  }

  # 2024's buyers: A and B; in 2025 A buys again, B does not: 1 of 2.
  # 2025's store orders: A's, 9 days after his web view (ROPO), and C's,
  # 19 days after her app view (not within 14 days): 1 of 2.
  expect {
    period = "2025"
    values = {
      kpi.retention_rate = 0.5
      kpi.ropo_rate      = 0.5
    }
  }

  # 2024 has no year before in the data: no retention rate.
  expect {
    period = "2024"
    values = { kpi.retention_rate = null }
  }
}

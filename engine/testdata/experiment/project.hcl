# An invitation test, worked out by hand in engine/experiment_test.go.

source "touchpoints" {
  path     = "touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}
source "customers" {
  path = "customers.csv"
  key  = "customer_id"
}

segment "gold" { where = "tier == 'gold'" }

kpi "buyers"     { formula = "count_distinct(customer, event == 'purchase')" }
kpi "reached"    { formula = "count_distinct(customer)" }
kpi "conversion" { formula = "buyers / reached" }
kpi "revenue"    { formula = "sum(amount, event == 'purchase')" }

experiment "invitation" {
  assignment = "message"
  control    = "A"
  variants   = ["A", "B"]
  split      = [50, 50]
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.conversion, kpi.buyers, kpi.revenue]
}

# Purchases whose customer bought before: had_before looks at the whole
# data, the February purchases of a1 and b1 too.
kpi "repeat_purchases" { formula = "count(event == 'purchase' && had_before(event == 'purchase'))" }

experiment "invitation_repeat" {
  assignment = "message"
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.repeat_purchases]
}

experiment "invitation_cuped" {
  assignment = "message"
  control    = "A"
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.revenue]
  cuped      = true
}

experiment "invitation_gold" {
  assignment = "message"
  control    = "A"
  segment    = segment.gold
  start      = "2026-03-01"
  end        = "2026-03-31"
  kpis       = [kpi.buyers]
  confidence = 0.9
}

scorecard "test" {
  kpis = [kpi.buyers]
}

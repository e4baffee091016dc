# Scores that load but do not compile: each error's line is marked with
# its summary.

source "touchpoints" {
  path     = "../scores/touchpoints.csv"
  customer = "id"
  time     = "ts"
}

source "customers" {
  path = "../scores/customers.csv"
  key  = "id"
}

trait "monetary" { formula = "sum(amount)" }
trait "m_score" { formula = "ntile(monetary, 5)" } # ERROR: Misplaced ntile
trait "sure" { formula = "ntile(monetary, 0)" } # ERROR: Buckets out of range

kpi "top_share" { formula = "share(m_score == 5)" }
kpi "revenue" { formula = "sum(amount)" }
kpi "ranked" { formula = "max(rank(monetary))" } # ERROR: Misplaced rank

# A segment on traits is chosen per period: it cannot read another period,
# and what reads a customer's segments once cannot use it.
segment "best" { where = "monetary > 100" }
segment "rising" { where = "previous(monetary) < monetary" } # ERROR: Misplaced previous

# A ladder computes no rank: m_score's error is reported at the trait.
loyalty "l" {
  stage "none" {}
  stage "top" { when = "m_score == 5" }
}

loyalty "by_segment" {
  by = ["segment"] # ERROR: Segment on traits
  stage "none" {}
  stage "some" { when = "monetary > 0" }
}

attribution "last" {
  conversion = "event == 'purchase'"
  model      = "last"
  key        = "event"
  by         = ["segment"] # ERROR: Segment on traits
}

experiment "test" {
  assignment = "event"
  control    = "purchase"
  start      = "2025-01-01"
  end        = "2025-12-31"
  segment    = segment.best # ERROR: Segment on traits
  kpis       = [kpi.revenue]
}

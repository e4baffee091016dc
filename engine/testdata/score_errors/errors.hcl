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
kpi "ranked" { formula = "max(rank(monetary))" } # ERROR: Misplaced rank

# A segment is chosen by customer attributes: a score changes from period
# to period.
segment "best" { where = "m_score == 5" } # ERROR: Misplaced trait

# A ladder computes no rank: m_score's error is reported at the trait.
loyalty "l" {
  stage "none" {}
  stage "top" { when = "m_score == 5" }
}

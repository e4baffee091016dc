# Six customers over four months (March has no touchpoint at all): A to E
# are in customers.csv (E never shows up), X only in the touchpoints, from
# February. loyalty_test.go computes every number of the scorecard by hand.

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
segment "north" { where = "region == 'north'" }

trait "purchases" { formula = "count(event == 'purchase')" }

kpi "buyers" { formula = "count_distinct(customer, event == 'purchase')" }

# Highest rule first: a gold customer with two purchases in the month is a
# vip, a silver one a buyer; without a purchase, one within 60 days of the
# month's end makes a lapsed customer; else a prospect.
loyalty "buyers" {
  period  = "month"
  horizon = 2
  by      = ["segment"]
  volume  = "sum(amount, event == 'purchase')"
  stage "prospect" {}
  stage "lapsed" {
    label = "Lapsed <60 days>"
    when  = "days_since_last(event == 'purchase') <= 60"
  }
  stage "buyer" { when = "purchases >= 1" }
  stage "vip" { when = "purchases >= 2 && tier == 'gold'" }
}

loyalty "engaged" {
  period = "quarter"
  by     = ["region"]
  stage "quiet" {}
  stage "active" { when = "count() >= 1" }
}

# Rules as an analyst's notes, the first that holds wins: no purchase for
# 60 days, else a visit this month, else a first purchase within 31 days,
# else (catch-all) loyal. Recency and first purchase are null for who never
# bought: those rules do not hold for them, and they end up loyal.
loyalty "recency" {
  order    = "first_match"
  period   = "month"
  horizon  = 2
  volume   = "sum(amount, event == 'purchase')"
  discount = 0.1
  stage "lost" { when = "days_since_last(event == 'purchase') > 60" }
  stage "browsing" { when = "count(event == 'visit') >= 1" }
  stage "new" { when = "days_since_first(event == 'purchase') < 31" }
  stage "loyal" {}
}

scorecard "ladders" {
  kpis    = [kpi.buyers]
  loyalty = [loyalty.buyers, loyalty.engaged]
}

scorecard "none" {
  kpis    = [kpi.buyers]
  loyalty = []
}

scorecard "recency" {
  kpis    = []
  loyalty = [loyalty.recency]
}

# Two yearly ladders over the orders (event == 'order'): every other
# touchpoint (views, emails, ads) says nothing about a person's stage.
#
# customer_ladder: the classic direct-marketing segmentation by recency,
# frequency and value (inactive, cold, warm, new, active, loyal). Each year
# every person stands on the highest rung whose rule holds; recency and the
# age of the relationship are measured at the year's end over all his
# orders before it (the traits recency and tenure, which are null for who
# never ordered: the rules ask ordered_before first), so a customer who
# did not order this year still has a stage. People who never ordered are
# prospects, apart from the lapsed (inactive): the forecast then does not
# expect the lapsed to come back as often as prospects make a first order.

loyalty "customer_ladder" {
  label   = "Recency, frequency and value"
  period  = "year"
  horizon = 2
  by      = ["age_band"]
  volume  = "sum(amount, event == 'order')"

  stage "prospect" {
    label = "Never ordered"
  }
  stage "inactive" {
    label = "Last order more than three years ago"
    when  = "ordered_before && recency > 1095"
  }
  stage "cold" {
    label = "Last order two to three years ago"
    when  = "ordered_before && recency <= 1095"
  }
  stage "warm" {
    label = "Last order the year before"
    when  = "ordered_before && recency <= 730"
  }
  stage "new" {
    label = "First order this year"
    when  = "ordered_before && tenure <= 365"
  }
  stage "active" {
    label = "Ordered this year, and in an earlier one"
    when  = "orders_placed >= 1 && tenure > 365"
  }
  stage "loyal" {
    label = "Active, with four orders or more worth 300 EUR or more this year"
    when  = "orders_placed >= 4 && spent >= 300 && tenure > 365"
  }
}

# retention: the yearly transitions of buyers, over the orders only (the
# filter orders, which its where keeps: every rule and the volume then reads
# orders alone). The probability of moving
# from "buyer" to "buyer" is the share of last year's buyers who buy again
# this year (the KPI retention_rate says the same, with
# retained_customers), that of "lapsed" to "buyer" the reactivation rate,
# by segment too; the ladder forecasts them.

loyalty "retention" {
  label   = "Buyers, lapsed buyers and prospects"
  period  = "year"
  horizon = 1
  by      = ["segment"]
  where   = "filter.orders"
  volume  = "sum(amount)"

  stage "prospect" {
    label = "Never ordered"
  }
  stage "lapsed" {
    label = "Ordered before, not this year"
    when  = "ordered_before"
  }
  stage "buyer" {
    label = "Ordered this year"
    when  = "count() >= 1"
  }
}

# The customer ladder, per year, from recency, frequency and value (after the
# classic direct-marketing segmentation: inactive, cold, warm, new, active).
# Each year every card holder stands on the highest rung whose rule holds;
# recency and the age of the relationship are measured at the year's end
# over all the orders before it (days_since_last, days_since_first), so a
# customer who did not order this year still has a stage. Card holders who
# never ordered are prospects, apart from the lapsed (inactive): the
# forecast then does not expect the lapsed to come back as often as
# prospects make a first order.

loyalty "customer_ladder" {
  label   = "Recency, frequency and value"
  period  = "year"
  horizon = 2
  by      = ["age_band"]
  volume  = "sum(amount)"

  stage "prospect" {
    label = "Never ordered"
  }
  stage "inactive" {
    label = "Last order more than three years ago"
    when  = "days_since_last() > 1095"
  }
  stage "cold" {
    label = "Last order two to three years ago"
    when  = "days_since_last() <= 1095"
  }
  stage "warm" {
    label = "Last order the year before"
    when  = "days_since_last() <= 730"
  }
  stage "new" {
    label = "First order this year"
    when  = "days_since_first() <= 365"
  }
  stage "active" {
    label = "Ordered this year, and in an earlier one"
    when  = "count() >= 1 && days_since_first() > 365"
  }
  stage "loyal" {
    label = "Active, with four orders or more worth 300 EUR or more this year"
    when  = "count() >= 4 && sum(amount) >= 300 && days_since_first() > 365"
  }
}

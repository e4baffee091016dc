# Cohorts misdefined: a condition that is not one, a ladder by a cohort.
# The data is that of ../cohorts.
project "errors" {
  grain = "month"
}

source "touchpoints" {
  path     = "../cohorts/touchpoints.csv"
  customer = "customer_id"
  time     = "ts"
}

cohort "first_order" {
  when = "event == 'order'"
}
cohort "first_amount" {
  when = "amount" # ERROR: Condition expected
}

loyalty "buyers" {
  by = ["cohort.first_order"] # ERROR: Breakdown without meaning
  stage "prospect" {}
  stage "buyer" { when = "count(event == 'order') >= 1" }
}

# A ladder by the cohort whose condition has an error: the ladder's error,
# not an unknown cohort.
loyalty "amounts" {
  by = ["cohort.first_amount"] # ERROR: Breakdown without meaning
  stage "prospect" {}
  stage "buyer" { when = "count(event == 'order') >= 1" }
}

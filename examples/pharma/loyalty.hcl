# The prescriber ladder: each quarter, every HCP stands on the highest rung
# whose rule holds (non-users are those none holds for). Its transitions
# show who moved up or down; the forecast applies the latest quarter's
# transition probabilities to today's HCPs, and the backtest shows how well
# that did for the past quarters. The value is the forecast prescriptions
# discounted to today, per stage and per HCP of each stage.

loyalty "prescriber_ladder" {
  label    = "Prescriber ladder"
  period   = "quarter"
  horizon  = 2
  by       = ["segment"]
  volume   = "count(event == 'prescription')"
  discount = 0.024 # per quarter, 10% a year: (1 + 0.024)^4 ≈ 1.10

  stage "non_user" {
    label = "Not yet reached"
  }
  stage "informed" {
    label = "Informed: opened an email or saw a rep"
    when  = "count(event == 'email_open' || event == 'visit') >= 1"
  }
  stage "tester" {
    label = "Tester: prescribed at least once"
    when  = "count(event == 'prescription') >= 1"
  }
  stage "regular" {
    label = "Regular prescriber: four prescriptions or more"
    when  = "count(event == 'prescription') >= 4"
  }
  stage "advocate" {
    label = "Advocate: a regular who referred a peer"
    when  = "count(event == 'prescription') >= 4 && count(event == 'referral') >= 1"
  }
}

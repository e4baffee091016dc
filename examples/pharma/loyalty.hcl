# The prescriber ladder: each quarter, every HCP stands on the highest rung
# whose rule holds (non-users are those none holds for). Its transitions
# show who moved up or down; the forecast applies the latest quarter's
# transition probabilities to today's HCPs, and the backtest shows how well
# that did for the past quarters.

loyalty "prescriber_ladder" {
  label   = "Prescriber ladder"
  period  = "quarter"
  horizon = 2
  by      = ["segment"]
  volume  = "count(event == 'prescription')"

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

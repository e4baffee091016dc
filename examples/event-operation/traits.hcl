# Traits: one value per contact and period (an edition, in a campaign),
# aggregated over the contact's touchpoints; KPIs count contacts by them.

trait "invited" {
  label   = "Invited by email or SMS"
  formula = "count(event in ['email_sent', 'sms_sent']) >= 1"
}

trait "took_part" {
  label   = "Took part: a workshop, the stand game or the contest"
  formula = "count(event in ['workshop', 'stand_game', 'contest_entry']) >= 1"
}

# A customer already when invited: his first purchase (customer_since, a
# contact attribute) is on a day before the invitation's.
trait "invited_customer" {
  label   = "Invited while already a customer"
  formula = "count(event in ['email_sent', 'sms_sent'] && days_between(customer_since, time) > 0) >= 1"
}

trait "bought" {
  label   = "Bought in store or online"
  formula = "count(event == 'purchase') >= 1"
}

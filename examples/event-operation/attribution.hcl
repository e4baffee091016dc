# ROI per lever: each purchase during an edition is credited to the levers
# the contact interacted with in the 14 days before it (since his previous
# purchase): an email opened or clicked, an SMS link, a paid social ad, an
# influencer's link, a workshop or the stand game, the contest. Deliveries
# (email_sent, sms_sent) and store visits are not interactions. The value is
# the purchase amount; spend per lever comes from spend.csv, over the
# edition's window, so the rows give ROAS and ROI against what each lever cost.
# Purchases without such a touch are organic: counted, credited to nobody.

attribution "last_touch" {
  label      = "Last touch"
  conversion = "event == 'purchase'"
  value      = "amount"
  touch      = "event in ['email_open', 'email_click', 'sms_click', 'ad_click', 'influencer_click', 'workshop', 'stand_game', 'contest_entry']"
  lookback   = "14d"
  model      = "last"
}

attribution "u_shaped" {
  label      = "Position-based (40/20/40)"
  conversion = "event == 'purchase'"
  value      = "amount"
  touch      = "event in ['email_open', 'email_click', 'sms_click', 'ad_click', 'influencer_click', 'workshop', 'stand_game', 'contest_entry']"
  lookback   = "14d"
  model      = "position"
  first      = 0.4
  last       = 0.4
}

# Conquest per lever: each new contact (the entry form that created him) is
# credited to the first lever he came through - the ad or the influencer's
# link clicked before the contest, the stand game, or the contest site
# reached directly. The value is one contact, so a row's cost per conversion
# is the lever's cost per new contact: what the paid levers bought, which
# their ROI on purchases within six weeks does not show.

attribution "new_contacts_first_touch" {
  label      = "New contacts, first touch"
  conversion = "event == 'form' && new_contact"
  touch      = "event in ['email_open', 'email_click', 'sms_click', 'ad_click', 'influencer_click', 'workshop', 'stand_game', 'contest_entry']"
  lookback   = "1d"
  model      = "first"
}

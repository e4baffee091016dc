# Attribution: which media win customers, and what they cost. A KPI cannot
# say it: new customers order in a store, on the web or in the app, and the
# money is spent on media. The journeys link them: a conversion's path is
# the person's media touches in the 30 days before it (ad clicks, email
# clicks, SMS, QR codes scanned, promo codes redeemed, survey answers), and
# a channel's cost per conversion is its spend over what it is credited.
#
# Offline media show up through offline tracking: a flyer's QR code, a TV
# promo code, the answer "TV" to "how did you hear of us". A promo code is
# redeemed a minute before its order and the survey answered two minutes
# before, so the last touch credits the code, then the answer, then the
# last click.

# Customer acquisition cost per channel: cost_per_conversion, the conversion
# being a first order ever. The three models share one query.
attribution "acquisition_last_touch" {
  label      = "New customers, last touch"
  conversion = "event == 'order' && order_rank == 1"
  touch      = "event in ['ad_click', 'email_click', 'sms_received', 'qr_scan', 'promo_redemption', 'survey_answer']"
  lookback   = "30d"
  model      = "last"
}

attribution "acquisition_first_touch" {
  label      = "New customers, first touch"
  conversion = "event == 'order' && order_rank == 1"
  touch      = "event in ['ad_click', 'email_click', 'sms_received', 'qr_scan', 'promo_redemption', 'survey_answer']"
  lookback   = "30d"
  model      = "first"
}

attribution "acquisition_markov" {
  label      = "New customers, Markov chain"
  conversion = "event == 'order' && order_rank == 1"
  touch      = "event in ['ad_click', 'email_click', 'sms_received', 'qr_scan', 'promo_redemption', 'survey_answer']"
  lookback   = "30d"
  model      = "markov"
  order      = 1
}

# Return on spend per channel: every identified order, valued at its amount.
attribution "revenue_last_touch" {
  label      = "Revenue, last touch"
  conversion = "event == 'order'"
  value      = "amount"
  touch      = "event in ['ad_click', 'email_click', 'sms_received', 'qr_scan', 'promo_redemption', 'survey_answer']"
  lookback   = "30d"
  model      = "last"
}

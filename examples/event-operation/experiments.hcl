# SD26 tested two invitation emails, half of the email-invited contacts each
# (both emails of a contact carry the same message): "garden_tips", the
# usual gardening advice with the programme, against "contest_prize", which
# leads with the contest's grand prize. The message is the `message` column
# of the email_sent rows. Did the prize bring more clicks, more
# participants, more store visits and more revenue per invited contact?

kpi "email_clickers" {
  label   = "Contacts who clicked an email"
  format  = "integer"
  formula = "count_distinct(customer, event == 'email_click')"
}

experiment "invitation_message" {
  label      = "SD26 invitation: gardening tips or the contest's prize"
  assignment = "message"
  control    = "garden_tips"
  variants   = ["garden_tips", "contest_prize"]
  split      = [50, 50]
  start      = "2026-04-06"
  end        = "2026-05-17"
  kpis       = [kpi.email_clickers, kpi.participants, kpi.store_visitors, kpi.revenue]
}

# The same test on the amounts, with CUPED: each contact's revenue and
# store visits before the edition (2025 and early 2026) explain much of
# those during it, and adjusting for them narrows the intervals.
experiment "invitation_message_cuped" {
  label      = "SD26 invitation, CUPED-adjusted"
  assignment = "message"
  control    = "garden_tips"
  start      = "2026-04-06"
  end        = "2026-05-17"
  kpis       = [kpi.store_visits, kpi.revenue]
  cuped      = true
}

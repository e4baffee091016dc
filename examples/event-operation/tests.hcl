# Tests of the definitions (omni test): each runs on its own rows, in place
# of the data files, and checks KPI values worked out by hand.

test "participation, conquest and qualification count the right contacts" {
  source "touchpoints" {
    rows = [
      # A: a customer, invited by email; attends a workshop and buys.
      { contact_id = "A", ts = "2026-04-06 08:05:00", channel = "email", event = "email_sent", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "A", ts = "2026-04-11 09:55:00", channel = "store", event = "store_visit", operation = null, amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "A", ts = "2026-04-11 10:00:00", channel = "animation", event = "workshop", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "A", ts = "2026-04-11 11:10:00", channel = "store", event = "purchase", operation = null, amount = 42.5, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "A", ts = "2026-04-11 20:30:00", channel = "email", event = "survey", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = 5, impressions = null, engagements = null },
      # B: a customer, invited by SMS; does nothing more.
      { contact_id = "B", ts = "2026-04-10 11:02:00", channel = "sms", event = "sms_sent", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      # C: a recruit, from an ad to the contest; the form creates him.
      { contact_id = "C", ts = "2026-04-20 21:00:00", channel = "social_ads", event = "ad_click", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "C", ts = "2026-04-20 21:04:00", channel = "contest_site", event = "contest_entry", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "C", ts = "2026-04-20 21:06:00", channel = "contest_site", event = "form", operation = "SD26", amount = null, new_contact = true, optin_email = true, optin_sms = false, profile_fields = 3, score = null, impressions = null, engagements = null },
      { contact_id = "C", ts = "2026-04-20 22:00:00", channel = "email", event = "survey", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = 3, impressions = null, engagements = null },
      # D: known, not invited (no consent yet); plays the stand game, consents to both.
      { contact_id = "D", ts = "2026-05-02 15:00:00", channel = "animation", event = "stand_game", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "D", ts = "2026-05-02 15:02:00", channel = "animation", event = "form", operation = "SD26", amount = null, new_contact = false, optin_email = true, optin_sms = true, profile_fields = 6, score = null, impressions = null, engagements = null },
      # A post's statistics: no contact.
      { contact_id = null, ts = "2026-04-08 12:00:00", channel = "social", event = "post", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = 1000, engagements = 40 },
    ]
  }
  source "contacts" {
    rows = [
      { contact_id = "A", customer_since = "2020-05-01", loyalty_card = true, source = "store", age_band = "55+" },
      { contact_id = "B", customer_since = "2022-03-10", loyalty_card = false, source = "web", age_band = "35-54" },
      { contact_id = "C", customer_since = null, loyalty_card = false, source = "spring_days_2026", age_band = "18-34" },
      { contact_id = "D", customer_since = null, loyalty_card = true, source = "store", age_band = "35-54" },
    ]
  }

  # Invited: A and B; A took part: 1 of 2. Participants: A, C, D, of whom C
  # is new. Forms: C's (email only, 3 fields) and D's (both, 6 fields).
  # Invited customers: A and B; A bought. Surveys: 5 and 3, one satisfied.
  # The post needs no contact: 40 engagements of 1,000 impressions.
  expect {
    campaign = campaign.spring_days_2026
    values = {
      kpi.invited_contacts       = 2
      kpi.participants           = 3
      kpi.participation_rate     = 0.5
      kpi.new_contacts           = 1
      kpi.new_contact_share      = 0.333333333333
      kpi.email_optin_rate       = 1
      kpi.sms_optin_rate         = 0.5
      kpi.profile_completeness   = 0.75
      kpi.repurchase_rate        = 0.5
      kpi.store_visits           = 1
      kpi.satisfied_share        = 0.5
      kpi.satisfaction_score     = 4
      kpi.social_engagement_rate = 0.04
    }
    tolerance = 1e-9
  }
}

# Every column a formula of the project uses needs a typed value in the
# fixture (a column of nulls only has no type): E's afternoon at the stand
# and a post give them.
test "a contact who first bought on the invitation's day is a new customer, not an invited one" {
  source "touchpoints" {
    rows = [
      # E: first purchase ever in the afternoon of the invitation's day, at the stand game.
      { contact_id = "E", ts = "2026-04-06 08:10:00", channel = "email", event = "email_sent", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "E", ts = "2026-04-06 15:00:00", channel = "animation", event = "stand_game", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "E", ts = "2026-04-06 15:02:00", channel = "animation", event = "form", operation = "SD26", amount = null, new_contact = false, optin_email = true, optin_sms = false, profile_fields = 4, score = null, impressions = null, engagements = null },
      { contact_id = "E", ts = "2026-04-06 16:00:00", channel = "store", event = "purchase", operation = null, amount = 30, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = "E", ts = "2026-04-06 20:15:00", channel = "email", event = "survey", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = 4, impressions = null, engagements = null },
      # F: a customer since 2025, invited, who does not buy.
      { contact_id = "F", ts = "2026-04-06 08:12:00", channel = "email", event = "email_sent", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = null, engagements = null },
      { contact_id = null, ts = "2026-04-07 18:00:00", channel = "social", event = "post", operation = "SD26", amount = null, new_contact = null, optin_email = null, optin_sms = null, profile_fields = null, score = null, impressions = 500, engagements = 10 },
    ]
  }
  source "contacts" {
    rows = [
      { contact_id = "E", customer_since = "2026-04-06" },
      { contact_id = "F", customer_since = "2025-06-01" },
    ]
  }

  # Invited customers: F only (E became one later that day); F did not buy.
  # E's purchase is on his customer_since day: a new customer.
  expect {
    campaign = campaign.spring_days_2026
    values   = { kpi.repurchase_rate = 0, kpi.new_customers = 1, kpi.revenue = 30, kpi.participation_rate = 0.5 }
  }
}

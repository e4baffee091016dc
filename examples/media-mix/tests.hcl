# Tests of the definitions (omni test): each runs on its own rows, in place
# of the data files, and checks KPI values worked out by hand.

test "returning visitors, paid reach and coupon redemption in one month" {
  source "touchpoints" {
    rows = [
      { person_id = "P1", ts = "2026-03-03 09:00:00", channel = "direct_mail", event = "coupon_issued", funnel = "exposure", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P1", ts = "2026-03-03 12:00:00", channel = "website", event = "site_visit", funnel = "engagement", campaign = null, landing_page = "/menu", sentiment = null },
      { person_id = "P1", ts = "2026-03-10 08:15:00", channel = "direct_mail", event = "coupon_redeemed", funnel = "conversion", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-03-05 10:00:00", channel = "search_ads", event = "ad_impression", funnel = "exposure", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-03-05 10:00:20", channel = "search_ads", event = "ad_click", funnel = "engagement", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-03-05 10:00:22", channel = "search_ads", event = "site_visit", funnel = "engagement", campaign = "SPRING", landing_page = "/lp/sourdough", sentiment = null },
      { person_id = "P2", ts = "2026-03-05 10:04:00", channel = "search_ads", event = "conversion", funnel = "conversion", campaign = "SPRING", landing_page = "/lp/sourdough", sentiment = null },
      { person_id = "P3", ts = "2026-03-02 19:00:00", channel = "website", event = "site_visit", funnel = "engagement", campaign = null, landing_page = "/", sentiment = null },
      { person_id = "P3", ts = "2026-03-20 13:00:00", channel = "social", event = "site_visit", funnel = "engagement", campaign = null, landing_page = "/shops", sentiment = null },
      { person_id = "P3", ts = "2026-03-20 13:30:00", channel = "social", event = "mention", funnel = "engagement", campaign = null, landing_page = null, sentiment = "positive" },
      { person_id = "P4", ts = "2026-03-03 09:00:00", channel = "direct_mail", event = "coupon_issued", funnel = "exposure", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P4", ts = "2026-03-04 18:00:00", channel = "display", event = "ad_impression", funnel = "exposure", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P4", ts = "2026-03-21 11:00:00", channel = "reviews", event = "review", funnel = "engagement", campaign = null, landing_page = null, sentiment = "negative" },
    ]
  }
  source "people" {
    rows = [
      { person_id = "P1", region = "lyon", age_band = "35-49", loyalty_member = true, newsletter_optin = true, app_user = false, first_visit = "2025-12-10" },
      { person_id = "P2", region = "grenoble", age_band = "25-34", loyalty_member = false, newsletter_optin = false, app_user = false, first_visit = "2026-03-05" },
      { person_id = "P3", region = "lyon", age_band = "18-24", loyalty_member = false, newsletter_optin = false, app_user = true, first_visit = "2026-03-02" },
      { person_id = "P4", region = "annecy", age_band = "65+", loyalty_member = true, newsletter_optin = false, app_user = false, first_visit = null },
    ]
  }
  source "spend" {
    rows = [
      { day = "2026-03-05", channel = "search_ads", eur = 12.5 },
      { day = "2026-03-03", channel = "direct_mail", eur = 1.84 },
    ]
  }

  # Visitors: P1, P2, P3. P1 had visited in December, P3 twice in March;
  # P2's first visit ever is this one (the same day as first_visit, later
  # in it): 2 returning of 3. P4, who did not visit, is not counted.
  # Paid reach: P2 (search ad), P4 (display ad, postcard), P1 (postcard).
  # One postcard of two redeemed. Mentions: P3's post and P4's review.
  expect {
    period = "2026-03"
    values = {
      kpi.unique_visitors        = 3
      kpi.returning_visitor_rate = 0.666666666667
      kpi.paid_reach             = 3
      kpi.redemption_rate        = 0.5
      kpi.mentions               = 2
      kpi.positive_mention_share = 0.5
    }
    tolerance = 1e-9
  }

  # Paid conversions: P2's order and P1's redemption; the paid spend,
  # 12.50 + 1.84 EUR, over them.
  expect {
    by     = "media"
    key    = "paid"
    values = { kpi.conversions = 2, kpi.cost_per_conversion = 7.17 }
  }

  # Loyalty members: P1 and P4; P1 is the only visitor among them.
  expect {
    by     = "segment"
    key    = "loyalty_members"
    values = { kpi.returning_visitor_rate = 1, kpi.paid_reach = 2 }
  }
}

test "the media shares split the interactions, not the exposures" {
  source "touchpoints" {
    rows = [
      { person_id = "P1", ts = "2026-04-02 08:00:00", channel = "newsletter", event = "newsletter_sent", funnel = "exposure", campaign = "SPRING", landing_page = null, sentiment = null },
      { person_id = "P1", ts = "2026-04-02 08:30:00", channel = "newsletter", event = "newsletter_open", funnel = "engagement", campaign = "SPRING", landing_page = null, sentiment = null },
      { person_id = "P1", ts = "2026-04-02 08:31:00", channel = "newsletter", event = "site_visit", funnel = "engagement", campaign = "SPRING", landing_page = "/lp/sourdough", sentiment = null },
      { person_id = "P2", ts = "2026-04-03 12:00:00", channel = "social_ads", event = "ad_impression", funnel = "exposure", campaign = "SPRING", landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-04-03 12:00:10", channel = "social_ads", event = "ad_click", funnel = "engagement", campaign = "SPRING", landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-04-04 20:00:00", channel = "social", event = "share", funnel = "engagement", campaign = null, landing_page = null, sentiment = null },
      { person_id = "P2", ts = "2026-04-05 21:00:00", channel = "social", event = "mention", funnel = "engagement", campaign = "SPRING", landing_page = null, sentiment = "neutral" },
    ]
  }
  source "people" {
    rows = [
      { person_id = "P1", region = "lyon", age_band = "50-64", loyalty_member = true, newsletter_optin = true, app_user = false, first_visit = "2024-06-01" },
      { person_id = "P2", region = "annecy", age_band = "18-24", loyalty_member = false, newsletter_optin = false, app_user = true, first_visit = null },
    ]
  }

  # Five interactions: two owned (the open, the visit), one paid (the
  # click), two earned (the share, the mention); the newsletter sent and
  # the ad shown are exposures. P1, the only visitor, first came in 2024:
  # a returning visitor on his only visit of the month.
  expect {
    values = {
      kpi.interactions           = 5
      kpi.owned_share            = 0.4
      kpi.paid_share             = 0.2
      kpi.earned_share           = 0.4
      kpi.returning_visitor_rate = 1
    }
  }

  # The spring campaign keeps the rows with its code: the share without
  # the hashtag is left out.
  expect {
    campaign = campaign.spring
    values   = { kpi.interactions = 4, kpi.earned_share = 0.25 }
  }
}

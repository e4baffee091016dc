# Tests of the definitions (omni test): each runs on its own rows, in place
# of the data files, and checks KPI values worked out by hand.

test "conversion counts prescribers among the HCPs reached" {
  source "touchpoints" {
    rows = [
      { hcp_id = "H1", ts = "2026-07-02 09:00:00", channel = "rep_visit", event = "visit", campaign = "Q3L", tags = ["launch"], revenue = null },
      { hcp_id = "H1", ts = "2026-07-20 09:00:00", channel = "rx", event = "prescription", campaign = null, tags = [], revenue = 120.5 },
      { hcp_id = "H2", ts = "2026-07-03 09:00:00", channel = "email", event = "email_open", campaign = "Q3L", tags = [], revenue = null },
      { hcp_id = "H3", ts = "2026-07-25 09:00:00", channel = "rx", event = "prescription", campaign = null, tags = [], revenue = 80 },
    ]
  }
  source "hcps" {
    rows = [
      { hcp_id = "H1", specialty = "GP", age = 35, potential = "high", preferred_channel = "rep_visit", opt_in_email = true },
      { hcp_id = "H2", specialty = "cardiology", age = 50, potential = "low", preferred_channel = "email", opt_in_email = true },
      { hcp_id = "H3", specialty = "GP", age = 61, potential = "low", preferred_channel = "phone", opt_in_email = false },
    ]
  }

  # Reach leaves prescription data out: H1 and H2. Both H1 and H3 prescribe,
  # but conversion divides prescribers by the HCPs reached: 2 / 2.
  expect {
    values = {
      kpi.reach           = 2
      kpi.prescribers     = 2
      kpi.conversion_rate = 1
      kpi.rx_revenue      = 200.5
    }
  }

  # In the second wave, young GPs: H1 alone, reached and prescribing.
  expect {
    campaign = campaign.q3_launch
    by       = "segment"
    key      = "young_gps"
    values   = { kpi.reach = 1, kpi.conversion_rate = 1, kpi.prescriptions = 1 }
  }
}

test "content KPIs read the asset each touch showed" {
  source "touchpoints" {
    rows = [
      { hcp_id = "H1", ts = "2026-07-02 09:00:00", channel = "rep_visit", event = "visit", campaign = "Q3L", tags = ["efficacy"], revenue = null, asset_id = "A1" },
      { hcp_id = "H1", ts = "2026-07-20 09:00:00", channel = "rx", event = "prescription", campaign = null, tags = [], revenue = 120.5, asset_id = null },
      { hcp_id = "H2", ts = "2026-07-03 09:00:00", channel = "rep_visit", event = "visit", campaign = "Q3L", tags = ["efficacy"], revenue = null, asset_id = "A2" },
      { hcp_id = "H2", ts = "2026-07-03 21:00:00", channel = "display", event = "ad_impression", campaign = "Q3L", tags = ["efficacy"], revenue = null, asset_id = "A2" },
      { hcp_id = "H2", ts = "2026-07-03 21:00:20", channel = "display", event = "ad_click", campaign = "Q3L", tags = ["efficacy"], revenue = null, asset_id = "A2" },
      { hcp_id = "H3", ts = "2026-07-04 13:00:00", channel = "display", event = "ad_impression", campaign = null, tags = ["safety"], revenue = null, asset_id = "A3" },
    ]
  }
  source "assets" {
    rows = [
      { asset_id = "A1", title = "E-detail aid: efficacy", format = "e-detail aid", topic = "efficacy", content_tags = ["efficacy"] },
      { asset_id = "A2", title = "Video: efficacy", format = "video", topic = "efficacy", content_tags = ["efficacy"] },
      { asset_id = "A3", title = "Article: safety", format = "article", topic = "safety", content_tags = ["safety"] },
    ]
  }

  # H1 saw the efficacy e-detail aid and prescribed; H2 saw the efficacy
  # video, and clicked its ad, but did not. One click for two impressions.
  expect {
    values = { kpi.edetail_conversion = 1, kpi.video_conversion = 0, kpi.ad_click_rate = 0.5 }
  }
  expect {
    by     = "format"
    key    = "video"
    values = { kpi.ad_click_rate = 1, kpi.rep_visits = 1 }
  }
  expect {
    by     = "topic"
    key    = "safety"
    values = { kpi.ad_click_rate = 0, kpi.content_reach = 1 }
  }
}

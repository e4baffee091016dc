# The scorecards. "default" is the launch review: the launch KPIs over the
# whole data and each wave, by segment and channel, with the objectives, the
# ladder and the channel attributions. The others answer one question each.

scorecard "default" {
  label = "Launch review"
  kpis = [
    kpi.reach, kpi.prescribers, kpi.conversion_rate, kpi.multichannel_rate,
    kpi.face_to_face_share, kpi.prescriptions, kpi.prescriptions_per_prescriber,
    kpi.rx_revenue, kpi.total_spend, kpi.cost_per_prescriber, kpi.roi,
  ]
  by         = ["segment", "channel"]
  objectives = [objective.young_gp_conversion, objective.young_gp_multichannel, objective.cheaper_wave_2]
  attribution = [
    attribution.first_touch, attribution.last_touch, attribution.linear,
    attribution.u_shaped, attribution.time_decay, attribution.markov,
  ]
}

scorecard "content" {
  label       = "Content performance"
  description = "Engagement and conversion by the topic, the format and the tags of the content shown."
  kpis = [
    kpi.content_reach, kpi.email_open_rate, kpi.email_click_rate, kpi.ad_click_rate,
    kpi.rep_visits, kpi.edetail_conversion, kpi.video_conversion,
  ]
  by          = ["topic", "format", "content_tags"]
  objectives  = []
  loyalty     = []
  attribution = [attribution.content_last_touch, attribution.rep_content_last_touch]
}

scorecard "face_to_face_vs_digital" {
  label       = "Face-to-face against digital"
  description = "Contacts by online or not; HCPs seen face-to-face only, digitally only or both, and how many of each prescribed."
  kpis = [
    kpi.contacts, kpi.reach, kpi.face_to_face_only_share, kpi.digital_only_share, kpi.both_share,
    kpi.face_to_face_only_conversion, kpi.digital_only_conversion, kpi.both_conversion,
  ]
  by          = ["online", "segment"]
  objectives  = []
  loyalty     = []
  attribution = []
}

scorecard "potential" {
  label       = "Prescription potential"
  description = "The funnel aware → prescribed once → adopted, per segment and level of potential."
  kpis        = [kpi.aware_rate, kpi.prescribed_rate, kpi.adopted_rate, kpi.adoption_among_prescribers]
  by          = ["segment", "potential"]
  objectives  = [objective.high_potential_adoption]
  loyalty     = []
  attribution = []
}

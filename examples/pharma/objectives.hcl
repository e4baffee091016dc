# Objectives: SMART targets for one KPI in one population, judged at the
# data's last date against the straight line from baseline to target.

objective "young_gp_conversion" {
  label       = "Convert more young GPs"
  description = "Five more points of conversion among GPs under 40 within six months, through email and the loyalty programme."
  kpi         = kpi.conversion_rate
  segment     = segment.young_gps
  target      = "+5pp" # from the measured baseline: the KPI in 2026-Q2
  start       = "2026-07-01"
  deadline    = "2026-12-31"
  owner       = "crm-team"
}

objective "young_gp_multichannel" {
  label       = "Young GPs on two channels or more"
  description = "Nearly every young GP reached should use two promotional channels or more by the end of the year."
  kpi         = kpi.multichannel_rate
  segment     = segment.young_gps
  target      = 0.99
  start       = "2026-07-01"
  deadline    = "2026-12-31"
  owner       = "omnichannel-lead"
}

objective "cheaper_wave_2" {
  label       = "Wave 2 costs less per prescriber"
  description = "The second launch wave should cost 10% less per prescriber than the first (1,581 EUR)."
  kpi         = kpi.cost_per_prescriber
  campaign    = campaign.q3_launch
  baseline    = 1581
  target      = "-10%"
  direction   = "down"
  start       = "2026-07-01"
  deadline    = "2026-09-30"
  owner       = "brand-manager"
}

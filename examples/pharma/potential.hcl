# Prescription potential: how far each segment, and each level of the
# potential attribute (high, medium, low), has come along the funnel
#   aware (reached by a promotion) → prescribed once → adopted (4 or more
#   prescriptions in the period).
# Shares are of every HCP of hcps.csv (base_share), those the period has no
# touchpoint of included: they are not aware.

trait "promotions" {
  formula = "count(channel != 'rx')"
}

kpi "aware_rate" {
  label   = "Aware: reached by a promotion"
  format  = "percent"
  formula = "base_share(promotions >= 1)"
}

kpi "prescribed_rate" {
  label   = "Prescribed once or more"
  format  = "percent"
  formula = "base_share(rx_count >= 1)"
}

kpi "adopted_rate" {
  label   = "Adopted: 4 prescriptions or more"
  format  = "percent"
  formula = "base_share(rx_count >= 4)"
}

kpi "adoption_among_prescribers" {
  label       = "Adopters among prescribers"
  description = "The step from a first prescription to regular use."
  format      = "percent"
  formula     = "adopted_rate / prescribed_rate"
}

objective "high_potential_adoption" {
  label       = "High-potential HCPs adopt"
  description = "Five more points of adopters among high-potential HCPs by the end of the year."
  kpi         = kpi.adopted_rate
  segment     = segment.high_potential
  target      = "+5pp" # from the measured baseline: the KPI in 2026-Q2
  start       = "2026-07-01"
  deadline    = "2026-12-31"
  owner       = "brand-manager"
}

kpi "reach" {
  label   = "HCPs reached"
  format  = "integer"
  formula = "count_distinct(customer, channel != 'rx')"
}

kpi "prescribers" {
  label   = "Prescribing HCPs"
  format  = "integer"
  formula = "count_distinct(customer, event == 'prescription')"
}

# Prescriptions arrive through the prescription feed (channel rx), never
# through the channel that reached the HCP: per channel, a KPI over
# prescribers would mean nothing (0% everywhere but rx), so those are not
# reported by channel. The attributions credit prescriptions to channels.
kpi "conversion_rate" {
  label       = "Omnichannel conversion rate"
  description = "Prescribers among the HCPs reached."
  format      = "percent"
  formula     = "prescribers / reach"
  not_by      = ["channel"]
}

kpi "multichannel_rate" {
  label   = "Multichannel HCPs"
  format  = "percent"
  formula = "share(channels_used >= 2)"
}

kpi "face_to_face_share" {
  label   = "Face-to-face share of contacts"
  format  = "percent"
  formula = "count(!online && channel != 'rx') / count(channel != 'rx')"
}

kpi "prescriptions" {
  label   = "Prescriptions"
  format  = "integer"
  formula = "count(event == 'prescription')"
  by      = ["segment"]
}

kpi "prescriptions_per_prescriber" {
  format  = "number"
  formula = "count(event == 'prescription') / prescribers"
  not_by  = ["channel"]
}

kpi "rx_revenue" {
  label   = "Prescription revenue"
  format  = "currency"
  formula = "sum(revenue, event == 'prescription')"
}

kpi "total_spend" {
  label   = "Spend"
  format  = "currency"
  formula = "spend()"
}

kpi "cost_per_prescriber" {
  format    = "currency"
  formula   = "spend() / prescribers"
  direction = "down" # a cost: lower is better
  not_by    = ["channel"]
}

kpi "roi" {
  label   = "Return on investment"
  format  = "percent"
  formula = "(rx_revenue - spend()) / spend()"
  not_by  = ["channel"]
}

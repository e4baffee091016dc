kpi "reach" {
  label   = "HCPs reached"
  format  = "integer"
  formula = "count_distinct(customer)"
  by      = ["segment", "channel"]
}

kpi "multichannel_rate" {
  description = "Share of reached HCPs seen on two channels or more."
  format      = "percent"
  formula     = <<-EOT
    share(channels_used >= 2)
  EOT
}

kpi "cost_per_reach" {
  formula = "spend() / reach"
}

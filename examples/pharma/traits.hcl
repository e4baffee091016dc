# Traits: one value per HCP and quarter, aggregated over the HCP's touchpoints.

trait "channels_used" {
  label   = "Promotional channels used"
  formula = "count_distinct(channel, channel != 'rx')"
}

trait "rx_count" {
  label   = "Prescriptions in the quarter"
  formula = "count(event == 'prescription')"
}

trait "engaged" {
  label   = "Engaged with content (open, click, webinar or visit)"
  formula = "count(event in ['email_open', 'email_click', 'webinar_attendance', 'visit']) >= 1"
}

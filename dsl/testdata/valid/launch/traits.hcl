trait "channels_used" {
  label   = "Channels used"
  formula = "count_distinct(channel)"
}

segment "young_gps" {
  label       = "Young GPs"
  description = "General practitioners under 40."
  where       = "specialty == 'GP' && age < 40"
}

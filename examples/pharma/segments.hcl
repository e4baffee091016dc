# Segments select HCPs by their attributes (hcps.csv). They may overlap.

segment "young_gps" {
  label = "GPs under 40"
  where = "specialty == 'GP' && age < 40"
}
segment "senior_gps" {
  label = "GPs 40 and over"
  where = "specialty == 'GP' && age >= 40"
}
segment "cardiologists" {
  where = "specialty == 'cardiology'"
}
segment "diabetologists" {
  where = "specialty in ['diabetology', 'endocrinology']"
}
segment "high_potential" {
  label = "High-potential prescribers"
  where = "potential == 'high'"
}
segment "digital_first" {
  label = "Prefer digital channels"
  where = "preferred_channel in ['email', 'webinar', 'display']"
}
segment "field_first" {
  label = "Prefer the rep or the phone"
  where = "preferred_channel in ['rep_visit', 'phone']"
}
segment "no_email_consent" {
  label = "Not opted in to email"
  where = "!opt_in_email"
}

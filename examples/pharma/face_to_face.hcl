# Face-to-face against digital. Channel blocks say which channels are online
# (email, webinar, display) and which are not (rep visits, phone, congress;
# and the prescription feed, which is no contact). A breakdown by "online"
# splits the contacts. Nearly every HCP receives emails or sees ads, so the
# traits below count, on the digital side, the HCP's own engagements (opens,
# clicks, webinar attendance), and sort each HCP, per quarter, into
# face-to-face only, digital only or both; the KPIs compare how many of each
# prescribed.

kpi "contacts" {
  label   = "Promotional contacts"
  format  = "integer"
  formula = "count(channel != 'rx')"
}

trait "face_to_face_contacts" {
  formula = "count(!online && channel != 'rx')"
}

trait "digital_contacts" {
  formula = "count(event in ['email_open', 'email_click', 'ad_click', 'webinar_attendance'])"
}

kpi "face_to_face_only_share" {
  label   = "HCPs seen face-to-face only"
  format  = "percent"
  formula = "share(face_to_face_contacts >= 1 && digital_contacts == 0)"
}

kpi "digital_only_share" {
  label   = "HCPs reached digitally only"
  format  = "percent"
  formula = "share(digital_contacts >= 1 && face_to_face_contacts == 0)"
}

kpi "both_share" {
  label   = "HCPs reached both ways"
  format  = "percent"
  formula = "share(face_to_face_contacts >= 1 && digital_contacts >= 1)"
}

kpi "face_to_face_only_conversion" {
  label   = "Prescribers among HCPs seen face-to-face only"
  format  = "percent"
  formula = "share(face_to_face_contacts >= 1 && digital_contacts == 0 && rx_count >= 1) / face_to_face_only_share"
}

kpi "digital_only_conversion" {
  label   = "Prescribers among HCPs reached digitally only"
  format  = "percent"
  formula = "share(digital_contacts >= 1 && face_to_face_contacts == 0 && rx_count >= 1) / digital_only_share"
}

kpi "both_conversion" {
  label   = "Prescribers among HCPs reached both ways"
  format  = "percent"
  formula = "share(face_to_face_contacts >= 1 && digital_contacts >= 1 && rx_count >= 1) / both_share"
}

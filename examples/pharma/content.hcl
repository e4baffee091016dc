# Content performance: each touch of email, webinar, display and rep visits
# names the asset it showed (data/assets.parquet), whose format, topic and
# content_tags formulas read as touchpoint columns. The KPIs below are
# reported by topic and by format in the scorecard "content".

kpi "content_reach" {
  label   = "HCPs who saw content"
  format  = "integer"
  formula = "count_distinct(customer, asset_id != nil)"
}

kpi "email_open_rate" {
  label   = "Email open rate"
  format  = "percent"
  formula = "count(event == 'email_open') / count(event == 'email_sent')"
}

kpi "email_click_rate" {
  label       = "Email click-to-open rate"
  description = "Clicks among the emails opened."
  format      = "percent"
  formula     = "count(event == 'email_click') / count(event == 'email_open')"
}

kpi "ad_click_rate" {
  label   = "Display click-through rate"
  format  = "percent"
  formula = "count(event == 'ad_click') / count(event == 'ad_impression')"
}

kpi "rep_visits" {
  label   = "Rep visits"
  format  = "integer"
  formula = "count(event == 'visit')"
}

# Conversion after content, per HCP and quarter: among the HCPs a rep showed
# an efficacy e-detail aid (or an efficacy video), the share who prescribed
# in the same quarter.
trait "saw_efficacy_edetail" {
  formula = "count(event == 'visit' && topic == 'efficacy' && format == 'e-detail aid') >= 1"
}

trait "saw_efficacy_video" {
  formula = "count(event == 'visit' && topic == 'efficacy' && format == 'video') >= 1"
}

kpi "edetail_conversion" {
  label   = "Prescribers among HCPs shown an efficacy e-detail aid"
  format  = "percent"
  formula = "share(saw_efficacy_edetail && rx_count >= 1) / share(saw_efficacy_edetail)"
}

kpi "video_conversion" {
  label   = "Prescribers among HCPs shown an efficacy video"
  format  = "percent"
  formula = "share(saw_efficacy_video && rx_count >= 1) / share(saw_efficacy_video)"
}

# Which content earns the prescriptions: the last content touch in the 30
# days before each prescription, by format; and, among rep visits only, the
# last visit's content, by topic and format.
attribution "content_last_touch" {
  label      = "Last content touch, by format"
  conversion = "event == 'prescription'"
  touch      = "asset_id != nil"
  key        = "format"
  lookback   = "30d"
  model      = "last"
}

attribution "rep_content_last_touch" {
  label      = "Last rep visit, by content"
  conversion = "event == 'prescription'"
  touch      = "event == 'visit'"
  key        = "topic + ' ' + format"
  lookback   = "30d"
  model      = "last"
}

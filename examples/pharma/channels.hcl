channel "rep_visit" {
  label  = "Face-to-face visit"
  media  = "owned"
  online = false
}
channel "phone" {
  label  = "Phone call"
  media  = "owned"
  online = false
}
channel "congress" {
  label  = "Congress"
  media  = "earned"
  online = false
}
channel "email" {
  label = "Email"
  media = "owned"
}
channel "webinar" {
  label = "Webinar"
  media = "owned"
}
channel "display" {
  label = "Display ads"
  media = "paid"
}
channel "rx" {
  label  = "Prescription data"
  online = false
}

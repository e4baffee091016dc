channel "rep_visit" {
  label  = "Face-to-face visit"
  media  = "owned"
  online = false
}

channel "email" {
  label = "Email"
  media = "owned"
}

channel "display" {
  media = "paid"
}

channel "web" {
  label = "Website"
  media = "owned"
}

channel "email" {
  label = "Email"
  media = "owned"
}

channel "store" {
  label  = "Store"
  media  = "owned"
  online = false
}

# Sales channels (owned), media (paid, owned, earned) and partners. Offline
# media leave traces in the data only through offline tracking: a promo
# code, a QR code, a survey answer is a touchpoint of the channel it
# reveals.

channel "store" {
  label  = "Stores"
  media  = "owned"
  online = false
}
channel "web" {
  label = "Web site"
  media = "owned"
}
channel "app" {
  label = "Mobile app"
  media = "owned"
}
channel "email" {
  label = "Email"
  media = "owned"
}
channel "sms" {
  label = "SMS"
  media = "owned"
}
channel "search_ads" {
  label = "Search ads"
  media = "paid"
}
channel "social_ads" {
  label = "Social ads"
  media = "paid"
}
channel "tv" {
  label  = "TV"
  media  = "paid"
  online = false
}
channel "flyer" {
  label  = "Flyers"
  media  = "paid"
  online = false
}
channel "word_of_mouth" {
  label  = "Word of mouth (friends, referral codes)"
  media  = "earned"
  online = false
}
channel "marketplace" {
  label = "Marketplace (partner)"
}
channel "partner_stores" {
  label  = "Department-store corners (partner)"
  online = false
}

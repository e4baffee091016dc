# The operation's levers (email, sms, social_ads, influencer, animation,
# contest_site: each has spend and a budget), the brand's own social posts,
# and where contacts visit and buy (store, eshop).

channel "email" {
  label = "Invitation email"
  media = "owned"
}
channel "sms" {
  label = "Invitation SMS"
  media = "owned"
}
channel "social_ads" {
  label = "Paid social ads"
  media = "paid"
}
channel "influencer" {
  label = "Partner influencers"
  media = "earned" # the partners' own posts; their fee is in the spend
}
channel "animation" {
  label  = "In-store animation (workshops, stand game)"
  media  = "owned"
  online = false
}
channel "contest_site" {
  label = "Online contest"
  media = "owned"
}
channel "social" {
  label = "Brand social posts"
  media = "owned"
}
channel "store" {
  label  = "Garden centres"
  media  = "owned"
  online = false
}
channel "eshop" {
  label = "Online shop"
  media = "owned"
}

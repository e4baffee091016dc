# The spring promos: four weeks of promo codes by channel (SPRING24-EMAIL,
# SPRING25-TV...) in 2024 and 2025; 2025 added a TV flight and QR codes on
# store posters, and spent less on flyers. Each campaign's scope is its own
# media touchpoints (campaign column) and, in its window, every sale, view,
# visit and survey answer, so that its KPIs count what the promo sold, and
# whom it won. That shop activity is one filter, which both campaigns read;
# orders, the ladder retention's.

filter "shop_activity" {
  label = "Sales, views, visits and survey answers"
  where = "event in ['order', 'product_view', 'store_visit', 'survey_answer', 'unidentified_sales', 'partner_sale']"
}

filter "orders" {
  where = "event == 'order'"
}

campaign "spring_2024" {
  label = "Spring promo 2024"
  start = "2024-03-18"
  end   = "2024-04-14"
  where = "campaign == 'spring_2024' || filter.shop_activity"
  budget = {
    social_ads = 9000
    email      = 800
    sms        = 1400
    flyer      = 6000
  }
}

campaign "spring_2025" {
  label = "Spring promo 2025"
  start = "2025-03-17"
  end   = "2025-04-13"
  where = "campaign == 'spring_2025' || filter.shop_activity"
  budget = {
    social_ads = 9000
    email      = 800
    sms        = 1400
    flyer      = 4000
    tv         = 14000
    store      = 2500
  }
}

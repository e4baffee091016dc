-- =============================================================================
-- omni example data set: "retail" (regenerate: go run ./examples/gen examples/retail/data)
--
-- A fictional home-and-lifestyle retailer from 2021 to 2025: stores, a web
-- site and an app, partner sales (a marketplace, corners in department
-- stores), and the media that bring people in. 4,000 people of its CRM
-- (loyalty-card holders, web and app accounts, newsletter subscribers) and
-- every interaction it can tie to them.
--
-- Outputs (relative to this directory):
--   customers.csv        one row per person of the CRM (attributes)
--   touchpoints.parquet  one row per interaction (view, visit, order, email,
--                        ad click, QR scan, promo code, survey answer...),
--                        and daily sales rows without a customer
--   spend.csv            EUR spent per day, channel and campaign
--
-- Modelling choices, in short:
--   * Four life stages drive everything: students (app first, small baskets,
--     social ads), working people (web, delivery, search ads), families
--     (click & collect, big multi-category baskets, flyers), seniors (stores,
--     email, TV, flyers). The attributes say the stage (occupation,
--     children, age); the stage itself is not written.
--   * People join the CRM from 2021 (programme launch) to 2025. 20% never
--     order in the window (prospects: they browse, open emails, click ads).
--     Each buyer heard of the retailer through one origin (tv, social ads,
--     search ads, flyer, a friend, passing by a store), which leaves traces
--     before his first order: ad clicks, a flyer's QR code, a welcome promo
--     code of that origin, and his answer to "how did you hear of us"
--     (asked at the first order, answered by half, wrong one time in six).
--   * Buyers stay for a geometric number of years (yearly retention 62% for
--     students to 80% for seniors), pause a year now and then, and come
--     back sometimes: retention and recency have real transitions.
--   * Orders: channel by stage and year (the app grows), fulfilment (click
--     & collect grows, mostly families), one to three product categories,
--     amount by stage and basket breadth; Christmas and the spring promos
--     add orders. Online orders follow product views in the same channel;
--     many store orders follow an online view of the same category 1 to 14
--     days before (ROPO: research online, purchase offline).
--   * Offline tracking: every signal that ties an offline exposure to a
--     person is a touchpoint of the channel it reveals: a promo code
--     redeemed with an order (channel = where the code was given out), a
--     QR code scanned (on a flyer, on a store poster), a survey answer
--     (channel = the answer). Store sales without a loyalty card, and
--     partner sales, come as daily totals without a customer.
--   * Spend: search and social ads daily, TV flights, monthly flyer drops,
--     email and SMS costs, referral rewards; the spring promos of 2024 and
--     2025 add campaign budgets.
--   * No touchpoint on New Year's Day (stores closed, the site in
--     maintenance): a yearly ladder's "first order this year" rule is
--     days_since_first() <= 365, which fails only on the first of a leap year.
--
-- Determinism: no random()/setseed. Every draw is rnd(key, salt), a hash of a
-- stable key and a salt naming the draw, and every output is fully ordered,
-- so two runs (threads=1) write byte-identical files.
-- =============================================================================

-- Uniform in [0, 1), a pure function of (key, salt).
CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
-- Standard normal (Box-Muller on two independent uniforms).
CREATE MACRO rnorm(key, salt) AS
    sqrt(-2 * ln(1 - rnd(key, salt || '/1'))) * cos(2 * pi() * rnd(key, salt || '/2'));
-- Exponential with the given mean.
CREATE MACRO rexp(key, salt, mean) AS -ln(1 - rnd(key, salt)) * mean;
-- A count with the given mean (geometric: many small, a few large).
CREATE MACRO rcount(key, salt, mean) AS floor(ln(1 - rnd(key, salt)) / ln(mean / (mean + 1.0)))::INTEGER;
-- Element of list xs chosen by the uniform u.
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];
-- Element of list xs chosen by the uniform u, with weights ws (same length).
CREATE MACRO wpick(xs, ws, u) AS xs[list_position(
    list_transform(ws, (w, i) -> list_sum(ws[1:i]) > u * list_sum(ws)), true)];
-- A day of year y, uniform from January 2nd (no activity on January 1st).
CREATE MACRO day_in(y, u) AS make_date(y, 1, 2) + floor(u * (CASE WHEN y % 4 = 0 THEN 365 ELSE 364 END))::INTEGER;
-- Timestamp on day d: shop hours 09:00-20:00, or digital hours 07:00-23:00.
CREATE MACRO shop_time(d, u) AS d::TIMESTAMP + to_seconds((9 * 3600 + floor(u * 11 * 3600))::BIGINT);
CREATE MACRO web_time(d, u) AS d::TIMESTAMP + to_seconds((7 * 3600 + floor(u * 16 * 3600))::BIGINT);

-- The spring promos: promo codes by channel, QR codes on store posters (2025).
CREATE TABLE campaigns AS
SELECT * FROM (VALUES
    ('spring_2024', DATE '2024-03-18', DATE '2024-04-14'),
    ('spring_2025', DATE '2025-03-17', DATE '2025-04-13')) t(campaign, first_day, last_day);

-- ---------------------------------------------------------------------------
-- people: attributes (-> customers.csv) and latent behaviour.
-- ---------------------------------------------------------------------------
CREATE TABLE people AS
WITH base AS (
    SELECT i AS k, printf('C%05d', i) AS customer_id,
           wpick(['student', 'working', 'family', 'senior'], [15, 36, 31, 18], rnd(i, 'stage')) AS stage,
           pick(['north', 'south', 'east', 'west', 'paris'], rnd(i, 'region')) AS region,
           -- joins the CRM: 28% in 2021 (launch), then 16-19% a year
           wpick([2021, 2022, 2023, 2024, 2025], [28, 19, 18, 18, 17], rnd(i, 'join')) AS join_year
    FROM range(1, 4001) t(i)
),
staged AS (
    SELECT *,
        CASE stage WHEN 'student' THEN 18 + floor(rnd(k, 'age') * 8)
                   WHEN 'working' THEN 24 + floor(rnd(k, 'age') * 41)
                   WHEN 'family'  THEN 27 + floor(rnd(k, 'age') * 28)
                   ELSE 65 + floor(rexp(k, 'age', 7)) END::INTEGER AS age_raw,
        CASE WHEN stage = 'family' THEN 1 + (rnd(k, 'kid2') < 0.5)::INTEGER + (rnd(k, 'kid3') < 0.15)::INTEGER ELSE 0 END AS children,
        CASE stage WHEN 'student' THEN 'student'
                   WHEN 'senior'  THEN 'retired'
                   WHEN 'working' THEN wpick(['employed', 'self_employed', 'unemployed'], [82, 12, 6], rnd(k, 'job'))
                   ELSE wpick(['employed', 'self_employed', 'homemaker'], [78, 10, 12], rnd(k, 'job')) END AS occupation,
        -- how he heard of the retailer
        CASE stage WHEN 'student' THEN wpick(['tv', 'social_ads', 'search_ads', 'flyer', 'word_of_mouth', 'store'], [5, 45, 15, 2, 23, 10], rnd(k, 'origin'))
                   WHEN 'working' THEN wpick(['tv', 'social_ads', 'search_ads', 'flyer', 'word_of_mouth', 'store'], [14, 20, 36, 6, 12, 12], rnd(k, 'origin'))
                   WHEN 'family'  THEN wpick(['tv', 'social_ads', 'search_ads', 'flyer', 'word_of_mouth', 'store'], [18, 16, 20, 24, 12, 10], rnd(k, 'origin'))
                   ELSE wpick(['tv', 'social_ads', 'search_ads', 'flyer', 'word_of_mouth', 'store'], [36, 3, 8, 27, 10, 16], rnd(k, 'origin')) END AS origin,
        -- one in six of the 2024 and 2025 joiners come with the spring promo
        join_year >= 2024 AND rnd(k, 'springjoin') < 0.17 AS spring_joiner
    FROM base
)
SELECT *,
    CASE WHEN spring_joiner
         THEN (SELECT first_day FROM campaigns WHERE year(first_day) = join_year) + floor(rnd(k, 'joinday') * 28)::INTEGER
         ELSE day_in(join_year, rnd(k, 'joinday')) END AS join_day,
    least(age_raw, 92) AS age,
    CASE stage WHEN 'student' THEN 1 + floor(rnd(k, 'hh') * 4)::INTEGER
               WHEN 'family'  THEN 1 + children + (rnd(k, 'hh') < 0.8)::INTEGER
               ELSE 1 + (rnd(k, 'hh') < 0.5)::INTEGER END AS household_size,
    rnd(k, 'email') < CASE stage WHEN 'senior' THEN 0.70 WHEN 'student' THEN 0.45 ELSE 0.60 END AS email_opt_in,
    rnd(k, 'sms') < CASE stage WHEN 'student' THEN 0.20 ELSE 0.32 END AS sms_opt_in,
    rnd(k, 'app') < CASE stage WHEN 'student' THEN 0.85 WHEN 'working' THEN 0.45 WHEN 'family' THEN 0.55 ELSE 0.12 END AS app_user,
    CASE stage WHEN 'student' THEN 0.85 WHEN 'working' THEN 0.65 WHEN 'family' THEN 0.55 ELSE 0.20 END AS digital,
    -- never orders (in the window): a prospect
    rnd(k, 'prospect') < CASE stage WHEN 'student' THEN 0.28 WHEN 'senior' THEN 0.12 ELSE 0.19 END AS prospect,
    -- first order: at once (joined at the till or at the first checkout) or weeks later
    CASE WHEN origin = 'store' OR spring_joiner OR rnd(k, 'delay') < 0.55 THEN 0 ELSE floor(rexp(k, 'delaydays', 35))::INTEGER END AS delay,
    -- yearly retention, orders per active year, basket size (EUR)
    CASE stage WHEN 'student' THEN 0.62 WHEN 'working' THEN 0.72 WHEN 'family' THEN 0.77 ELSE 0.80 END AS retention,
    (CASE stage WHEN 'student' THEN 2.2 WHEN 'working' THEN 3.2 WHEN 'family' THEN 4.5 ELSE 3.6 END) * (0.4 + rexp(k, 'rate', 0.6)) AS rate,
    round((CASE stage WHEN 'student' THEN 28 WHEN 'working' THEN 50 WHEN 'family' THEN 56 ELSE 54 END) * exp(0.45 * rnorm(k, 'basket')), 2) AS basket
FROM staged;

-- age band (for the recency ladder's breakdown)
ALTER TABLE people ADD COLUMN age_band VARCHAR;
UPDATE people SET age_band = CASE WHEN age < 30 THEN '18-29' WHEN age < 45 THEN '30-44' WHEN age < 60 THEN '45-59' ELSE '60+' END;

-- buyers: the people who order in the window, their first order's day (never
-- a January 1st) and their lifetime as customers, in years.
CREATE TABLE buyers AS
SELECT *, year(first_day) AS first_year,
       1 + floor(ln(1 - rnd(k, 'life')) / ln(retention))::INTEGER AS lifetime
FROM (SELECT *, join_day + delay + CASE WHEN strftime(join_day + delay, '%m-%d') = '01-01' THEN 1 ELSE 0 END AS first_day
      FROM people WHERE NOT prospect)
WHERE first_day <= DATE '2025-12-31';

-- active_years: the years a buyer orders in: his first, then every year of
-- his lifetime but pauses, and after it now and then (comebacks).
CREATE TABLE active_years AS
SELECT b.*, y AS year,
       CASE WHEN y < b.first_year + b.lifetime THEN b.rate ELSE 0.6 * b.rate END
           -- the first year counts from the first order
           * CASE WHEN y = b.first_year THEN (DATE '2025-12-31' - b.first_day + 0.0) / 365 - (2025 - y) ELSE 1 END AS year_rate
FROM buyers b
CROSS JOIN range(2021, 2026) t(y)
WHERE y >= b.first_year
  AND (y = b.first_year
       OR (y < b.first_year + b.lifetime AND rnd(b.k * 10 + y - 2020, 'pause') >= 0.12)
       OR (y >= b.first_year + b.lifetime AND rnd(b.k * 10 + y - 2020, 'back') < 0.07));

-- ---------------------------------------------------------------------------
-- order_draws: the first order, the year's other orders (a fifth of them in
-- the Christmas weeks), and extra orders in the spring promos.
-- ---------------------------------------------------------------------------
CREATE TABLE order_draws AS
WITH counted AS (
    SELECT *, (CASE WHEN year = first_year THEN 0 ELSE 1 END)
              + rcount(k * 10 + year - 2020, 'count', greatest(year_rate - 1, 0.05)) AS n
    FROM active_years
),
regular AS (
    SELECT c.k, c.year, j,
           CASE WHEN rnd(c.k * 10000 + (c.year - 2020) * 1000 + j, 'xmas') < 0.22
                THEN make_date(c.year, 11, 20) + floor(rnd(c.k * 10000 + (c.year - 2020) * 1000 + j, 'xday') * 35)::INTEGER
                ELSE day_in(c.year, rnd(c.k * 10000 + (c.year - 2020) * 1000 + j, 'day')) END AS day
    FROM counted c, range(0, c.n) t(j)
),
promo AS (
    SELECT a.k, a.year, 900 AS j,
           cp.first_day + floor(rnd(a.k * 10 + a.year - 2020, 'promoday') * (cp.last_day - cp.first_day + 1))::INTEGER AS day
    FROM active_years a JOIN campaigns cp ON year(cp.first_day) = a.year
    WHERE rnd(a.k * 10 + a.year - 2020, 'promo') < 0.30
)
SELECT b.k, year(b.first_day) AS year, -1 AS j, b.first_day AS day FROM buyers b
UNION ALL
SELECT r.k, r.year, r.j, r.day FROM regular r JOIN buyers b USING (k) WHERE r.day > b.first_day
UNION ALL
SELECT p.k, p.year, p.j, p.day FROM promo p JOIN buyers b USING (k) WHERE p.day > b.first_day;

-- ---------------------------------------------------------------------------
-- orders: channel, fulfilment, categories, amount, promo code.
-- ---------------------------------------------------------------------------
CREATE TABLE orders AS
WITH keyed AS (
    SELECT d.*, p.*, (d.k * 10000 + (d.year - 2020) * 1000 + d.j + 1) AS ok,
           cp.campaign AS promo_campaign
    FROM order_draws d JOIN people p USING (k)
    LEFT JOIN campaigns cp ON d.day BETWEEN cp.first_day AND cp.last_day
),
channeled AS (
    SELECT *,
        -- digital shares grow 3 points a year (the app's only for its users)
        CASE WHEN app_user THEN CASE stage WHEN 'student' THEN 0.42 WHEN 'working' THEN 0.20 WHEN 'family' THEN 0.20 ELSE 0.10 END + 0.03 * (year - 2021) ELSE 0 END AS app_share,
        CASE stage WHEN 'student' THEN 0.14 WHEN 'working' THEN 0.36 WHEN 'family' THEN 0.26 ELSE 0.08 END + 0.02 * (year - 2021) AS web_share
    FROM keyed
),
placed AS (
    SELECT *,
        CASE WHEN rnd(ok, 'channel') < app_share THEN 'app'
             WHEN rnd(ok, 'channel') < app_share + web_share THEN 'web'
             ELSE 'store' END AS channel,
        1 + (rnd(ok, 'cat2') < CASE stage WHEN 'family' THEN 0.42 WHEN 'student' THEN 0.15 ELSE 0.28 END)::INTEGER
          + (rnd(ok, 'cat3') < CASE stage WHEN 'family' THEN 0.15 ELSE 0.06 END)::INTEGER AS n_cats
    FROM channeled
)
SELECT customer_id, k, ok, stage, origin, app_user, day, channel,
       CASE WHEN channel = 'store' THEN shop_time(day, rnd(ok, 'time')) ELSE web_time(day, rnd(ok, 'time')) END AS ts,
       CASE WHEN channel = 'store' THEN 'in_store'
            WHEN rnd(ok, 'collect') < CASE stage WHEN 'family' THEN 0.42 WHEN 'working' THEN 0.26 WHEN 'student' THEN 0.18 ELSE 0.22 END + 0.04 * (year - 2021) THEN 'click_collect'
            ELSE 'delivery' END AS fulfilment,
       -- distinct categories, the first one by life stage
       list_distinct(list_transform(range(n_cats), c -> CASE WHEN c = 0 THEN
           CASE stage WHEN 'student' THEN wpick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], [35, 35, 18, 8, 4, 0], rnd(ok, 'cat'))
                      WHEN 'working' THEN wpick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], [24, 24, 16, 14, 20, 2], rnd(ok, 'cat'))
                      WHEN 'family'  THEN wpick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], [16, 10, 10, 8, 22, 34], rnd(ok, 'cat'))
                      ELSE wpick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], [16, 10, 4, 22, 36, 12], rnd(ok, 'cat')) END
           ELSE pick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], rnd(ok, 'cat/' || c)) END)) AS categories,
       -- impulse purchases make store baskets bigger, app baskets are quick ones
       greatest(round(basket * exp(0.35 * rnorm(ok, 'amount')) * (1 + 0.45 * (n_cats - 1))
                      * CASE channel WHEN 'store' THEN 1.15 WHEN 'app' THEN 0.8 ELSE 1 END, 2), 3.0)::DOUBLE AS amount,
       (n_cats + floor(rexp(ok, 'items', 1.5)))::INTEGER AS items,
       promo_campaign,
       -- a promo code: the welcome code of his origin on a first order, or
       -- a spring code (its channel: see spring_codes)
       CASE WHEN j = -1 AND origin = 'word_of_mouth' AND rnd(ok, 'welcome') < 0.45 THEN 'FRIEND'
            WHEN j = -1 AND origin NOT IN ('store', 'word_of_mouth') AND rnd(ok, 'welcome') < 0.30
                THEN 'WELCOME-' || upper(replace(origin, '_ads', ''))
            WHEN promo_campaign IS NOT NULL AND rnd(ok, 'spring') < 0.40 THEN 'spring'
            END AS code_kind
FROM placed;

-- The spring code's channel: among those of the campaign's media mix, by
-- life stage (students social, seniors flyers and TV...); 2024 had no TV.
CREATE TABLE spring_codes AS
SELECT ok, promo_campaign AS campaign,
       CASE WHEN promo_campaign = 'spring_2024' THEN
           CASE stage WHEN 'student' THEN wpick(['social_ads', 'email', 'sms', 'flyer'], [60, 15, 20, 5], rnd(ok, 'code'))
                      WHEN 'senior'  THEN wpick(['social_ads', 'email', 'sms', 'flyer'], [5, 45, 15, 35], rnd(ok, 'code'))
                      ELSE wpick(['social_ads', 'email', 'sms', 'flyer'], [25, 35, 15, 25], rnd(ok, 'code')) END
       ELSE
           CASE stage WHEN 'student' THEN wpick(['social_ads', 'email', 'sms', 'flyer', 'tv', 'store'], [50, 10, 15, 3, 7, 15], rnd(ok, 'code'))
                      WHEN 'senior'  THEN wpick(['social_ads', 'email', 'sms', 'flyer', 'tv', 'store'], [3, 35, 10, 22, 20, 10], rnd(ok, 'code'))
                      ELSE wpick(['social_ads', 'email', 'sms', 'flyer', 'tv', 'store'], [20, 25, 10, 15, 15, 15], rnd(ok, 'code')) END
       END AS code_channel
FROM orders WHERE code_kind = 'spring';

-- ranked_orders: each order's rank in the customer's history, its promo
-- code, and the part of its amount in categories new to the customer.
CREATE TABLE ranked_orders AS
WITH ranked AS (
    SELECT o.*, row_number() OVER (PARTITION BY customer_id ORDER BY ts, ok) AS order_rank
    FROM orders o
),
firsts AS (  -- the rank of the first order of each (customer, category)
    SELECT customer_id, cat, min(order_rank) AS first_rank
    FROM (SELECT customer_id, order_rank, unnest(categories) AS cat FROM ranked)
    GROUP BY ALL
),
new_cats AS (
    SELECT r.ok, count(*) FILTER (WHERE f.first_rank = r.order_rank) AS n_new
    FROM (SELECT ok, customer_id, order_rank, unnest(categories) AS cat FROM ranked) r
    JOIN firsts f USING (customer_id, cat)
    GROUP BY r.ok
)
SELECT r.*, s.campaign AS code_campaign, s.code_channel,
       CASE WHEN r.code_kind = 'spring' THEN 'SPRING' || right(s.campaign, 2) || '-' || upper(replace(s.code_channel, '_ads', ''))
            ELSE r.code_kind END AS promo_code,
       -- the amount spread evenly over the basket's categories
       round(r.amount * n.n_new / len(r.categories), 2) AS new_category_amount
FROM ranked r JOIN new_cats n USING (ok)
LEFT JOIN spring_codes s USING (ok);

-- ---------------------------------------------------------------------------
-- Views: product views on the web or in the app (one row per viewed
-- product page): before online orders, before store orders (ROPO), and
-- browsing that leads nowhere, prospects included.
-- ---------------------------------------------------------------------------
CREATE TABLE views AS
WITH before_online AS (  -- 1-3 views in the order's channel, up to two days before
    SELECT o.customer_id, o.channel, o.categories[1] AS category,
           o.ts - to_seconds(floor(rexp(o.ok * 10 + v, 'lead', 20000))::BIGINT + 60) AS ts
    FROM ranked_orders o, range(0, 1 + floor(rnd(o.ok, 'nviews') * 3)::INTEGER) t(v)
    WHERE o.channel <> 'store'
),
ropo AS (  -- research online, purchase offline: a view of the same category 1-14 days before
    SELECT o.customer_id,
           CASE WHEN o.app_user AND rnd(o.ok, 'ropoapp') < 0.6 THEN 'app' ELSE 'web' END AS channel,
           o.categories[1] AS category,
           web_time(o.day - (1 + least(floor(rexp(o.ok, 'ropodays', 4)), 13))::INTEGER, rnd(o.ok, 'ropotime')) AS ts
    FROM ranked_orders o
    WHERE o.channel = 'store'
      AND rnd(o.ok, 'ropo') < CASE o.stage WHEN 'student' THEN 0.40 WHEN 'working' THEN 0.36 WHEN 'family' THEN 0.32 ELSE 0.08 END
                              + 0.03 * (year(o.day) - 2021)
),
browsing AS (  -- browsing per year since joining, by digital affinity
    SELECT p.customer_id,
           CASE WHEN p.app_user AND rnd(p.k * 1000 + (y - 2020) * 100 + v, 'bapp') < 0.6 THEN 'app' ELSE 'web' END AS channel,
           pick(['fashion', 'tech', 'sport', 'beauty', 'home', 'kids'], rnd(p.k * 1000 + (y - 2020) * 100 + v, 'bcat')) AS category,
           web_time(day_in(y, rnd(p.k * 1000 + (y - 2020) * 100 + v, 'bday')), rnd(p.k * 1000 + (y - 2020) * 100 + v, 'btime')) AS ts
    FROM people p, range(2021, 2026) t(y),
         range(0, rcount(p.k * 10 + y - 2020, 'nbrowse', 3.5 * p.digital)) u(v)
    WHERE y >= year(p.join_day)
)
SELECT customer_id, channel, category, ts FROM before_online
UNION ALL SELECT customer_id, channel, category, ts FROM ropo
UNION ALL SELECT customer_id, channel, category, ts FROM browsing;

-- ---------------------------------------------------------------------------
-- Media touchpoints: email opens and clicks, SMS, social and search ad
-- clicks, flyers' and posters' QR codes, store visits (app check-ins).
-- ---------------------------------------------------------------------------
-- Sends: a newsletter on the 5th of each month, two more in each spring promo.
CREATE TABLE sends AS
SELECT make_date(y, m, 5) AS day, NULL::VARCHAR AS campaign, y * 100 + m AS sk FROM range(2021, 2026) a(y), range(1, 13) b(m)
UNION ALL
SELECT first_day + o, campaign, year(first_day) * 100 + 50 + o FROM campaigns, (VALUES (0), (14)) t(o);

CREATE TABLE email_touches AS
WITH opens AS (
    SELECT p.customer_id, s.campaign, p.k * 1000000 + s.sk AS ek,
           web_time(s.day + floor(rexp(p.k * 1000000 + s.sk, 'openlag', 0.8))::INTEGER, rnd(p.k * 1000000 + s.sk, 'opentime')) AS ts
    FROM people p JOIN sends s ON s.day >= p.join_day
    WHERE p.email_opt_in
      AND rnd(p.k * 1000000 + s.sk, 'open') < CASE p.stage WHEN 'senior' THEN 0.34 WHEN 'family' THEN 0.24 WHEN 'working' THEN 0.19 ELSE 0.11 END
)
SELECT customer_id, 'email' AS channel, 'email_open' AS event, campaign, ts FROM opens
UNION ALL
SELECT customer_id, 'email', 'email_click', campaign, ts + INTERVAL 3 MINUTE FROM opens WHERE rnd(ek, 'click') < 0.22;

CREATE TABLE media_touches AS
-- SMS: winter sales, back to school, Black Friday, and each spring promo
SELECT p.customer_id, 'sms' AS channel, 'sms_received' AS event, s.campaign, s.day::TIMESTAMP + INTERVAL 11 HOUR AS ts
FROM people p JOIN (
    SELECT make_date(y, m, d) AS day, NULL::VARCHAR AS campaign FROM range(2021, 2026) a(y), (VALUES (1, 8), (9, 1), (11, 24)) b(m, d)
    UNION ALL SELECT first_day + 1, campaign FROM campaigns) s ON s.day >= p.join_day
WHERE p.sms_opt_in
UNION ALL
-- social ad clicks through the year, more in the spring promos
SELECT p.customer_id, 'social_ads', 'ad_click', NULL,
       web_time(day_in(y, rnd(p.k * 1000 + (y - 2020) * 100 + v, 'sday')), rnd(p.k * 1000 + (y - 2020) * 100 + v, 'stime'))
FROM people p, range(2021, 2026) t(y),
     range(0, rcount(p.k * 10 + y - 2020, 'nsocial', CASE p.stage WHEN 'student' THEN 1.6 WHEN 'senior' THEN 0.1 ELSE 0.5 END)) u(v)
WHERE y >= year(p.join_day)
UNION ALL
SELECT p.customer_id, 'social_ads', 'ad_click', cp.campaign,
       web_time(cp.first_day + floor(rnd(p.k, cp.campaign || 'sd') * 28)::INTEGER, rnd(p.k, cp.campaign || 'st'))
FROM people p JOIN campaigns cp ON cp.first_day >= p.join_day
WHERE rnd(p.k, cp.campaign || 'social') < CASE p.stage WHEN 'student' THEN 0.45 WHEN 'senior' THEN 0.02 ELSE 0.15 END
UNION ALL
-- search ad clicks just before some online orders
SELECT customer_id, 'search_ads', 'ad_click', NULL, ts - INTERVAL 25 MINUTE
FROM ranked_orders
WHERE channel <> 'store' AND rnd(ok, 'search') < CASE stage WHEN 'working' THEN 0.30 ELSE 0.15 END
UNION ALL
-- store posters with a QR code (spring 2025), shelf labels always
SELECT customer_id, 'store', 'qr_scan', CASE WHEN promo_campaign = 'spring_2025' THEN 'spring_2025' END, ts - INTERVAL 10 MINUTE
FROM ranked_orders
WHERE channel = 'store'
  AND rnd(ok, 'qr') < CASE WHEN promo_campaign = 'spring_2025' THEN 0.25 ELSE 0.03 END + CASE WHEN stage = 'student' THEN 0.06 ELSE 0 END
UNION ALL
-- flyers: a drop on the first Monday of each month; some scan its QR code
SELECT p.customer_id, 'flyer', 'qr_scan', NULL,
       web_time(f.day + floor(rnd(p.k * 100000 + f.fk, 'flyerlag') * 5)::INTEGER, rnd(p.k * 100000 + f.fk, 'flyertime'))
FROM people p JOIN (
    SELECT d AS day, year(d) * 100 + month(d) AS fk
    FROM (SELECT unnest(generate_series(DATE '2021-01-04', DATE '2025-12-29', INTERVAL 7 DAY))::DATE AS d)
    WHERE day(d) <= 7) f ON f.day >= p.join_day
WHERE rnd(p.k * 100000 + f.fk, 'flyer') < CASE p.stage WHEN 'senior' THEN 0.035 WHEN 'family' THEN 0.03 ELSE 0.006 END
UNION ALL
-- store visits without a purchase, seen through the app's check-in
SELECT p.customer_id, 'store', 'store_visit', NULL,
       shop_time(day_in(y, rnd(p.k * 1000 + (y - 2020) * 100 + v, 'vday')), rnd(p.k * 1000 + (y - 2020) * 100 + v, 'vtime'))
FROM people p, range(2021, 2026) t(y), range(0, rcount(p.k * 10 + y - 2020, 'nvisit', 1.2)) u(v)
WHERE p.app_user AND y >= year(p.join_day);

-- ---------------------------------------------------------------------------
-- Acquisition traces before the first order, by origin, and the survey.
-- ---------------------------------------------------------------------------
CREATE TABLE acquisition_touches AS
SELECT b.customer_id, b.origin AS channel,
       CASE b.origin WHEN 'flyer' THEN 'qr_scan' ELSE 'ad_click' END AS event,
       NULL::VARCHAR AS campaign,
       o.ts - to_seconds((3600 + floor(rexp(b.k, 'acqlag', 6 * 86400)))::BIGINT) AS ts
FROM buyers b JOIN ranked_orders o ON o.customer_id = b.customer_id AND o.order_rank = 1
WHERE rnd(b.k, 'acqtouch') < CASE b.origin WHEN 'search_ads' THEN 0.8 WHEN 'social_ads' THEN 0.7 WHEN 'flyer' THEN 0.3 ELSE 0 END
UNION ALL
-- "How did you hear of us?" at the first order: half answer, one in six wrongly
SELECT o.customer_id,
       CASE WHEN rnd(o.ok, 'truth') < 0.83 THEN o.origin
            ELSE pick(['tv', 'social_ads', 'search_ads', 'flyer', 'word_of_mouth', 'store'], rnd(o.ok, 'lie')) END,
       'survey_answer', NULL, o.ts - INTERVAL 2 MINUTE
FROM ranked_orders o
WHERE o.order_rank = 1 AND rnd(o.ok, 'survey') < CASE WHEN o.channel = 'store' THEN 0.6 ELSE 0.4 END;

-- ---------------------------------------------------------------------------
-- Daily sales without a customer: store receipts without a loyalty card
-- (identification grows from 58% to 74% of store sales), and partner sales.
-- ---------------------------------------------------------------------------
CREATE TABLE daily_sales AS
WITH days AS (
    SELECT d::DATE AS day FROM (SELECT unnest(generate_series(DATE '2021-01-02', DATE '2025-12-31', INTERVAL 1 DAY)) AS d)
    WHERE day(d) <> 1 OR month(d) <> 1
),
store AS (
    SELECT o.day, sum(o.amount) AS amount, count(*) AS n
    FROM ranked_orders o WHERE o.channel = 'store' GROUP BY o.day
)
SELECT d.day, 'store' AS channel, 'unidentified_sales' AS event,
       round(coalesce(s.amount, 40) * (1 - r) / r * exp(0.2 * rnorm(year(d.day) * 1000 + dayofyear(d.day), 'anon')), 2) AS amount,
       greatest(round(coalesce(s.n, 1) * (1 - r) / r * exp(0.2 * rnorm(year(d.day) * 1000 + dayofyear(d.day), 'anon'))), 1)::INTEGER AS receipts
FROM days d LEFT JOIN store s USING (day), LATERAL (SELECT 0.58 + 0.04 * (year(d.day) - 2021) AS r)
UNION ALL
SELECT day, ch, 'partner_sale',
       round(base * pow(growth, year(day) - 2021) * CASE WHEN month(day) = 12 THEN 1.8 ELSE 1 END
             * exp(0.3 * rnorm(year(day) * 1000 + dayofyear(day), ch)), 2),
       greatest(round(base * pow(growth, year(day) - 2021) * CASE WHEN month(day) = 12 THEN 1.8 ELSE 1 END / 48
             * exp(0.3 * rnorm(year(day) * 1000 + dayofyear(day), ch))), 1)::INTEGER
FROM days, (VALUES ('marketplace', 180.0, 1.25), ('partner_stores', 140.0, 1.02)) p(ch, base, growth);

-- ---------------------------------------------------------------------------
-- touchpoints: everything, one schema.
-- ---------------------------------------------------------------------------
CREATE TABLE touchpoints AS
SELECT customer_id, ts, channel, 'order' AS event,
       code_campaign AS campaign,
       printf('O%07d', row_number() OVER (ORDER BY ts, customer_id, ok)) AS order_id,
       amount, 1 AS receipts, items, categories, fulfilment, promo_code, order_rank::INTEGER AS order_rank,
       new_category_amount::DOUBLE AS new_category_amount, NULL::VARCHAR AS answer, ok
FROM ranked_orders;

INSERT INTO touchpoints
-- a redeemed promo code: a touchpoint of the channel that gave it out
SELECT t.customer_id, t.ts - INTERVAL 1 MINUTE,
       coalesce(o.code_channel, o.origin), 'promo_redemption', t.campaign, t.order_id,
       NULL, NULL, NULL, NULL, NULL, t.promo_code, NULL, NULL, NULL, NULL
FROM touchpoints t JOIN ranked_orders o USING (ok)
WHERE t.promo_code IS NOT NULL
UNION ALL
SELECT customer_id, ts, channel, 'product_view', NULL, NULL, NULL, NULL, NULL, [category], NULL, NULL, NULL, NULL, NULL, NULL FROM views
UNION ALL
SELECT customer_id, ts, channel, event, campaign, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM email_touches
UNION ALL
SELECT customer_id, ts, channel, event, campaign, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM media_touches
UNION ALL
SELECT customer_id, ts, channel, event, campaign, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       CASE WHEN event = 'survey_answer' THEN
           CASE channel WHEN 'tv' THEN 'tv' WHEN 'social_ads' THEN 'social media' WHEN 'search_ads' THEN 'web search'
                        WHEN 'flyer' THEN 'flyer' WHEN 'word_of_mouth' THEN 'a friend' ELSE 'passing by a store' END END, NULL
FROM acquisition_touches
UNION ALL
SELECT NULL, day::TIMESTAMP + INTERVAL 21 HOUR, channel, event, NULL, NULL, amount, receipts, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM daily_sales;

-- ---------------------------------------------------------------------------
-- spend: EUR per day and channel (campaign NULL: always on), plus the spring
-- promos' budgets (campaign set).
-- ---------------------------------------------------------------------------
CREATE TABLE spend AS
WITH days AS (
    SELECT d::DATE AS day FROM (SELECT unnest(generate_series(DATE '2021-01-01', DATE '2025-12-31', INTERVAL 1 DAY)) AS d)
),
always_on AS (
    SELECT day, ch AS channel, NULL::VARCHAR AS campaign,
           round(base * pow(growth, year(day) - 2021) * exp(0.25 * rnorm(year(day) * 1000 + dayofyear(day), ch)), 2) AS eur
    FROM days, (VALUES ('search_ads', 38.0, 1.08), ('social_ads', 26.0, 1.15), ('email', 7.0, 1.0)) c(ch, base, growth)
    UNION ALL  -- TV: three weeks in October each year
    SELECT day, 'tv', NULL, round(650 * exp(0.1 * rnorm(year(day) * 1000 + dayofyear(day), 'tv')), 2)
    FROM days WHERE month(day) = 10 AND day(day) BETWEEN 5 AND 25
    UNION ALL  -- flyers: the monthly drop
    SELECT day, 'flyer', NULL, 1150.0 FROM days WHERE isodow(day) = 1 AND day(day) <= 7
    UNION ALL  -- SMS: 0.07 EUR per message
    SELECT ts::DATE, 'sms', NULL, round(0.07 * count(*), 2) FROM media_touches WHERE channel = 'sms' AND campaign IS NULL GROUP BY ALL
    UNION ALL  -- referral rewards: 10 EUR per FRIEND code used
    SELECT ts::DATE, 'word_of_mouth', NULL, 10.0 * count(*) FROM touchpoints
    WHERE event = 'promo_redemption' AND channel = 'word_of_mouth' GROUP BY ALL
),
promo AS (
    SELECT d.day, b.channel, cp.campaign, round(b.eur / (cp.last_day - cp.first_day + 1), 2) AS eur
    FROM campaigns cp JOIN days d ON d.day BETWEEN cp.first_day AND cp.last_day
    JOIN (VALUES ('spring_2024', 'social_ads', 9000.0), ('spring_2024', 'email', 800.0), ('spring_2024', 'sms', 1400.0),
                 ('spring_2024', 'flyer', 6000.0),
                 ('spring_2025', 'social_ads', 9000.0), ('spring_2025', 'email', 800.0), ('spring_2025', 'sms', 1400.0),
                 ('spring_2025', 'flyer', 4000.0), ('spring_2025', 'tv', 14000.0), ('spring_2025', 'store', 2500.0)) b(campaign, channel, eur)
      ON b.campaign = cp.campaign
)
SELECT * FROM always_on UNION ALL SELECT * FROM promo;

-- ---------------------------------------------------------------------------
-- Outputs, fully ordered for byte-identical reruns.
-- ---------------------------------------------------------------------------
COPY (
    SELECT customer_id, age, age_band, children, household_size, occupation, region, email_opt_in, sms_opt_in
    FROM people ORDER BY customer_id
) TO 'customers.csv' (HEADER);

COPY (
    SELECT customer_id, ts, channel, event, campaign, order_id, amount, receipts, items, categories,
           fulfilment, promo_code, order_rank, new_category_amount, answer
    FROM touchpoints
    WHERE ts >= TIMESTAMP '2021-01-02' AND ts < TIMESTAMP '2026-01-01' AND NOT (month(ts) = 1 AND day(ts) = 1)
    ORDER BY ts, customer_id NULLS FIRST, channel, event, order_id
) TO 'touchpoints.parquet' (FORMAT parquet, COMPRESSION zstd);

COPY (
    SELECT day, channel, campaign, eur FROM spend ORDER BY day, channel, campaign NULLS FIRST
) TO 'spend.csv' (HEADER);

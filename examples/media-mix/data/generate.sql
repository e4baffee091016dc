-- =============================================================================
-- omni example data set: "media-mix" (regenerate: go run ./examples/gen examples/media-mix/data)
--
-- Boulangeries Miette, a fictional chain of eight bakeries around Lyon,
-- Grenoble, Annecy and Saint-Etienne, and its known audience of 8,000 people
-- (loyalty members, app users, consenting web visitors) from 2025-11-01 to
-- 2026-10-31, month by month, on three media families:
--   owned   website (direct and organic sessions), newsletter, app_push,
--           shop_signage (QR codes on posters in the shops: offline)
--   paid    search_ads, social_ads, display, direct_mail (coupon postcards:
--           offline)
--   earned  social (shares and mentions of the brand, visits from shared
--           links), reviews (Google and TripAdvisor reviews)
-- Three campaigns: GALETTE (2026-01-02 .. 01-31, Epiphany), SPRING
-- (2026-03-16 .. 04-30, the new sourdough range, Easter) and SUMMER
-- (2026-06-15 .. 08-31, iced drinks and picnic boxes, a hashtag contest).
--
-- Outputs (relative to this directory):
--   people.csv           one row per person (attributes)
--   touchpoints.parquet  one row per touchpoint
--   spend.csv            EUR per day and channel (paid media, owned production)
--
-- Modelling choices, in short:
--   * Each person has latent traits: an activity level (lognormal), a digital
--     affinity and a social propensity that fall with age.
--   * A quarter are loyalty members or visited the site before the data
--     starts; the others discover the brand on a day of the year (their
--     arrival, with a first visit), and nothing of them shows before. A
--     third of the newcomers come back as often as the regulars.
--   * Events are drawn per person, month and slot (up to 8 a month) with a
--     probability per channel; each accepted slot gets a day of the month.
--     Campaign-only levers (social ads, display, QR posters) keep the slots
--     that fall in a campaign window; search ads run always-on and twice as
--     hard during campaigns. Every touch inside a campaign window on a paid
--     or owned lever carries the campaign code, and so do earned posts with
--     its hashtag.
--   * The site: the app relaunch of 2026-03-02 (order ahead, loyalty card in
--     the app) brings app users back more often, so the share of returning
--     visitors grows from March. Each paid click lands on a campaign landing
--     page (/lp/...) and may convert (a loyalty sign-up or a click-and-collect
--     order); so may a newsletter click and an organic session.
--   * Search ads convert better from 2026-09-01 (landing pages redesigned).
--   * Direct mail: every loyalty member with postal consent gets a coupon
--     postcard on the 3rd of each month; the offer changes on 2026-07-01
--     (a free pastry instead of 10% off), which lifts redemptions a little.
--     Social-ad clicks may claim a coupon in the app. Coupons are redeemed
--     in the shops within 28 days; a redemption row carries the channel its
--     code's prefix maps to (DM- direct_mail, SA- social_ads).
--   * Earned: shares and mentions follow each person's social propensity,
--     more during campaigns and much more during the summer contest;
--     reviews follow shop activity, with a rating and its sentiment.
--
-- Determinism: no random()/setseed. Every random draw is rnd(key, salt), a
-- hash of a stable integer key and a salt naming the draw, and every output
-- is fully ordered, so two runs (threads=1) write byte-identical files.
-- =============================================================================

-- Uniform in [0, 1), a pure function of (key, salt).
CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
-- Standard normal (Box-Muller on two independent uniforms).
CREATE MACRO rnorm(key, salt) AS
    sqrt(-2 * ln(1 - rnd(key, salt || '/1'))) * cos(2 * pi() * rnd(key, salt || '/2'));
-- Element of list xs chosen by the uniform u.
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];
-- Timestamp `secs` seconds after midnight of day d (whole seconds).
CREATE MACRO at_secs(d, secs) AS d::TIMESTAMP + to_seconds(floor(secs)::BIGINT);
-- Seconds after midnight for online activity: 07:00-23:00, busiest at lunch
-- and in the evening.
CREATE MACRO online_secs(key, salt) AS
    CASE WHEN rnd(key, salt || '/peak') < 0.5 THEN 41400 + 7200 * rnd(key, salt || '/t')
         ELSE 25200 + 57600 * rnd(key, salt || '/t') END;
-- Seconds after midnight in a shop: 07:00-19:30.
CREATE MACRO shop_secs(key, salt) AS 25200 + 45000 * rnd(key, salt);

-- ---------------------------------------------------------------------------
-- month: the twelve months, with the seasonality of bakery visits (Christmas
-- and the galette high, August low).
-- ---------------------------------------------------------------------------
CREATE TABLE month AS
SELECT m, first_day, (first_day + INTERVAL 1 MONTH)::DATE - first_day AS days,
       [1.0, 1.3, 1.2, 0.9, 1.0, 1.1, 1.0, 0.95, 0.85, 0.6, 1.0, 1.0][m + 1] AS season
FROM (SELECT m, (DATE '2025-11-01' + to_months(m))::DATE AS first_day FROM range(12) t(m));

CREATE TABLE campaign AS
SELECT * FROM (VALUES
    ('GALETTE', DATE '2026-01-02', DATE '2026-01-31', '/lp/galette'),
    ('SPRING', DATE '2026-03-16', DATE '2026-04-30', '/lp/sourdough'),
    ('SUMMER', DATE '2026-06-15', DATE '2026-08-31', '/lp/summer')
) t(code, first_day, last_day, landing_page);

-- ---------------------------------------------------------------------------
-- person: attributes (-> people.csv) and latent behaviour.
-- ---------------------------------------------------------------------------
CREATE TABLE person AS
WITH base AS (
    SELECT i AS n, printf('V%05d', i) AS person_id,
           pick(['lyon', 'lyon', 'lyon', 'lyon', 'grenoble', 'grenoble', 'annecy', 'saint_etienne'],
                rnd(i, 'region')) AS region,
           pick(['18-24', '25-34', '25-34', '35-49', '35-49', '35-49', '50-64', '50-64', '65+', '65+'],
                rnd(i, 'age')) AS age_band,
           exp(0.6 * rnorm(i, 'activity') - 0.18) AS activity
    FROM range(1, 8001) t(i)
), traits AS (
    SELECT *,
           CASE age_band WHEN '18-24' THEN 1.4 WHEN '25-34' THEN 1.3 WHEN '35-49' THEN 1.0
                         WHEN '50-64' THEN 0.7 ELSE 0.45 END AS digital,
           CASE age_band WHEN '18-24' THEN 2.0 WHEN '25-34' THEN 1.5 WHEN '35-49' THEN 1.0
                         WHEN '50-64' THEN 0.6 ELSE 0.3 END
               * exp(0.8 * rnorm(n, 'social') - 0.32) AS social,
           rnd(n, 'member') < 0.12 + 0.08 * least(activity, 2) AS loyalty_member
    FROM base
)
SELECT *,
       loyalty_member AND rnd(n, 'postal') < 0.9 AS postal_optin,
       rnd(n, 'optin') < CASE WHEN loyalty_member THEN 0.7 ELSE 0.08 END AS newsletter_optin,
       rnd(n, 'app') < CASE WHEN loyalty_member THEN 0.55 ELSE 0.08 END * digital AS app_user,
       -- the home shop, in the person's region
       CASE region
           WHEN 'lyon' THEN pick(['lyon_bellecour', 'lyon_croix_rousse', 'lyon_part_dieu', 'villeurbanne'], rnd(n, 'shop'))
           WHEN 'grenoble' THEN pick(['grenoble_centre', 'meylan'], rnd(n, 'shop'))
           WHEN 'annecy' THEN 'annecy_vieille_ville'
           ELSE 'saint_etienne_centre' END AS shop,
       -- some visited the site before the data starts, members more often
       CASE WHEN rnd(n, 'prior') < CASE WHEN loyalty_member THEN 0.9 ELSE 0.12 END * least(digital, 1)
            THEN DATE '2023-01-01' + floor(1034 * rnd(n, 'prior_day'))::INTEGER END AS prior_visit,
       -- arrival: the day a person new to the brand discovers it, with a
       -- first visit (NULL for members and prior visitors, known from the
       -- start). Nothing of the person shows before.
       CASE WHEN NOT loyalty_member AND rnd(n, 'prior') >= 0.12 * least(digital, 1)
            THEN DATE '2025-11-01' + floor(365 * rnd(n, 'arrival'))::INTEGER END AS arrival,
       -- a third of the newcomers come back as often as the regulars; the
       -- others, rarely
       rnd(n, 'stays') < 0.33 AS stays
FROM traits;

-- grid: person x month x slot k (0..7), with the slot's day; each channel
-- draws its acceptance with a salt of its own.
CREATE TABLE grid AS
SELECT p.n, mo.m, mo.season, k, (p.n * 12 + mo.m) * 8 + k AS key,
       mo.first_day + floor(mo.days * rnd((p.n * 12 + mo.m) * 8 + k, 'day'))::INTEGER AS day
FROM person p CROSS JOIN month mo CROSS JOIN range(8) t(k);

-- The campaign running on a day (NULL when none).
CREATE TABLE day_campaign AS
SELECT d::DATE AS day, c.code AS campaign, c.landing_page
FROM range(DATE '2025-11-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d)
LEFT JOIN campaign c ON d::DATE BETWEEN c.first_day AND c.last_day;

-- ---------------------------------------------------------------------------
-- sessions: site visits, one row per session, with the channel that brought
-- it (the web analytics' channel grouping) and its landing page.
-- ---------------------------------------------------------------------------
-- Organic and direct sessions (owned: website), from the person's arrival
-- on, which brings a first visit (through a search engine, or a link a
-- friend shared: social). App users visit more from the app relaunch on
-- 2026-03-02.
CREATE TABLE organic AS
SELECT g.n, g.key, 'website' AS channel, NULL::VARCHAR AS campaign,
       pick(['/', '/', '/shops', '/menu', '/menu', '/order', '/loyalty'], rnd(g.key, 'page')) AS landing_page,
       at_secs(g.day, online_secs(g.key, 'visit_time')) AS ts
FROM grid g JOIN person p USING (n)
WHERE g.day >= coalesce(p.arrival, DATE '2025-11-01')
  AND rnd(g.key, 'organic') < 0.02 * p.activity * p.digital * g.season
          * CASE WHEN p.app_user AND g.day >= DATE '2026-03-02' THEN 2.2 ELSE 1 END
          * CASE WHEN p.arrival IS NOT NULL AND NOT p.stays THEN 0.25 ELSE 1 END
UNION ALL
SELECT n, n * 10000 AS key, CASE WHEN rnd(n, 'arrival_channel') < 0.7 THEN 'website' ELSE 'social' END,
       NULL, '/', at_secs(arrival, online_secs(n, 'arrival_time'))
FROM person WHERE arrival IS NOT NULL;

-- Newsletter (owned): sent to opted-in people on the 2nd of each month at
-- 08:00, and on the first day of each campaign. ~32% open, ~14% of
-- opens click through to the site.
CREATE TABLE blast AS
SELECT row_number() OVER (ORDER BY day) AS blast_id, day, campaign, landing_page
FROM (
    SELECT (first_day + 1)::DATE AS day FROM month
    UNION ALL SELECT first_day FROM campaign
) b JOIN day_campaign USING (day);

CREATE TABLE newsletter AS
WITH sent AS (
    SELECT p.n, p.digital, b.campaign, b.landing_page, p.n * 100 + b.blast_id AS key,
           at_secs(b.day, 28800 + 900 * rnd(p.n * 100 + b.blast_id, 'jitter')) AS ts
    FROM person p CROSS JOIN blast b
    WHERE p.newsletter_optin AND b.day >= coalesce(p.arrival, DATE '2025-11-01')
), opened AS (
    SELECT *, ts + to_seconds(floor(60 + 172800 * pow(rnd(key, 'open_delay'), 3))::BIGINT) AS open_ts
    FROM sent WHERE rnd(key, 'open') < 0.24 * sqrt(digital) * CASE WHEN campaign IS NULL THEN 1 ELSE 1.2 END
), clicked AS (
    SELECT *, open_ts + to_seconds(floor(5 + 120 * rnd(key, 'click_delay'))::BIGINT) AS click_ts
    FROM opened WHERE rnd(key, 'click') < 0.14
)
SELECT n, key, ts, 'newsletter_sent' AS event, 'exposure' AS funnel, campaign, NULL::VARCHAR AS landing_page FROM sent
UNION ALL SELECT n, key, open_ts, 'newsletter_open', 'engagement', campaign, NULL FROM opened
UNION ALL SELECT n, key, click_ts, 'newsletter_click', 'engagement', campaign, NULL FROM clicked
UNION ALL SELECT n, key, click_ts + INTERVAL 2 SECOND, 'site_visit', 'engagement', campaign,
                 coalesce(landing_page, '/menu') FROM clicked;

-- App push (owned): app users, on the 9th of each month and on the second
-- day of each campaign, 11:30; ~15% open.
CREATE TABLE push AS
WITH sent AS (
    SELECT p.n, p.n * 100 + 50 + row_number() OVER (PARTITION BY p.n ORDER BY d.day) AS key,
           at_secs(d.day, 41400) AS ts, d.campaign
    FROM person p
    CROSS JOIN (SELECT (first_day + 8)::DATE AS day FROM month
                UNION ALL SELECT (first_day + 1)::DATE FROM campaign) x
    JOIN day_campaign d USING (day)
    WHERE p.app_user AND d.day >= coalesce(p.arrival, DATE '2025-11-01')
)
SELECT n, key, ts, 'push_sent' AS event, 'exposure' AS funnel, campaign FROM sent
UNION ALL
SELECT n, key, ts + to_seconds(floor(30 + 14400 * pow(rnd(key, 'push_delay'), 2))::BIGINT),
       'push_open', 'engagement', campaign
FROM sent WHERE rnd(key, 'push_open') < 0.15;

-- Shop signage (owned, offline): QR codes on the campaign posters, scanned
-- with the app in the person's home shop.
CREATE TABLE signage AS
SELECT g.n, g.key, at_secs(g.day, shop_secs(g.key, 'scan_time')) AS ts, d.campaign, p.shop
FROM grid g JOIN person p USING (n) JOIN day_campaign d USING (day)
WHERE p.app_user AND d.campaign IS NOT NULL AND g.k < 2 AND g.day >= coalesce(p.arrival, DATE '2025-11-01')
  AND rnd(g.key, 'scan') < 0.09 * p.activity * g.season;

-- ---------------------------------------------------------------------------
-- Paid: ad impressions and clicks. Search always-on (twice as hard during
-- campaigns), social ads and display during campaigns only.
-- ---------------------------------------------------------------------------
CREATE TABLE ads AS
WITH lever AS (
    SELECT * FROM (VALUES
        ('search_ads', 0.09, 0.7, 0.22, 1),
        ('social_ads', 0.075, 0.0, 0.02, 2),
        ('display', 0.05, 0.0, 0.005, 3)
    ) t(channel, p_campaign, off_campaign, ctr, ch)
), shown AS (
    SELECT g.n, g.key * 4 + l.ch AS key, l.channel, l.ctr, d.campaign, d.landing_page,
           at_secs(g.day, online_secs(g.key * 4 + l.ch, 'ad_time')) AS ts
    FROM grid g JOIN person p USING (n) JOIN day_campaign d USING (day) CROSS JOIN lever l
    WHERE g.day >= coalesce(p.arrival, DATE '2025-11-01')
      AND rnd(g.key * 4 + l.ch, 'shown') < l.p_campaign
              * CASE WHEN d.campaign IS NULL THEN l.off_campaign ELSE 1 END
              * CASE WHEN l.channel = 'search_ads' THEN p.activity * g.season ELSE 1 END
              * p.digital
)
SELECT n, key, ts, channel, campaign, landing_page, 'ad_impression' AS event, 'exposure' AS funnel,
       rnd(key, 'click') < ctr AS clicked
FROM shown;

-- Clicks land on the campaign's landing page (the shop finder outside
-- campaigns); a social-ad click may instead claim a coupon in the app.
CREATE TABLE paid_click AS
SELECT n, key, ts + to_seconds(floor(2 + 40 * rnd(key, 'click_delay'))::BIGINT) AS ts,
       channel, campaign, coalesce(landing_page, '/shops') AS landing_page,
       channel = 'social_ads' AND rnd(key, 'claim') < 0.4 AS claims_coupon
FROM ads WHERE clicked;

-- ---------------------------------------------------------------------------
-- Earned: site visits from shared links (social), and the conversions of
-- every session.
-- ---------------------------------------------------------------------------
CREATE TABLE social_visit AS
SELECT g.n, g.key, 'social' AS channel, d.campaign,
       coalesce(d.landing_page, pick(['/', '/menu', '/shops'], rnd(g.key, 'social_page'))) AS landing_page,
       at_secs(g.day, online_secs(g.key, 'social_visit_time')) AS ts
FROM grid g JOIN person p USING (n) JOIN day_campaign d USING (day)
WHERE g.k < 2 AND g.day >= coalesce(p.arrival, DATE '2025-11-01') AND rnd(g.key, 'social_visit') < 0.02 * p.social
          * CASE d.campaign WHEN 'SUMMER' THEN 2.0 WHEN NULL THEN 1 ELSE 1.4 END;

CREATE TABLE session AS
SELECT n, key, ts, channel, campaign, landing_page FROM organic
UNION ALL SELECT n, key, ts, 'newsletter', campaign, landing_page FROM newsletter WHERE event = 'site_visit'
UNION ALL SELECT n, key, ts, channel, campaign, landing_page FROM paid_click WHERE NOT claims_coupon
UNION ALL SELECT n, key, ts, channel, campaign, landing_page FROM social_visit;

-- Conversion chances per session: campaign landing pages convert best; the
-- search landing pages were redesigned on 2026-09-01.
CREATE TABLE conversion AS
SELECT n, key, ts + to_seconds(floor(60 + 600 * rnd(key, 'conv_delay'))::BIGINT) AS ts,
       channel, campaign, landing_page,
       CASE WHEN rnd(key, 'conv_type') < 0.35 THEN 'signup' ELSE 'order' END AS conversion_type
FROM session
WHERE rnd(key, 'convert') <
      CASE WHEN channel = 'search_ads' AND ts >= TIMESTAMP '2026-09-01' THEN 0.105
           WHEN channel = 'search_ads' THEN 0.09
           WHEN landing_page LIKE '/lp/%' THEN 0.07
           WHEN landing_page IN ('/order', '/loyalty') THEN 0.12
           ELSE 0.03 END;

-- ---------------------------------------------------------------------------
-- Coupons: direct-mail postcards (3rd of the month) and social-ad claims,
-- redeemed in the home shop within 28 days.
-- ---------------------------------------------------------------------------
CREATE TABLE coupon AS
WITH issued AS (
    SELECT p.n, p.n * 100 + mo.m AS key, 'direct_mail' AS channel, 'exposure' AS funnel,
           at_secs((mo.first_day + 2)::DATE, 32400) AS ts,
           printf('DM-%s-%05d', strftime(mo.first_day, '%y%m'), p.n) AS coupon_code,
           CASE WHEN mo.first_day >= DATE '2026-07-01' THEN 0.106 ELSE 0.085 END
               * (0.7 + 0.3 * least(p.activity, 2.5)) AS p_redeem
    FROM person p CROSS JOIN month mo
    WHERE p.postal_optin
    UNION ALL
    SELECT n, key, 'social_ads', 'engagement', ts,
           printf('SA-%s-%07d', strftime(ts, '%y%m'), key % 10000000), 0.2
    FROM paid_click WHERE claims_coupon
)
SELECT i.*, d.campaign, p.shop,
       CASE WHEN rnd(i.key, 'redeem') < i.p_redeem
            THEN at_secs(i.ts::DATE + 1 + least(27, floor(-ln(1 - rnd(i.key, 'redeem_day')) * 7))::INTEGER,
                         shop_secs(i.key, 'redeem_time')) END AS redeemed_ts
FROM issued i JOIN person p USING (n) JOIN day_campaign d ON d.day = i.ts::DATE;

-- ---------------------------------------------------------------------------
-- Earned: shares of the brand's posts, mentions (posts naming the brand) and
-- reviews, with their sentiment. The summer hashtag contest (#MietteEte)
-- doubles shares and mentions, and makes them more positive.
-- ---------------------------------------------------------------------------
CREATE TABLE earned AS
WITH post AS (
    SELECT g.n, g.key, g.day, d.campaign, p.social, p.activity, g.k
    FROM grid g JOIN person p USING (n) JOIN day_campaign d USING (day)
    WHERE g.day >= coalesce(p.arrival, DATE '2025-11-01')
)
SELECT n, key, at_secs(day, online_secs(key, 'share_time')) AS ts, 'social' AS channel, 'share' AS event,
       campaign, NULL::VARCHAR AS sentiment, NULL::INTEGER AS rating
FROM post
WHERE k < 3 AND rnd(key, 'share') < 0.022 * social
          * CASE campaign WHEN 'SUMMER' THEN 2.3 WHEN NULL THEN 1 ELSE 1.5 END
UNION ALL
SELECT n, key, at_secs(day, online_secs(key, 'mention_time')), 'social', 'mention',
       CASE WHEN campaign IS NOT NULL AND rnd(key, 'hashtag') < 0.6 THEN campaign END,
       CASE WHEN rnd(key, 'sentiment') < CASE WHEN campaign = 'SUMMER' THEN 0.7 ELSE 0.58 END THEN 'positive'
            WHEN rnd(key, 'sentiment') < 0.9 THEN 'neutral' ELSE 'negative' END,
       NULL
FROM post
WHERE k >= 3 AND k < 5 AND rnd(key, 'mention') < 0.02 * social
          * (1 + 0.02 * (day - DATE '2025-11-01') / 30.0)
          * CASE campaign WHEN 'SUMMER' THEN 2.0 WHEN NULL THEN 1 ELSE 1.3 END
UNION ALL
SELECT n, key, at_secs(day, online_secs(key, 'review_time')), 'reviews', 'review', NULL,
       CASE WHEN r >= 4 THEN 'positive' WHEN r = 3 THEN 'neutral' ELSE 'negative' END, r
FROM (SELECT *, pick([1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5], rnd(key, 'rating')) AS r FROM post
      WHERE k = 5 AND rnd(key, 'review') < 0.006 * activity);

-- ---------------------------------------------------------------------------
-- touchpoints: every event, with the columns of the data dictionary.
-- ---------------------------------------------------------------------------
CREATE TABLE touchpoints AS
WITH events AS (
    SELECT n, ts, channel, 'site_visit' AS event, 'engagement' AS funnel, campaign, landing_page,
           NULL::VARCHAR AS conversion_type, NULL::VARCHAR AS coupon_code, NULL::VARCHAR AS shop,
           NULL::VARCHAR AS sentiment, NULL::INTEGER AS rating
    FROM session
    UNION ALL
    SELECT n, ts, channel, 'conversion', 'conversion', campaign, landing_page, conversion_type,
           NULL, NULL, NULL, NULL
    FROM conversion
    UNION ALL
    SELECT n, ts, 'newsletter', event, funnel, campaign, NULL, NULL, NULL, NULL, NULL, NULL
    FROM newsletter WHERE event <> 'site_visit'
    UNION ALL
    SELECT n, ts, 'app_push', event, funnel, campaign, NULL, NULL, NULL, NULL, NULL, NULL FROM push
    UNION ALL
    SELECT n, ts, 'shop_signage', 'qr_scan', 'engagement', campaign, NULL, NULL, NULL, shop, NULL, NULL
    FROM signage
    UNION ALL
    SELECT n, ts, channel, event, funnel, campaign, NULL, NULL, NULL, NULL, NULL, NULL FROM ads
    UNION ALL
    SELECT n, ts, channel, 'ad_click', 'engagement', campaign, NULL, NULL, NULL, NULL, NULL, NULL
    FROM paid_click
    UNION ALL
    SELECT n, ts, channel, 'coupon_issued', funnel, campaign, NULL, NULL, coupon_code, NULL, NULL, NULL
    FROM coupon
    UNION ALL
    SELECT n, redeemed_ts, channel, 'coupon_redeemed', 'conversion', campaign, NULL, NULL, coupon_code,
           shop, NULL, NULL
    FROM coupon WHERE redeemed_ts IS NOT NULL
    UNION ALL
    SELECT n, ts, channel, event, 'engagement', campaign, NULL, NULL, NULL, NULL, sentiment, rating
    FROM earned
)
SELECT p.person_id, e.ts, e.channel, e.event, e.funnel, e.campaign, e.landing_page, e.conversion_type,
       e.coupon_code, e.shop, e.sentiment, e.rating
FROM events e JOIN person p USING (n)
WHERE e.ts < TIMESTAMP '2026-11-01 00:00:00';   -- data extraction cut-off

-- first_visit: the day of the person's first site visit ever, as the web
-- analytics knows it: before the data for prior visitors, else the first
-- session in the data; NULL for people who never visited.
CREATE TABLE people AS
SELECT p.person_id, p.region, p.age_band, p.loyalty_member, p.newsletter_optin, p.app_user,
       coalesce(p.prior_visit, v.first_day) AS first_visit, p.n
FROM person p
LEFT JOIN (SELECT person_id, min(ts)::DATE AS first_day FROM touchpoints
           WHERE event = 'site_visit' GROUP BY ALL) v USING (person_id);

-- ---------------------------------------------------------------------------
-- spend: EUR per day and channel. Paid media are bought per unit: search at
-- ~0.55 EUR a click, social ads at ~9 EUR and display at ~3.5 EUR a thousand
-- impressions (noise +-10% a day), direct mail at 0.92 EUR a postcard
-- (print and postage). Owned media carry production costs: the newsletter
-- platform (1.60 EUR a day), the app's push service (0.90 EUR a day), the
-- posters printed for each campaign (420 EUR on its first day) and the web
-- site's hosting (2.50 EUR a day). Earned media cost nothing.
-- ---------------------------------------------------------------------------
CREATE TABLE spend AS
WITH calendar AS (
    SELECT d::DATE AS day FROM range(DATE '2025-11-01', DATE '2026-11-01', INTERVAL 1 DAY) t(d)
), volume AS (
    SELECT ts::DATE AS day, channel,
           count(*) FILTER (WHERE event = 'ad_click') AS clicks,
           count(*) FILTER (WHERE event = 'ad_impression') AS impressions,
           count(*) FILTER (WHERE event = 'coupon_issued') AS coupons
    FROM touchpoints GROUP BY ALL
), grid AS (
    SELECT c.day, ch.channel, ch.i, (c.day - DATE '2025-11-01') * 10 + ch.i AS key,
           coalesce(v.clicks, 0) AS clicks, coalesce(v.impressions, 0) AS impressions,
           coalesce(v.coupons, 0) AS coupons
    FROM calendar c
    CROSS JOIN (VALUES ('search_ads', 1), ('social_ads', 2), ('display', 3), ('direct_mail', 4),
                       ('newsletter', 5), ('app_push', 6), ('shop_signage', 7), ('website', 8)) ch(channel, i)
    LEFT JOIN volume v USING (day, channel)
)
SELECT day, channel, round(CASE channel
    WHEN 'search_ads' THEN clicks * 0.55 * (0.9 + 0.2 * rnd(key, 'noise'))
    WHEN 'social_ads' THEN impressions * 0.009 * (0.9 + 0.2 * rnd(key, 'noise'))
    WHEN 'display' THEN impressions * 0.0035 * (0.9 + 0.2 * rnd(key, 'noise'))
    WHEN 'direct_mail' THEN coupons * 0.92
    WHEN 'newsletter' THEN 1.60
    WHEN 'app_push' THEN 0.90
    WHEN 'shop_signage' THEN CASE WHEN day IN (SELECT first_day FROM campaign) THEN 420 ELSE 0 END
    WHEN 'website' THEN 2.50
    END, 2)::DOUBLE AS eur
FROM grid
WHERE channel NOT IN ('search_ads', 'social_ads', 'display', 'direct_mail')
   OR clicks + impressions + coupons > 0;

-- Self-checks: fail the generation if an invariant is broken.
SELECT CASE WHEN count(*) > 0 THEN error('touchpoints outside 2025-11-01..2026-10-31: ' || count(*)) END
FROM touchpoints WHERE ts < TIMESTAMP '2025-11-01';
SELECT CASE WHEN count(*) > 0 THEN error('campaign touchpoints outside their window: ' || count(*)) END
FROM touchpoints t JOIN campaign c ON t.campaign = c.code
WHERE event NOT IN ('coupon_redeemed', 'conversion', 'newsletter_open', 'newsletter_click', 'site_visit',
                    'ad_click', 'push_open')
  AND NOT t.ts::DATE BETWEEN c.first_day AND c.last_day;

-- ---------------------------------------------------------------------------
-- Outputs, fully ordered for byte-identical reruns.
-- ---------------------------------------------------------------------------
COPY (
    SELECT person_id, region, age_band, loyalty_member, newsletter_optin, app_user, first_visit
    FROM people ORDER BY person_id
) TO 'people.csv' (HEADER);

COPY (
    SELECT * FROM touchpoints
    ORDER BY person_id, ts, channel, event, campaign NULLS FIRST, coupon_code NULLS FIRST
) TO 'touchpoints.parquet' (FORMAT parquet, COMPRESSION zstd);

COPY (
    SELECT * FROM spend ORDER BY day, channel
) TO 'spend.csv' (HEADER);

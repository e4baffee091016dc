-- =============================================================================
-- omni example data set: "event-operation"
-- (regenerate: go run ./examples/gen examples/event-operation/data)
--
-- A fictional chain of six garden centres, "Jardins d'Ouest", runs its yearly
-- "Spring Days" marketing operation: six weeks of in-store animation and an
-- online contest, pushed by email and SMS invitations, paid social ads and
-- partner influencers.
--   SD25 = 2025-04-07 .. 2025-05-18 (last year's edition)
--   SD26 = 2026-04-06 .. 2026-05-17 (this year's edition, under review)
-- The data runs from 2025-01-01 to 2026-05-31 (the review is written in June
-- 2026): identified store visits, purchases and the brand's social posts go on
-- all year; the operation's touchpoints fall in its editions.
--
-- Outputs (relative to this directory):
--   contacts.csv         one row per contact of the base (attributes)
--   touchpoints.parquet  one row per event (invitation, lever touch,
--                        participation, form, survey, visit, purchase, and
--                        the statistics of a social post)
--   spend.csv            EUR spent per day and lever (channel)
--
-- Modelling choices, in short:
--   * 5,200 contacts: 3,800 known before 2025 (three in four of them already
--     customers, some opted in to email or SMS), 380 recruited by SD25, 320
--     joining in store or online between the editions, 700 recruited by SD26.
--   * Each contact has latent traits: engagement (opens, clicks,
--     participation), a digital affinity (from the age band) and a store-visit
--     rate (gardeners come in spring, not in January).
--   * Invitations go to the contacts opted in before the edition: two emails
--     (days 0 and 21) and one SMS (day 4). Opens, clicks and ad clicks raise
--     the chance to take part: a workshop (weekends), the stand game in store
--     (a QR scan, then an entry form) or the online contest (an entry form).
--     Participants are surveyed that evening; some buy on the spot.
--   * New contacts come from the paid social ads, the influencers, the stand
--     or the contest site; their entry form creates them in the base. A form
--     records the contact's consents after it (given before, or now) and how
--     many of the six profile fields are filled.
--   * What changed in 2026, and what the review should find:
--       - more paid social and influencer budget: more new contacts (conquest
--         achieved) and more engaging posts;
--       - a clearer email consent on the entry form (email opt-in up), but the
--         SMS consent moved to a second, optional step (SMS opt-in down);
--       - the loyalty-card coupon of 2025 was dropped for the contest: invited
--         customers came back less (loyalty missed);
--       - more workshop sessions: satisfaction up, short of its target;
--       - store traffic grew, less than hoped.
--   * The editions are generated one after the other (table macros run per
--     edition): consents given on SD25's forms make invitations for SD26.
--   * The social posts' statistics (impressions, engagements) are rows without
--     a contact: the platforms report them per post, not per person.
--
-- Determinism: no random()/setseed. Every draw is rnd(key, salt), a hash of a
-- stable integer key and a salt naming the draw, and every output is fully
-- ordered, so two runs (threads=1) write byte-identical files.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------
-- Uniform in [0, 1), a pure function of (key, salt).
CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
-- Standard normal (Box-Muller on two independent uniforms).
CREATE MACRO rnorm(key, salt) AS
    sqrt(-2 * ln(1 - rnd(key, salt || '/1'))) * cos(2 * pi() * rnd(key, salt || '/2'));
-- Element of list xs chosen by the uniform u.
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];
-- The invitation message a member received in SD26 (edition 2), by his
-- member key: an A/B test of two emails, half and half. Its own draw, so
-- that every other draw stays as it was; the messages make no difference
-- to what the contacts do (the test's true lift is 0).
CREATE MACRO invitation_message(key) AS
    CASE WHEN rnd(key, 'message') < 0.5 THEN 'garden_tips' ELSE 'contest_prize' END;
-- Timestamp `secs` seconds after midnight of day d (whole seconds).
CREATE MACRO at_secs(d, secs) AS d::TIMESTAMP + to_seconds(floor(secs)::BIGINT);
-- Opening hours of the garden centres: 09:30-18:30, whole minutes.
CREATE MACRO shop_secs(key, salt) AS 60 * floor(570 + 540 * rnd(key, salt));
-- Online activity: 07:00-23:00, whole minutes.
CREATE MACRO web_secs(key, salt) AS 60 * floor(420 + 960 * rnd(key, salt));

-- ---------------------------------------------------------------------------
-- edition: the two editions and what differs between them.
-- ---------------------------------------------------------------------------
CREATE TABLE edition AS
SELECT * FROM (VALUES
    (1, 'SD25', DATE '2025-04-07', DATE '2025-05-18', 3801, 4180,
     0.020, 0.004, 0.30, 0.10, 0.42, 0.100, 0.44, 0.30, 0.785, 1.45, 1.10, 300, 6, 1.00, 450),
    (2, 'SD26', DATE '2026-04-06', DATE '2026-05-17', 4501, 5200,
     0.035, 0.012, 0.40, 0.25, 0.22, 0.120, 0.58, 0.27, 0.845, 1.38, 1.12, 480, 14, 1.20, 490)
) t(ed, code, first_day, last_day,
    new_from, new_to,           -- the contacts this edition recruits (ids)
    ad_reach, influencer_reach, -- click chance of an existing contact, per unit of digital affinity
    mix_ads, mix_influencer,    -- the recruits' lever: ads, influencer, stand,
    mix_stand,                  --   the rest from the contest site directly
    take_base,                  -- chance to take part without any touch
    form_email, form_sms,       -- consent given on the form by those not opted in yet
    satisfied,                  -- satisfied share of the surveys (4 or 5 of 5)
    invited_lift,               -- store visits of invited customers (the 2025 coupon)
    visit_lift,                 -- store visits of everybody (posters, local press)
    ads_per_day,                -- paid social budget per day (EUR)
    influencer_posts,           -- partner posts (a fee each)
    post_engagement,            -- engagement of the posts, relative to 2025's
    animation_day);             -- per store and weekend day: two animators, the workshops' plants

-- day_pick: each edition's days, weekends repeated (Saturday three times,
-- Sunday twice): in-store participation is a weekend affair.
CREATE TABLE day_pick AS
SELECT ed,
       list(d ORDER BY d, r) AS any_day,
       list(d ORDER BY d, r) FILTER (WHERE isodow(d) >= 6) AS weekend_day
FROM (
    SELECT e.ed, t.d::DATE AS d, r
    FROM edition e
    CROSS JOIN range(e.first_day, e.last_day + 1, INTERVAL 1 DAY) t(d)
    CROSS JOIN range(3) s(r)
    WHERE r < CASE isodow(t.d) WHEN 6 THEN 3 WHEN 7 THEN 2 ELSE 1 END
)
GROUP BY ed;

-- ---------------------------------------------------------------------------
-- contact: the base, with latent traits.
-- ---------------------------------------------------------------------------
CREATE TABLE contact AS
WITH base AS (
    SELECT i,
           CASE WHEN i <= 3800 THEN 'known'
                WHEN i <= 4180 THEN 'sd25'
                WHEN i <= 4500 THEN 'between'
                ELSE 'sd26' END AS origin,
           pick(['18-34', '35-54', '35-54', '55+', '55+'], rnd(i, 'age')) AS age_band,
           pick(['angers', 'nantes', 'tours', 'rennes', 'le_mans', 'caen'], rnd(i, 'store')) AS home_store,
           exp(0.5 * rnorm(i, 'engagement')) AS eng
    FROM range(1, 5201) t(i)
)
SELECT *,
       CASE age_band WHEN '18-34' THEN 1.5 WHEN '35-54' THEN 1.0 ELSE 0.6 END AS digital,
       -- weekly store visits, before the season's rhythm
       0.055 * exp(0.6 * rnorm(i, 'visits')) AS visit_rate,
       -- known contacts joined 2017-2024; the others between the editions
       CASE WHEN origin = 'known' THEN DATE '2017-01-01' + floor(2921 * pow(rnd(i, 'created'), 0.7))::INTEGER
            WHEN origin = 'between' THEN DATE '2025-05-19' + floor(322 * rnd(i, 'created'))::INTEGER
       END AS joined,
       origin = 'known' AND rnd(i, 'customer') < 0.75 AS customer_before,
       rnd(i, 'card') < CASE WHEN origin = 'known' THEN 0.55 ELSE 0.25 END AS loyalty_card,
       CASE WHEN origin = 'between' THEN pick(['store', 'web'], rnd(i, 'source'))
            WHEN origin = 'known' THEN pick(['store', 'store', 'web'], rnd(i, 'source'))
            WHEN origin = 'sd25' THEN 'spring_days_2025' ELSE 'spring_days_2026' END AS source
FROM base;

-- recruit: the new contacts of each edition, their lever and the day their
-- entry form created them.
CREATE TABLE recruit AS
SELECT c.i, e.ed,
       CASE WHEN rnd(c.i, 'lever') < e.mix_ads THEN 'social_ads'
            WHEN rnd(c.i, 'lever') < e.mix_ads + e.mix_influencer THEN 'influencer'
            WHEN rnd(c.i, 'lever') < e.mix_ads + e.mix_influencer + e.mix_stand THEN 'animation'
            ELSE 'contest_site' END AS lever,
       pick(d.any_day, rnd(c.i, 'recruit_day')) AS day
FROM contact c
JOIN edition e ON c.i BETWEEN e.new_from AND e.new_to
JOIN day_pick d ON d.ed = e.ed;

-- the day each contact entered the base
CREATE TABLE joined AS
SELECT c.i, coalesce(c.joined, r.day) AS day
FROM contact c LEFT JOIN recruit r USING (i);

-- consent: (contact, email or sms, day given). Known contacts gave theirs
-- before 2025, those joining between the editions on the day they joined;
-- the editions' forms add theirs below.
CREATE TABLE consent AS
SELECT i, kind,
       CASE WHEN origin = 'known'
            THEN joined + floor((DATE '2024-12-31' - joined) * rnd(i, kind || '_day'))::INTEGER
            ELSE joined END AS day
FROM contact
CROSS JOIN (VALUES ('email'), ('sms')) k(kind)
WHERE origin IN ('known', 'between')
  AND rnd(i, 'optin_' || kind) < CASE kind WHEN 'email' THEN 0.58 ELSE 0.28 END;

-- ---------------------------------------------------------------------------
-- members(e): the contacts in the base when edition e starts, with the
-- invitations their consents allow.
-- ---------------------------------------------------------------------------
CREATE MACRO members(e) AS TABLE
SELECT c.i, ed.ed, ed.first_day, c.eng, c.digital, c.i * 10 + ed.ed AS key,
       EXISTS (SELECT 1 FROM consent k WHERE k.i = c.i AND k.kind = 'email' AND k.day < ed.first_day) AS email_invited,
       EXISTS (SELECT 1 FROM consent k WHERE k.i = c.i AND k.kind = 'sms' AND k.day < ed.first_day) AS sms_invited,
       ed.ad_reach, ed.influencer_reach, ed.take_base
FROM contact c
JOIN joined j USING (i)
JOIN edition ed ON ed.ed = e
WHERE j.day < ed.first_day;

-- ---------------------------------------------------------------------------
-- touches(e): the members' invitations and lever touches in edition e.
-- Two emails (days 0 and 21, 08:00-08:30), opened within three days, some
-- clicked; one SMS (day 4, 11:00), whose link some click; clicks on the
-- paid social ads and on the influencers' links (promo code) any day.
-- ---------------------------------------------------------------------------
CREATE MACRO touches(e) AS TABLE
WITH m AS (SELECT * FROM members(e)),
mail AS (
    SELECT m.*, w, key * 10 + w AS wkey,
           at_secs(first_day + (21 * w)::INTEGER, 8 * 3600 + 60 * floor(30 * rnd(key * 10 + w, 'send'))) AS sent
    FROM m CROSS JOIN range(2) t(w)
    WHERE email_invited
),
opened AS (
    SELECT *, at_secs(first_day + (21 * w)::INTEGER + floor(3 * pow(rnd(wkey, 'open_day'), 2))::INTEGER,
                      web_secs(wkey, 'open_time')) AS opened_at
    FROM mail
    WHERE rnd(wkey, 'open') < least(0.9, 0.34 * eng)
)
SELECT i, sent AS ts, 'email' AS channel, 'email_sent' AS event FROM mail
UNION ALL SELECT i, greatest(opened_at, sent + INTERVAL 5 MINUTE), 'email', 'email_open' FROM opened
UNION ALL
SELECT i, greatest(opened_at, sent + INTERVAL 5 MINUTE) + to_seconds((10 + floor(120 * rnd(wkey, 'click_delay')))::BIGINT),
       'email', 'email_click'
FROM opened WHERE rnd(wkey, 'click') < least(0.6, 0.25 * eng)
UNION ALL
SELECT i, at_secs(first_day + 4, 11 * 3600 + 60 * floor(20 * rnd(key, 'sms_send'))), 'sms', 'sms_sent'
FROM m WHERE sms_invited
UNION ALL
SELECT i, at_secs(first_day + 4, 12 * 3600 + 60 * floor(600 * pow(rnd(key, 'sms_click_time'), 2))), 'sms', 'sms_click'
FROM m WHERE sms_invited AND rnd(key, 'sms_click') < least(0.4, 0.09 * eng)
UNION ALL
SELECT i, at_secs(first_day + floor(42 * rnd(key, 'ad_day'))::INTEGER, web_secs(key, 'ad_time')), 'social_ads', 'ad_click'
FROM m WHERE rnd(key, 'ad_click') < ad_reach * digital * eng
UNION ALL
SELECT i, at_secs(first_day + floor(42 * rnd(key, 'infl_day'))::INTEGER, web_secs(key, 'infl_time')), 'influencer', 'influencer_click'
FROM m WHERE rnd(key, 'infl_click') < influencer_reach * digital * eng;

-- ---------------------------------------------------------------------------
-- takes(e): who takes part in edition e, and how. A member takes part with a
-- chance raised by each kind of touch he had; his first participation is a
-- workshop (a weekend session, 10:00 or 15:00), the stand game in store or
-- the online contest (the more digital, the likelier), and a quarter of the
-- participants take part twice. Recruits take part through their lever: the
-- stand for the animation, the contest site for the others (after the ad or
-- the influencer's link, 1-20 minutes before).
-- ---------------------------------------------------------------------------
CREATE MACRO takes(e) AS TABLE
WITH t AS (
    SELECT i, bool_or(event = 'email_open') AS opened, bool_or(event = 'email_click') AS clicked,
           bool_or(event = 'sms_click') AS sms_clicked, bool_or(channel IN ('social_ads', 'influencer')) AS social,
           min(ts) FILTER (WHERE event <> 'email_sent' AND event <> 'sms_sent') AS first_touch
    FROM touches(e) GROUP BY i
),
m AS (
    SELECT m.*, t.first_touch,
           least(0.9, m.take_base * m.eng
                 + CASE WHEN t.clicked THEN 0.40 WHEN t.opened THEN 0.22 ELSE 0 END
                 + CASE WHEN t.sms_clicked THEN 0.25 ELSE 0 END
                 + CASE WHEN t.social THEN 0.30 ELSE 0 END) AS p
    FROM members(e) m LEFT JOIN t USING (i)
),
part AS (
    SELECT m.i, m.key * 10 + n AS pkey, m.digital, m.first_day, m.first_touch, n
    FROM m CROSS JOIN range(2) r(n)
    WHERE rnd(m.key, 'take') < m.p AND (n = 0 OR rnd(m.key, 'twice') < 0.25)
),
kind AS (
    SELECT *, CASE WHEN rnd(pkey, 'kind') < least(0.6, 0.25 * digital) THEN 'contest'
                   WHEN rnd(pkey, 'kind') < least(0.6, 0.25 * digital) + 0.35 THEN 'workshop'
                   ELSE 'stand' END AS kind
    FROM part
)
SELECT k.i, FALSE AS recruit, k.kind, k.n,
       CASE k.kind
           WHEN 'workshop' THEN at_secs(pick(d.weekend_day, rnd(pkey, 'day')), pick([36000, 54000], rnd(pkey, 'session')))
           WHEN 'stand' THEN at_secs(pick(d.any_day, rnd(pkey, 'day')), shop_secs(pkey, 'time'))
           ELSE greatest(at_secs(k.first_day + floor(42 * rnd(pkey, 'day'))::INTEGER, web_secs(pkey, 'time')),
                         coalesce(k.first_touch + INTERVAL 2 MINUTE, TIMESTAMP '2000-01-01'))
       END AS ts,
       NULL AS lever
FROM kind k JOIN day_pick d ON d.ed = e
UNION ALL
SELECT r.i, TRUE, CASE r.lever WHEN 'animation' THEN 'stand' ELSE 'contest' END, 0,
       CASE r.lever WHEN 'animation' THEN at_secs(r.day, shop_secs(r.i, 'recruit_time'))
                    ELSE at_secs(r.day, web_secs(r.i, 'recruit_time')) END,
       r.lever
FROM recruit r WHERE r.ed = e;

-- ---------------------------------------------------------------------------
-- edition_events(e): every touchpoint of edition e but the store visits and
-- purchases. The stand and the contest ask for the entry form, once per
-- edition: the form creates a recruit, and records the contact's consents
-- after it and his profile fields filled (of six: name, email, phone,
-- postcode, garden type, birth date). Participants with an email consent are
-- surveyed by email that evening; one in three answers (score 1-5).
-- ---------------------------------------------------------------------------
CREATE MACRO edition_events(e) AS TABLE
WITH p AS (SELECT * FROM takes(e)),
form AS (
    SELECT DISTINCT ON (i) i, recruit, kind, ts + INTERVAL 2 MINUTE AS ts, i * 10 + e AS fkey
    FROM p WHERE kind IN ('stand', 'contest')
    ORDER BY i, ts
),
filled AS (
    SELECT f.*,
           EXISTS (SELECT 1 FROM consent k WHERE k.i = f.i AND k.kind = 'email' AND k.day <= f.ts::DATE)
               OR rnd(fkey, 'form_email') < ed.form_email AS optin_email,
           EXISTS (SELECT 1 FROM consent k WHERE k.i = f.i AND k.kind = 'sms' AND k.day <= f.ts::DATE)
               OR rnd(fkey, 'form_sms') < ed.form_sms AS optin_sms,
           CASE WHEN recruit THEN 2 + floor(4 * pow(rnd(fkey, 'fields'), 1.3))::INTEGER
                ELSE 3 + floor(4 * rnd(fkey, 'fields'))::INTEGER END AS profile_fields
    FROM form f JOIN edition ed ON ed.ed = e
),
surveyed AS (
    SELECT DISTINCT ON (p.i) p.i, p.ts, p.kind, p.i * 10 + e AS skey
    FROM p
    LEFT JOIN filled f USING (i)
    WHERE coalesce(f.optin_email, FALSE)
       OR EXISTS (SELECT 1 FROM consent k WHERE k.i = p.i AND k.kind = 'email' AND k.day <= p.ts::DATE)
    ORDER BY p.i, p.ts
)
SELECT i, ts, channel, event, NULL::BOOLEAN AS new_contact, NULL::BOOLEAN AS optin_email,
       NULL::BOOLEAN AS optin_sms, NULL::INTEGER AS profile_fields, NULL::INTEGER AS score
FROM touches(e)
UNION ALL
-- the recruits' click on the ad or the influencer's link, before the contest
SELECT i, ts - to_seconds((60 + floor(1140 * rnd(i, 'lead_time')))::BIGINT), lever,
       CASE lever WHEN 'social_ads' THEN 'ad_click' ELSE 'influencer_click' END, NULL, NULL, NULL, NULL, NULL
FROM p WHERE recruit AND lever IN ('social_ads', 'influencer')
UNION ALL
SELECT i, ts, CASE kind WHEN 'contest' THEN 'contest_site' ELSE 'animation' END,
       CASE kind WHEN 'contest' THEN 'contest_entry' WHEN 'workshop' THEN 'workshop' ELSE 'stand_game' END,
       NULL, NULL, NULL, NULL, NULL
FROM p
UNION ALL
SELECT i, ts, CASE kind WHEN 'contest' THEN 'contest_site' ELSE 'animation' END, 'form',
       recruit, optin_email, optin_sms, profile_fields, NULL
FROM filled
UNION ALL
SELECT s.i, at_secs(s.ts::DATE, 20 * 3600 + 60 * floor(180 * rnd(skey, 'survey_time'))), 'email', 'survey',
       NULL, NULL, NULL, NULL,
       CASE WHEN rnd(skey, 'satisfied') < ed.satisfied * CASE s.kind WHEN 'workshop' THEN 1.05 ELSE 0.97 END
            THEN pick([4, 5, 5], rnd(skey, 'score'))
            ELSE pick([1, 2, 3, 3, 3], rnd(skey, 'score')) END
FROM surveyed s JOIN edition ed ON ed.ed = e
WHERE rnd(skey, 'answers') < 0.33;

-- edition_rows(e): the edition's touchpoints, tagged with its code.
CREATE MACRO edition_rows(e) AS TABLE
SELECT x.*, ed.code AS operation FROM edition_events(e) x JOIN edition ed ON ed.ed = e;

-- Edition by edition: SD25's consents count for SD26's invitations.
CREATE TABLE op_events AS SELECT * FROM edition_rows(1);
INSERT INTO consent
SELECT i, 'email', min(ts)::DATE FROM op_events WHERE event = 'form' AND optin_email
  AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = op_events.i AND k.kind = 'email') GROUP BY i;
INSERT INTO consent
SELECT i, 'sms', min(ts)::DATE FROM op_events WHERE event = 'form' AND optin_sms
  AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = op_events.i AND k.kind = 'sms') GROUP BY i;
INSERT INTO op_events SELECT * FROM edition_rows(2);
INSERT INTO consent
SELECT i, 'email', min(ts)::DATE FROM op_events WHERE event = 'form' AND optin_email AND operation = 'SD26'
  AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = op_events.i AND k.kind = 'email') GROUP BY i;
INSERT INTO consent
SELECT i, 'sms', min(ts)::DATE FROM op_events WHERE event = 'form' AND optin_sms AND operation = 'SD26'
  AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = op_events.i AND k.kind = 'sms') GROUP BY i;

-- ---------------------------------------------------------------------------
-- visits: identified store visits (the loyalty card or the app scanned at
-- the entrance terminal, where the Spring Days game also starts), all year.
-- Per contact and week, a Poisson count of visits at his own rate, times the
-- season (gardeners come in spring), times 0.35 for a contact who was not a
-- customer before 2025; during an edition everybody comes a little more
-- (posters, local press) and the invited customers more still (in 2025 a
-- loyalty-card coupon came with the invitation). Days: Saturday and Sunday
-- busiest; closed on 1 May, 25 December and 1 January. Taking part in store
-- (a workshop, the stand game) is a visit of its own, minutes before.
-- ---------------------------------------------------------------------------
CREATE TABLE invited AS
SELECT DISTINCT o.i, e.ed FROM op_events o JOIN edition e ON e.code = o.operation
WHERE o.event IN ('email_sent', 'sms_sent');

CREATE TABLE visit AS
WITH grid AS (
    SELECT c.i, t.w::DATE AS monday, c.i * 1000 + (t.w::DATE - DATE '2024-12-30') // 7 AS wkey,
           c.visit_rate
               * [0.4, 0.6, 1.3, 1.8, 1.8, 1.2, 0.8, 0.6, 1.0, 1.0, 0.6, 0.9][month(t.w)]
               * CASE WHEN c.customer_before THEN 1 ELSE 0.35 END
               * coalesce(e.visit_lift, 1)
               * CASE WHEN c.customer_before AND v.i IS NOT NULL THEN e.invited_lift ELSE 1 END AS rate
    FROM contact c
    CROSS JOIN range(DATE '2024-12-30', DATE '2026-06-01', INTERVAL 7 DAY) t(w)
    LEFT JOIN edition e ON t.w::DATE BETWEEN e.first_day AND e.last_day
    LEFT JOIN invited v ON v.i = c.i AND v.ed = e.ed
), counted AS (
    -- Poisson by inversion: the number of CDF steps below u (at most 3).
    SELECT *, (u > exp(-rate))::INTEGER
              + (u > exp(-rate) * (1 + rate))::INTEGER
              + (u > exp(-rate) * (1 + rate + rate ^ 2 / 2))::INTEGER AS n
    FROM (SELECT *, rnd(wkey, 'visits') AS u FROM grid)
), drawn AS (
    SELECT i, wkey * 10 + k AS vkey,
           monday + pick([0, 1, 2, 2, 3, 4, 5, 5, 5, 6, 6], rnd(wkey * 10 + k, 'weekday')) AS day
    FROM counted, range(n) t(k)
)
SELECT d.i, d.vkey, at_secs(d.day, shop_secs(d.vkey, 'time')) AS ts, FALSE AS taking_part
FROM drawn d JOIN joined j USING (i)
WHERE d.day >= j.day AND d.day BETWEEN DATE '2025-01-01' AND DATE '2026-05-31'
  AND d.day NOT IN (DATE '2025-05-01', DATE '2025-12-25', DATE '2026-01-01', DATE '2026-05-01')
UNION ALL
SELECT i, hash(i, ts) % 1000000007 AS vkey, ts - to_seconds((60 + floor(540 * rnd(hash(i, ts), 'early')))::BIGINT), TRUE
FROM op_events WHERE event IN ('workshop', 'stand_game');

-- ---------------------------------------------------------------------------
-- purchases: in store after a visit (70% of visits of a customer of before
-- 2025, 45% of the others, 55% of a visit to take part), 15 to 75 minutes
-- later; online at a weekly rate that grows with digital affinity; and the
-- recruits' welcome coupon, used online within ten days by some. Baskets are
-- log-normal around 36 EUR in store (a quarter more in spring), 52 online.
-- ---------------------------------------------------------------------------
CREATE TABLE purchase AS
WITH store AS (
    SELECT v.i, v.vkey AS pkey, v.ts + to_seconds((900 + 60 * floor(60 * rnd(v.vkey, 'pay')))::BIGINT) AS ts,
           'store' AS channel, 36 AS basket
    FROM visit v JOIN contact c USING (i)
    WHERE rnd(v.vkey, 'buys') < CASE WHEN v.taking_part THEN 0.55 WHEN c.customer_before THEN 0.70 ELSE 0.45 END
), web AS (
    SELECT c.i, c.i * 1000 + (t.w::DATE - DATE '2024-12-30') // 7 AS pkey,
           at_secs(t.w::DATE + floor(7 * rnd(c.i * 1000 + (t.w::DATE - DATE '2024-12-30') // 7, 'web_day'))::INTEGER,
                   web_secs(c.i * 1000 + (t.w::DATE - DATE '2024-12-30') // 7, 'web_time')) AS ts,
           'eshop' AS channel, 52 AS basket
    FROM contact c
    CROSS JOIN range(DATE '2024-12-30', DATE '2026-06-01', INTERVAL 7 DAY) t(w)
    WHERE rnd(c.i * 1000 + (t.w::DATE - DATE '2024-12-30') // 7, 'web_buys')
          < 0.008 * c.digital * [0.4, 0.6, 1.3, 1.8, 1.8, 1.2, 0.8, 0.6, 1.0, 1.0, 0.6, 0.9][month(t.w)]
            * CASE WHEN c.customer_before THEN 1 ELSE 0.5 END
), welcome AS (
    SELECT r.i, r.i * 7 AS pkey, at_secs(r.day + 1 + floor(10 * rnd(r.i, 'welcome_day'))::INTEGER, web_secs(r.i, 'welcome_time')) AS ts,
           'eshop' AS channel, 52 AS basket
    FROM recruit r WHERE rnd(r.i, 'welcome') < 0.30
), alls AS (SELECT * FROM store UNION ALL SELECT * FROM web UNION ALL SELECT * FROM welcome)
SELECT a.i, a.ts, a.channel,
       greatest(3, round(a.basket * exp(0.55 * rnorm(hash(a.pkey, a.channel), 'amount'))
                         * CASE WHEN month(a.ts) IN (4, 5) THEN 1.25 ELSE 1 END, 2))::DOUBLE AS amount
FROM alls a JOIN joined j USING (i)
WHERE a.ts::DATE >= j.day AND a.ts >= TIMESTAMP '2025-01-01' AND a.ts < TIMESTAMP '2026-06-01';

-- ---------------------------------------------------------------------------
-- posts: the statistics of the brand's own posts (Tuesday and Friday, and
-- five a week during an edition, which get more reach) and of the partner
-- influencers' posts (spread over each edition), as the platforms report
-- them: impressions, and engagements (likes, comments, shares). No contact.
-- ---------------------------------------------------------------------------
CREATE TABLE post AS
WITH brand AS (
    SELECT t.d::DATE AS day, e.ed, e.code, coalesce(e.post_engagement, 1) AS lift, 'social' AS channel
    FROM range(DATE '2025-01-01', DATE '2026-06-01', INTERVAL 1 DAY) t(d)
    LEFT JOIN edition e ON t.d::DATE BETWEEN e.first_day AND e.last_day
    WHERE isodow(t.d) IN (2, 5) OR (e.ed IS NOT NULL AND isodow(t.d) IN (1, 3, 6))
), partner AS (
    SELECT e.first_day + (k * 42 // e.influencer_posts)::INTEGER + 1 AS day, e.ed, e.code,
           e.post_engagement * 1.5 AS lift, 'influencer' AS channel
    FROM edition e, range(e.influencer_posts) t(k)
), alls AS (
    SELECT *, hash(day, channel) % 1000000007 AS key FROM brand
    UNION ALL SELECT *, hash(day, channel) % 1000000007 FROM partner
)
SELECT at_secs(day, CASE WHEN rnd(key, 'slot') < 0.5 THEN 12 * 3600 ELSE 18 * 3600 END) AS ts, channel, code AS operation,
       round(CASE channel WHEN 'social' THEN 6000 ELSE 22000 END
             * CASE WHEN ed IS NOT NULL THEN 1.3 ELSE 1 END * exp(0.35 * rnorm(key, 'impressions')))::INTEGER AS impressions,
       lift, key
FROM alls;

-- ---------------------------------------------------------------------------
-- touchpoints: everything above, one row per event, with the contact's id.
-- `operation` tags the operation's own touchpoints (its invitations, lever
-- touches, participations, forms, surveys and posts); store visits and
-- purchases are the shop's, untagged, whenever they happen.
-- ---------------------------------------------------------------------------
CREATE TABLE contact_id AS
SELECT i, printf('K%05d', row_number() OVER (ORDER BY hash(i, 'id'), i)) AS contact_id FROM contact;

CREATE TABLE touchpoints AS
SELECT k.contact_id, o.ts, o.channel, o.event, o.operation, NULL::DOUBLE AS amount,
       o.new_contact, o.optin_email, o.optin_sms, o.profile_fields, o.score,
       NULL::INTEGER AS impressions, NULL::INTEGER AS engagements,
       CASE WHEN o.event = 'email_sent' AND o.operation = 'SD26' THEN invitation_message(o.i * 10 + 2) END AS message
FROM op_events o JOIN contact_id k USING (i)
UNION ALL
SELECT k.contact_id, v.ts, 'store', 'store_visit', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM visit v JOIN contact_id k USING (i)
UNION ALL
SELECT k.contact_id, p.ts, p.channel, 'purchase', NULL, p.amount, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM purchase p JOIN contact_id k USING (i)
UNION ALL
SELECT NULL, ts, channel, 'post', operation, NULL, NULL, NULL, NULL, NULL, NULL, impressions,
       round(impressions * 0.03 * lift * exp(0.25 * rnorm(key, 'engagement')))::INTEGER, NULL
FROM post;

-- Self-checks: fail the generation if an invariant is broken.
SELECT CASE WHEN count(*) > 0 THEN error('touchpoints outside 2025-01-01..2026-05-31: ' || count(*)) END
FROM touchpoints WHERE ts < TIMESTAMP '2025-01-01' OR ts >= TIMESTAMP '2026-06-01';
SELECT CASE WHEN count(*) > 0 THEN error('operation touchpoints outside their edition: ' || count(*)) END
FROM touchpoints t JOIN edition e ON e.code = t.operation
WHERE NOT t.ts::DATE BETWEEN e.first_day AND e.last_day;
SELECT CASE WHEN count(*) > 0 THEN error('invitations to contacts without consent: ' || count(*)) END
FROM op_events o JOIN edition e ON e.code = o.operation
WHERE (o.event = 'email_sent' AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = o.i AND k.kind = 'email' AND k.day < e.first_day))
   OR (o.event = 'sms_sent' AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.i = o.i AND k.kind = 'sms' AND k.day < e.first_day));

-- ---------------------------------------------------------------------------
-- spend: EUR per day and lever, on the editions' days only (bills are booked
-- on the day of the work). Email: 650 per send (creative, routing) plus
-- 0.004 per message; SMS: 0.075 per message plus 120 of set-up; paid social:
-- a daily budget, a quarter more on weekends; influencers: a fee per post;
-- in-store animation: the stand kits on day one, two animators per store on
-- each weekend day with the workshops' plants, small prizes every day;
-- contest site: its build on day one, hosting, the grand prize on the last day.
-- ---------------------------------------------------------------------------
CREATE TABLE spend AS
WITH days AS (
    SELECT e.*, t.d::DATE AS day, (t.d::DATE - e.first_day) AS k, isodow(t.d) >= 6 AS weekend
    FROM edition e, range(e.first_day, e.last_day + 1, INTERVAL 1 DAY) t(d)
), counts AS (
    SELECT ts::DATE AS day, count(*) FILTER (WHERE event = 'email_sent') AS emails,
           count(*) FILTER (WHERE event = 'sms_sent') AS sms
    FROM op_events GROUP BY ALL
), posts AS (
    SELECT ts::DATE AS day, count(*) AS n FROM post WHERE channel = 'influencer' GROUP BY ALL
)
SELECT d.day, ch.channel, round(CASE ch.channel
    WHEN 'email' THEN CASE WHEN d.k IN (0, 21) THEN 650 + 0.004 * coalesce(c.emails, 0) ELSE 0 END
    WHEN 'sms' THEN CASE WHEN d.k = 4 THEN 120 + 0.075 * coalesce(c.sms, 0) ELSE 0 END
    WHEN 'social_ads' THEN d.ads_per_day * CASE WHEN d.weekend THEN 1.25 ELSE 0.9 END
                           * (0.9 + 0.2 * rnd(d.ed * 1000 + d.k, 'ads'))
    WHEN 'influencer' THEN coalesce(p.n, 0) * CASE d.ed WHEN 1 THEN 800 ELSE 850 END
    WHEN 'animation' THEN CASE WHEN d.k = 0 THEN 2700 ELSE 0 END
                          + CASE WHEN d.weekend THEN 6 * d.animation_day ELSE 0 END + 40
    WHEN 'contest_site' THEN CASE WHEN d.k = 0 THEN CASE d.ed WHEN 1 THEN 5500 ELSE 3000 END ELSE 0 END
                             + 25 + CASE WHEN d.day = d.last_day THEN 2500 ELSE 0 END
    END, 2)::DOUBLE AS eur
FROM days d
CROSS JOIN (VALUES ('email'), ('sms'), ('social_ads'), ('influencer'), ('animation'), ('contest_site')) ch(channel)
LEFT JOIN counts c ON c.day = d.day
LEFT JOIN posts p ON p.day = d.day;

-- ---------------------------------------------------------------------------
-- contacts: the base as the CRM exports it at the end of May 2026. A
-- customer's first purchase is before 2025 for the customers of before,
-- else his first purchase in the data; consents carry the day given.
-- ---------------------------------------------------------------------------
CREATE TABLE contacts AS
SELECT k.contact_id, j.day AS joined, c.source, c.home_store, c.age_band, c.loyalty_card,
       CASE WHEN c.customer_before THEN least(j.day + floor(120 * rnd(c.i, 'first_buy'))::INTEGER, DATE '2024-12-31')
            ELSE (SELECT min(p.ts)::DATE FROM purchase p WHERE p.i = c.i) END AS customer_since,
       (SELECT min(day) FROM consent x WHERE x.i = c.i AND x.kind = 'email') AS email_optin_since,
       (SELECT min(day) FROM consent x WHERE x.i = c.i AND x.kind = 'sms') AS sms_optin_since
FROM contact c JOIN contact_id k USING (i) JOIN joined j USING (i);

-- ---------------------------------------------------------------------------
-- Outputs, fully ordered for byte-identical reruns.
-- ---------------------------------------------------------------------------
COPY (SELECT * FROM contacts ORDER BY contact_id) TO 'contacts.csv' (HEADER);

COPY (
    SELECT * FROM touchpoints
    ORDER BY contact_id NULLS FIRST, ts, channel, event, operation NULLS FIRST, amount NULLS FIRST
) TO 'touchpoints.parquet' (FORMAT parquet, COMPRESSION zstd);

COPY (SELECT * FROM spend ORDER BY day, channel) TO 'spend.csv' (HEADER);

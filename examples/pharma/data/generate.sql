-- =============================================================================
-- omni example data set: "pharma" (regenerate: go run ./examples/gen examples/pharma/data)
--
-- A fictional brand is promoted to ~4000 French healthcare professionals
-- (HCPs) from 2026-01-05 to 2026-09-30. Always-on activity (campaign NULL)
-- runs the whole period; a launch campaign runs in two waves:
--   Q2L = 2026-04-01 .. 2026-06-30 (launch wave 1, most intense)
--   Q3L = 2026-07-01 .. 2026-09-30 (wave 2, with a summer pause in August)
-- Channels: rep_visit, email, webinar, congress, display, phone, and the
-- prescription-data feed 'rx'.
--
-- Outputs (relative to this directory):
--   hcps.csv             one row per HCP (master data)
--   touchpoints.parquet  one row per event (promotional touch or prescription)
--   spend.csv            EUR spent per day x channel x campaign
--   assets.parquet       one row per content asset (format, topic, tags)
--
-- Modelling choices, in short:
--   * Per-HCP latent traits drive everything: a power-law "activity" (a few
--     HCPs are very active), a digital affinity that decreases with age, an
--     engagement level (email opens/clicks), targeting by potential.
--   * 4% "dark" HCPs (unreachable, not prescribing the brand) have no rows at
--     all; some digital-minded HCPs are "no-see" (no rep visits, no calls).
--   * Days are drawn from calendars: weekdays mostly, French public holidays
--     and August low; times of day follow working hours for field activity.
--   * Email is a funnel (send -> open ~25% -> click ~15% of opens); webinars
--     are registration -> attendance; derived events inherit campaign/tags.
--   * Prescriptions are drawn per HCP and day from a Poisson law whose rate
--     grows with the HCP's potential, the launch, the season, and the
--     weighted promotional touches of the previous 30 days (saturating), so
--     that attribution models have real signal to find.
--   * ~20 touchpoints carry hcp_ids absent from hcps.csv (data-quality reality).
--
-- Determinism: no random()/setseed. Every random draw is rnd(key, salt), a
-- hash of a stable integer key and a salt naming the draw, and every output is
-- fully ordered, so two runs (threads=1) write byte-identical files.
-- =============================================================================

-- ---------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------
-- Uniform in [0, 1), a pure function of (key, salt).
CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
-- Standard normal (Box-Muller on two independent uniforms).
CREATE MACRO rnorm(key, salt) AS
    sqrt(-2 * ln(1 - rnd(key, salt || '/1'))) * cos(2 * pi() * rnd(key, salt || '/2'));
-- Exponential with the given mean.
CREATE MACRO rexp(key, salt, mean) AS -ln(1 - rnd(key, salt)) * mean;
-- Element of list xs chosen by the uniform u.
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];
-- Timestamp `secs` seconds after midnight of day d (whole seconds).
CREATE MACRO at_secs(d, secs) AS d::TIMESTAMP + to_seconds(floor(secs)::BIGINT);
-- Seconds after midnight for field work (rep visits, calls): 09:00-12:00 or
-- 14:00-18:00, whole minutes.
CREATE MACRO office_secs(key, salt) AS 60 * floor(CASE
    WHEN rnd(key, salt || '/am') < 0.45 THEN 540 + 180 * rnd(key, salt || '/t')
    ELSE 840 + 240 * rnd(key, salt || '/t') END);
-- Seconds after midnight for digital activity: around 13:00 (sd 3.5 h);
-- draws outside 06:00-23:00 are redrawn uniformly in 08:00-20:00.
CREATE MACRO digital_secs(key, salt) AS CASE
    WHEN 46800 + 12600 * rnorm(key, salt) BETWEEN 21600 AND 82800 THEN 46800 + 12600 * rnorm(key, salt)
    ELSE 28800 + 43200 * rnd(key, salt || '/u') END;

-- ---------------------------------------------------------------------------
-- calendar: every day of the data window with French public holidays and
-- August flagged, and day weights (relative likelihood of an event that day)
-- for three rhythms: field work, digital, prescriptions (consultations).
-- ---------------------------------------------------------------------------
CREATE TABLE calendar AS
WITH d AS (
    SELECT t.d::DATE AS day, isodow(t.d) AS dow,
           t.d::DATE IN ('2026-01-01'::DATE, '2026-04-06', '2026-05-01', '2026-05-08',
                        '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15') AS holiday,
           month(t.d) = 8 AS august
    FROM range(DATE '2026-01-01', DATE '2026-10-01', INTERVAL 1 DAY) t(d)
)
SELECT *,
    CASE WHEN holiday THEN 0.02 WHEN dow = 7 THEN 0 WHEN dow = 6 THEN 0.03 ELSE 1 END
        * CASE WHEN august THEN 0.45 ELSE 1 END AS office_w,
    CASE WHEN holiday THEN 0.4 WHEN dow = 7 THEN 0.25 WHEN dow = 6 THEN 0.3 ELSE 1 END
        * CASE WHEN august THEN 0.7 ELSE 1 END AS digital_w,
    CASE WHEN holiday THEN 0.05 WHEN dow = 7 THEN 0.02 WHEN dow = 6 THEN 0.35 ELSE 1 END
        * CASE WHEN august THEN 0.6 ELSE 1 END AS rx_w
FROM d;

-- ---------------------------------------------------------------------------
-- stream: always-on (AO) and the two campaign waves, with their windows,
-- per-HCP touch rates over the window, and the content (tag sets) of their
-- assets. Tags are listed in the canonical order
-- launch, efficacy, safety, dosing, patient_support, congress.
-- ---------------------------------------------------------------------------
CREATE TABLE stream AS
SELECT * FROM (VALUES
    (0, 'AO', NULL::VARCHAR, DATE '2026-01-05', DATE '2026-09-30', 1.2, 0.6, 3.0,
     [['efficacy'], ['safety'], ['efficacy', 'safety'], ['dosing'], ['patient_support'], ['efficacy', 'dosing']]),
    (1, 'Q2L', 'Q2L', DATE '2026-04-01', DATE '2026-06-30', 1.6, 0.5, 5.0,
     [['launch', 'efficacy'], ['launch', 'efficacy', 'safety'], ['launch', 'dosing'], ['launch', 'safety']]),
    (2, 'Q3L', 'Q3L', DATE '2026-07-01', DATE '2026-09-30', 1.0, 0.4, 3.5,
     [['efficacy', 'patient_support'], ['safety', 'dosing'], ['launch', 'efficacy'], ['patient_support']])
) t(stream_id, stream, campaign, first_day, last_day, rep_rate, phone_rate, display_rate, variants);

-- day_w: inverse-CDF tables to draw a day within a stream's window following
-- the 'office' or 'digital' rhythm (campaign wave 2 is halved in August).
-- A uniform u maps to the last day whose cum_lo <= u (ASOF join).
CREATE TABLE day_w AS
WITH w AS (
    SELECT s.stream_id, p.pattern, c.day,
           CASE p.pattern WHEN 'office' THEN c.office_w ELSE c.digital_w END
               * CASE WHEN s.stream_id = 2 AND c.august THEN 0.5 ELSE 1 END AS w
    FROM stream s
    JOIN calendar c ON c.day BETWEEN s.first_day AND s.last_day
    CROSS JOIN (VALUES ('office'), ('digital')) p(pattern)
)
SELECT stream_id, pattern, day,
       (sum(w) OVER cum - w) / sum(w) OVER (PARTITION BY stream_id, pattern) AS cum_lo
FROM w
WHERE w > 0
WINDOW cum AS (PARTITION BY stream_id, pattern ORDER BY day ROWS UNBOUNDED PRECEDING);

-- ---------------------------------------------------------------------------
-- hcp_model: the HCPs with their public attributes (-> hcps.csv) and the
-- latent traits that drive the simulation.
-- ---------------------------------------------------------------------------
CREATE TABLE hcp_model AS
WITH base AS (
    -- specialty: GP 55%, then specialists; age ~ N(48, 9.5) reflected into 28..70.
    SELECT i AS n, 'H' || lpad(i::VARCHAR, 5, '0') AS hcp_id,
           CASE WHEN rnd(i, 'specialty') < 0.55 THEN 'GP'
                WHEN rnd(i, 'specialty') < 0.70 THEN 'cardiology'
                WHEN rnd(i, 'specialty') < 0.82 THEN 'diabetology'
                WHEN rnd(i, 'specialty') < 0.91 THEN 'pulmonology'
                ELSE 'endocrinology' END AS specialty,
           48 + 9.5 * rnorm(i, 'age') AS age_raw,
           CASE WHEN rnd(i, 'region') < 0.20 THEN 'north'
                WHEN rnd(i, 'region') < 0.42 THEN 'south'
                WHEN rnd(i, 'region') < 0.60 THEN 'east'
                WHEN rnd(i, 'region') < 0.80 THEN 'west'
                ELSE 'paris' END AS region
    FROM range(1, 4001) t(i)
), aged AS (
    -- d = digital affinity: ~0.9 at 32, 0.5 at 45, ~0.1 at 58.
    SELECT *, age::INTEGER AS age_i, 1 / (1 + exp((age - 45) / 6.0)) AS d
    FROM (SELECT *, round(least(70, greatest(28,
                 CASE WHEN age_raw < 28 THEN 56 - age_raw
                      WHEN age_raw > 70 THEN 140 - age_raw ELSE age_raw END))) AS age
          FROM base)
), pref AS (
    -- preferred channel: field channels for older HCPs, digital for younger.
    -- prescriptions_12m (therapeutic-area market data): Pareto, alpha 1.6,
    -- scale higher for specialists, capped at 600.
    SELECT *,
        CASE WHEN u < 0.15 + 0.45 * (1 - d) THEN 'rep_visit'
             WHEN u < 0.20 + 0.60 * (1 - d) THEN 'phone'
             WHEN u < 0.35 + 0.60 * (1 - d) + 0.25 * d THEN 'email'
             WHEN u < 0.40 + 0.60 * (1 - d) + 0.40 * d THEN 'webinar'
             ELSE 'display' END AS preferred_channel,
        least(600, floor(CASE specialty WHEN 'GP' THEN 8 WHEN 'cardiology' THEN 14
                         WHEN 'diabetology' THEN 18 WHEN 'pulmonology' THEN 12 ELSE 16 END
                    * (pow(1 - rnd(n, 'rx12'), -1 / 1.6) - 1)))::INTEGER AS prescriptions_12m
    FROM (SELECT *, rnd(n, 'preferred') AS u FROM aged)
), pot AS (
    -- potential: top 20% / next 35% / rest of a noisy score of prescribing.
    SELECT *,
        CASE WHEN pr >= 0.80 THEN 'high' WHEN pr >= 0.45 THEN 'medium' ELSE 'low' END AS potential
    FROM (SELECT *, percent_rank() OVER (ORDER BY ln(1 + prescriptions_12m)
                        + 0.5 * rnorm(n, 'potential') + CASE WHEN specialty = 'GP' THEN 0 ELSE 0.3 END, n) AS pr
          FROM pref)
), seg AS (
    -- dark: 4%, unreachable and not prescribing the brand (no rows at all).
    -- no_see: 25% of digital-preferring HCPs refuse rep visits and calls.
    SELECT *,
        rnd(n, 'dark') < 0.04 AS dark,
        preferred_channel IN ('email', 'webinar', 'display') AND rnd(n, 'nosee') < 0.25 AS no_see
    FROM pot
), traits AS (
    SELECT *,
        NOT dark AND rnd(n, 'optin') < CASE WHEN preferred_channel = 'email' THEN 0.95
                                            ELSE 0.40 + 0.35 * d END AS opt_in_email,
        -- activity: Pareto (alpha 1.5, min 1), capped at 25; 0 for dark HCPs.
        CASE WHEN dark THEN 0 ELSE least(25, pow(1 - rnd(n, 'activity'), -1 / 1.5)) END AS a,
        CASE potential WHEN 'high' THEN 2.0 WHEN 'medium' THEN 1.1 ELSE 0.5 END AS pot_m,
        -- channel affinities (multipliers of the stream rates).
        CASE WHEN no_see THEN 0 ELSE (0.6 + 0.8 * (1 - d))
             * CASE WHEN preferred_channel = 'rep_visit' THEN 1.8 ELSE 1 END END AS aff_rep,
        CASE WHEN no_see THEN 0 ELSE (0.6 + 0.8 * (1 - d))
             * CASE WHEN preferred_channel = 'phone' THEN 2.0 ELSE 1 END END AS aff_phone,
        (0.5 + d) * CASE WHEN preferred_channel = 'display' THEN 2.0 ELSE 1 END AS aff_display,
        (0.6 + 0.8 * d) * CASE WHEN preferred_channel = 'webinar' THEN 2.5 ELSE 1 END AS aff_webinar,
        CASE WHEN preferred_channel = 'email' THEN 1.4 ELSE 1 END AS aff_email,
        -- brand share of the HCP's prescriptions: potential x loyalty (lognormal).
        CASE WHEN dark THEN 0 ELSE 0.12
             * CASE potential WHEN 'high' THEN 1.4 WHEN 'medium' THEN 1.0 ELSE 0.7 END
             * exp(0.5 * rnorm(n, 'loyalty') - 0.125) END AS share
    FROM seg
)
SELECT n, hcp_id, specialty, age_i AS age, region, preferred_channel, prescriptions_12m,
       potential, opt_in_email, dark, no_see, d, a, pot_m, aff_rep, aff_phone, aff_display,
       aff_webinar, aff_email, share,
       -- engagement (email opens/clicks, ad clicks, webinar attendance):
       -- lognormal x youth x activity, normalised to mean 1 over reachable HCPs.
       e_raw / avg(e_raw) FILTER (WHERE NOT dark) OVER () AS e
FROM (SELECT *, exp(0.7 * rnorm(n, 'engagement')) * (0.7 + 0.6 * d) * pow(greatest(a, 1), 0.2) AS e_raw
      FROM traits);

-- ---------------------------------------------------------------------------
-- planned: rep visits, calls and ad impressions. Expected count per HCP and
-- stream = stream rate x affinity x potential targeting x activity^k; the
-- count is stochastically rounded, then each touch gets a day (from the
-- stream's calendar), a time of day and an asset (tag set).
-- ---------------------------------------------------------------------------
CREATE TABLE planned AS
WITH plan AS (
    SELECT h.n, s.stream_id, s.campaign, s.variants, c.channel, c.pattern,
           h.n * 100 + s.stream_id * 10 + c.ch AS pkey,
           CASE c.channel
               WHEN 'rep_visit' THEN s.rep_rate * h.pot_m * h.aff_rep * pow(h.a, 0.35)
               WHEN 'phone' THEN s.phone_rate * sqrt(h.pot_m) * h.aff_phone * pow(h.a, 0.35)
               ELSE s.display_rate * h.aff_display * pow(h.a, 0.8)
           END AS expected
    FROM hcp_model h
    CROSS JOIN stream s
    CROSS JOIN (VALUES ('rep_visit', 1, 'office'), ('phone', 2, 'office'),
                       ('display', 3, 'digital')) c(channel, ch, pattern)
    WHERE NOT h.dark
), expanded AS (
    SELECT *, pkey * 1000 + k AS key, rnd(pkey * 1000 + k, 'day') AS u_day
    FROM (SELECT *, unnest(range(floor(expected + rnd(pkey, 'count'))::BIGINT)) AS k FROM plan)
)
SELECT e.n, e.key, e.channel, e.campaign,
       CASE e.channel WHEN 'rep_visit' THEN 'visit' WHEN 'phone' THEN 'call' ELSE 'ad_impression' END AS event,
       at_secs(d.day, CASE e.channel WHEN 'display' THEN digital_secs(e.key, 'time')
                                     ELSE office_secs(e.key, 'time') END) AS ts,
       pick(e.variants, rnd(e.key, 'asset')) AS tags
FROM expanded e
ASOF JOIN day_w d ON d.stream_id = e.stream_id AND d.pattern = e.pattern AND e.u_day >= d.cum_lo;

-- ---------------------------------------------------------------------------
-- blast: email sends. Always-on newsletter every other Tuesday 07:45; launch
-- emails every Thursday 10:00 during the waves (wave 2 pauses mid-August;
-- last campaign blasts >= 8 days before the wave ends so that opens stay in
-- the wave). One asset (tag set) per blast.
-- ---------------------------------------------------------------------------
CREATE TABLE blast AS
SELECT row_number() OVER (ORDER BY day, b.stream_id) AS blast_id, b.stream_id, s.campaign, day,
       at_secs(day, send_secs) AS send_ts,
       pick(s.variants, rnd(row_number() OVER (ORDER BY day, b.stream_id), 'email_asset')) AS tags
FROM (
    SELECT 0 AS stream_id, t.d::DATE AS day, 7 * 3600 + 45 * 60 AS send_secs
    FROM range(DATE '2026-01-06', DATE '2026-10-01', INTERVAL 14 DAY) t(d)
    UNION ALL
    SELECT 1, t.d::DATE, 10 * 3600 FROM range(DATE '2026-04-02', DATE '2026-06-19', INTERVAL 7 DAY) t(d)
    UNION ALL
    SELECT 2, t.d::DATE, 10 * 3600 FROM range(DATE '2026-07-02', DATE '2026-09-18', INTERVAL 7 DAY) t(d)
    WHERE t.d::DATE NOT IN ('2026-08-06'::DATE, '2026-08-13')
) b
JOIN stream s USING (stream_id);

-- email: the funnel. Opted-in HCPs receive a blast with a probability set by
-- targeting (campaigns favour high/medium potential); send time has a few
-- minutes of throttling jitter. Opens (~25%, driven by engagement) come
-- either minutes after the send (55%) or on a later day (<= 7 days) at a
-- daytime hour; clicks (~15% of opens)
-- follow opens by seconds to minutes; ~12% of clicks request samples.
CREATE TABLE email AS
WITH sent AS (
    SELECT h.n, h.e, h.aff_email, b.campaign, b.tags, h.n * 100 + b.blast_id AS key,
           b.send_ts + to_seconds(floor(600 * rnd(h.n * 100 + b.blast_id, 'jitter'))::BIGINT) AS ts
    FROM hcp_model h
    CROSS JOIN blast b
    WHERE h.opt_in_email
      AND rnd(h.n * 100 + b.blast_id, 'receive') <
          CASE WHEN b.stream_id = 0 THEN 0.9
               WHEN h.potential = 'low' THEN 0.45 ELSE 0.85 END
), opened AS (
    SELECT n, e, campaign, tags, key,
           CASE WHEN rnd(key, 'open_fast') < 0.55
                THEN ts + to_seconds((1 + floor(least(86400, rexp(key, 'open_delay', 2400))))::BIGINT)
                ELSE at_secs(ts::DATE + 1 + least(6, floor(rexp(key, 'open_days', 1.2)))::INTEGER,
                             digital_secs(key, 'open_time')) END AS ts
    FROM sent
    WHERE rnd(key, 'open') < least(0.95, 0.20 * e * aff_email
                                         * CASE WHEN campaign IS NULL THEN 1 ELSE 1.15 END)
), clicked AS (
    SELECT n, campaign, tags, key, ts + to_seconds((5 + floor(295 * rnd(key, 'click_delay')))::BIGINT) AS ts
    FROM opened
    WHERE rnd(key, 'click') < least(0.6, 0.13 * sqrt(e))
)
SELECT n, ts, 'email_sent' AS event, campaign, tags FROM sent
UNION ALL SELECT n, ts, 'email_open', campaign, tags FROM opened
UNION ALL SELECT n, ts, 'email_click', campaign, tags FROM clicked
UNION ALL
SELECT n, ts + to_seconds((30 + floor(570 * rnd(key, 'sample_delay')))::BIGINT), 'sample_request', campaign, tags
FROM clicked WHERE rnd(key, 'sample') < 0.12;

-- ---------------------------------------------------------------------------
-- webinar: scheduled sessions (lunch 12:30 or evening 19:00). HCPs register
-- 1-14 days before (mostly in the last days) with a probability driven by
-- webinar affinity and activity; ~55% of registrants attend (engagement),
-- joining between 5 minutes early and 15 minutes late.
-- ---------------------------------------------------------------------------
CREATE TABLE session AS
SELECT * FROM (VALUES
    (1, 0, TIMESTAMP '2026-01-22 19:00:00', ['efficacy']),
    (2, 0, TIMESTAMP '2026-02-19 19:00:00', ['safety']),
    (3, 0, TIMESTAMP '2026-03-12 12:30:00', ['dosing']),
    (4, 1, TIMESTAMP '2026-04-16 19:00:00', ['launch', 'efficacy']),
    (5, 1, TIMESTAMP '2026-05-07 12:30:00', ['launch', 'dosing']),
    (6, 0, TIMESTAMP '2026-05-21 19:00:00', ['patient_support']),
    (7, 1, TIMESTAMP '2026-06-04 19:00:00', ['launch', 'safety']),
    (8, 2, TIMESTAMP '2026-07-16 19:00:00', ['efficacy', 'patient_support']),
    (9, 2, TIMESTAMP '2026-09-10 12:30:00', ['safety', 'dosing']),
    (10, 0, TIMESTAMP '2026-09-24 19:00:00', ['efficacy', 'safety'])
) t(session_id, stream_id, start_ts, tags);

CREATE TABLE webinar AS
WITH reg AS (
    SELECT h.n, h.e, s.start_ts, s.tags, st.campaign, h.n * 100 + s.session_id AS key
    FROM hcp_model h
    CROSS JOIN session s
    JOIN stream st USING (stream_id)
    WHERE NOT h.dark
      AND rnd(h.n * 100 + s.session_id, 'register') < least(0.5, 0.045 * h.aff_webinar * sqrt(h.a)
              * CASE WHEN h.specialty = 'GP' THEN 1 ELSE 1.3 END
              * CASE WHEN s.stream_id = 0 THEN 1 ELSE 1.2 END)
)
SELECT n, at_secs(start_ts::DATE - (1 + floor(14 * pow(rnd(key, 'reg_day'), 2)))::INTEGER,
                  digital_secs(key, 'reg_time')) AS ts,
       'webinar_registration' AS event, campaign, tags
FROM reg
UNION ALL
SELECT n, start_ts + to_seconds((-300 + floor(1200 * rnd(key, 'join')))::BIGINT),
       'webinar_attendance', campaign, tags
FROM reg
WHERE rnd(key, 'attend') < least(0.95, 0.55 * pow(e, 0.3));

-- ---------------------------------------------------------------------------
-- congress: two 3-day congresses (Thu-Sat) where the brand has a booth; the
-- June one hosts the launch symposium (Q2L). Specialists attend far more than
-- GPs. One badge scan per attending HCP, 08:30-18:00.
-- ---------------------------------------------------------------------------
CREATE TABLE congress_event AS
SELECT * FROM (VALUES
    (1, 0, DATE '2026-03-19', ['efficacy', 'congress']),
    (2, 1, DATE '2026-06-11', ['launch', 'efficacy', 'congress'])
) t(congress_id, stream_id, first_day, tags);

CREATE TABLE congress AS
SELECT h.n,
       at_secs(c.first_day + CASE WHEN rnd(h.n * 10 + c.congress_id, 'cday') < 0.4 THEN 0
                                  WHEN rnd(h.n * 10 + c.congress_id, 'cday') < 0.8 THEN 1 ELSE 2 END,
               60 * floor(510 + 570 * rnd(h.n * 10 + c.congress_id, 'ctime'))) AS ts,
       'congress_attendance' AS event, st.campaign, c.tags
FROM hcp_model h
CROSS JOIN congress_event c
JOIN stream st USING (stream_id)
WHERE NOT h.dark
  AND rnd(h.n * 10 + c.congress_id, 'attend') <
      least(0.6, CASE WHEN h.specialty = 'GP' THEN 0.015 ELSE 0.10 END * pow(h.a, 0.3));

-- ---------------------------------------------------------------------------
-- promo: all promotional touches. Events derived from planned touches:
-- ad clicks (~0.6% of impressions x engagement, seconds later); sample
-- requests during 10% of visits and 7% of calls; rare referrals (to the
-- patient-support programme) during 1% of visits (2% for high potential).
-- Each event carries an exposure weight used by the prescription model.
-- ---------------------------------------------------------------------------
CREATE TABLE promo AS
WITH p AS (
    SELECT p.*, h.e, h.potential FROM planned p JOIN hcp_model h USING (n)
), all_events AS (
    SELECT n, ts, channel, event, campaign, tags FROM planned
    UNION ALL
    SELECT n, ts + to_seconds((1 + floor(59 * rnd(key, 'adclick_delay')))::BIGINT),
           'display', 'ad_click', campaign, tags
    FROM p WHERE channel = 'display' AND rnd(key, 'adclick') < 0.006 * e
    UNION ALL
    SELECT n, ts + to_seconds((120 + 60 * floor(18 * rnd(key, 'sample_delay')))::BIGINT),
           channel, 'sample_request', campaign, tags
    FROM p WHERE channel IN ('rep_visit', 'phone')
             AND rnd(key, 'sample') < CASE channel WHEN 'rep_visit' THEN 0.10 ELSE 0.07 END
    UNION ALL
    SELECT n, ts + to_seconds((300 + 60 * floor(25 * rnd(key, 'referral_delay')))::BIGINT),
           'rep_visit', 'referral', campaign, ['patient_support']
    FROM p WHERE channel = 'rep_visit'
             AND rnd(key, 'referral') < CASE WHEN potential = 'high' THEN 0.02 ELSE 0.01 END
    UNION ALL SELECT n, ts, 'email', event, campaign, tags FROM email
    UNION ALL SELECT n, ts, 'webinar', event, campaign, tags FROM webinar
    UNION ALL SELECT n, ts, 'congress', event, campaign, tags FROM congress
)
SELECT *,
    CASE event WHEN 'visit' THEN 1.0 WHEN 'sample_request' THEN 1.0 WHEN 'referral' THEN 0.5
               WHEN 'webinar_attendance' THEN 0.8 WHEN 'congress_attendance' THEN 0.8
               WHEN 'call' THEN 0.5 WHEN 'email_click' THEN 0.5 WHEN 'ad_click' THEN 0.3
               WHEN 'email_open' THEN 0.2 WHEN 'webinar_registration' THEN 0.2
               WHEN 'email_sent' THEN 0.02 WHEN 'ad_impression' THEN 0.02 END AS weight
FROM all_events
WHERE ts < TIMESTAMP '2026-10-01 00:00:00';   -- data extraction cut-off

-- ---------------------------------------------------------------------------
-- rx: prescriptions. For every reachable HCP and day, the expected number of
-- brand prescriptions is
--   rate = prescriptions_12m / 250 x share x day weight x launch ramp
--            x (1 + 1.5 x (1 - exp(-x30 / 2)))
-- where x30 is the HCP's exposure-weighted touches of the previous 30 days
-- (saturating uplift up to x2.5) and the launch ramp grows from 1 (before
-- April) to 1.8 (60 days after launch). Counts are Poisson(rate) draws
-- (capped at 4 a day); each prescription gets a consultation time
-- (08:30-19:30) and a revenue = box price (3 strengths) x boxes (1-5).
-- ~1% of prescriptions come with a referral in the rx feed.
-- ---------------------------------------------------------------------------
CREATE TABLE rx AS
WITH exposure AS (
    SELECT n, ts::DATE AS day, sum(weight) AS x FROM promo GROUP BY ALL
), grid AS (
    SELECT h.n, c.day, c.rx_w, h.prescriptions_12m / 250.0 * h.share AS base,
           coalesce(sum(coalesce(e.x, 0)) OVER (PARTITION BY h.n ORDER BY c.day
               RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND INTERVAL 1 DAY PRECEDING), 0) AS x30
    FROM hcp_model h
    CROSS JOIN calendar c
    LEFT JOIN exposure e ON e.n = h.n AND e.day = c.day
    WHERE h.share > 0
), lam AS (
    SELECT n, day, n * 1000 + (day - DATE '2026-01-01') AS key,
           base * rx_w
               * CASE WHEN day < DATE '2026-04-01' THEN 1
                      ELSE 1 + 0.8 * least(1, (day - DATE '2026-04-01') / 60.0) END
               * (1 + 1.5 * (1 - exp(-x30 / 2))) AS rate
    FROM grid
    WHERE day >= DATE '2026-01-05' AND base > 0
), counts AS (
    -- Poisson by inversion: count = number of CDF steps below u.
    SELECT n, day, key,
           (u > exp(-rate))::INTEGER
           + (u > exp(-rate) * (1 + rate))::INTEGER
           + (u > exp(-rate) * (1 + rate + rate ^ 2 / 2))::INTEGER
           + (u > exp(-rate) * (1 + rate + rate ^ 2 / 2 + rate ^ 3 / 6))::INTEGER AS cnt
    FROM (SELECT *, rnd(key, 'rx') AS u FROM lam)
)
SELECT n, key * 10 + k AS key,
       at_secs(day, 60 * floor(510 + 660 * rnd(key * 10 + k, 'rx_time'))) AS ts,
       round(pick([41.20, 58.70, 79.90], rnd(key * 10 + k, 'strength'))
             * pick([1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 5], rnd(key * 10 + k, 'boxes')), 2)::DOUBLE AS revenue
FROM (SELECT *, unnest(range(cnt)) AS k FROM counts WHERE cnt > 0);

-- ---------------------------------------------------------------------------
-- touchpoints: promo + prescriptions + rx referrals + 20 orphan rows whose
-- hcp_id (H04001..H04080) is not in hcps.csv.
-- ---------------------------------------------------------------------------
CREATE TABLE touchpoints AS
WITH orphans AS (
    SELECT 'H' || lpad((4001 + hash(i, 'orphan_id') % 80)::VARCHAR, 5, '0') AS hcp_id,
           at_secs(DATE '2026-01-05' + floor(268 * rnd(i, 'orphan_day'))::INTEGER,
                   60 * floor(540 + 540 * rnd(i, 'orphan_time'))) AS ts,
           ['email', 'email', 'rep_visit', 'display', 'rx'][1 + i % 5] AS channel,
           ['email_sent', 'email_open', 'visit', 'ad_impression', 'prescription'][1 + i % 5] AS event,
           NULL::VARCHAR AS campaign,
           CASE WHEN i % 5 = 4 THEN []::VARCHAR[] ELSE ['efficacy'] END AS tags,
           CASE WHEN i % 5 = 4 THEN 58.70 END::DOUBLE AS revenue
    FROM range(20) t(i)
)
SELECT h.hcp_id, p.ts, p.channel, p.event, p.campaign, p.tags, NULL::DOUBLE AS revenue
FROM promo p JOIN hcp_model h USING (n)
UNION ALL
SELECT h.hcp_id, r.ts, 'rx', 'prescription', NULL, []::VARCHAR[], r.revenue
FROM rx r JOIN hcp_model h USING (n)
UNION ALL
SELECT h.hcp_id, r.ts + to_seconds((60 * floor(30 * rnd(r.key, 'rx_referral_delay')))::BIGINT),
       'rx', 'referral', NULL, []::VARCHAR[], NULL
FROM rx r JOIN hcp_model h USING (n)
WHERE rnd(r.key, 'rx_referral') < 0.01
UNION ALL
SELECT * FROM orphans;

-- Self-checks: fail the generation if an invariant is broken.
SELECT CASE WHEN count(*) > 0 THEN error('touchpoints outside 2026-01-05..2026-09-30: ' || count(*)) END
FROM touchpoints WHERE ts < TIMESTAMP '2026-01-05' OR ts >= TIMESTAMP '2026-10-01';
SELECT CASE WHEN count(*) > 0 THEN error('campaign touchpoints outside their wave: ' || count(*)) END
FROM touchpoints
WHERE (campaign = 'Q2L' AND NOT ts::DATE BETWEEN DATE '2026-04-01' AND DATE '2026-06-30')
   OR (campaign = 'Q3L' AND NOT ts::DATE BETWEEN DATE '2026-07-01' AND DATE '2026-09-30');

-- ---------------------------------------------------------------------------
-- spend: EUR per day x channel, one row per channel with campaign NULL
-- (always-on) every day, plus one row per channel and day of each wave.
-- Costs follow the activity: rep visit ~150 EUR and call ~18 EUR (+-10%),
-- email 0.05 EUR per send + a daily platform fee (always-on) and a creative
-- cost per campaign blast; webinars cost per session (speakers, platform);
-- display is a paid daily budget (weekend x0.6, +-15%); congresses are lumpy:
-- half paid 3 weeks before (booth booking), half over the 3 congress days.
-- ---------------------------------------------------------------------------
CREATE TABLE spend AS
WITH grid AS (
    SELECT c.day, c.dow, c.august, ch.channel, s.stream_id, s.campaign
    FROM calendar c
    CROSS JOIN (VALUES ('rep_visit'), ('email'), ('webinar'), ('congress'), ('display'), ('phone')) ch(channel)
    JOIN stream s ON s.stream_id = 0 OR c.day BETWEEN s.first_day AND s.last_day
), volume AS (
    SELECT ts::DATE AS day, channel, campaign, count(*) AS touches
    FROM touchpoints
    WHERE event IN ('visit', 'call', 'email_sent')
    GROUP BY ALL
), priced AS (
    SELECT g.*, (g.day - DATE '2026-01-01') * 100 + g.stream_id * 10
                + list_position(['rep_visit', 'email', 'webinar', 'congress', 'display', 'phone'], g.channel) AS key,
           coalesce(v.touches, 0) AS touches
    FROM grid g
    LEFT JOIN volume v ON v.day = g.day AND v.channel = g.channel
                      AND v.campaign IS NOT DISTINCT FROM g.campaign
)
SELECT day, channel, campaign, round(CASE channel
    WHEN 'rep_visit' THEN touches * 150 * (0.9 + 0.2 * rnd(key, 'noise'))
    WHEN 'phone' THEN touches * 18 * (0.9 + 0.2 * rnd(key, 'noise'))
    WHEN 'email' THEN touches * 0.05
        + CASE WHEN stream_id = 0 THEN 35 ELSE 0 END
        + CASE WHEN stream_id > 0 AND day IN (SELECT b.day FROM blast b WHERE b.stream_id = priced.stream_id)
               THEN 1200 ELSE 0 END
    WHEN 'webinar' THEN coalesce((SELECT CASE WHEN s.stream_id = 0 THEN 6000 ELSE 9000 END
                                  FROM session s WHERE s.stream_id = priced.stream_id
                                                   AND s.start_ts::DATE = priced.day), 0)
    WHEN 'congress' THEN coalesce((SELECT CASE WHEN priced.day = c.first_day - 21 THEN 0.5
                                               WHEN priced.day BETWEEN c.first_day AND c.first_day + 2 THEN 0.5 / 3
                                               ELSE 0 END
                                          * CASE WHEN c.stream_id = 0 THEN 90000 ELSE 150000 END
                                   FROM congress_event c WHERE c.stream_id = priced.stream_id), 0)
    WHEN 'display' THEN [150, 1100, 700][stream_id + 1]
        * CASE WHEN stream_id = 2 AND august THEN 0.5 ELSE 1 END
        * CASE WHEN dow >= 6 THEN 0.6 ELSE 1 END
        * (0.85 + 0.3 * rnd(key, 'noise'))
    END, 2)::DOUBLE AS eur
FROM priced;

-- ---------------------------------------------------------------------------
-- assets: the content each touch showed. Added after the rest, with salts
-- of their own, so that every row and column above stays as it was: each
-- touch of a content-bearing channel names an asset (asset_id) whose tags
-- are the touch's own:
--   email     an email template per tag set (all the events of one email)
--   webinar   the session (one per tag set)
--   display   the impression's video or article; the click, its impression's
--   rep_visit the visit's e-detail aid or video; a sample request, its
--             visit's; referrals, phone calls, congresses and rx show none.
-- Since the outcomes are drawn already, the content effects are written into
-- which format a touch showed: visits followed by a prescription within 30
-- days showed an e-detail aid more often, strongly so for efficacy content
-- (so efficacy e-detail aids "convert better"), and clicked impressions were
-- videos more often (videos "get more clicks").
-- ---------------------------------------------------------------------------
CREATE TABLE content AS
WITH rows AS (
    -- clicked: an impression whose next row is a click; rx_30d: a touch
    -- followed by a prescription of the HCP within 30 days
    SELECT t.*, t.hcp_id || '/' || t.ts::VARCHAR || '/' || t.event AS akey,
           lead(t.event) OVER w = 'ad_click' AND lead(t.ts) OVER w <= t.ts + INTERVAL 60 SECOND AS clicked,
           count(*) FILTER (WHERE t.event = 'prescription') OVER (PARTITION BY t.hcp_id ORDER BY t.ts
               RANGE BETWEEN INTERVAL 1 SECOND FOLLOWING AND INTERVAL 30 DAY FOLLOWING) > 0 AS rx_30d
    FROM touchpoints t
    WINDOW w AS (PARTITION BY t.hcp_id, t.channel, t.tags ORDER BY t.ts, t.event)
), parent AS (
    -- the format of the touches that choose one; NULL for the others
    SELECT rows.*, CASE
        WHEN channel = 'email' THEN 'email template'
        WHEN channel = 'webinar' THEN 'webinar'
        WHEN event = 'ad_impression' THEN
            CASE WHEN rnd(akey, 'asset_format') < CASE WHEN clicked THEN 0.75 ELSE 0.45 END
                 THEN 'video' ELSE 'article' END
        WHEN event = 'visit' THEN
            CASE WHEN rnd(akey, 'asset_format') < CASE
                     WHEN rx_30d AND list_contains(tags, 'efficacy') THEN 0.80
                     WHEN rx_30d THEN 0.55
                     ELSE 0.45 END
                 THEN 'e-detail aid' ELSE 'video' END
        END AS own_format
    FROM rows
)
SELECT * EXCLUDE (own_format, clicked, rx_30d), CASE
    WHEN event IN ('ad_click', 'sample_request') AND channel IN ('display', 'rep_visit') THEN
        last_value(own_format IGNORE NULLS) OVER (PARTITION BY hcp_id, channel, tags ORDER BY ts, event
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ELSE own_format END AS format
FROM parent;

-- One asset per format and tag set shown; the topic is the first subject
-- among its tags.
CREATE TABLE asset AS
SELECT 'A' || lpad(row_number() OVER (ORDER BY format, tags)::VARCHAR, 2, '0') AS asset_id,
       CASE format WHEN 'e-detail aid' THEN 'E-detail aid' WHEN 'video' THEN 'Video'
                   WHEN 'article' THEN 'Article' WHEN 'email template' THEN 'Email'
                   ELSE 'Webinar' END || ': ' || array_to_string(tags, ', ') AS title,
       format,
       CASE WHEN list_contains(tags, 'efficacy') THEN 'efficacy'
            WHEN list_contains(tags, 'safety') THEN 'safety'
            WHEN list_contains(tags, 'dosing') THEN 'dosing'
            ELSE 'patient_support' END AS topic,
       tags AS content_tags
FROM (SELECT DISTINCT format, tags FROM content WHERE format IS NOT NULL);

-- ---------------------------------------------------------------------------
-- Outputs, fully ordered for byte-identical reruns.
-- ---------------------------------------------------------------------------
COPY (
    SELECT hcp_id, specialty, age, region, preferred_channel, prescriptions_12m, potential, opt_in_email
    FROM hcp_model ORDER BY hcp_id
) TO 'hcps.csv' (HEADER);

COPY (
    SELECT c.hcp_id, c.ts, c.channel, c.event, c.campaign, c.tags, c.revenue, a.asset_id
    FROM content c LEFT JOIN asset a ON a.format = c.format AND a.content_tags = c.tags
    ORDER BY hcp_id, ts, channel, event, campaign NULLS FIRST, tags, revenue, asset_id
) TO 'touchpoints.parquet' (FORMAT parquet, COMPRESSION zstd);

COPY (SELECT * FROM asset ORDER BY asset_id) TO 'assets.parquet' (FORMAT parquet, COMPRESSION zstd);

COPY (
    SELECT * FROM spend ORDER BY day, channel, campaign NULLS FIRST
) TO 'spend.csv' (HEADER);

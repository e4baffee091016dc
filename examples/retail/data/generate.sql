-- =============================================================================
-- omni example data set: "retail" (regenerate: go run ./examples/gen examples/retail/data)
--
-- A fictional retailer's 4,000 loyalty-card holders and their orders from
-- 2021 to 2025, in its stores, on its web site and in its app.
--
-- Outputs (relative to this directory):
--   customers.csv    one row per card holder (attributes)
--   orders.parquet   one row per order
--
-- Modelling choices, in short:
--   * Each customer is acquired in a year from 2021 to 2025 (more early on:
--     the card programme started in 2021) and buys that year; 4% of the card
--     holders never order at all.
--   * Each following year he is still a customer with probability 0.75 (a
--     geometric lifetime), and pauses for a year with probability 0.15 even
--     when he is; after his lifetime he comes back with probability 0.06 a
--     year. So recency stages (warm, cold, inactive) have real transitions.
--   * A customer's yearly number of orders and basket size are latent: a few
--     frequent, big spenders, many occasional ones; regulars order more.
--   * The app grows from about 5% of orders in 2021 to 30% in 2025, the web
--     from 25% to 30%, at the expense of the stores; the young lean digital.
--   * No order on New Year's Day (stores closed, the site in maintenance):
--     a yearly ladder's "first purchase this year" rule is days_since_first()
--     <= 365, which holds for every day of the year but the first of a leap
--     year.
--
-- Determinism: no random()/setseed. Every draw is rnd(key, salt), a hash of a
-- stable integer key and a salt naming the draw, and every output is fully
-- ordered, so two runs (threads=1) write byte-identical files.
-- =============================================================================

-- Uniform in [0, 1), a pure function of (key, salt).
CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
-- Standard normal (Box-Muller on two independent uniforms).
CREATE MACRO rnorm(key, salt) AS
    sqrt(-2 * ln(1 - rnd(key, salt || '/1'))) * cos(2 * pi() * rnd(key, salt || '/2'));
-- Exponential with the given mean.
CREATE MACRO rexp(key, salt, mean) AS -ln(1 - rnd(key, salt)) * mean;
-- Element of list xs chosen by the uniform u.
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];

-- ---------------------------------------------------------------------------
-- customer_model: attributes (-> customers.csv) and latent behaviour.
-- ---------------------------------------------------------------------------
CREATE TABLE customer_model AS
WITH base AS (
    SELECT i AS k,
           printf('C%05d', i) AS customer_id,
           pick(['north', 'south', 'east', 'west'], rnd(i, 'region')) AS region,
           pick(['18-29', '30-44', '30-44', '45-59', '45-59', '60+'], rnd(i, 'age')) AS age_band,
           rnd(i, 'newsletter') < 0.55 AS newsletter,
           -- acquisition year: 35%, 20%, 17%, 15%, 13% from 2021 to 2025
           CASE WHEN rnd(i, 'start') < 0.35 THEN 2021 WHEN rnd(i, 'start') < 0.55 THEN 2022
                WHEN rnd(i, 'start') < 0.72 THEN 2023 WHEN rnd(i, 'start') < 0.87 THEN 2024
                ELSE 2025 END AS start_year,
           -- years as a customer, geometric: P(still one next year) = 0.75
           1 + floor(ln(1 - rnd(i, 'life')) / ln(0.75))::INTEGER AS lifetime,
           rnd(i, 'never') < 0.04 AS never,
           -- orders per active year, and basket size (EUR)
           0.6 + rexp(i, 'rate', 2.2) AS rate,
           round(45 * exp(0.55 * rnorm(i, 'basket')), 2) AS basket
    FROM range(1, 4001) t(i)
)
SELECT *, CASE age_band WHEN '18-29' THEN 0.20 WHEN '30-44' THEN 0.10 WHEN '60+' THEN -0.12 ELSE 0 END AS digital_lean
FROM base;

-- ---------------------------------------------------------------------------
-- active_years: the years each customer orders in.
-- ---------------------------------------------------------------------------
CREATE TABLE active_years AS
SELECT m.*, y AS year,
       -- a regular (in his lifetime) orders more than a returning one
       CASE WHEN y < m.start_year + m.lifetime THEN m.rate ELSE 0.6 * m.rate END AS year_rate
FROM customer_model m
CROSS JOIN range(2021, 2026) t(y)
WHERE NOT m.never AND y >= m.start_year
  AND (y = m.start_year
       OR (y < m.start_year + m.lifetime AND rnd(m.k * 10 + y - 2020, 'pause') >= 0.15)
       OR (y >= m.start_year + m.lifetime AND rnd(m.k * 10 + y - 2020, 'back') < 0.06));

-- ---------------------------------------------------------------------------
-- orders: 1 + a Poisson-like count per active year, spread over the year
-- (not on January 1st), channel by year and age, amount around the basket.
-- ---------------------------------------------------------------------------
CREATE TABLE orders AS
WITH counted AS (
    SELECT *, 1 + floor(rexp(k * 10 + year - 2020, 'count', greatest(year_rate - 1, 0.1)))::INTEGER AS n
    FROM active_years
),
drawn AS (
    SELECT c.*, j, (c.k * 10 + c.year - 2020) * 1000 + j AS ok
    FROM counted c, range(0, c.n) t(j)
),
dated AS (
    SELECT *,
           make_date(year, 1, 2) + floor(rnd(ok, 'day') * (CASE WHEN year % 4 = 0 THEN 365 ELSE 364 END))::INTEGER AS day,
           0.03 + 0.06 * (year - 2021) + digital_lean / 2 AS app_share,
           0.22 + 0.01 * (year - 2021) + digital_lean / 2 AS web_share
    FROM drawn
)
SELECT printf('O%07d', row_number() OVER (ORDER BY customer_id, day, j)) AS order_id,
       customer_id,
       day::TIMESTAMP + to_seconds((9 * 3600 + floor(rnd(ok, 'time') * 12 * 3600))::BIGINT) AS ts,
       CASE WHEN rnd(ok, 'channel') < greatest(app_share, 0.01) THEN 'app'
            WHEN rnd(ok, 'channel') < greatest(app_share, 0.01) + web_share THEN 'web'
            ELSE 'store' END AS channel,
       greatest(round(basket * exp(0.35 * rnorm(ok, 'amount')), 2), 1.0)::DOUBLE AS amount,
       (1 + floor(rexp(ok, 'items', 1.6)))::INTEGER AS items
FROM dated;

-- ---------------------------------------------------------------------------
-- Outputs, fully ordered for byte-identical reruns.
-- ---------------------------------------------------------------------------
COPY (
    SELECT customer_id, region, age_band, newsletter FROM customer_model ORDER BY customer_id
) TO 'customers.csv' (HEADER);

COPY (
    SELECT * FROM orders ORDER BY customer_id, ts, order_id
) TO 'orders.parquet' (FORMAT parquet, COMPRESSION zstd);

-- The benchmark project's default scorecard's cells, written by hand in DuckDB
-- SQL as a DuckDB user would: segments as a join table, one grouped scan for
-- the segment cells and one for the channel cells, traits per customer and
-- quarter. See setup.sql and kpis.sql for the rest.

CREATE TEMP TABLE segments AS
SELECT customer_id, segment FROM (
    SELECT customer_id,
           unnest([CASE WHEN age < 30 THEN 'young' END,
                   CASE WHEN age >= 60 THEN 'seniors' END,
                   CASE WHEN region = 'north' THEN 'north' END,
                   CASE WHEN region = 'capital' THEN 'capital' END,
                   CASE WHEN loyalty_member THEN 'members' END,
                   CASE WHEN tier = 'gold' THEN 'gold' END,
                   CASE WHEN preferred_channel IN ('web', 'app', 'email', 'social') THEN 'digital' END,
                   CASE WHEN preferred_channel = 'store' THEN 'in_store' END]) AS segment
    FROM 'customers.parquet')
WHERE segment IS NOT NULL;

-- Touchpoints in each scope: the whole data, and each campaign's window and filter.
CREATE TEMP VIEW scoped AS
WITH f AS (
    SELECT t.customer_id, t.ts, t.channel, t.event, t.amount, t.items::BIGINT AS items, t.campaign,
           c.online, c.media, date_trunc('quarter', t.ts)::DATE AS quarter
    FROM 'touchpoints.parquet' t LEFT JOIN channels c ON c.name = t.channel
)
SELECT '*' AS scope, * FROM f
UNION ALL SELECT 'spring_2026', * FROM f
    WHERE ts >= TIMESTAMP '2026-03-01' AND ts < TIMESTAMP '2026-06-01' AND campaign = 'spring'
UNION ALL SELECT 'black_friday_2025', * FROM f
    WHERE ts >= TIMESTAMP '2025-11-01' AND ts < TIMESTAMP '2025-12-16' AND campaign = 'black_friday';


-- Aggregates of touchpoints: per segment ('*' is everybody) and per channel.
CREATE TEMP TABLE touch_cells AS
WITH by_segment AS (
    SELECT s.*, '*' AS segment FROM scoped s
    UNION ALL SELECT s.*, g.segment FROM scoped s JOIN segments g USING (customer_id)
)
SELECT scope, CASE WHEN segment <> '*' THEN 'segment' END AS breakdown, nullif(segment, '*') AS key,
       CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
       count(DISTINCT customer_id) AS reach,
       count(DISTINCT customer_id) FILTER (WHERE event = 'purchase') AS buyers,
       count(*) AS touches,
       count(*) FILTER (WHERE event = 'purchase') AS purchases,
       sum(amount) FILTER (WHERE event = 'purchase') AS revenue,
       avg(amount) FILTER (WHERE event = 'purchase') AS basket,
       median(amount) FILTER (WHERE event = 'purchase') AS median_basket,
       sum(items) FILTER (WHERE event = 'purchase') AS items_sold,
       count(*) FILTER (WHERE event = 'click') AS clicks,
       count(*) FILTER (WHERE event IN ('click', 'impression')) AS exposures,
       count(*) FILTER (WHERE event = 'add_to_cart') AS carts,
       count(*) FILTER (WHERE NOT online) AS offline,
       count(*) FILTER (WHERE media = 'paid') AS paid
FROM by_segment
GROUP BY GROUPING SETS ((scope, segment), (scope, segment, quarter))
UNION ALL
SELECT scope, 'channel', channel, CASE WHEN GROUPING(quarter) = 0 THEN quarter END,
       count(DISTINCT customer_id),
       count(DISTINCT customer_id) FILTER (WHERE event = 'purchase'),
       count(*),
       count(*) FILTER (WHERE event = 'purchase'),
       sum(amount) FILTER (WHERE event = 'purchase'),
       avg(amount) FILTER (WHERE event = 'purchase'),
       median(amount) FILTER (WHERE event = 'purchase'),
       sum(items) FILTER (WHERE event = 'purchase'),
       count(*) FILTER (WHERE event = 'click'),
       count(*) FILTER (WHERE event IN ('click', 'impression')),
       count(*) FILTER (WHERE event = 'add_to_cart'),
       count(*) FILTER (WHERE NOT online),
       count(*) FILTER (WHERE media = 'paid')
FROM scoped
GROUP BY GROUPING SETS ((scope, channel), (scope, channel, quarter));

-- Traits per customer and quarter (and over each scope's whole window), then
-- the customer aggregates per segment.
CREATE TEMP TABLE customer_cells AS
WITH traits AS (
    SELECT scope, customer_id, CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
           count(DISTINCT channel) AS channels_used,
           count(*) FILTER (WHERE event = 'purchase') AS purchases
    FROM scoped
    GROUP BY GROUPING SETS ((scope, customer_id, quarter), (scope, customer_id))
), by_segment AS (
    SELECT t.*, '*' AS segment FROM traits t
    UNION ALL SELECT t.*, g.segment FROM traits t JOIN segments g USING (customer_id)
)
SELECT scope, CASE WHEN segment <> '*' THEN 'segment' END AS breakdown, nullif(segment, '*') AS key, period,
       avg(CASE WHEN channels_used >= 2 THEN 1.0 ELSE 0.0 END) AS multichannel_rate,
       avg(CASE WHEN purchases >= 2 THEN 1.0 ELSE 0.0 END) AS repeat_rate
FROM by_segment
GROUP BY scope, segment, period;

-- The benchmark project's default scorecard as one hand-written PostgreSQL
-- query over the tables bench.touchpoints, bench.customers and bench.spend
-- (cmd/bench/kpi/postgres.go loads them): single_scan.sql and kpis.sql
-- written for PostgreSQL, fetching only the cells, in long form (scope,
-- breakdown, key, period, kpi, value; '' and 0001-01-01 for no breakdown
-- and the whole window; null values left out, as UNPIVOT does).
WITH channels (name, online, media) AS (VALUES
    ('store', FALSE, 'owned'), ('web', TRUE, 'owned'), ('app', TRUE, 'owned'), ('email', TRUE, 'owned'),
    ('social', TRUE, 'earned'), ('display', TRUE, 'paid'), ('search', TRUE, 'paid')
), attributes AS (
    SELECT customer_id, age < 30 AS young, age >= 60 AS seniors, region = 'north' AS north, region = 'capital' AS capital,
           loyalty_member AS members, tier = 'gold' AS gold,
           preferred_channel IN ('web', 'app', 'email', 'social') AS digital, preferred_channel = 'store' AS in_store
    FROM bench.customers
), scoped_facts AS (
    -- each touchpoint once per scope it is in: the whole data, and each campaign's window and filter
    SELECT t.customer_id, t.channel, t.event, t.amount, t.items, c.online, c.media,
           CAST(date_trunc('quarter', t.ts) AS date) AS quarter, s.scope
    FROM bench.touchpoints t
    LEFT JOIN channels c ON c.name = t.channel
    CROSS JOIN LATERAL (VALUES ('*'),
        (CASE WHEN t.ts >= '2026-03-01' AND t.ts < '2026-06-01' AND t.campaign = 'spring' THEN 'spring_2026' END),
        (CASE WHEN t.ts >= '2025-11-01' AND t.ts < '2025-12-16' AND t.campaign = 'black_friday' THEN 'black_friday_2025' END)) AS s (scope)
    WHERE s.scope IS NOT NULL
), touch_cells AS (
    SELECT scope,
           CASE WHEN GROUPING(channel) = 0 THEN 'channel'
                WHEN GROUPING(young, seniors, north, capital, members, gold, digital, in_store) <> 255 THEN 'segment' END AS breakdown,
           CASE WHEN GROUPING(channel) = 0 THEN channel
                WHEN GROUPING(young) = 0 THEN 'young' WHEN GROUPING(seniors) = 0 THEN 'seniors'
                WHEN GROUPING(north) = 0 THEN 'north' WHEN GROUPING(capital) = 0 THEN 'capital'
                WHEN GROUPING(members) = 0 THEN 'members' WHEN GROUPING(gold) = 0 THEN 'gold'
                WHEN GROUPING(digital) = 0 THEN 'digital' WHEN GROUPING(in_store) = 0 THEN 'in_store' END AS key,
           CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
           count(DISTINCT customer_id) AS reach,
           count(DISTINCT customer_id) FILTER (WHERE event = 'purchase') AS buyers,
           count(*) AS touches,
           count(*) FILTER (WHERE event = 'purchase') AS purchases,
           sum(amount) FILTER (WHERE event = 'purchase') AS revenue,
           avg(amount) FILTER (WHERE event = 'purchase') AS basket,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE event = 'purchase') AS median_basket,
           sum(items) FILTER (WHERE event = 'purchase') AS items_sold,
           count(*) FILTER (WHERE event = 'click') AS clicks,
           count(*) FILTER (WHERE event IN ('click', 'impression')) AS exposures,
           count(*) FILTER (WHERE event = 'add_to_cart') AS carts,
           count(*) FILTER (WHERE NOT online) AS offline,
           count(*) FILTER (WHERE media = 'paid') AS paid
    FROM scoped_facts LEFT JOIN attributes USING (customer_id)
    GROUP BY GROUPING SETS (
        (scope), (scope, quarter), (scope, channel), (scope, channel, quarter),
        (scope, young), (scope, young, quarter), (scope, seniors), (scope, seniors, quarter),
        (scope, north), (scope, north, quarter), (scope, capital), (scope, capital, quarter),
        (scope, members), (scope, members, quarter), (scope, gold), (scope, gold, quarter),
        (scope, digital), (scope, digital, quarter), (scope, in_store), (scope, in_store, quarter))
    HAVING (GROUPING(young) = 1 OR young) AND (GROUPING(seniors) = 1 OR seniors) AND (GROUPING(north) = 1 OR north)
       AND (GROUPING(capital) = 1 OR capital) AND (GROUPING(members) = 1 OR members) AND (GROUPING(gold) = 1 OR gold)
       AND (GROUPING(digital) = 1 OR digital) AND (GROUPING(in_store) = 1 OR in_store)
), traits AS (
    -- per scope, customer and quarter, and over each scope's whole window
    SELECT scope, customer_id, CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
           count(DISTINCT channel) AS channels_used,
           count(*) FILTER (WHERE event = 'purchase') AS purchases
    FROM scoped_facts
    GROUP BY GROUPING SETS ((scope, customer_id, quarter), (scope, customer_id))
), customer_cells AS (
    SELECT scope,
           CASE WHEN GROUPING(young, seniors, north, capital, members, gold, digital, in_store) <> 255 THEN 'segment' END AS breakdown,
           CASE WHEN GROUPING(young) = 0 THEN 'young' WHEN GROUPING(seniors) = 0 THEN 'seniors'
                WHEN GROUPING(north) = 0 THEN 'north' WHEN GROUPING(capital) = 0 THEN 'capital'
                WHEN GROUPING(members) = 0 THEN 'members' WHEN GROUPING(gold) = 0 THEN 'gold'
                WHEN GROUPING(digital) = 0 THEN 'digital' WHEN GROUPING(in_store) = 0 THEN 'in_store' END AS key,
           period,
           avg(CASE WHEN channels_used >= 2 THEN 1.0 ELSE 0.0 END::float8) AS multichannel_rate,
           avg(CASE WHEN purchases >= 2 THEN 1.0 ELSE 0.0 END::float8) AS repeat_rate
    FROM traits LEFT JOIN attributes USING (customer_id)
    GROUP BY GROUPING SETS (
        (scope, period), (scope, period, young), (scope, period, seniors), (scope, period, north), (scope, period, capital),
        (scope, period, members), (scope, period, gold), (scope, period, digital), (scope, period, in_store))
    HAVING (GROUPING(young) = 1 OR young) AND (GROUPING(seniors) = 1 OR seniors) AND (GROUPING(north) = 1 OR north)
       AND (GROUPING(capital) = 1 OR capital) AND (GROUPING(members) = 1 OR members) AND (GROUPING(gold) = 1 OR gold)
       AND (GROUPING(digital) = 1 OR digital) AND (GROUPING(in_store) = 1 OR in_store)
), spend_days AS (
    SELECT CAST(day AS timestamp) AS day, channel, cost, CAST(date_trunc('quarter', CAST(day AS timestamp)) AS date) AS quarter
    FROM bench.spend
), scoped_spend AS (
    SELECT '*' AS scope, * FROM spend_days
    UNION ALL SELECT 'spring_2026', * FROM spend_days WHERE day >= '2026-03-01' AND day < '2026-06-01'
    UNION ALL SELECT 'black_friday_2025', * FROM spend_days WHERE day >= '2025-11-01' AND day < '2025-12-16'
), spend_cells AS (
    SELECT scope, CASE WHEN GROUPING(channel) = 0 THEN 'channel' END AS breakdown,
           CASE WHEN GROUPING(channel) = 0 THEN channel END AS key,
           CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
           sum(cost) AS cost
    FROM scoped_spend
    GROUP BY GROUPING SETS ((scope), (scope, quarter), (scope, channel), (scope, channel, quarter))
), cells AS (
    -- null keys (the total, the whole window) made comparable for the joins
    SELECT * FROM
        (SELECT scope, coalesce(breakdown, '') AS breakdown, coalesce(key, '') AS key, coalesce(period, DATE '0001-01-01') AS period,
                reach, buyers, touches, purchases, revenue, basket, median_basket, items_sold, clicks, exposures, carts, offline, paid
         FROM touch_cells) AS tc
    FULL JOIN
        (SELECT scope, coalesce(breakdown, '') AS breakdown, coalesce(key, '') AS key, coalesce(period, DATE '0001-01-01') AS period,
                multichannel_rate, repeat_rate
         FROM customer_cells) AS cc USING (scope, breakdown, key, period)
    FULL JOIN
        (SELECT scope, coalesce(breakdown, '') AS breakdown, coalesce(key, '') AS key, coalesce(period, DATE '0001-01-01') AS period, cost
         FROM spend_cells) AS sc USING (scope, breakdown, key, period)
)
SELECT scope, breakdown, key, CAST(period AS text), kpi, value
FROM cells CROSS JOIN LATERAL (VALUES
    ('reach', CAST(reach AS float8)), ('buyers', buyers), ('conversion_rate', CAST(buyers AS float8) / nullif(reach, 0)),
    ('touches', touches), ('touches_per_customer', CAST(touches AS float8) / nullif(reach, 0)),
    ('purchases', purchases), ('revenue', revenue), ('basket', basket), ('median_basket', median_basket),
    ('items_sold', items_sold), ('items_per_purchase', CAST(items_sold AS float8) / nullif(purchases, 0)),
    ('clicks', clicks), ('click_rate', CAST(clicks AS float8) / nullif(exposures, 0)), ('carts', carts),
    ('cart_conversion', CAST(purchases AS float8) / nullif(carts, 0)),
    ('offline_share', CAST(offline AS float8) / nullif(touches, 0)), ('paid_share', CAST(paid AS float8) / nullif(touches, 0)),
    ('multichannel_rate', CASE WHEN breakdown <> 'channel' THEN multichannel_rate END),
    ('repeat_rate', CASE WHEN breakdown <> 'channel' THEN repeat_rate END),
    ('cost', CASE WHEN breakdown <> 'segment' THEN cost END),
    ('roas', CASE WHEN breakdown <> 'segment' THEN revenue / nullif(cost, 0) END),
    ('cac', CASE WHEN breakdown <> 'segment' THEN cost / nullif(buyers, 0) END)) AS u (kpi, value)
WHERE value IS NOT NULL

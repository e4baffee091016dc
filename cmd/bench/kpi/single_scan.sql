-- The benchmark project's default scorecard's cells as written for speed:
-- one scan of the touchpoints, joined to their customer's attributes, fanned
-- out to the scopes each belongs to, and every cell of every scope in one
-- GROUP BY GROUPING SETS. Segments overlap, so each is a boolean attribute
-- grouped on its own, of which the TRUE group is kept; every conditional
-- aggregate is a FILTER. Traits likewise: one GROUP BY per customer, then one
-- GROUPING SETS over them. See setup.sql and kpis.sql for the rest.

CREATE TEMP MACRO in_segments(young, seniors, north, capital, members, gold, digital, in_store) AS
    list_filter([CASE WHEN young THEN 'young' END, CASE WHEN seniors THEN 'seniors' END,
                 CASE WHEN north THEN 'north' END, CASE WHEN capital THEN 'capital' END,
                 CASE WHEN members THEN 'members' END, CASE WHEN gold THEN 'gold' END,
                 CASE WHEN digital THEN 'digital' END, CASE WHEN in_store THEN 'in_store' END], s -> s IS NOT NULL);

CREATE TEMP VIEW attributes AS
SELECT customer_id, age < 30 AS young, age >= 60 AS seniors, region = 'north' AS north, region = 'capital' AS capital,
       loyalty_member AS members, tier = 'gold' AS gold,
       preferred_channel IN ('web', 'app', 'email', 'social') AS digital, preferred_channel = 'store' AS in_store
FROM 'customers.parquet';

-- Each touchpoint once per scope it is in: the whole data, and each campaign's window and filter.
CREATE TEMP VIEW scoped_facts AS
SELECT * FROM (
    SELECT t.customer_id, t.channel, t.event, t.amount, t.items::BIGINT AS items, c.online, c.media,
           date_trunc('quarter', t.ts)::DATE AS quarter,
           unnest(['*',
                   CASE WHEN t.ts >= TIMESTAMP '2026-03-01' AND t.ts < TIMESTAMP '2026-06-01' AND t.campaign = 'spring' THEN 'spring_2026' END,
                   CASE WHEN t.ts >= TIMESTAMP '2025-11-01' AND t.ts < TIMESTAMP '2025-12-16' AND t.campaign = 'black_friday' THEN 'black_friday_2025' END]) AS scope
    FROM 'touchpoints.parquet' t LEFT JOIN channels c ON c.name = t.channel
) WHERE scope IS NOT NULL;

CREATE TEMP TABLE touch_cells AS
SELECT scope,
       CASE WHEN GROUPING(channel) = 0 THEN 'channel'
            WHEN GROUPING(young, seniors, north, capital, members, gold, digital, in_store) <> 255 THEN 'segment' END AS breakdown,
       CASE WHEN GROUPING(channel) = 0 THEN channel
            ELSE in_segments(GROUPING(young) = 0, GROUPING(seniors) = 0, GROUPING(north) = 0, GROUPING(capital) = 0,
                             GROUPING(members) = 0, GROUPING(gold) = 0, GROUPING(digital) = 0, GROUPING(in_store) = 0)[1] END AS key,
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
FROM scoped_facts LEFT JOIN attributes USING (customer_id)
GROUP BY GROUPING SETS (
    (scope), (scope, quarter), (scope, channel), (scope, channel, quarter),
    (scope, young), (scope, young, quarter), (scope, seniors), (scope, seniors, quarter),
    (scope, north), (scope, north, quarter), (scope, capital), (scope, capital, quarter),
    (scope, members), (scope, members, quarter), (scope, gold), (scope, gold, quarter),
    (scope, digital), (scope, digital, quarter), (scope, in_store), (scope, in_store, quarter))
HAVING (GROUPING(young) = 1 OR young) AND (GROUPING(seniors) = 1 OR seniors) AND (GROUPING(north) = 1 OR north)
   AND (GROUPING(capital) = 1 OR capital) AND (GROUPING(members) = 1 OR members) AND (GROUPING(gold) = 1 OR gold)
   AND (GROUPING(digital) = 1 OR digital) AND (GROUPING(in_store) = 1 OR in_store);

-- Traits per scope, customer and quarter (and over each scope's whole
-- window), then their aggregates per segment in one GROUPING SETS.
CREATE TEMP TABLE customer_cells AS
WITH traits AS (
    SELECT scope, customer_id, CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
           count(DISTINCT channel) AS channels_used,
           count(*) FILTER (WHERE event = 'purchase') AS purchases
    FROM scoped_facts
    GROUP BY GROUPING SETS ((scope, customer_id, quarter), (scope, customer_id))
)
SELECT scope,
       CASE WHEN GROUPING(young, seniors, north, capital, members, gold, digital, in_store) <> 255 THEN 'segment' END AS breakdown,
       in_segments(GROUPING(young) = 0, GROUPING(seniors) = 0, GROUPING(north) = 0, GROUPING(capital) = 0,
                   GROUPING(members) = 0, GROUPING(gold) = 0, GROUPING(digital) = 0, GROUPING(in_store) = 0)[1] AS key,
       period,
       avg(CASE WHEN channels_used >= 2 THEN 1.0 ELSE 0.0 END) AS multichannel_rate,
       avg(CASE WHEN purchases >= 2 THEN 1.0 ELSE 0.0 END) AS repeat_rate
FROM traits LEFT JOIN attributes USING (customer_id)
GROUP BY GROUPING SETS (
    (scope, period), (scope, period, young), (scope, period, seniors), (scope, period, north), (scope, period, capital),
    (scope, period, members), (scope, period, gold), (scope, period, digital), (scope, period, in_store))
HAVING (GROUPING(young) = 1 OR young) AND (GROUPING(seniors) = 1 OR seniors) AND (GROUPING(north) = 1 OR north)
   AND (GROUPING(capital) = 1 OR capital) AND (GROUPING(members) = 1 OR members) AND (GROUPING(gold) = 1 OR gold)
   AND (GROUPING(digital) = 1 OR digital) AND (GROUPING(in_store) = 1 OR in_store);

-- The end both hand-written references share: spend per cell, then the KPIs
-- per cell from the cells each reference computed, touch_cells (aggregates of
-- touchpoints) and customer_cells (aggregates of traits). It leaves the result
-- in the table `reference(scope, breakdown, key, period, kpi, value)`.

-- Spend per scope window, channel and quarter.
CREATE TEMP TABLE spend_cells AS
WITH s AS (
    SELECT day::TIMESTAMP AS day, channel, cost, date_trunc('quarter', day)::DATE AS quarter FROM 'spend.parquet'
), scoped_spend AS (
    SELECT '*' AS scope, * FROM s
    UNION ALL SELECT 'spring_2026', * FROM s WHERE day >= TIMESTAMP '2026-03-01' AND day < TIMESTAMP '2026-06-01'
    UNION ALL SELECT 'black_friday_2025', * FROM s WHERE day >= TIMESTAMP '2025-11-01' AND day < TIMESTAMP '2025-12-16'
)
SELECT scope, CASE WHEN GROUPING(channel) = 0 THEN 'channel' END AS breakdown,
       CASE WHEN GROUPING(channel) = 0 THEN channel END AS key,
       CASE WHEN GROUPING(quarter) = 0 THEN quarter END AS period,
       sum(cost) AS cost
FROM scoped_spend
GROUP BY GROUPING SETS ((scope), (scope, quarter), (scope, channel), (scope, channel, quarter));

CREATE TEMP MACRO keyed(cells) AS TABLE
SELECT * REPLACE (coalesce(breakdown, '') AS breakdown, coalesce(key, '') AS key, coalesce(period, DATE '0001-01-01') AS period)
FROM query_table(cells::VARCHAR);

-- The KPIs per cell, in long form. A KPI is reported only where all its
-- parts exist: customer aggregates are not split by channel, spend not by segment.
CREATE TEMP TABLE reference AS
WITH cells AS (
    -- NULL keys (the total, the whole window) made comparable for the joins
    SELECT * FROM keyed(touch_cells)
    FULL JOIN keyed(customer_cells) USING (scope, breakdown, key, period)
    FULL JOIN keyed(spend_cells) USING (scope, breakdown, key, period)
), kpis AS (
    SELECT scope, breakdown, key, period,
           reach, buyers, buyers / nullif(reach, 0) AS conversion_rate, touches,
           touches / nullif(reach, 0) AS touches_per_customer, purchases, revenue, basket, median_basket,
           items_sold, items_sold / nullif(purchases, 0) AS items_per_purchase, clicks,
           clicks / nullif(exposures, 0) AS click_rate, carts, purchases / nullif(carts, 0) AS cart_conversion,
           offline / nullif(touches, 0) AS offline_share, paid / nullif(touches, 0) AS paid_share,
           CASE WHEN breakdown IS DISTINCT FROM 'channel' THEN multichannel_rate END AS multichannel_rate,
           CASE WHEN breakdown IS DISTINCT FROM 'channel' THEN repeat_rate END AS repeat_rate,
           CASE WHEN breakdown IS DISTINCT FROM 'segment' THEN cost END AS cost,
           CASE WHEN breakdown IS DISTINCT FROM 'segment' THEN revenue / nullif(cost, 0) END AS roas,
           CASE WHEN breakdown IS DISTINCT FROM 'segment' THEN cost / nullif(buyers, 0) END AS cac
    FROM cells
)
UNPIVOT kpis ON COLUMNS(* EXCLUDE (scope, breakdown, key, period)) INTO NAME kpi VALUE value;

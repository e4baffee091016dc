-- omni benchmark data: {{rows}} touchpoints of {{customers}} customers over
-- 8 quarters (2025-01-01 .. 2026-12-31), written as Parquet into the
-- working folder. Deterministic: every draw is a hash of a row number and
-- a salt (no random()), and the outputs are ordered.
--
-- Realistic skew: customer activity follows a power law (the cube of a
-- uniform: a few customers have most touchpoints); the channel mix depends
-- on the customer's age band and preferred channel; activity is seasonal
-- (lower in August and at year end); purchases come from every channel,
-- more from the store.

CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;
CREATE MACRO pick(xs, u) AS xs[1 + least(floor(u * len(xs)), len(xs) - 1)::INTEGER];

-- customers: one row each, with the attributes segments use.
COPY (
    SELECT printf('C%08d', i) AS customer_id,
           pick(['north', 'south', 'east', 'west', 'capital'], rnd(i, 'region')) AS region,
           18 + floor(60 * rnd(i, 'age'))::INTEGER AS age,
           pick(['store', 'web', 'app', 'email', 'social'], rnd(i, 'pref')) AS preferred_channel,
           rnd(i, 'loyal') < 0.3 AS loyalty_member,
           pick(['gold', 'silver', 'bronze', 'none'], rnd(i, 'tier') * rnd(i, 'tier2') * 1.6) AS tier
    FROM range({{customers}}) t(i)
    ORDER BY i
) TO 'customers.parquet' (FORMAT parquet, COMPRESSION zstd);

-- touchpoints: the fact table.
COPY (
    WITH raw AS (
        SELECT i,
               floor({{customers}} * pow(rnd(i, 'who'), 3))::BIGINT AS c,
               floor(730 * rnd(i, 'day'))::INTEGER AS day_offset,
               rnd(i, 'chan') AS u_chan,
               rnd(i, 'event') AS u_event
        FROM range({{rows}}) t(i)
    ), placed AS (
        SELECT r.*,
               DATE '2025-01-01' + r.day_offset AS day,
               -- the customer's preferred channel takes half the touches
               CASE WHEN r.u_chan < 0.5 THEN pick(['store', 'web', 'app', 'email', 'social'], rnd(r.c, 'pref'))
                    ELSE pick(['store', 'web', 'app', 'email', 'social', 'display', 'search'], (r.u_chan - 0.5) * 2) END AS channel
        FROM raw r
        -- seasonality: thin August and the last two weeks of the year
        WHERE NOT (month(DATE '2025-01-01' + r.day_offset) = 8 AND rnd(r.i, 'season') < 0.4)
          AND NOT (dayofyear(DATE '2025-01-01' + r.day_offset) > 350 AND rnd(r.i, 'season') < 0.5)
    )
    SELECT printf('C%08d', c) AS customer_id,
           day + to_seconds(floor(28800 + 43200 * rnd(i, 'secs'))::BIGINT) AS ts,
           channel,
           CASE WHEN u_event < 0.06 THEN 'purchase'
                WHEN u_event < 0.10 THEN 'add_to_cart'
                WHEN channel IN ('email', 'social', 'display', 'search') AND u_event < 0.55 THEN 'click'
                WHEN channel IN ('email', 'social', 'display', 'search') THEN 'impression'
                ELSE 'visit' END AS event,
           pick(['spring', 'summer', 'black_friday', 'always_on'], rnd(i, 'camp')) AS campaign,
           CASE WHEN u_event < 0.06 THEN round(5 + 200 * pow(rnd(i, 'amount'), 2), 2) END AS amount,
           CASE WHEN u_event < 0.06 THEN 1 + floor(4 * pow(rnd(i, 'items'), 2))::INTEGER END AS items
    FROM placed
    ORDER BY customer_id, ts, channel
) TO 'touchpoints.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000);

-- spend: cost per day and paid or owned channel.
COPY (
    SELECT DATE '2025-01-01' + d::INTEGER AS day, channel,
           round(CASE channel WHEN 'display' THEN 800 WHEN 'search' THEN 1200 WHEN 'social' THEN 500
                              WHEN 'email' THEN 60 ELSE 300 END
                 * (0.5 + rnd(d * 10 + len(channel), 'spend')), 2) AS cost
    FROM range(730) t(d), (SELECT unnest(['store', 'web', 'app', 'email', 'social', 'display', 'search']) AS channel)
    ORDER BY day, channel
) TO 'spend.parquet' (FORMAT parquet);

-- The loyalty benchmark's data: getvariable('customers') customers over the
-- eight quarters of 2024 and 2025, about 1.5 touchpoints per customer and
-- quarter (visits and purchases). Set the variable before running it, in a
-- folder where it writes customers.parquet and touchpoints.parquet.
-- Hash-based draws only, so the data is the same from run to run.

CREATE MACRO rnd(key, salt) AS (hash(key, salt) % 1000003) / 1000003.0;

COPY (
    SELECT printf('K%07d', i) AS customer_id,
           CASE WHEN rnd(i, 'tier') < 0.2 THEN 'gold' WHEN rnd(i, 'tier') < 0.5 THEN 'silver' ELSE 'bronze' END AS tier
    FROM range(1, getvariable('customers') + 1) t(i)
) TO 'customers.parquet' (FORMAT parquet);

COPY (
    WITH cells AS (
        -- each customer's engagement drifts from quarter to quarter
        SELECT i, q, rnd(i, 'base') * (0.6 + 0.8 * rnd(i * 16 + q, 'drift')) AS engagement
        FROM range(1, getvariable('customers') + 1) t(i), range(0, 8) s(q)
    ),
    events AS (
        SELECT i, q, j, i * 1024 + q * 64 + j AS k
        FROM cells, range(0, floor(-ln(1 - rnd(i * 16 + q, 'n')) * 3 * engagement)::INTEGER) r(j)
    )
    SELECT printf('K%07d', i) AS customer_id,
           TIMESTAMP '2024-01-01' + INTERVAL (q * 3) MONTH + INTERVAL (floor(rnd(k, 'day') * 89 * 86400)::BIGINT) SECOND AS ts,
           CASE WHEN rnd(k, 'event') < 0.4 THEN 'purchase' ELSE 'visit' END AS event,
           CASE WHEN rnd(k, 'event') < 0.4 THEN round(10 + 90 * rnd(k, 'amount'), 2) END AS amount
    FROM events
) TO 'touchpoints.parquet' (FORMAT parquet);

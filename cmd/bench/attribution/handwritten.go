package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/omni-metrics/omni/engine/attribution"
	"github.com/omni-metrics/omni/engine/scorecard"
)

// handwrittenSQL is the attribution of the bench project as an analyst
// would write it in DuckDB: journeys reset at each purchase, 30 days of
// touches (ties in time: touches first, then by channel), the five
// heuristics' credit per channel, and the transitions of a first-order
// Markov chain.
const handwrittenSQL = `
WITH events AS (
    SELECT customer, ts, channel, event = 'purchase' AS purchase,
           CASE WHEN event = 'purchase' THEN coalesce(revenue, 0) END AS value
    FROM read_parquet('%s')
    WHERE customer IS NOT NULL AND ts IS NOT NULL AND (event = 'purchase' OR channel IS NOT NULL)
),
touches AS (
    SELECT customer, ts, channel, purchase,
           count(*) FILTER (WHERE purchase) OVER before AS journey,
           min(ts) FILTER (WHERE purchase) OVER after AS purchased_at,
           first_value(value IGNORE NULLS) OVER after AS journey_value,
           max(ts) OVER (PARTITION BY customer) AS last_ts
    FROM events
    WINDOW before AS (PARTITION BY customer ORDER BY ts, purchase, channel, value ROWS UNBOUNDED PRECEDING),
           after AS (PARTITION BY customer ORDER BY ts, purchase, channel, value ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
),
steps AS (
    SELECT customer, journey, ts, channel, purchased_at IS NOT NULL AS converting, journey_value,
           row_number() OVER path AS pos,
           count(*) OVER (PARTITION BY customer, journey) AS n,
           lag(channel) OVER path AS previous,
           max(ts) OVER (PARTITION BY customer, journey) AS last_step
    FROM touches
    WHERE NOT purchase AND ts > coalesce(purchased_at, last_ts) - INTERVAL 30 DAY
    WINDOW path AS (PARTITION BY customer, journey ORDER BY ts, channel)
),
credits AS (
    SELECT *,
           CASE WHEN pos = 1 THEN 1.0 ELSE 0.0 END AS first,
           CASE WHEN pos = n THEN 1.0 ELSE 0.0 END AS last,
           1.0 / n AS linear,
           CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN 0.5 WHEN pos = 1 OR pos = n THEN 0.4 ELSE 0.2 / (n - 2) END AS position,
           pow(0.5, epoch(last_step - ts) / 604800.0)
               / sum(pow(0.5, epoch(last_step - ts) / 604800.0)) OVER (PARTITION BY customer, journey) AS time_decay
    FROM steps
)
SELECT 'credit' AS kind, channel AS a, NULL AS b,
       sum(first)::DOUBLE AS c1, sum(first * journey_value)::DOUBLE AS v1,
       sum(last)::DOUBLE AS c2, sum(last * journey_value)::DOUBLE AS v2,
       sum(linear)::DOUBLE AS c3, sum(linear * journey_value)::DOUBLE AS v3,
       sum(position)::DOUBLE AS c4, sum(position * journey_value)::DOUBLE AS v4,
       sum(time_decay)::DOUBLE AS c5, sum(time_decay * journey_value)::DOUBLE AS v5
FROM credits WHERE converting GROUP BY channel
UNION ALL BY NAME
SELECT 'move' AS kind, previous AS a, channel AS b, count(*)::DOUBLE AS c1 FROM credits GROUP BY previous, channel
UNION ALL BY NAME
SELECT 'end' AS kind, channel AS a, CASE WHEN converting THEN 'purchase' END AS b, count(*)::DOUBLE AS c1, sum(journey_value)::DOUBLE AS v1
FROM credits WHERE pos = n GROUP BY channel, converting
`

// heuristics are the models of the bench project, in the columns' order.
var heuristics = []string{"first", "last", "linear", "position", "time_decay"}

// credit is a model's conversions and value per channel.
type credit map[string][2]float64

// writeHandwritten runs the hand-written SQL and writes each model's
// credit as JSON, the Markov chain solved by omni's solver.
func writeHandwritten(parquet, out string) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(fmt.Sprintf(handwrittenSQL, strings.ReplaceAll(parquet, "'", "''")))
	if err != nil {
		return err
	}
	defer rows.Close()
	models := map[string]credit{}
	var moves []attribution.Transition
	var purchases, value float64
	for rows.Next() {
		var kind string
		var a, b sql.NullString
		var c [5]sql.NullFloat64
		var v [5]sql.NullFloat64
		if err := rows.Scan(&kind, &a, &b, &c[0], &v[0], &c[1], &v[1], &c[2], &v[2], &c[3], &v[3], &c[4], &v[4]); err != nil {
			return err
		}
		switch kind {
		case "credit":
			for i, m := range heuristics {
				if models[m] == nil {
					models[m] = credit{}
				}
				models[m][a.String] = [2]float64{c[i].Float64, v[i].Float64}
			}
		case "move":
			moves = append(moves, attribution.Transition{From: state(a), To: state(b), Count: c[0].Float64})
		case "end":
			moves = append(moves, attribution.Transition{From: state(a), Converted: b.Valid, Count: c[0].Float64})
			if b.Valid {
				purchases, value = purchases+c[0].Float64, value+v[0].Float64
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	removal, err := attribution.RemovalEffects(moves)
	if err != nil {
		return err
	}
	conv, val := removal.Share(purchases), removal.Share(value)
	models["markov"] = credit{}
	for k := range conv {
		models["markov"][k] = [2]float64{conv[k], val[k]}
	}
	b, err := json.Marshal(models)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func state(s sql.NullString) []string {
	if !s.Valid {
		return nil
	}
	return []string{s.String}
}

// compareFiles checks that omni's scorecard and the hand-written SQL credit
// every channel alike under every model.
func compareFiles(omniJSON, handJSON string) error {
	var sc scorecard.Scorecard
	var hand map[string]credit
	for path, dst := range map[string]any{omniJSON: &sc, handJSON: &hand} {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, dst); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if len(sc.Attribution) != len(hand) {
		return fmt.Errorf("omni reports %d models, the hand-written SQL %d", len(sc.Attribution), len(hand))
	}
	for _, a := range sc.Attribution {
		want := hand[a.Name]
		seen := 0
		for _, r := range a.Rows {
			w, ok := want[r.Key]
			if ok {
				seen++
			}
			if !agree(float64(r.Conversions), w[0]) || !agree(float64(r.Value), w[1]) {
				return fmt.Errorf("%s, %s: omni %v conversions (%v value), hand-written %v (%v)", a.Name, r.Key, r.Conversions, r.Value, w[0], w[1])
			}
		}
		if seen != len(want) {
			return fmt.Errorf("%s: the hand-written SQL credits channels omni does not report", a.Name)
		}
	}
	return nil
}

// agree compares two sums of the same terms, which parallel summation may
// round differently, and which the scorecard writes with 12 digits.
func agree(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

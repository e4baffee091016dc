package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// generate writes dir/project: a Parquet file of touchpoints and conversions
// drawn from hashes of the row number (the same file for the same sizes),
// and the omni project that attributes the conversions.
//
// A tenth as many customers as conversions, say 100,000, share the rows:
// over 2026 each gets about 100 touches on eight channels of unequal reach
// and 10 purchases, so most purchases have a few touches in the 30 days
// before them, and some journeys end without one.
func generate(dir string, touches, conversions int) error {
	project := filepath.Join(dir, "project")
	if err := os.MkdirAll(project, 0o755); err != nil {
		return err
	}
	db, err := sql.Open("duckdb", "?temp_directory="+filepath.Join(dir, "tmp"))
	if err != nil {
		return err
	}
	defer db.Close()
	customers := max(1, conversions/10)
	file := filepath.Join(project, "touchpoints.parquet")
	query := fmt.Sprintf(`COPY (
    SELECT printf('C%%07d', hash(i, 'customer') %% %[1]d) AS customer,
           TIMESTAMP '2026-01-01' + to_seconds(CAST(hash(i, 'time') %% 31536000 AS BIGINT)) AS ts,
           CASE WHEN hash(i, 'channel') %% 100 < 30 THEN 'search'
                WHEN hash(i, 'channel') %% 100 < 50 THEN 'social'
                WHEN hash(i, 'channel') %% 100 < 65 THEN 'email'
                WHEN hash(i, 'channel') %% 100 < 77 THEN 'display'
                WHEN hash(i, 'channel') %% 100 < 86 THEN 'video'
                WHEN hash(i, 'channel') %% 100 < 93 THEN 'affiliate'
                WHEN hash(i, 'channel') %% 100 < 98 THEN 'direct'
                ELSE 'tv' END AS channel,
           'touch' AS event,
           NULL::DOUBLE AS revenue
    FROM range(%[2]d) AS r(i)
    UNION ALL
    SELECT printf('C%%07d', hash(i, 'buyer') %% %[1]d),
           TIMESTAMP '2026-01-01' + to_seconds(CAST(hash(i, 'when') %% 31536000 AS BIGINT)),
           NULL, 'purchase', round(10 + (hash(i, 'revenue') %% 19000) / 100.0, 2)
    FROM range(%[3]d) AS r(i)
) TO '%[4]s' (FORMAT parquet)`, customers, touches, conversions, file)
	if _, err := db.Exec(query); err != nil {
		return fmt.Errorf("generating the data: %w", err)
	}
	return os.WriteFile(filepath.Join(project, "project.hcl"), []byte(projectHCL), 0o644)
}

// projectHCL attributes the purchases with the five heuristics and a
// first-order Markov chain, over the same journeys: 30 days of touches.
// Its scorecard has no KPI, as the hand-written SQL computes none: a KPI
// is a query of its own over the same rows (0.25-0.3 s at 10M touchpoints).
const projectHCL = `project "bench" { grain = "year" }

source "touchpoints" {
  path     = "touchpoints.parquet"
  customer = "customer"
  time     = "ts"
  channel  = "channel"
}

scorecard "bench" {}

attribution "first" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "first"
}
attribution "last" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "last"
}
attribution "linear" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "linear"
}
attribution "position" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "position"
  first      = 0.4
  last       = 0.4
}
attribution "time_decay" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "time_decay"
  half_life  = "7d"
}
attribution "markov" {
  conversion = "event == 'purchase'"
  value      = "revenue"
  lookback   = "30d"
  model      = "markov"
}
`

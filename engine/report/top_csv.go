package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/omni-metrics/omni/engine/scorecard"
)

// WriteTopCSV writes the scorecard's top as one tidy table, one row per
// scope, breakdown and key kept — its rank, its value of the ranking KPI
// and its share of the total — then a row for the others (rank and value
// empty, key their count as "(2 others)"), the columns of the top's JSON.
func WriteTopCSV(w io.Writer, sc *scorecard.Scorecard) error {
	c := csv.NewWriter(w)
	c.Write([]string{"campaign", "kpi", "by", "rank", "key", "value", "share"})
	for _, r := range sc.Top.Rankings {
		for i, k := range r.Keys {
			c.Write([]string{r.Campaign, sc.Top.By, r.By, strconv.Itoa(i + 1), csvKey(k.Key), csvNumber(k.Value), csvNumber(k.Share)})
		}
		if r.Others != nil {
			c.Write([]string{r.Campaign, sc.Top.By, r.By, "", r.Others.Label(), "", csvNumber(r.Others.Share)})
		}
	}
	c.Flush()
	return c.Error()
}

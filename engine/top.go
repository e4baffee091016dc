package engine

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/omni-metrics/omni/dsl"
)

// TopPlan is a scorecard's top: the keys each single breakdown's tables
// keep, ranked by a KPI (see scorecard.RankTop).
type TopPlan struct {
	N   int
	KPI string
}

// planTop checks a scorecard's top against its KPIs and breakdowns: the
// ranking KPI (top_by, else the first) must be one of the scorecard's and
// reported by a single breakdown.
func (p *Plan) planTop(def *dsl.Scorecard) (*TopPlan, hcl.Diagnostics) {
	if def == nil || def.Top == 0 || len(p.KPIs) == 0 {
		return nil, nil
	}
	k, at := p.KPIs[0], &def.DeclRange
	if def.TopBy != nil {
		k, at = nil, &def.TopBy.Range
		var names []string
		for _, s := range p.KPIs {
			names = append(names, s.Def.Name)
			if s.Def.Name == def.TopBy.Name {
				k = s
			}
		}
		if k == nil {
			return nil, errorDiag("Ranking by a KPI not reported", fmt.Sprintf("top_by names kpi.%s, which scorecard %q does not report: name one of its KPIs (%s), or add it to kpis.", def.TopBy.Name, def.Name, strings.Join(names, ", ")), at)
		}
	}
	for _, b := range p.Breakdowns {
		if b.parts == nil && p.Reports(k, b) {
			return &TopPlan{N: def.Top, KPI: k.Def.Name}, nil
		}
	}
	return nil, errorDiag("Top without a breakdown", fmt.Sprintf("top keeps the keys of a breakdown with the highest kpi.%s, but scorecard %q reports it by no single breakdown: add one to by (as \"channel\"), or remove top.", k.Def.Name, def.Name), at)
}

package scorecard

import (
	"testing"
)

// A key without a value is never kept, however few keys have one; a total
// of zero gives no share.
func TestRankTopLeavesKeysWithoutValue(t *testing.T) {
	a, b, c := "a", "b", "c"
	sc := &Scorecard{
		Scopes: []Scope{{}},
		KPIs:   []KPI{{Name: "revenue", By: []string{"store"}}},
		Values: []Value{
			{KPI: "revenue", Value: 0},
			{KPI: "revenue", By: "store", Key: &a, Value: Null},
			{KPI: "revenue", By: "store", Key: &b, Value: 0},
			{KPI: "revenue", By: "store", Key: &c, Value: Null},
		},
	}
	sc.RankTop(2, "revenue")
	r := sc.Top.Rankings[0]
	if len(r.Keys) != 1 || *r.Keys[0].Key != "b" || !r.Keys[0].Share.IsNull() || !r.Held.IsNull() {
		t.Errorf("kept %+v, held %v: want b alone, without share", r.Keys, r.Held)
	}
	if r.Others == nil || r.Others.Keys != 2 || !r.Others.Share.IsNull() || r.Others.Label() != "(2 others)" {
		t.Errorf("others %+v: want a and c, without share", r.Others)
	}
}

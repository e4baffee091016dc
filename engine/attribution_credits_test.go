package engine_test

import (
	"bytes"
	"testing"
)

// The credit of each touch of each conversion, linear, over the journeys
// of testdata/attribution (see attribution_test.go): P1 e e v e shares 100
// in quarters; P2 d and Q1 d take all of 50 and 80; S1 e v halves 40; U1
// d e d thirds 70. In campaign spring, which leaves display out, U1 is e
// alone, and P2 and Q1 have no touch.
func TestCreditsPerConversion(t *testing.T) {
	c := compileDir(t, "testdata/attribution")
	p := c.Plans[0]
	var b bytes.Buffer
	for _, a := range p.Attribution.Attributions {
		if a.Def.Name == "linear" {
			if err := c.WriteCredits(t.Context(), p, a, &b); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := `campaign,customer,conversion,time,key,position,credit,value
,P,1,2026-03-04 10:00:00,email,1,0.25,25
,P,1,2026-03-04 10:00:00,email,2,0.25,25
,P,1,2026-03-04 10:00:00,visit,3,0.25,25
,P,1,2026-03-04 10:00:00,email,4,0.25,25
,P,2,2026-03-06 10:00:00,display,1,1,50
,Q,1,2026-03-11 09:00:00,display,1,1,80
,S,1,2026-03-20 12:00:00,email,1,0.5,20
,S,1,2026-03-20 12:00:00,visit,2,0.5,20
,U,1,2026-03-28 10:00:00,display,1,0.333333333333,23.3333333333
,U,1,2026-03-28 10:00:00,email,2,0.333333333333,23.3333333333
,U,1,2026-03-28 10:00:00,display,3,0.333333333333,23.3333333333
spring,P,1,2026-03-04 10:00:00,email,1,0.25,25
spring,P,1,2026-03-04 10:00:00,email,2,0.25,25
spring,P,1,2026-03-04 10:00:00,visit,3,0.25,25
spring,P,1,2026-03-04 10:00:00,email,4,0.25,25
spring,S,1,2026-03-20 12:00:00,email,1,0.5,20
spring,S,1,2026-03-20 12:00:00,visit,2,0.5,20
spring,U,1,2026-03-28 10:00:00,email,1,1,70
`
	if got := b.String(); got != want {
		t.Errorf("credits:\n%s\nwant:\n%s", got, want)
	}
	for _, a := range p.Attribution.Attributions {
		want := a.Def.Model.Value != "markov" && a.Def.Model.Value != "shapley"
		if per := a.PerConversion(); per != want {
			t.Errorf("%s (%s): per conversion %v", a.Def.Name, a.Def.Model.Value, per)
		}
	}
}

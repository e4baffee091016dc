package experiment

import "math"

// Sample is what one variant's customers give one KPI: their number, and
// the mean and sample variance (denominator N − 1) of their values.
type Sample struct {
	N        int
	Mean     float64
	Variance float64
}

// Test names the test that compares a variant with control.
type Test string

const (
	// TwoProportion is the two-proportion z-test of a rate of customers:
	// pooled standard error for the p-value, unpooled for the interval.
	TwoProportion Test = "two-proportion z"
	// Welch is Welch's t-test on per-customer values, with
	// Welch–Satterthwaite degrees of freedom.
	Welch Test = "Welch t"
)

// Power is the chance to detect the minimum detectable effect.
const Power = 0.8

// Comparison is a variant against control for one KPI. Every figure is NaN
// when the samples cannot give it (fewer than two customers, no variance, a
// control mean of 0 for the relative lift).
type Comparison struct {
	Test Test
	// Lift is the treatment's mean minus control's, Low and High its
	// interval at the confidence level.
	Lift, Low, High float64
	// Relative is Lift over control's mean; its interval is the delta
	// method's (the variance of a ratio of two independent means).
	Relative, RelativeLow, RelativeHigh float64
	P                                   float64 // two-sided
	// DF are the degrees of freedom of Welch's t; +Inf for a z-test.
	DF float64
	// MDE is the smallest absolute lift the samples' sizes detect with
	// probability Power at the confidence level, with control's variance
	// in both arms: (z₁₋α/₂ + z_power)·σ_c·√(1/n_c + 1/n_t).
	MDE float64
}

// Compare tests treatment against control: a rate of customers (values 0
// or 1) with the two-proportion z-test, any other per-customer value with
// Welch's t-test.
func Compare(control, treatment Sample, rate bool, confidence float64) Comparison {
	nc, nt := float64(control.N), float64(treatment.N)
	out := Comparison{Test: Welch, Lift: treatment.Mean - control.Mean}
	vc, vt := control.Variance, treatment.Variance
	if rate {
		out.Test, out.DF = TwoProportion, math.Inf(1)
		vc, vt = control.Mean*(1-control.Mean), treatment.Mean*(1-treatment.Mean)
	}
	se := math.Sqrt(vc/nc + vt/nt)
	if !rate {
		out.DF = math.Pow(vc/nc+vt/nt, 2) / (math.Pow(vc/nc, 2)/(nc-1) + math.Pow(vt/nt, 2)/(nt-1))
	}
	if control.N < 2 || treatment.N < 2 || !(se > 0) {
		return undefined(out)
	}
	q := tQuantile(1-(1-confidence)/2, out.DF)
	out.Low, out.High = out.Lift-q*se, out.Lift+q*se
	testSE := se
	if rate {
		pooled := (control.Mean*nc + treatment.Mean*nt) / (nc + nt)
		testSE = math.Sqrt(pooled * (1 - pooled) * (1/nc + 1/nt))
	}
	out.P = 2 * (1 - tCDF(math.Abs(out.Lift/testSE), out.DF))
	out.Relative, out.RelativeLow, out.RelativeHigh = math.NaN(), math.NaN(), math.NaN()
	if control.Mean != 0 {
		mc, mt := control.Mean, treatment.Mean
		relSE := math.Sqrt(vt/(nt*mc*mc) + vc*mt*mt/(nc*mc*mc*mc*mc))
		out.Relative = out.Lift / mc
		out.RelativeLow, out.RelativeHigh = out.Relative-q*relSE, out.Relative+q*relSE
	}
	out.MDE = (normalQuantile(1-(1-confidence)/2) + normalQuantile(Power)) * math.Sqrt(vc*(1/nc+1/nt))
	return out
}

// undefined is a comparison whose statistics the samples cannot give.
func undefined(c Comparison) Comparison {
	nan := math.NaN()
	c.Low, c.High, c.Relative, c.RelativeLow, c.RelativeHigh, c.P, c.MDE = nan, nan, nan, nan, nan, nan, nan
	return c
}

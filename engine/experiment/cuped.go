package experiment

// Moments are a variant's customers' values of a KPI (Y) with the same KPI
// before the experiment (X, the covariate), for CUPED.
type Moments struct {
	N                       int
	MeanY, VarY             float64
	MeanX, VarX, Covariance float64 // sample variance and covariance (N − 1)
}

// CUPED adjusts each variant's values by the covariate (A. Deng, Y. Xu, R.
// Kohavi and T. Walker, "Improving the sensitivity of online controlled
// experiments by utilizing pre-experiment data", WSDM 2013): with θ =
// cov(Y, X) / var(X) over every customer of the experiment, a variant's
// mean becomes Ȳ − θ(X̄ − X̄_all), its variance var(Y) − 2θ·cov(Y, X) +
// θ²·var(X). θ is 0 when X does not vary. It returns the adjusted samples
// and θ.
func CUPED(variants []Moments) ([]Sample, float64) {
	n, meanX, meanY := 0.0, 0.0, 0.0
	for _, v := range variants {
		if v.N == 0 {
			continue // no customer: its moments are NaN
		}
		n += float64(v.N)
		meanX += float64(v.N) * v.MeanX
		meanY += float64(v.N) * v.MeanY
	}
	meanX, meanY = meanX/n, meanY/n
	// The pooled moments: within the variants, and between their means.
	cov, varX := 0.0, 0.0
	for _, v := range variants {
		if v.N == 0 {
			continue
		}
		k := float64(v.N)
		if v.N > 1 {
			cov += (k - 1) * v.Covariance
			varX += (k - 1) * v.VarX
		}
		cov += k * (v.MeanX - meanX) * (v.MeanY - meanY)
		varX += k * (v.MeanX - meanX) * (v.MeanX - meanX)
	}
	theta := 0.0
	if varX > 0 {
		theta = cov / varX
	}
	out := make([]Sample, len(variants))
	for i, v := range variants {
		out[i] = Sample{N: v.N, Mean: v.MeanY - theta*(v.MeanX-meanX),
			Variance: v.VarY - 2*theta*v.Covariance + theta*theta*v.VarX}
	}
	return out, theta
}

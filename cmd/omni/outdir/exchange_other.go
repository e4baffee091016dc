//go:build !linux && !darwin

package outdir

import "errors"

// exchange is not available here: swap renames the folders in two steps.
func exchange(a, b string) error { return errors.ErrUnsupported }

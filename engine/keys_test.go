package engine_test

import (
	"context"
	"testing"
)

// TestDuplicateCustomerFailsTheRun: a customer with two rows would count
// each of his touchpoints twice; the run stops and says who.
func TestDuplicateCustomerFailsTheRun(t *testing.T) {
	dir := tinyWith(t, map[string]string{"customers.csv": "B,cardio,51\n"})
	c := compileDir(t, dir)
	_, err := c.Run(context.Background(), c.Plans[0])
	want := `customers source customers has 2 rows with id 'B': it needs one row per customer, else each touchpoint with that value would count 2 times. Remove the duplicates from customers.csv, or drop them as you read it: distinct = true (rows equal in every column) or distinct = ["id"] (one row per id)`
	if err == nil || err.Error() != want {
		t.Errorf("run with a duplicate customer: %v, want %q", err, want)
	}
}

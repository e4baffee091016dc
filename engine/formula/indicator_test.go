package formula

import "testing"

func TestCustomerIndicator(t *testing.T) {
	kpis := map[string]string{
		"buyers":  "count_distinct(customer, event == 'purchase')",
		"reached": "count_distinct(customer)",
		"revenue": "sum(amount)",
	}
	for text, want := range map[string]bool{
		"count_distinct(customer, event == 'purchase')":                            true,
		"count_distinct(customer, event == 'purchase') / count_distinct(customer)": true,
		"buyers / reached":                       true,
		"buyers":                                 true,
		"(buyers) / (reached)":                   true,
		"count_distinct(channel)":                false, // several per customer
		"revenue / reached":                      false,
		"sum(amount) / count_distinct(customer)": false,
		"buyers * 2":                             false,
		"share(channels_used >= 2)":              false, // a customer aggregate: not per touchpoint
		"unknown":                                false,
		"count_distinct(":                        false,
	} {
		if got := CustomerIndicator(text, func(name string) string { return kpis[name] }); got != want {
			t.Errorf("CustomerIndicator(%q) = %v, want %v", text, got, want)
		}
	}
}

package checklists

import (
	"encoding/json"
	"fmt"
	"testing"
)

// withExtraItems returns the built-in catalogue with n more clause requirements under
// clause 4, each with its own texts, as a firm's tailored catalogue of that size would be.
// With misplaced set, every extra item names a parent listed after it, so the validator has
// a problem to report for each.
func withExtraItems(tb testing.TB, n int, misplaced bool) []byte {
	tb.Helper()
	var c map[string]any
	if err := json.Unmarshal(builtinJSON, &c); err != nil {
		tb.Fatal(err)
	}
	items := c["items"].([]any)
	parent := "4"
	if misplaced {
		parent = "10"
	}
	extra := make([]any, 0, n)
	for i := range n {
		extra = append(extra, map[string]any{
			"id": fmt.Sprintf("4.9.%d", i), "title": fmt.Sprintf("Firm requirement %d", i), "kind": "clause", "parent": parent,
			"verify": fmt.Sprintf("The firm's own requirement %d is met and recorded.", i), "evidence": "Records kept by the control owner.",
		})
	}
	c["items"] = append(items[:1:1], append(extra, items[1:]...)...) // after heading 4, before 10
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkLoadCatalogue loads and validates the built-in catalogue and tailored ones with
// 1,000 and 10,000 extra items, valid and with a problem in every extra item. Validation is
// linear: ten times the items take about ten times as long.
func BenchmarkLoadCatalogue(b *testing.B) {
	b.Run("builtin", func(b *testing.B) {
		for b.Loop() {
			if _, err := Load(builtinJSON, BuiltinName); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, n := range []int{1_000, 10_000} {
		for _, misplaced := range []bool{false, true} {
			name := fmt.Sprintf("extra-%dk", n/1000)
			if misplaced {
				name += "-every-item-refused"
			}
			data := withExtraItems(b, n, misplaced)
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					_, err := Load(data, "firm.json")
					if (err != nil) != misplaced {
						b.Fatalf("load: %v", err)
					}
				}
			})
		}
	}
}

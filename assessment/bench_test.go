package assessment

import (
	"fmt"
	"testing"
	"time"
)

// benchDay is the date the benchmarks build and evaluate the large demo at.
var benchDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// benchScales are the multiples of the large demo's inventory and nonconformities each
// benchmark runs at, so cost growth is visible.
var benchScales = []int{1, 4, 16}

// scaledDemo is the large demo with its AI systems and nonconformities repeated factor
// times, each copy under new system IDs and NC numbers.
func scaledDemo(b *testing.B, factor int) *Assessment {
	b.Helper()
	a, err := Demo(ruleCatalogue(b), DemoLarge, benchDay)
	if err != nil {
		b.Fatal(err)
	}
	ScaleDemo(a, factor)
	return a
}

// BenchmarkVerdict is the full evaluation behind every verdict the TUI, the command line and
// the report show: roll-ups, blockers, warnings, checklist, common gaps and KPIs. Target at
// x1 (the large demo): 5 ms.
func BenchmarkVerdict(b *testing.B) {
	cat := ruleCatalogue(b)
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			a := scaledDemo(b, f)
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(cat, a, benchDay)
			}
		})
	}
}

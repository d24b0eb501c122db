package report

import (
	"io"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

func TestOSCALIDsAreTokens(t *testing.T) {
	tests := []struct {
		id   string
		kind checklists.Kind
		want string
	}{
		{"4.1", checklists.KindClause, "clause-4.1"},
		{"6.1", checklists.KindHeading, "clause-6.1"},
		{"A.6.2.4", checklists.KindControl, "a.6.2.4"},
		{"A.2", checklists.KindObjective, "a.2"},
		{"12", checklists.KindControl, "control-12"},
		{"B:7 (firm)", checklists.KindControl, "b_7__firm_"},
		{"_x", checklists.KindClause, "_x"},
	}
	for _, tt := range tests {
		if got := oscalID(checklists.Item{ID: tt.id, Kind: tt.kind}); got != tt.want {
			t.Errorf("oscalID(%q, %s) = %q, want %q", tt.id, tt.kind, got, tt.want)
		}
	}
}

func TestOSCALRefusesACatalogueWhoseIDsCollide(t *testing.T) {
	cat := &checklists.Catalogue{ID: "firm", Items: []checklists.Item{
		{ID: "A.1", Kind: checklists.KindControl}, {ID: "a.1", Kind: checklists.KindControl},
	}}
	_, err := newOSCALExport(cat, &assessment.Assessment{ID: "x"}, Options{AsOf: reportDay})
	if err == nil || !strings.Contains(err.Error(), `"A.1" and "a.1" would both get the OSCAL ID "a.1"`) {
		t.Errorf("colliding IDs: %v", err)
	}
}

// BenchmarkExportOSCAL builds and encodes the four OSCAL documents of the large demo.
// Target: 2 s.
func BenchmarkExportOSCAL(b *testing.B) {
	cat := catalogue(b)
	a := demo(b, assessment.DemoLarge)
	opts := Options{AsOf: reportDay}
	peak := watchHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		docs, err := oscalDocuments(cat, a, opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, write := range docs {
			if err := write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	heap, live := peak()
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
}

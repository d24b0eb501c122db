package report

import (
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// BenchmarkExportPDF lays out and writes the whole report for the standard and the large
// demo. Targets: 300 ms for the standard demo, 1.5 s for the large one. Besides time and
// allocations it reports the peak heap seen while exporting: peak-heap-MB counts every heap
// object not yet freed (what the process holds, garbage included, so it moves with GC
// pacing), peak-live-MB what the collector found still in use.
func BenchmarkExportPDF(b *testing.B) {
	for _, size := range []assessment.DemoSize{assessment.DemoStandard, assessment.DemoLarge} {
		b.Run(string(size), func(b *testing.B) { benchExport(b, size, WritePDF) })
	}
}

// benchExport times an export of a demo, with the peak heap seen while exporting.
func benchExport(b *testing.B, size assessment.DemoSize, write func(io.Writer, *checklists.Catalogue, *assessment.Assessment, Options) error) {
	cat := catalogue(b)
	a := demo(b, size)
	opts := Options{AsOf: reportDay, Fingerprint: "bench"}
	peak := watchHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := write(io.Discard, cat, a, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	heap, live := peak()
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
}

// BenchmarkExportDOCX writes the Word report of the large demo. Target: 2 s.
func BenchmarkExportDOCX(b *testing.B) { benchExport(b, assessment.DemoLarge, WriteDOCX) }

// watchHeap samples the heap in the background until the returned function is called, which
// stops sampling and returns the largest heap and live heap seen, in bytes.
func watchHeap() func() (uint64, uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var mu sync.Mutex
	var peak, live uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64())
			live = max(live, sample[1].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return peak, live
	}
}

package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// benchScales are the multiples of the large demo's inventory and nonconformities each
// benchmark runs at, so cost growth is visible.
var benchScales = []int{1, 4, 16}

// scaledDemo is the large demo with its AI systems and nonconformities repeated factor
// times, each copy under new system IDs and NC numbers.
func scaledDemo(b *testing.B, cat *checklists.Catalogue, factor int) *assessment.Assessment {
	b.Helper()
	a, err := assessment.Demo(cat, assessment.DemoLarge, testDay)
	if err != nil {
		b.Fatal(err)
	}
	assessment.ScaleDemo(a, factor)
	return a
}

// benchApp is the real root model on a real database file holding the scaled large demo,
// sized 160×50, with the home screen loaded. Commands run synchronously, as in the tests.
type benchApp struct {
	b   *testing.B
	app *App
	id  string
}

func newBenchApp(b *testing.B, factor int) *benchApp {
	b.Helper()
	cat, err := checklists.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	s, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return testDay })
	id, err := s.Create(scaledDemo(b, cat, factor))
	if err != nil {
		b.Fatal(err)
	}
	app := New(s, cat, Options{})
	app.c.Now = func() time.Time { return testDay }
	ba := &benchApp{b: b, app: app, id: id}
	ba.send(tea.WindowSizeMsg{Width: 160, Height: 50})
	ba.run(app.Init())
	return ba
}

// send delivers one message and runs the commands it returns.
func (ba *benchApp) send(msg tea.Msg) { ba.runner().Send(msg) }

// run executes a command and feeds its messages back, as the Bubble Tea runtime would.
func (ba *benchApp) run(cmd tea.Cmd) { ba.runner().Run(cmd) }

func (ba *benchApp) runner() uitest.Runner {
	return uitest.Runner{T: ba.b, Update: func(msg tea.Msg) tea.Cmd {
		_, cmd := ba.app.Update(msg)
		return cmd
	}}
}

// openGaps opens the demo on the gap-analysis step.
func (ba *benchApp) openGaps() {
	ba.run(ba.app.home.Open(ba.id))
	if ba.app.work == nil {
		ba.b.Fatal("the large demo did not open")
	}
	ba.app.work.Show(steps.ID(1))
	if ba.app.work.Name() != "Gap analysis" {
		ba.b.Fatal("step 2 is not the gap analysis")
	}
}

// reportLatency adds the median and 99th percentile of the timed iterations.
func reportLatency(b *testing.B, samples []time.Duration) {
	if len(samples) == 0 {
		return
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(samples[len(samples)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkGapAnalysisKeypress is the assessor's hot path: one status key and one cursor
// move on the gap analysis at 160×50, each followed by the frame Bubble Tea would draw.
// The save the status key queues is waited for, and its reply handled, outside the timed
// part, so writes never pile up. Target: median 1 ms at x1.
func BenchmarkGapAnalysisKeypress(b *testing.B) {
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			ba := newBenchApp(b, f)
			ba.openGaps()
			status := []tea.KeyPressMsg{uitest.KeyMsg("c"), uitest.KeyMsg("p")}
			move := []tea.KeyPressMsg{uitest.KeyMsg("j"), uitest.KeyMsg("k")}
			samples := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				_, save := ba.app.Update(status[i%2])
				_ = ba.app.View()
				_, _ = ba.app.Update(move[i%2])
				_ = ba.app.View()
				samples = append(samples, time.Since(start))
				b.StopTimer()
				ba.run(save) // the write, then the saved reply (re-evaluation) and its frame
				_ = ba.app.View()
				b.StartTimer()
			}
			b.StopTimer()
			reportLatency(b, samples)
		})
	}
}

// BenchmarkGapAnalysisSavedReply is what follows each edit on the UI goroutine once the
// write is on disk: the saved reply re-evaluates the verdict, and the frame is drawn again.
func BenchmarkGapAnalysisSavedReply(b *testing.B) {
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			ba := newBenchApp(b, f)
			ba.openGaps()
			status := []tea.KeyPressMsg{uitest.KeyMsg("c"), uitest.KeyMsg("p")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				_, save := ba.app.Update(status[i%2])
				reply := save() // the write itself, untimed
				b.StartTimer()
				ba.app.Update(reply)
				_ = ba.app.View()
			}
		})
	}
}

// BenchmarkOpenAssessment is pressing enter on the home screen: load the whole assessment
// from the database, build the workspace (every step, the verdict) and draw its first
// frame. Target: 100 ms at x1.
func BenchmarkOpenAssessment(b *testing.B) {
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			ba := newBenchApp(b, f)
			b.ReportAllocs()
			for b.Loop() {
				ba.app.work = nil
				ba.run(ba.app.home.Open(ba.id))
				if ba.app.work == nil {
					b.Fatal("the large demo did not open")
				}
				_ = ba.app.View()
			}
		})
	}
}

// BenchmarkHomeLoad is the home screen's first data on a database of 50 new assessments and
// the large demo: list, progress and verdict of each, and the frame.
func BenchmarkHomeLoad(b *testing.B) {
	ba := newBenchApp(b, 1)
	for i := range 50 {
		if _, err := ba.app.c.Store.Create(&assessment.Assessment{Title: "Readiness", Organisation: assessment.Organisation{Name: fmt.Sprintf("Client %d", i)}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		ba.run(ba.app.home.Load())
		_ = ba.app.View()
	}
	if ba.app.home.Listed() != 51 {
		b.Fatalf("home lists %d assessments, want 51", ba.app.home.Listed())
	}
}

package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// benchDay is the date the benchmarks build the large demo at.
var benchDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// benchScales are the multiples of the large demo's inventory and nonconformities the
// scaling benchmarks run at.
var benchScales = []int{1, 4, 16}

// scaledDemo is the large demo with its AI systems and nonconformities repeated factor
// times, each copy under new system IDs and NC numbers.
func scaledDemo(b *testing.B, cat *checklists.Catalogue, factor int) *assessment.Assessment {
	b.Helper()
	a, err := assessment.Demo(cat, assessment.DemoLarge, benchDay)
	if err != nil {
		b.Fatal(err)
	}
	assessment.ScaleDemo(a, factor)
	return a
}

// benchStore opens a new database file in a temporary folder holding the scaled large demo.
func benchStore(b *testing.B, factor int) (*Store, *checklists.Catalogue, string) {
	b.Helper()
	cat, err := checklists.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	id, err := s.Create(scaledDemo(b, cat, factor))
	if err != nil {
		b.Fatal(err)
	}
	return s, cat, id
}

// commitMeter records each durable write's wall time and the process's CPU time, so a
// benchmark can report the median (fsync latency on a shared disk varies from run to run)
// and the CPU each write costs beside waiting for the disk.
type commitMeter struct {
	b       *testing.B
	samples []time.Duration
	cpu     time.Duration
	start   time.Time
}

func newCommitMeter(b *testing.B) *commitMeter {
	return &commitMeter{b: b, cpu: -cpuTime()}
}

func (m *commitMeter) begin() { m.start = time.Now() }

func (m *commitMeter) end() { m.samples = append(m.samples, time.Since(m.start)) }

// report adds median-ms and cpu-ms/op to the benchmark's line.
func (m *commitMeter) report() {
	m.cpu += cpuTime()
	if len(m.samples) == 0 {
		return
	}
	slices.Sort(m.samples)
	m.b.ReportMetric(float64(m.samples[len(m.samples)/2].Microseconds())/1000, "median-ms")
	m.b.ReportMetric(float64(m.cpu.Microseconds())/1000/float64(len(m.samples)), "cpu-ms/op")
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBareCommit is the physical floor of one durable edit: a single-row UPDATE in its
// own immediate transaction on the same file, with the same pragmas (WAL, synchronous=FULL,
// busy timeout, foreign keys), so one fsync of the write-ahead log.
func BenchmarkBareCommit(b *testing.B) {
	s, _, id := benchStore(b, 1)
	n := 0
	m := newCommitMeter(b)
	for b.Loop() {
		n++
		m.begin()
		tx, err := s.db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec("UPDATE assessments SET updated = ? WHERE id = ?", fmt.Sprint(n), id); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		m.end()
	}
	m.report()
}

// BenchmarkSaveJudgement is one status key in the gap analysis as the store sees it: read the
// result, apply the rules, write it with its audit row, all in one durable transaction.
// Target: at most twice BenchmarkBareCommit.
func BenchmarkSaveJudgement(b *testing.B) {
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			s, cat, id := benchStore(b, f)
			item, _ := cat.Item("6.1.2")
			statuses := []assessment.Status{assessment.Conformant, assessment.Partial}
			n := 0
			m := newCommitMeter(b)
			for b.Loop() {
				st := statuses[n%2]
				n++
				m.begin()
				if _, err := s.SaveJudgement(id, item, assessment.Judgement{Status: &st}); err != nil {
					b.Fatal(err)
				}
				m.end()
			}
			m.report()
		})
	}
}

// BenchmarkLoad reads the whole large demo back from the database into memory.
func BenchmarkLoad(b *testing.B) {
	for _, f := range benchScales {
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			s, _, id := benchStore(b, f)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Load(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkList reads the headers of 50 assessments and the large demo, as the home screen
// does first.
func BenchmarkList(b *testing.B) {
	s, _, _ := benchStore(b, 1)
	for i := range 50 {
		if _, err := s.Create(&assessment.Assessment{Title: "Readiness", Organisation: assessment.Organisation{Name: fmt.Sprintf("Client %d", i)}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.List(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen opens and closes a closed database holding the scaled large demo, as every
// command and the workbench do first: the header, application ID and schema checks, SQLite's
// full integrity check (which makes a damaged file read-only before the first write of the
// session) and the writable connection. The integrity-check sub-benchmarks time that pragma
// alone, and SQLite's quick_check it replaced, on an open handle.
func BenchmarkOpen(b *testing.B) {
	for _, f := range benchScales {
		s, _, _ := benchStore(b, f)
		path := s.Path()
		s.Close()
		b.Run(fmt.Sprintf("x%d", f), func(b *testing.B) {
			for b.Loop() {
				s, err := Open(path)
				if err != nil || s.ReadOnly() {
					b.Fatal(err)
				}
				s.Close()
			}
		})
		for _, check := range []string{"integrity_check", "quick_check"} {
			b.Run(fmt.Sprintf("%s/x%d", check, f), func(b *testing.B) {
				db, err := openReadOnlyDB(path, false, nil)
				if err != nil {
					b.Fatal(err)
				}
				defer db.Close()
				for b.Loop() {
					var out string
					if err := db.QueryRow("PRAGMA " + check).Scan(&out); err != nil || out != "ok" {
						b.Fatal(out, err)
					}
				}
			})
		}
	}
}

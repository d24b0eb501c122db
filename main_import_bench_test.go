//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeInventory writes an inventory CSV of n AI systems with every column a client's
// spreadsheet typically fills.
func writeInventory(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "name,purpose,owner,lifecycle stage,roles,impact level,in scope,personal data,human oversight,suppliers,aisia date")
	for i := range n {
		fmt.Fprintf(w, "Claims model %d,Scores incoming claims for fraud (line %d),Owner %d,operation-monitoring,provider;customer,%s,yes,yes,no,Vendor %d,2026-%02d-15\n",
			i, i, i%50, []string{"low", "medium", "high"}[i%3], i%20, 1+i%9)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// BenchmarkImportInventory imports an inventory of 1,000, 10,000 and 100,000 AI systems with
// the command line, each into a new assessment of a new database, in a child process so the
// whole import is measured: reading, checking every row, and the one durable transaction
// that stores the systems and their audit rows. Targets for 100,000 rows: 10 s, 200 MB.
// Besides wall time it reports the child's CPU seconds and its peak resident memory
// (max-RSS-MB: Go heap and SQLite's page cache together).
func BenchmarkImportInventory(b *testing.B) {
	for _, rows := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", rows/1000), func(b *testing.B) {
			dir := b.TempDir()
			csv := filepath.Join(dir, "inventory.csv")
			writeInventory(b, csv, rows)
			var rss int64
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := filepath.Join(dir, fmt.Sprintf("import-%d.db", i))
				out, errs, code := childOutput(b, "new", "--org", "Import benchmark", "--db", db)
				if code != 0 {
					b.Fatalf("new: %s", errs)
				}
				b.StartTimer()
				cmd := aimsbench("import", "--format", "inventory-csv", "--into", strings.TrimSpace(out), csv, "--db", db)
				if msg, err := cmd.CombinedOutput(); err != nil || !strings.HasPrefix(string(msg), fmt.Sprintf("added: %d AI systems", rows)) {
					b.Fatalf("import: %v\n%.300s", err, msg)
				}
				b.StopTimer()
				use := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				rss = max(rss, use.Maxrss)
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				os.Remove(db)
				b.StartTimer()
			}
			b.ReportMetric(float64(rss)/1024, "max-RSS-MB")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func TestEachOutputIsWrittenWhereTheAssessorSays(t *testing.T) {
	tests := []struct {
		name  string
		kinds int // presses of "choose output" from the full PDF
		file  string
		also  string // a second file the format writes
	}{
		{"full PDF", 0, "full.pdf", ""},
		{"gap PDF", 1, "gaps.pdf", ""},
		{"Word report", 2, "report.docx", ""},
		{"registers workbook", 3, "registers.xlsx", ""},
		{"CSV registers", 4, "gaps.csv", "soa"},
		{"JSON bundle", 5, "bundle.json", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := uitest.New(t)
			h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
			for range tt.kinds {
				h.Press("choose output")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			h.Press("edit output path")
			h.Keys("ctrl+u", "text:"+path, "enter")
			h.Press("export")
			h.Contains("✓ Written:")
			if info, err := os.Stat(path); err != nil || info.Size() == 0 {
				t.Fatalf("nothing written at %s: %v\n%s", path, err, h.Screen())
			}
			if tt.also != "" {
				entries, _ := os.ReadDir(dir)
				var names string
				for _, e := range entries {
					names += e.Name() + " "
				}
				if len(entries) != 3 || !strings.Contains(names, tt.also) || !strings.Contains(names, "results") {
					t.Errorf("the second file is missing: %v", entries)
				}
			}
			if done, total := h.Step().Progress(); done != total {
				t.Errorf("progress %d/%d after an export", done, total)
			}
		})
	}
}

func TestAnEmptyOutputPathIsRefused(t *testing.T) {
	h := uitest.New(t)
	h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
	h.Press("edit output path")
	h.Keys("ctrl+u", "enter")
	h.Press("export")
	h.Contains("the output path is empty")
}

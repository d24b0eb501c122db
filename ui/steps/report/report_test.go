package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"aimsbench/report"
	"aimsbench/store"
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

func TestAPathTypedOverTheOfferedOneReplacesIt(t *testing.T) {
	h := uitest.New(t)
	h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
	path := filepath.Join(t.TempDir(), "mine.pdf")
	h.Press("edit output path")
	h.Keys("text:"+path, "enter")
	if got := h.Step().(*reportStep).path.Value(); got != path {
		t.Fatalf("the output path is %q, want the typed %q alone", got, path)
	}
	h.Press("edit output path")
	h.Keys("end", "backspace", "backspace", "backspace", "text:xlsx", "enter")
	if got := h.Step().(*reportStep).path.Value(); got != strings.TrimSuffix(path, "pdf")+"xlsx" {
		t.Fatalf("an arrow key did not keep the path to edit: %q", got)
	}
}

func TestAnEarlierReportIsOverwrittenOnlyOnYes(t *testing.T) {
	tests := []struct {
		name      string
		answer    []string
		overwrite bool
	}{
		{"enter keeps the earlier file (No is the default)", []string{"enter"}, false},
		{"n keeps the earlier file", []string{"n"}, false},
		{"y overwrites it", []string{"y"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := uitest.New(t)
			h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
			path := filepath.Join(t.TempDir(), "report.pdf")
			if err := os.WriteFile(path, []byte("the PDF handed over yesterday"), 0o600); err != nil {
				t.Fatal(err)
			}
			h.Press("edit output path")
			h.Keys("text:"+path, "enter")
			h.Press("export")
			h.Contains("already exists. Replace it")
			h.Keys(tt.answer...)
			data, _ := os.ReadFile(path)
			if overwritten := string(data) != "the PDF handed over yesterday"; overwritten != tt.overwrite {
				t.Fatalf("overwritten %v, want %v\n%s", overwritten, tt.overwrite, h.Screen())
			}
		})
	}
}

// TestTheDatabaseIsNeverAnExportDestination: naming the database (or its -wal) as the output
// is refused, whatever the answer, and the database still opens with the assessment.
func TestTheDatabaseIsNeverAnExportDestination(t *testing.T) {
	for _, suffix := range []string{"", "-wal"} {
		h := uitest.New(t)
		h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
		h.Press("edit output path")
		h.Keys("ctrl+u", "text:"+h.Store.Path()+suffix, "enter")
		h.Press("export")
		h.Contains("writing there would")
		if strings.Contains(h.Screen(), "Replace it") {
			t.Errorf("%s: the workbench offered to replace the database", suffix)
		}
		if h.Stored().ID == "" {
			t.Fatalf("%s: the database no longer holds the assessment", suffix)
		}
	}
}

// TestASealedBundleVerifiesWithTheKeyNamedOnScreen: the JSON bundle exported with the seal
// on checks out offline (report.VerifySeal) against the fingerprint the step shows, and
// carries its origin, so the colleague's copy can be merged later.
func TestASealedBundleVerifiesWithTheKeyNamedOnScreen(t *testing.T) {
	t.Cleanup(func() { xdg.Reload() }) // after the variable below is restored
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	h := uitest.New(t)
	h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
	for exportKinds[h.Step().(*reportStep).kind].format != "json" {
		h.Press("choose output")
	}
	h.Contains("[ ] Sealed with your signing key")
	h.Press("seal with my key")
	h.Contains("[x] Sealed with your signing key")
	path := filepath.Join(t.TempDir(), "sealed.json")
	h.Press("edit output path")
	h.Keys("ctrl+u", "text:"+path, "enter")
	h.Press("export")
	h.Contains("✓ Written:", "Sealed with key ", "made now in")
	folder, err := store.ConfigFolder()
	if err != nil {
		t.Fatal(err)
	}
	key, made, err := report.LoadOrCreateKey(folder)
	if err != nil || made {
		t.Fatalf("the export made no key in %s (%v)", folder, err)
	}
	h.Contains("Sealed with key " + key.Fingerprint())
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	check, err := report.VerifySeal(data, key.Fingerprint())
	if err != nil || !check.Intact {
		t.Fatalf("the bundle does not verify: %v %+v", err, check)
	}
	b, _, _, err := report.OpenBundle(path, h.Cat, report.ImportOptions{})
	if err != nil || b.Origin == nil || b.Origin.Lineage != h.ID {
		t.Fatalf("the bundle carries no origin to merge with: %v", err)
	}
}

func TestAnUnsealedBundleHasNoSeal(t *testing.T) {
	h := uitest.New(t)
	h.Open(steps.Report, func(host steps.Host) steps.Step { return New(host, h.Store) })
	for exportKinds[h.Step().(*reportStep).kind].format != "json" {
		h.Press("choose output")
	}
	path := filepath.Join(t.TempDir(), "plain.json")
	h.Press("edit output path")
	h.Keys("ctrl+u", "text:"+path, "enter")
	h.Press("export")
	h.Contains("✓ Written:")
	if strings.Contains(h.Screen(), "Sealed with key") {
		t.Fatalf("an unsealed export names a key:\n%s", h.Screen())
	}
	data, _ := os.ReadFile(path)
	if _, err := report.VerifySeal(data, ""); err == nil {
		t.Fatal("an unsealed bundle verifies as sealed")
	}
}

package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// startExport types an output path on the report step and presses export, returning the
// export's command unrun, as the terminal would have it while the assessor moves on.
func startExport(h *harness, path string) tea.Cmd {
	h.t.Helper()
	h.open(steps.Report)
	h.Keys("o", "ctrl+u", "text:"+path, "enter")
	_, export := h.app.Update(uitest.KeyMsg("enter"))
	if export == nil {
		h.t.Fatalf("enter on the report step started no export:\n%s", h.screen())
	}
	return export
}

func TestAnExportsResultReachesTheReportStepWhileAnotherStepIsShown(t *testing.T) {
	h := newHarness(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	export := startExport(h, path)
	h.Keys("tab", "tab")
	if h.app.work.Active() == steps.Report {
		t.Fatal("tab did not leave the report step")
	}
	h.Run(export) // progress and result arrive while the gap analysis is on screen
	h.Keys("shift+tab", "shift+tab")
	h.contains("✓ Written:", path)
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("no PDF at %s: %v", path, err)
	}
	h.Keys("f") // the step takes keys again: the next output kind
	h.contains("(•) Gap report only")
}

func TestEvidenceHashedAfterAStepSwitchIsSaved(t *testing.T) {
	h := newHarness(t).open(steps.GapAnalysis)
	file := filepath.Join(t.TempDir(), "policy.txt")
	if err := os.WriteFile(file, []byte("AI policy v3"), 0o600); err != nil {
		t.Fatal(err)
	}
	item := h.cat.Assessable()[0] // where the gap analysis opens
	before := len(h.stored().Result(item).Evidence)
	h.Keys("e", "text:AI policy", "tab", "tab", "tab", "tab", "tab", "text:"+file) // title, kind, reference, collected, valid until, file
	_, hashing := h.app.Update(uitest.KeyMsg("ctrl+s"))
	h.Keys("tab") // to the SoA before the file is hashed
	h.Run(hashing)
	ev := h.stored().Result(item).Evidence
	if len(ev) != before+1 || ev[len(ev)-1].SHA256 == "" || ev[len(ev)-1].Path != file {
		t.Fatalf("the evidence hashed after the step switch was not saved: %+v", ev)
	}
	if h.app.work.Active() != steps.SoA {
		t.Error("saving the evidence moved the assessor off the step they chose")
	}
	h.contains("Evidence “AI policy” saved on " + item.ID)
}

// TestAnExportReadsItsOwnCopyWhileTheAssessorJudges runs a PDF export on its own goroutine
// while judgements are made and saved on the UI goroutine; go test -race proves that no map
// or slice is reached from both. It also proves that the snapshot the export started from
// was never changed: every edit made a new one.
func TestAnExportReadsItsOwnCopyWhileTheAssessorJudges(t *testing.T) {
	h := newHarness(t)
	export := startExport(h, filepath.Join(t.TempDir(), "race.pdf"))
	snapshot := h.app.work.Assessment()
	untouched := snapshot.Clone()
	cmds, msgs := make(chan tea.Cmd, 1), make(chan tea.Msg, 1)
	defer close(cmds)
	go func() {
		for c := range cmds {
			msgs <- c()
		}
	}()
	cmds <- export
	h.Keys("tab", "tab") // the gap analysis
	judgements, finished := 0, false
	for i := 0; i < 20000 && !finished; i++ {
		h.Keys([]string{"c", "p", "3", "j"}[i%4])
		judgements++
		select {
		case m := <-msgs:
			_, next := h.app.Update(m)
			if next == nil {
				finished = true
				break
			}
			cmds <- next
		default:
		}
	}
	if !finished {
		t.Fatal("the export did not finish")
	}
	h.Keys("shift+tab", "shift+tab")
	h.contains("✓ Written:")
	if !reflect.DeepEqual(snapshot, untouched) {
		t.Error("an edit changed the snapshot the export started from")
	}
	if judgements < 2 {
		t.Errorf("only %d judgements ran beside the export", judgements)
	}
}

func TestAReadinessBlockerJumpsToWhereItIsFixed(t *testing.T) {
	h := newHarness(t).open(steps.Readiness)
	sum := h.app.work.Summary()
	if len(sum.Blockers) == 0 {
		t.Skip("the demo has no blocker")
	}
	b := sum.Blockers[0]
	h.Keys("down", "down", "down", "down", "enter") // past the ladder to the first group, opened
	h.contains(b.Detail)
	h.Keys("down", "enter") // its first blocker
	switch {
	case b.Kind == "missing_impact_assessment":
		if h.app.work.Active() != steps.Risks {
			t.Fatalf("a system's blocker went to step %d", h.app.work.Active())
		}
	case b.Kind == "open_major_nc":
		if h.app.work.Active() != steps.Nonconformities {
			t.Fatalf("an NC's blocker went to step %d", h.app.work.Active())
		}
	case b.Item != "":
		if h.app.work.Active() != steps.GapAnalysis {
			t.Fatalf("an item's blocker went to step %d", h.app.work.Active())
		}
		if !strings.Contains(h.screen(), b.Item) {
			t.Errorf("the gap analysis does not show %s", b.Item)
		}
	}
}

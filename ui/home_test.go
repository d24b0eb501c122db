package ui

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/steps"
)

func TestDeleteNeedsConfirmationAndDefaultsToNo(t *testing.T) {
	h := newHarness(t)
	h.Keys("d")
	h.contains("Please confirm", "[ No ]")
	h.Keys("enter") // the default answer
	if _, err := h.s.Load(h.id); err != nil {
		t.Fatalf("enter on the confirmation deleted the assessment: %v", err)
	}
	h.contains("Nothing was deleted")
	h.Keys("d", "y")
	if _, err := h.s.Load(h.id); err == nil {
		t.Fatal("y on the confirmation did not delete")
	}
	h.contains("Welcome to aimsbench") // back to the first-run screen
}

func TestFirstRunOffersTheDemo(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := newHarness(t)
	h.app = New(s, h.cat, Options{})
	h.app.c.Now = func() time.Time { return testDay }
	h.s = s
	h.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.Run(h.app.Init())
	h.contains("Welcome to aimsbench", "create the demo assessment")
	h.Keys("d")
	h.contains("Northwind Mutual Insurance", "Demo assessment created")
	if list, _ := s.List(); len(list) != 1 {
		t.Fatalf("%d assessments after choosing the demo", len(list))
	}
}

func TestNewAssessmentFormTypesQ(t *testing.T) {
	h := newHarness(t)
	h.Keys("n", "text:Quantum Quills plc")
	if h.app.quitting {
		t.Fatal("q in a text field quit the application")
	}
	h.Keys("enter", "enter", "text:Quinn", "enter", "enter", "enter")
	list, _ := h.s.List()
	found := false
	for _, a := range list {
		found = found || a.Organisation == "Quantum Quills plc"
	}
	if !found {
		t.Fatalf("new assessment not stored; screen:\n%s", h.screen())
	}
}

func TestCopyAsNextCycleLinksTheCycles(t *testing.T) {
	h := newHarness(t)
	h.Keys("c")
	list, _ := h.s.List()
	if len(list) != 2 {
		t.Fatalf("%d assessments after copy", len(list))
	}
	for _, hd := range list {
		if hd.ID == h.id {
			continue
		}
		next, _ := h.s.Load(hd.ID)
		if next.PreviousID != h.id || len(next.Systems) != 12 {
			t.Errorf("next cycle: previous %q, %d systems", next.PreviousID, len(next.Systems))
		}
	}
}

func TestQuitWaitsForSavesAndCtrlCAlwaysQuits(t *testing.T) {
	h := newHarness(t).open(steps.ID(1))
	h.Keys("enter") // notes form has the keyboard
	h.Keys("text:q")
	if h.app.quitting {
		t.Fatal("q in the notes form quit")
	}
	h.Keys("ctrl+c")
	if !h.app.quitting {
		t.Fatal("ctrl+c did not quit while typing")
	}
}

func TestTinyTerminalGetsAClearMessage(t *testing.T) {
	h := newHarness(t)
	h.Send(tea.WindowSizeMsg{Width: 70, Height: 20})
	if scr := h.screen(); !strings.Contains(scr, "70×20") || !strings.Contains(scr, "at least 80×24") {
		t.Fatalf("tiny terminal shows:\n%s", scr)
	}
}

func TestReadOnlySessionShowsBannerAndRefusesEdits(t *testing.T) {
	h := newHarness(t)
	ro, err := store.OpenReadOnly(h.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	h.app = New(ro, h.cat, Options{Banner: "Read-only: the database is being edited by ana (process 42 on laptop)."})
	h.app.c.Now = func() time.Time { return testDay }
	h.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.Run(h.app.Init())
	h.contains("Read-only: the database is being edited by ana")
	h.open(steps.ID(1))
	item := h.cat.Assessable()[0] // where the gap analysis opens
	before := h.stored().Results[item.ID].Status
	h.Keys("n")
	h.contains("Read-only", "Not saved: this session is read-only")
	if h.stored().Results[item.ID].Status != before {
		t.Fatal("a read-only session changed the database")
	}
	if got := h.app.work.Assessment().Result(item).Status; got != before {
		t.Errorf("the screen keeps an edit that was not saved: %s", got)
	}
}

// TestHomeShowsADamagedAssessmentAsDamaged damages one record of the demo behind aimsbench's
// back: the home screen still lists both assessments, marks the demo as damaged naming the
// record, and enter on it says what cannot be read instead of opening half an assessment.
func TestHomeShowsADamagedAssessmentAsDamaged(t *testing.T) {
	h := newHarness(t)
	other, err := h.s.Create(&assessment.Assessment{Title: "Second look", Organisation: assessment.Organisation{Name: "Intact Ltd"}})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", h.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec("UPDATE records SET body = '{\"grade\": ' WHERE assessment_id = ? AND kind = 'nc' AND key = '2'", h.id)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	h.Run(h.app.home.Load())
	h.contains("Intact Ltd", "DAMAGED: nonconformity 2 unreadable")
	if h.app.home.Listed() != 2 {
		t.Fatalf("the home screen lists %d assessments, want 2", h.app.home.Listed())
	}
	if !strings.Contains(selectedLine(h.screen()), "DAMAGED") {
		h.Keys("down")
	}
	if !strings.Contains(selectedLine(h.screen()), "DAMAGED") {
		t.Fatalf("the cursor never reached the damaged assessment:\n%s", h.screen())
	}
	h.Keys("enter")
	if h.app.work != nil {
		t.Fatal("enter opened a damaged assessment")
	}
	h.contains("nonconformity 2 of assessment "+h.id+" cannot be read", "restore the database from a")
	if a, err := h.s.Load(other); err != nil || a.Organisation.Name != "Intact Ltd" {
		t.Errorf("the sound assessment: %v", err)
	}
}

// selectedLine is the line of a screen the cursor marks.
func selectedLine(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "›") {
			return line
		}
	}
	return ""
}

// TestReadOnlyBannerIsReadWholeAt80Columns: the damaged-database banner's advice comes last,
// so at 80 columns it wraps onto a second line instead of being cut off.
func TestReadOnlyBannerIsReadWholeAt80Columns(t *testing.T) {
	h := newHarness(t)
	ro, err := store.OpenReadOnly(h.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	h.app = New(ro, h.cat, Options{Banner: "Read-only: ui.db failed its integrity check (an index no longer matches its table), so changes cannot be saved safely; restore it from a backup."})
	h.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.Run(h.app.Init())
	h.contains("Read-only: ui.db failed its integrity check", "restore it from a backup.")
	if lines := strings.Count(h.screen(), "\n") + 1; lines > 24 {
		t.Errorf("the screen is %d lines high at 24 rows", lines)
	}
}

func TestANewAssessmentEndingBeforeItStartsIsRefused(t *testing.T) {
	h := newHarness(t)
	before, _ := h.s.List()
	h.Keys("n", "text:Acme", "tab", "tab", "tab", "ctrl+u", "text:2026-12-10", "tab", "text:2026-12-01", "ctrl+s")
	h.contains("the end date 2026-12-01 is before the start date 2026-12-10")
	if after, _ := h.s.List(); len(after) != len(before) {
		t.Fatal("an assessment ending before it starts was created")
	}
	h.Keys("backspace", "backspace", "text:20", "ctrl+s")
	if after, _ := h.s.List(); len(after) != len(before)+1 {
		t.Fatal("the corrected assessment was not created")
	}
}

func TestAnAssessmentOpensOnTheFirstStepWithWorkLeft(t *testing.T) {
	tests := []struct {
		name string
		a    func(cat *checklists.Catalogue, demo *assessment.Assessment) *assessment.Assessment
		want steps.ID
	}{
		{"an empty assessment opens on scoping", func(*checklists.Catalogue, *assessment.Assessment) *assessment.Assessment {
			return &assessment.Assessment{Title: "Fresh", Organisation: assessment.Organisation{Name: "Acme"}}
		}, steps.Scoping},
		{"a scoped one opens on the gap analysis", func(cat *checklists.Catalogue, demo *assessment.Assessment) *assessment.Assessment {
			demo.RoleHolders = nil // every governance role held: scoping is complete
			for _, r := range cat.GovernanceRoles {
				demo.RoleHolders = append(demo.RoleHolders, assessment.RoleHolder{RoleID: r.ID, Name: "Named holder"})
			}
			return demo
		}, steps.GapAnalysis},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			demo := h.stored()
			if err := h.s.Delete(h.id); err != nil {
				t.Fatal(err)
			}
			if _, err := h.s.Create(tt.a(h.cat, demo)); err != nil {
				t.Fatal(err)
			}
			h.Run(h.app.home.Load())
			h.Keys("enter") // the only assessment
			if h.app.work == nil || h.app.work.Active() != tt.want {
				t.Fatalf("opened on step %v, want %v:\n%s", h.app.work.Active(), tt.want, h.screen())
			}
		})
	}
}

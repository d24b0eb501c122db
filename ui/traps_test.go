package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
)

// The tests of this file are issue 14's traps, each run as a consultant typing fast would
// meet it: the real program loop (teatest) on a real database holding the demo, keys sent
// as a terminal sends them, the database read afterwards.

// session is the workbench running in a terminal of a given size.
type session struct {
	*harness
	tm *teatest.TestModel
}

// run starts the workbench at width×height on the harness's database and waits for the
// home screen; before runs on the database first.
func run(t *testing.T, width, height int, before func(h *harness)) *session {
	t.Helper()
	h := newHarness(t)
	if before != nil {
		before(h)
	}
	app := New(h.s, h.cat, Options{})
	app.c.Now = func() time.Time { return testDay }
	app.c.WorkDir = t.TempDir()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(width, height),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "PROGRESS") // the home screen's list
	return &session{harness: h, tm: tm}
}

// press sends keys by name ("enter", "ctrl+s") or text ("text:Policy v2").
func (s *session) press(keys ...string) {
	for _, k := range keys {
		if text, ok := strings.CutPrefix(k, "text:"); ok {
			s.tm.Type(text)
			continue
		}
		s.tm.Send(uitest.KeyMsg(k))
	}
}

// open opens the assessment under the cursor and waits for its workspace.
func (s *session) open() {
	s.t.Helper()
	s.press("enter")
	s.wait("to level 4")
}

// wait waits until the terminal shows text.
func (s *session) wait(text string) { s.t.Helper(); waitFor(s.t, s.tm, text) }

// end quits with ctrl+c, which waits for every save, and returns the last screen.
func (s *session) end() string {
	s.t.Helper()
	s.press("ctrl+c")
	s.tm.WaitFinished(s.t, teatest.WithFinalTimeout(10*time.Second))
	return ansi.Strip(s.tm.FinalModel(s.t).(*App).content())
}

func TestTrapSevenPassesAnExceptionAndSevenPassesKeepTheException(t *testing.T) {
	s := run(t, 80, 24, func(h *harness) {
		test := assessment.ControlTest{ControlID: "A.2.2", Frequency: "weekly", Elevated: true, Seed: 5}
		for i := range 15 {
			test.Samples = append(test.Samples, assessment.Sample{Ref: fmt.Sprintf("W%02d", i+1), Result: assessment.NotTested})
		}
		if _, err := h.s.SaveTest(h.id, nil, test); err != nil {
			t.Fatal(err)
		}
	})
	s.open()
	s.press("5", "l")
	s.press(strings.Split("ppppppp"+"x"+"ppppppp", "")...)
	screen := s.end()
	got := s.stored().TestOf("A.2.2")
	if got.Exceptions() != 1 || got.Samples[7].Result != assessment.Exception || got.Tested() != 15 {
		t.Fatalf("after p×7 x p×7: %d exceptions, %d tested, sample 8 %s", got.Exceptions(), got.Tested(), got.Samples[7].Result)
	}
	if !strings.Contains(screen, "14 pass, 1 exception, 0 to test") {
		t.Errorf("the counts do not show as the samples are marked:\n%s", screen)
	}
}

func TestTrapASlipOnNIsUndoneWithoutInventingACorrectiveAction(t *testing.T) {
	s := run(t, 80, 24, nil)
	before := len(s.stored().NCs)
	s.open()
	s.press("2", "N") // 4.1 is conformant: the grade is asked for
	s.wait("Grade")
	s.press("enter")
	s.wait(fmt.Sprintf("NC-%03d", before+1)) // stored and numbered
	s.press("N")                             // a second N offers the open one
	s.wait("Please confirm")
	s.press("y")
	s.wait("Move on:") // the register, on that NC
	s.press("w", "text:Raised on a conformant item by a slip of the key", "ctrl+s")
	s.end()
	a := s.stored()
	if len(a.NCs) != before+1 {
		t.Fatalf("%d NCs, want %d: a second N raised another", len(a.NCs), before+1)
	}
	nc := a.NCs[len(a.NCs)-1]
	if nc.ItemID != "4.1" || nc.Grade != assessment.Observation || !nc.IsWithdrawn() || nc.CorrectiveAction != "" {
		t.Fatalf("the slip's NC: %+v", nc)
	}
	for _, b := range assessment.Evaluate(s.cat, a, testDay).Blockers {
		if b.Ref == nc.Label() {
			t.Errorf("the withdrawn NC still counts: %+v", b)
		}
	}
}

func TestTrapEvidenceIsEditedAndRemoved(t *testing.T) {
	s := run(t, 80, 24, nil)
	item, _ := s.cat.Item("4.1")
	was := s.stored().Result(item).Evidence
	s.open()
	s.press("2", "E", "enter") // the first evidence item's form
	// Only the first field: huh moves between fields by commands, which a program loop fed
	// faster than any typist may overtake (the dates are edited in the step's own test).
	s.press("ctrl+u", "text:Context analysis v2", "ctrl+s")
	s.press("E", "down", "d", "y")
	s.end()
	ev := s.stored().Result(item).Evidence
	if len(ev) != len(was)-1 || ev[0].Title != "Context analysis v2" || !ev[0].ValidUntil.Equal(was[0].ValidUntil) || ev[1].Title != was[2].Title {
		t.Fatalf("evidence after one edit and one removal: %+v", ev)
	}
}

func TestTrapTheClientsInventoryImportedTwiceHoldsEachSystemOnce(t *testing.T) {
	s := run(t, 80, 24, nil)
	path := filepath.Join(t.TempDir(), "inventory.csv")
	if err := os.WriteFile(path, []byte("name,owner\nClaims triage model,Fatima Al-Sayed\nRoute planner,Di\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := len(s.stored().Systems)
	s.open()
	s.press("[", "i", "text:"+path, "enter")
	s.wait("new system")
	s.press("enter")
	s.wait("1 added")
	s.press("i", "text:"+path, "enter") // the offered path is selected: typed over, not appended to
	s.wait("unchanged")
	s.press("enter")
	s.end()
	names := map[string]int{}
	for _, sys := range s.stored().Systems {
		names[sys.Name]++
	}
	if n := len(s.stored().Systems); n != before+1 || names["Route planner"] != 1 || names["Claims triage model"] != 1 {
		t.Fatalf("after two imports: %d systems (was %d), %v", n, before, names)
	}
}

func TestTrapAFindingTypedAt80x24IsVisibleThere(t *testing.T) {
	s := run(t, 80, 24, nil)
	s.open()
	s.press("2", "j", "enter", "ctrl+a", "text:Zebra-striped approval log ", "ctrl+s")
	screen := s.end()
	if !strings.Contains(screen, "Zebra-striped approval log") {
		t.Fatalf("the finding typed at 80×24 is not on screen:\n%s", screen)
	}
	if !strings.Contains(screen, "more lines below · J") {
		t.Errorf("the detail does not say it scrolls at 80×24:\n%s", screen)
	}
}

func TestTrapTheHelpAt80x24ListsEveryKey(t *testing.T) {
	s := run(t, 80, 24, nil)
	s.open()
	s.press("2", "?")
	screen := s.end()
	for _, k := range []string{"1–5 maturity", "c   conformant", "edit/remove evidence", "start interview", "alt+1–9 alt+0 go to step", "ctrl+c quit"} {
		if !strings.Contains(screen, k) {
			t.Errorf("the help at 80×24 lacks %q:\n%s", k, screen)
		}
	}
}

func TestTrapKeysAtTheTooSmallNoticeReachNothing(t *testing.T) {
	s := run(t, 80, 24, nil)
	item, _ := s.cat.Item("4.1")
	was := *s.stored().Result(item)
	s.open()
	s.press("2", "e", "text:Pol")
	s.tm.Send(tea.WindowSizeMsg{Width: 70, Height: 20})
	s.wait("needs at least 80×24")
	s.press("x", "3", "ctrl+s", "q") // q quits; nothing before it reaches the hidden form
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	r := s.stored().Result(item)
	if len(r.Evidence) != len(was.Evidence) || r.Maturity != was.Maturity || r.Status != was.Status {
		t.Fatalf("keys at the notice changed 4.1: %+v", r)
	}
}

func TestTrapEscOnATypedFormAsksAndNoKeepsTheText(t *testing.T) {
	s := run(t, 80, 24, nil)
	item, _ := s.cat.Item("4.1")
	s.open()
	s.press("2", "enter", "ctrl+a", "text:Kept after esc ", "esc")
	s.wait("Discard")
	s.press("enter", "ctrl+s") // No is the default: the form stays, then saves
	s.end()
	if got := s.stored().Result(item).Finding; !strings.HasPrefix(got, "Kept after esc ") {
		t.Fatalf("the finding typed before esc was lost: %q", got)
	}
}

func TestTrapTheReportStepAsksBeforeOverwritingAnEarlierPDF(t *testing.T) {
	s := run(t, 80, 24, nil)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, []byte("handed over yesterday"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.open()
	s.press("0", "o", "text:"+path, "enter", "enter")
	s.wait("already exists")
	s.press("enter") // No
	s.end()
	if data, _ := os.ReadFile(path); string(data) != "handed over yesterday" {
		t.Fatal("the earlier PDF was overwritten without a yes")
	}
}

// TestTrapAnEffectivenessCheckBeforeTheNCIsRefused is the dates trap in the register; the
// forms of the other dates (an assessment ending before it starts, a test period) are
// driven in their screens' tests.
func TestTrapAnEffectivenessCheckBeforeTheNCIsRefused(t *testing.T) {
	s := run(t, 80, 24, nil)
	s.open()
	s.press("7", "enter") // NC-001's sheet, on to its check date
	s.press("tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "text:2020-01-01", "ctrl+s")
	screen := s.end()
	if !strings.Contains(screen, "the effectiveness check 2020-01-01 is before the day it was raised") {
		t.Errorf("the refusal is not on screen:\n%s", screen)
	}
	if nc := s.stored().NCs[0]; !nc.CheckDate.IsZero() {
		t.Errorf("an effectiveness check before the NC was raised was stored: %s", nc.CheckDate)
	}
}

func TestTrapSearchFindsFindingsAndShowsWhere(t *testing.T) {
	s := run(t, 80, 24, nil)
	s.open()
	s.press("2", "/", "text:retrain", "enter")
	screen := s.end()
	for _, want := range []string{"6.1.4", "finding: …retrained", "verify:"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the search for a finding's word lacks %q:\n%s", want, screen)
		}
	}
}

func TestTrapAnEmptyAssessmentOpensOnScopingAndTwoGoesToTheGapAnalysis(t *testing.T) {
	s := run(t, 80, 24, func(h *harness) {
		if err := h.s.Delete(h.id); err != nil {
			t.Fatal(err)
		}
		if _, err := h.s.Create(&assessment.Assessment{Title: "Fresh", Organisation: assessment.Organisation{Name: "Acme"}}); err != nil {
			t.Fatal(err)
		}
	})
	s.open() // the only assessment
	s.press("2")
	screen := s.end()
	if !strings.Contains(screen, "2 Gap analysis") || !strings.Contains(screen, "1–5 maturity") {
		t.Fatalf("2 on scoping did not show the gap analysis and its maturity keys:\n%s", screen)
	}
}

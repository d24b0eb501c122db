package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// testDay is the fixed "today" of UI tests, so dates and ages never depend on the clock.
var testDay = uitest.Day

// harness drives the real root model on a real database in a temporary folder, the way a
// user at the keyboard would, and runs every command synchronously so tests never sleep.
type harness struct {
	uitest.Runner
	t   *testing.T
	app *App
	s   *store.Store
	cat *checklists.Catalogue
	id  string // the demo assessment
}

// newHarness opens a fresh database holding the standard demo and shows the home screen.
func newHarness(t *testing.T) *harness {
	t.Helper()
	cat, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return testDay })
	a, err := assessment.Demo(cat, assessment.DemoStandard, testDay)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, s: s, cat: cat, id: id}
	h.start(New(s, cat, Options{}))
	return h
}

// start shows the home screen of app.
func (h *harness) start(app *App) {
	h.app = app
	app.c.Now = func() time.Time { return testDay }
	app.c.WorkDir = "/home/assessor"
	h.Runner = uitest.Runner{T: h.t, Update: func(msg tea.Msg) tea.Cmd {
		_, cmd := h.app.Update(msg)
		return cmd
	}}
	h.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.Run(app.Init())
}

// open opens the demo assessment and goes to the given step.
func (h *harness) open(id steps.ID) *harness {
	h.t.Helper()
	h.Keys("enter")
	if h.app.work == nil {
		h.t.Fatal("the demo did not open")
	}
	h.app.work.Show(id)
	return h
}

// screen is the current frame as plain text.
func (h *harness) screen() string { return ansi.Strip(h.app.content()) }

// stored reloads the demo assessment from the database, as the next session would see it.
func (h *harness) stored() *assessment.Assessment {
	h.t.Helper()
	a, err := h.s.Load(h.id)
	if err != nil {
		h.t.Fatal(err)
	}
	return a
}

// contains fails the test unless the screen shows every text.
func (h *harness) contains(texts ...string) {
	h.t.Helper()
	scr := h.screen()
	for _, s := range texts {
		if !strings.Contains(scr, s) {
			h.t.Fatalf("screen lacks %q:\n%s", s, scr)
		}
	}
}

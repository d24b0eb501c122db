package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/steps"
)

// testDay is the fixed "today" of UI tests, so dates and ages never depend on the clock.
var testDay = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// harness drives the real root model on a real database in a temporary folder, the way a
// user at the keyboard would, and runs every command synchronously so tests never sleep.
type harness struct {
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
	app := New(s, cat, Options{})
	app.c.Now = func() time.Time { return testDay }
	app.c.WorkDir = "/home/assessor"
	h := &harness{t: t, app: app, s: s, cat: cat, id: id}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(app.Init())
	return h
}

// open opens the demo assessment and goes to the given step (1–9).
func (h *harness) open(stepNumber int) *harness {
	h.t.Helper()
	h.keys("enter")
	if h.app.work == nil {
		h.t.Fatal("the demo did not open")
	}
	h.app.work.Show(steps.ID(stepNumber - 1))
	return h
}

// send delivers one message and runs the commands it returns.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// blinkCode identifies the cursor-blink command of text fields: it returns after half a
// second and re-arms itself for as long as the field has focus, so running it would never end.
var blinkCode = func() uintptr {
	c := cursor.New()
	c.SetMode(cursor.CursorBlink)
	return reflect.ValueOf(c.Focus()).Pointer()
}()

// run executes a command and feeds its messages back, as the Bubble Tea runtime would,
// except the cursor blink. A command still running after the safety timeout is a timer
// outside the behaviour under test.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil || reflect.ValueOf(cmd).Pointer() == blinkCode {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(5 * time.Second):
		return // a timer or blink: not part of the behaviour under test
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
	default:
		if isSequence(msg) {
			for _, c := range sequenceCmds(msg) {
				h.run(c)
			}
			return
		}
		h.send(msg)
	}
}

// keys types keys by their names: "c", "3", "enter", "esc", "ctrl+c", "space", or text
// written as "text:hello".
func (h *harness) keys(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		if text, ok := strings.CutPrefix(k, "text:"); ok {
			for _, r := range text {
				h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		h.send(keyMsg(k))
	}
}

// keyMsg builds the key press a terminal would send for a key name.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp}
	if mod, rest, ok := strings.Cut(name, "+"); ok && len(rest) > 0 {
		m := map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}[mod]
		k := keyMsg(rest)
		k.Mod, k.Text = m, ""
		return k
	}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
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

// isSequence recognises tea.Sequence's unexported message, a slice of commands.
func isSequence(msg tea.Msg) bool {
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf((tea.Cmd)(nil))
}

func sequenceCmds(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

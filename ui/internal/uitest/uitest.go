// Package uitest drives the workbench's models in tests the way a user at the keyboard
// would: on a real database in a temporary folder, with every command run synchronously
// and its messages fed back, so tests never sleep. Step packages test their step inside a
// real workspace whose other steps are blanks; the root package drives the whole App.
package uitest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
	"aimsbench/ui/theme"
	"aimsbench/ui/workspace"
)

// Day is the fixed "today" of UI tests, so dates and ages never depend on the clock.
var Day = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// Runner feeds messages to a model's Update and runs the commands it returns, as the Bubble
// Tea runtime would, except the cursor blink.
type Runner struct {
	T      testing.TB
	Update func(tea.Msg) tea.Cmd
}

// Send delivers one message and runs the commands it returns.
func (r Runner) Send(msg tea.Msg) {
	r.T.Helper()
	r.Run(r.Update(msg))
}

// blinkCode identifies the cursor-blink command of text fields: it returns after half a
// second and re-arms itself for as long as the field has focus, so running it would never end.
var blinkCode = func() uintptr {
	c := cursor.New()
	c.SetMode(cursor.CursorBlink)
	return reflect.ValueOf(c.Focus()).Pointer()
}()

// Run executes a command and feeds its messages back. A command still running after the
// safety timeout (a minute: a Word export under the race detector on a loaded machine takes
// seconds) is a timer outside the behaviour under test.
func (r Runner) Run(cmd tea.Cmd) {
	r.T.Helper()
	if cmd == nil || reflect.ValueOf(cmd).Pointer() == blinkCode {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Minute):
		return // a timer or blink: not part of the behaviour under test
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			r.Run(c)
		}
	default:
		if cmds, ok := sequence(msg); ok {
			for _, c := range cmds {
				r.Run(c)
			}
			return
		}
		r.Send(msg)
	}
}

// Keys types keys by their names: "c", "3", "enter", "esc", "ctrl+c", "space", or text
// written as "text:hello".
func (r Runner) Keys(keys ...string) {
	r.T.Helper()
	for _, k := range keys {
		if text, ok := strings.CutPrefix(k, "text:"); ok {
			for _, c := range text {
				r.Send(tea.KeyPressMsg{Code: c, Text: string(c)})
			}
			continue
		}
		r.Send(KeyMsg(k))
	}
}

// KeyMsg builds the key press a terminal would send for a key name.
func KeyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd}
	if mod, rest, ok := strings.Cut(name, "+"); ok && len(rest) > 0 {
		m := map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}[mod]
		k := KeyMsg(rest)
		k.Mod, k.Text = m, ""
		return k
	}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// sequence recognises tea.Sequence's unexported message, a slice of commands.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf((tea.Cmd)(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// Harness is one step inside a real workspace on a real database holding the standard
// demo; the other steps are blanks that record what reaches them.
type Harness struct {
	Runner
	T       *testing.T
	Store   *store.Store
	Cat     *checklists.Catalogue
	ID      string // the demo assessment
	Session *kit.Session
	Work    *workspace.Model // nil until Open
	Blanks  map[steps.ID]*Blank
	Closed  bool // the workspace asked to go back to the home screen
}

// New opens a fresh database holding the standard demo, not yet shown.
func New(t *testing.T) *Harness {
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
	s.SetClock(func() time.Time { return Day })
	a, err := assessment.Demo(cat, assessment.DemoStandard, Day)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	c := &kit.Session{Store: s, Cat: cat, Styles: theme.New(), Now: func() time.Time { return Day },
		WorkDir: "/home/assessor", Writer: kit.NewWriter()}
	h := &Harness{T: t, Store: s, Cat: cat, ID: id, Session: c, Blanks: map[steps.ID]*Blank{}}
	h.Runner = Runner{T: t, Update: func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case workspace.CloseMsg:
			h.Closed = true
			return nil
		case tea.WindowSizeMsg: // as the root model does
			h.Work.SetSize(msg.Width, msg.Height)
			return nil
		}
		return h.Work.Update(msg)
	}}
	return h
}

// Open opens the demo with the step under test, built by factory, on screen at 120×40.
func (h *Harness) Open(id steps.ID, factory workspace.Factory) *Harness {
	h.T.Helper()
	seq, err := h.Store.LastChange()
	if err != nil {
		h.T.Fatal(err)
	}
	factories := make([]workspace.Factory, steps.Report+1)
	for i := range factories {
		i := steps.ID(i)
		factories[i] = func(steps.Host) steps.Step {
			b := &Blank{}
			h.Blanks[i] = b
			return b
		}
	}
	factories[id] = factory
	h.Work = workspace.New(h.Session, h.Stored(), seq, factories)
	h.Work.SetSize(120, 40)
	h.Work.Show(id)
	h.Run(h.Work.Init())
	return h
}

// Step is the step under test.
func (h *Harness) Step() steps.Step { return h.Work.Step(h.Work.Active()) }

// Screen is the current frame as plain text.
func (h *Harness) Screen() string { return ansi.Strip(h.Work.View()) }

// Contains fails the test unless the screen shows every text.
func (h *Harness) Contains(texts ...string) {
	h.T.Helper()
	scr := h.Screen()
	for _, s := range texts {
		if !strings.Contains(scr, s) {
			h.T.Fatalf("screen lacks %q:\n%s", s, scr)
		}
	}
}

// Stored reloads the demo assessment from the database, as the next session would see it.
func (h *Harness) Stored() *assessment.Assessment {
	h.T.Helper()
	a, err := h.Store.Load(h.ID)
	if err != nil {
		h.T.Fatal(err)
	}
	return a
}

// Press presses the key the step on screen lists for what it does (its help text, e.g.
// "conformant"), failing when the step does not offer it now.
func (h *Harness) Press(what string) {
	h.T.Helper()
	for _, g := range h.Work.FullHelp() {
		for _, b := range g {
			if b.Help().Desc == what && b.Enabled() && len(b.Keys()) > 0 {
				h.Keys(keyName(b))
				return
			}
		}
	}
	h.T.Fatalf("the screen offers no key to %q:\n%s", what, h.Screen())
}

// keyName is the first key of a binding, as Keys spells it.
func keyName(b key.Binding) string { return b.Keys()[0] }

// Blank is a step that shows nothing and records every message it receives.
type Blank struct{ Got []tea.Msg }

// The methods below are steps.Step's.

func (b *Blank) Name() string                { return "Blank" }
func (b *Blank) Update(msg tea.Msg) tea.Cmd  { b.Got = append(b.Got, msg); return nil }
func (b *Blank) View() string                { return "" }
func (b *Blank) SetSize(int, int)            {}
func (b *Blank) FullHelp() [][]key.Binding   { return nil }
func (b *Blank) Typing() bool                { return false }
func (b *Blank) Progress() (done, total int) { return 0, 0 }

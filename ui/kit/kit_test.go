package kit

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/ui/theme"
)

func press(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}

func TestAConfirmationDestroysNothingUnlessAskedTo(t *testing.T) {
	tests := []struct {
		name      string
		keys      []string
		done, yes bool
	}{
		{"enter alone answers No", []string{"enter"}, true, false},
		{"y answers yes", []string{"y"}, true, true},
		{"n answers no", []string{"n"}, true, false},
		{"esc answers no", []string{"esc"}, true, false},
		{"moving to Yes then enter answers yes", []string{"left", "enter"}, true, true},
		{"another key leaves it open", []string{"q"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewConfirm("Delete?", "x")
			var done, yes bool
			for _, k := range tt.keys {
				done, yes = c.Update(press(k))
			}
			if done != tt.done || yes != tt.yes {
				t.Errorf("done %v yes %v, want %v %v", done, yes, tt.done, tt.yes)
			}
		})
	}
}

type screen struct{ editing, count int }

func TestAKeyTableDispatchesAndListsOnlyEnabledKeys(t *testing.T) {
	table := Keys[*screen]{
		{Binding: NewBinding("a", "a", "add"), Run: func(s *screen, _ tea.KeyPressMsg) tea.Cmd { s.count++; return nil }},
		{Binding: NewBinding("d", "d", "delete"), Group: 1, Enabled: func(s *screen) bool { return s.count > 0 },
			Run: func(s *screen, _ tea.KeyPressMsg) tea.Cmd { s.count--; return nil }},
		{Binding: NewBinding("x", "x", "hidden"), Hidden: true, Run: func(s *screen, _ tea.KeyPressMsg) tea.Cmd { s.count = 99; return nil }},
		{Binding: NewBinding("esc", "esc", "cancel"), HelpOnly: true, Enabled: func(s *screen) bool { return s.editing > 0 }},
	}
	tests := []struct {
		name    string
		keys    string
		count   int
		help    string
		handled bool
	}{
		{"a disabled key does nothing and is not listed", "d", 0, "a add", false},
		{"an enabled key runs and the next one shows", "a", 1, "a add · d delete", true},
		{"a hidden key runs but is never listed", "x", 99, "a add · d delete", true},
		{"a help-only key is listed but handled elsewhere", "esc", 0, "a add", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &screen{}
			if tt.keys == "esc" {
				s.editing = 1
				tt.help = "a add · esc cancel"
			}
			_, handled := table.Dispatch(s, press(tt.keys))
			if handled != tt.handled || s.count != tt.count {
				t.Errorf("handled %v count %d, want %v %d", handled, s.count, tt.handled, tt.count)
			}
			if got := FooterText(table.Help(s)); got != tt.help {
				t.Errorf("footer %q, want %q", got, tt.help)
			}
		})
	}
}

func TestASheetAsksBeforeEscThrowsTypedTextAway(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want Outcome
	}{
		{"esc on an untouched sheet cancels at once", []string{"esc"}, Cancelled},
		{"esc after typing asks, and No keeps the text", []string{"q", "esc", "enter"}, Editing},
		{"esc after typing asks, and yes discards", []string{"q", "esc", "y"}, Cancelled},
		{"ctrl+s saves", []string{"q", "ctrl+s"}, Saved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSheet("Note", 60).LineField("note", "Note", "", "")
			var got Outcome
			for _, k := range tt.keys {
				got = s.Update(press(k))
			}
			if got != tt.want {
				t.Fatalf("outcome %d, want %d", got, tt.want)
			}
			if tt.want == Editing && s.Get("note") != "q" {
				t.Errorf("the typed text was lost: %q", s.Get("note"))
			}
		})
	}
}

func TestAFormSavesWithCtrlSAndAsksBeforeDiscarding(t *testing.T) {
	tests := []struct {
		name      string
		keys      []string
		saved     bool
		cancelled bool
		open      bool
	}{
		{"ctrl+s saves from the first field", []string{"A", "ctrl+s"}, true, false, false},
		{"esc on an untouched form cancels", []string{"esc"}, false, true, false},
		{"esc after typing asks first", []string{"A", "esc"}, false, false, true},
		{"and yes discards", []string{"A", "esc", "y"}, false, true, false},
		{"a refused value keeps the form open", []string{"ctrl+s"}, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var name, other string
			saved := false
			f := NewForm("Test", 60, 20, func() tea.Cmd { saved = true; return nil },
				huh.NewInput().Title("Name").Value(&name).Validate(func(s string) error {
					if strings.TrimSpace(s) == "" {
						return errEmpty
					}
					return nil
				}),
				huh.NewInput().Title("Other").Value(&other))
			f.Init()
			open, cancelled := f, false
			for _, k := range tt.keys {
				var c bool
				_, c = UpdateForm(&open, press(k))
				cancelled = cancelled || c
				if open == nil {
					break
				}
			}
			if saved != tt.saved || cancelled != tt.cancelled || (open != nil) != tt.open {
				t.Errorf("saved %v cancelled %v open %v, want %v %v %v\n%s", saved, cancelled, open != nil, tt.saved, tt.cancelled, tt.open, f.View(theme.New()))
			}
		})
	}
}

var errEmpty = errorString("a name is needed")

type errorString string

func (e errorString) Error() string { return string(e) }

// TestAFieldLeftAsShownGivesBackTheStoredText: stored text is shown with its escape
// sequences and tabs made visible; a sheet or form field left as shown gives back the stored
// text exactly, and one the assessor edited gives what they typed.
func TestAFieldLeftAsShownGivesBackTheStoredText(t *testing.T) {
	stored := "Moira \x1b[31mK\x1b[0m\tTab \u202eevil"
	s := NewSheet("Edit", 80).LineField("who", "Who", stored, "").LongField("note", "Note", "line one\n\tline two \x1b[1m")
	if got := s.Get("who"); got != stored {
		t.Errorf("an untouched line field gave %q, want the stored %q", got, stored)
	}
	if got := s.Get("note"); got != "line one\n\tline two \x1b[1m" {
		t.Errorf("an untouched long field gave %q", got)
	}
	if strings.ContainsRune(ForEditing(stored), 0x1b) || strings.ContainsRune(ForEditing(stored), 0x202e) {
		t.Errorf("ForEditing(%q) = %q still holds raw control characters", stored, ForEditing(stored))
	}
	if got := Edited(stored, ForEditing(stored)); got != stored {
		t.Errorf("Edited of an untouched field = %q", got)
	}
	if got := Edited(stored, " Moira K "); got != "Moira K" {
		t.Errorf("Edited of an edited field = %q, want what was typed, trimmed", got)
	}
}

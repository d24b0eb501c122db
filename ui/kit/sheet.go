package kit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Sheet is a compact form of labelled fields, one line each (long texts get a few
// lines while they are being edited), used for SoA justifications and nonconformities.
// Its cursor does not blink: no timer runs while the assessor types, and every key is
// handled at once.
type Sheet struct {
	Title string
	// Intro is optional guidance under the title.
	Intro string
	// Err says why the last save was refused; it is shown until the next key.
	Err     string
	fields  []*sheetField
	focus   int
	width   int
	initial []string // the values the sheet opened with, taken at its first key
	ask     *Confirm // the question whether to discard typed text
}

// sheetKind is how a field is edited.
type sheetKind int

const (
	sheetLine   sheetKind = iota // one line of text
	sheetLong                    // several lines of text
	sheetChoice                  // one of a few values, cycled with ←/→
)

// sheetField is one labelled field of a sheet.
type sheetField struct {
	name   string
	label  string
	kind   sheetKind
	line   Input
	path   bool // a file path: the field opens with its value selected
	long   textarea.Model
	values []string // choice: stored values
	names  []string // choice: what the assessor reads
	chosen int
	note   func(value string) string // optional live remark shown under the focused field
	// stored is the text the field opened on and shown how it appeared (made visible): a
	// field left as shown gives back the stored text, escape sequences and all.
	stored, shown string
}

var (
	sheetKeyNext    = KeyNext
	sheetKeyPrev    = KeyPrev
	sheetKeySave    = KeySave
	sheetKeyCancel  = KeyCancel
	sheetKeyCycle   = NewBinding("left right space", "←/→", "change choice")
	sheetKeyNewline = NewBinding("alt+enter ctrl+j", "ctrl+j", "new line")
	// Help-only variants for the last field, where enter saves and tab wraps round.
	sheetKeyEnterSave = NewBinding("enter ctrl+s", "enter/ctrl+s", "save")
	sheetKeyFirst     = NewBinding("tab", "tab", "first field")
)

// Outcome says what a key did to a sheet.
type Outcome int

// What a key did to a sheet: it is still open, it was saved, or it was cancelled.
const (
	Editing Outcome = iota
	Saved
	Cancelled
)

// NewSheet starts an empty sheet; add its fields with LineField, LongField and ChoiceField.
func NewSheet(title string, width int) *Sheet {
	return &Sheet{Title: title, width: max(width, 30)}
}

// SetWidth follows a terminal resize.
func (s *Sheet) SetWidth(width int) {
	s.width = max(width, 30)
	s.fitInputs()
}

func (s *Sheet) fitInputs() {
	for _, f := range s.fields {
		switch f.kind {
		case sheetLine:
			f.line.SetWidth(s.inputWidth())
		case sheetLong:
			f.long.SetWidth(s.inputWidth())
		}
	}
}

func (s *Sheet) labelWidth() int {
	w := 0
	for _, f := range s.fields {
		w = max(w, lipgloss.Width(f.label))
	}
	return min(w+2, s.width/3)
}

func (s *Sheet) inputWidth() int { return max(s.width-s.labelWidth()-2, 10) }

// LineField adds a one-line text field holding value.
func (s *Sheet) LineField(name, label, value, placeholder string) *Sheet {
	in := NewInput()
	in.Placeholder = placeholder
	in.SetStyles(sheetInputStyles())
	in.SetWidth(s.inputWidth())
	in.SetValue(Vis(value))
	s.add(&sheetField{name: name, label: label, kind: sheetLine, line: in, stored: value, shown: strings.TrimSpace(in.Value())})
	return s
}

// PathField adds a one-line field for a file path; it opens with value selected, so a path
// typed over it replaces it.
func (s *Sheet) PathField(name, label, value, placeholder string) *Sheet {
	s.LineField(name, label, value, placeholder)
	f := s.fields[len(s.fields)-1]
	f.path = true
	if len(s.fields) == 1 {
		s.focusField(0)
	}
	return s
}

// LongField adds a multi-line text field holding value.
func (s *Sheet) LongField(name, label, value string) *Sheet {
	ta := textarea.New()
	ta.Prompt = "│ "
	ta.Placeholder = "type here; ctrl+j starts a new line"
	ta.ShowLineNumbers = false
	ta.CharLimit = 20000
	ta.SetStyles(sheetAreaStyles())
	ta.KeyMap.InsertNewline = sheetKeyNewline
	ta.SetWidth(s.inputWidth())
	ta.SetHeight(3)
	ta.SetValue(VisText(value))
	s.add(&sheetField{name: name, label: label, kind: sheetLong, long: ta, stored: value, shown: strings.TrimSpace(ta.Value())})
	return s
}

// ChoiceField adds a field choosing one of values (shown by names), set to value.
func (s *Sheet) ChoiceField(name, label string, values, names []string, value string) *Sheet {
	f := &sheetField{name: name, label: label, kind: sheetChoice, values: values, names: names}
	for i, v := range values {
		if v == value {
			f.chosen = i
		}
	}
	s.add(f)
	return s
}

// Tall gives the last field added, a long one, more lines while it is edited.
func (s *Sheet) Tall(lines int) *Sheet {
	s.fields[len(s.fields)-1].long.SetHeight(lines)
	return s
}

// WithNote attaches a live remark to the last field added.
func (s *Sheet) WithNote(note func(string) string) *Sheet {
	s.fields[len(s.fields)-1].note = note
	return s
}

func (s *Sheet) add(f *sheetField) {
	s.fields = append(s.fields, f)
	if len(s.fields) == 1 {
		s.focusField(0)
	}
	s.fitInputs() // a longer label narrows every input
}

// Get returns a field's value by name; text is trimmed of surrounding space, and a text
// field left as it was shown gives back the stored text exactly.
func (s *Sheet) Get(name string) string {
	for _, f := range s.fields {
		if f.name == name {
			if v := f.value(); f.kind == sheetChoice || v != f.shown {
				return v
			}
			return f.stored
		}
	}
	return ""
}

// Typed reports whether any field differs from the value the sheet opened with.
func (s *Sheet) Typed() bool {
	if s.initial == nil {
		return false
	}
	for i, v := range s.values() {
		if v != s.initial[i] {
			return true
		}
	}
	return false
}

func (s *Sheet) values() []string {
	out := make([]string, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.value()
	}
	return out
}

func (f *sheetField) value() string {
	switch f.kind {
	case sheetLong:
		return strings.TrimSpace(f.long.Value())
	case sheetChoice:
		if f.chosen < len(f.values) {
			return f.values[f.chosen]
		}
		return ""
	}
	return strings.TrimSpace(f.line.Value())
}

func (s *Sheet) focusField(i int) {
	if i < 0 || i >= len(s.fields) {
		return
	}
	for j, f := range s.fields {
		switch {
		case f.kind == sheetLine && j == i && f.path:
			f.line.FocusSelected()
		case f.kind == sheetLine && j == i:
			f.line.Focus()
		case f.kind == sheetLine:
			f.line.Blur()
		case f.kind == sheetLong && j == i:
			f.long.Focus()
		case f.kind == sheetLong:
			f.long.Blur()
		}
	}
	s.focus = i
}

// Keys are the bindings that work in the focused field.
func (s *Sheet) Keys() []key.Binding {
	var ks []key.Binding
	switch {
	case len(s.fields) == 1:
	case s.focus == len(s.fields)-1:
		ks = append(ks, sheetKeyFirst, sheetKeyPrev)
	default:
		ks = append(ks, sheetKeyNext, sheetKeyPrev)
	}
	if len(s.fields) > 0 {
		switch s.fields[s.focus].kind {
		case sheetChoice:
			ks = append(ks, sheetKeyCycle)
		case sheetLong:
			ks = append(ks, sheetKeyNewline)
		}
	}
	if s.focus == len(s.fields)-1 {
		return append(ks, sheetKeyEnterSave, sheetKeyCancel)
	}
	return append(ks, sheetKeySave, sheetKeyCancel)
}

// Update handles one message and says whether the sheet was saved or cancelled. Enter on
// the last field saves, as does ctrl+s anywhere.
func (s *Sheet) Update(msg tea.Msg) Outcome {
	if len(s.fields) == 0 {
		return Cancelled
	}
	if s.initial == nil {
		s.initial = s.values()
	}
	if s.ask != nil {
		done, yes := s.ask.Update(msg)
		switch {
		case done && yes:
			return Cancelled
		case done:
			s.ask = nil
		}
		return Editing
	}
	f := s.fields[s.focus]
	kp, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		s.Err = ""
		switch {
		case key.Matches(kp, sheetKeyCancel) && s.Typed():
			s.ask = NewConfirm(discardAsk, "").Fit(s.width)
			return Editing
		case key.Matches(kp, sheetKeyCancel):
			return Cancelled
		case key.Matches(kp, sheetKeySave):
			return Saved
		case kp.String() == "enter" && s.focus == len(s.fields)-1:
			return Saved
		case key.Matches(kp, sheetKeyNext):
			s.focusField((s.focus + 1) % len(s.fields))
			return Editing
		case key.Matches(kp, sheetKeyPrev):
			s.focusField(s.focus - 1)
			return Editing
		}
		switch f.kind {
		case sheetChoice:
			s.updateChoice(f, kp)
			return Editing
		case sheetLine:
			switch kp.String() {
			case "down":
				s.focusField(s.focus + 1)
				return Editing
			case "up":
				s.focusField(s.focus - 1)
				return Editing
			}
		case sheetLong:
			if kp.String() == "up" || kp.String() == "down" {
				row, col, off := f.long.Line(), f.long.Column(), f.long.LineInfo().RowOffset
				f.long, _ = f.long.Update(msg)
				if row == f.long.Line() && col == f.long.Column() && off == f.long.LineInfo().RowOffset {
					s.focusField(s.focus + map[string]int{"up": -1, "down": 1}[kp.String()])
				}
				return Editing
			}
		}
	}
	switch f.kind {
	case sheetLine:
		f.line, _ = f.line.Update(msg)
	case sheetLong:
		f.long, _ = f.long.Update(msg)
	}
	return Editing
}

func (s *Sheet) updateChoice(f *sheetField, kp tea.KeyPressMsg) {
	n := len(f.values)
	if n == 0 {
		return
	}
	switch kp.String() {
	case "left", "h":
		f.chosen = (f.chosen + n - 1) % n
	case "right", "l", "space":
		f.chosen = (f.chosen + 1) % n
	case "up":
		s.focusField(s.focus - 1)
	case "down":
		s.focusField(s.focus + 1)
	}
}

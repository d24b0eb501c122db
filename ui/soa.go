package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// soa is the Statement of Applicability: the 38 Annex A controls by objective, each with its
// decision and justification, status, the risks that rely on it and its test conclusion.
type soa struct {
	w        *workspace
	rows     []checklists.Item // objectives and controls in catalogue order
	controls []checklists.Item
	cursor   int // index into controls
	sheet    *kit.Sheet
	editing  checklists.Item // the control the sheet edits
	exclude  bool            // saving the sheet excludes the control
	width    int
	height   int
}

var (
	soaKeyExclude = kit.NewBinding("space", "space", "exclude…")
	soaKeyInclude = kit.NewBinding("space", "space", "include")
	soaKeyJustify = kit.NewBinding("enter", "enter", "edit justification")
)

func newSoA(w *workspace) step {
	s := &soa{w: w}
	for _, it := range w.c.Cat.Items {
		if it.Kind == checklists.KindObjective || it.IsControl() {
			s.rows = append(s.rows, it)
		}
		if it.IsControl() {
			s.controls = append(s.controls, it)
		}
	}
	return s
}

func (s *soa) Name() string { return "SoA" }

func (s *soa) Typing() bool { return s.sheet != nil }

func (s *soa) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.sheet != nil {
		s.sheet.SetWidth(s.detailWidth())
	}
}

// Progress counts the controls whose SoA entry is complete: included, or excluded with a
// justification. An exclusion without one (possible only through an import) is not done.
func (s *soa) Progress() (int, int) {
	done := 0
	for _, c := range s.controls {
		r := s.w.a.Result(c)
		if r.Decision != assessment.Excluded || strings.TrimSpace(r.Justification) != "" {
			done++
		}
	}
	return done, len(s.controls)
}

func (s *soa) selected() (checklists.Item, bool) {
	if s.cursor < 0 || s.cursor >= len(s.controls) {
		return checklists.Item{}, false
	}
	return s.controls[s.cursor], true
}

// toggleKey is the space binding as it reads for the selected control.
func (s *soa) toggleKey() key.Binding {
	if it, ok := s.selected(); ok && s.w.a.Result(it).Decision == assessment.Excluded {
		return soaKeyInclude
	}
	return soaKeyExclude
}

func (s *soa) ShortHelp() []key.Binding {
	if s.sheet != nil {
		return s.sheet.Keys()
	}
	return []key.Binding{kit.KeyUp, kit.KeyDown, s.toggleKey(), soaKeyJustify}
}

func (s *soa) FullHelp() [][]key.Binding {
	if s.sheet != nil {
		return [][]key.Binding{s.sheet.Keys()}
	}
	return [][]key.Binding{{kit.KeyUp, kit.KeyDown, kit.KeyPgUp, kit.KeyPgDown}, {s.toggleKey(), soaKeyJustify}}
}

// Update gives keys to the open sheet first, then handles the list.
func (s *soa) Update(msg tea.Msg) tea.Cmd {
	if s.sheet != nil {
		return s.updateSheet(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	page := max(s.height/2, 1)
	switch {
	case key.Matches(kp, kit.KeyDown):
		s.cursor = min(s.cursor+1, len(s.controls)-1)
	case key.Matches(kp, kit.KeyUp):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(kp, kit.KeyPgDown):
		s.cursor = min(s.cursor+page, len(s.controls)-1)
	case key.Matches(kp, kit.KeyPgUp):
		s.cursor = max(s.cursor-page, 0)
	case key.Matches(kp, soaKeyExclude):
		return s.toggle()
	case key.Matches(kp, soaKeyJustify):
		if it, ok := s.selected(); ok {
			s.openSheet(it, false)
		}
	}
	return nil
}

// toggle includes an excluded control at once, or asks why before excluding an included one.
func (s *soa) toggle() tea.Cmd {
	it, ok := s.selected()
	if !ok {
		return nil
	}
	if s.w.a.Result(it).Decision != assessment.Excluded {
		s.openSheet(it, true)
		return nil
	}
	d := assessment.Included
	cmd := s.w.judge(it, assessment.Judgement{Decision: &d})
	if cmd != nil {
		s.w.status = kit.Status{Text: fmt.Sprintf("%s is included in the SoA again; its status is back to not assessed — judge it on step 2.", it.ID)}
	}
	return cmd
}

func (s *soa) openSheet(it checklists.Item, exclude bool) {
	sheet := kit.NewSheet("Justification of "+it.ID+" in the SoA", s.detailWidth())
	switch {
	case exclude:
		sheet.Title = "Exclude " + it.ID + " from the SoA"
		sheet.Intro = "Say why the control does not apply to this AIMS. Once excluded it is not applicable; the report prints this justification."
		if n := len(s.linkedRisks(it)); n > 0 {
			sheet.Intro += fmt.Sprintf(" Note: the risk register relies on it to treat %d risk(s), so the exclusion will be flagged.", n)
		}
	case s.w.a.Result(it).Decision == assessment.Excluded:
		sheet.Intro = "Why the control does not apply. An excluded control must keep a justification."
	default:
		sheet.Intro = "Why the control is included: the risks it treats or the requirement it meets (optional)."
	}
	s.editing, s.exclude = it, exclude
	s.sheet = sheet.LongField("why", "Reason", s.w.a.Result(it).Justification).Tall(6)
}

// updateSheet applies the justification through the SoA rules; a refusal keeps the sheet
// open with the reason, so nothing typed is lost.
func (s *soa) updateSheet(msg tea.Msg) tea.Cmd {
	switch s.sheet.Update(msg) {
	case kit.Cancelled:
		s.sheet = nil
		s.w.status = kit.Status{Text: "Cancelled; the SoA entry is unchanged."}
	case kit.Saved:
		why := s.sheet.Get("why")
		j := assessment.Judgement{Justification: &why}
		if s.exclude {
			d := assessment.Excluded
			j.Decision = &d
		}
		if _, err := j.Apply(s.editing, s.w.a.Result(s.editing)); err != nil {
			s.sheet.Err = err.Error()
			return nil
		}
		s.sheet = nil
		cmd := s.w.judge(s.editing, j)
		if cmd != nil && s.exclude {
			s.w.status = kit.Status{Text: fmt.Sprintf("%s excluded from the SoA; it is now not applicable.", s.editing.ID)}
		}
		return cmd
	}
	return nil
}

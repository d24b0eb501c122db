package soa

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// soa is the Statement of Applicability: the 38 Annex A controls by objective, each with its
// decision and justification, status, the risks that rely on it and its test conclusion.
type soa struct {
	h        steps.Host
	rows     []checklists.Item // objectives and controls in catalogue order
	controls []checklists.Item
	cursor   int // index into controls
	sheet    *kit.Sheet
	editing  checklists.Item    // the control the sheet edits
	base     *assessment.Result // its result as the sheet opened on it
	exclude  bool               // saving the sheet excludes the control
	detail   kit.Pane           // the selected control in full, scrolled with J and K
	reqOf    *assessment.Assessment
	req      map[string][]assessment.Requirement // why the situation requires each control, for reqOf
	width    int
	height   int
}

// required says why the organisation's situation requires a control (none: not required),
// worked out once per snapshot of the assessment.
func (s *soa) required(id string) []assessment.Requirement {
	if a := s.h.Assessment(); s.reqOf != a {
		s.reqOf, s.req = a, assessment.RequiredControls(s.h.Catalogue(), a)
	}
	return s.req[id]
}

// requiredCap says what excluding a required control does to the verdict, with the cap of
// the rule that says so.
func requiredCap() string {
	for _, r := range assessment.VerdictRules() {
		if r.Kind == "required_control_excluded" {
			return fmt.Sprintf("excluding it caps the readiness verdict at %d whatever the justification, because the situation requires it", r.Cap)
		}
	}
	return "excluding it blocks the readiness verdict"
}

var (
	soaKeyExclude = kit.NewBinding("space", "space", "exclude…")
	soaKeyInclude = kit.NewBinding("space", "space", "include")
	soaKeyJustify = kit.NewBinding("enter", "enter", "edit justification")
)

// New builds the Statement of Applicability step.
func New(h steps.Host) steps.Step {
	s := &soa{h: h}
	for _, it := range h.Catalogue().Items {
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
		r := s.h.Assessment().Result(c)
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

// FullHelp lists the keys that work now, from the key table; the open sheet has its own.
func (s *soa) FullHelp() [][]key.Binding {
	if s.sheet != nil {
		return [][]key.Binding{s.sheet.Keys()}
	}
	return soaKeys.Help(s)
}

// soaKeys is the step's key table: dispatch, footer and help read it.
var soaKeys = kit.Keys[*soa]{
	{Binding: kit.KeyUp, Run: soaMove(func(s *soa) int { return s.cursor - 1 })},
	{Binding: kit.KeyDown, Run: soaMove(func(s *soa) int { return s.cursor + 1 })},
	{Binding: kit.KeyPgUp, Run: soaMove(func(s *soa) int { return s.cursor - max(s.height/2, 1) })},
	{Binding: kit.KeyPgDown, Run: soaMove(func(s *soa) int { return s.cursor + max(s.height/2, 1) })},
	{Binding: soaKeyExclude, Group: 1, Run: func(s *soa, _ tea.KeyPressMsg) tea.Cmd { return s.toggle() }, Enabled: func(s *soa) bool { return !s.excluded() }},
	{Binding: soaKeyInclude, Group: 1, Run: func(s *soa, _ tea.KeyPressMsg) tea.Cmd { return s.toggle() }, Enabled: (*soa).excluded},
	{Binding: kit.KeyScrollDown, Run: func(s *soa, _ tea.KeyPressMsg) tea.Cmd { s.detail.Scroll(1); return nil }, Enabled: func(s *soa) bool { return s.detail.Scrolls() }},
	{Binding: kit.KeyScrollUp, Run: func(s *soa, _ tea.KeyPressMsg) tea.Cmd { s.detail.Scroll(-1); return nil }, Enabled: func(s *soa) bool { return s.detail.Scrolls() }},
	{Binding: soaKeyJustify, Group: 1, Run: func(s *soa, _ tea.KeyPressMsg) tea.Cmd {
		if it, ok := s.selected(); ok {
			s.openSheet(it, false)
		}
		return nil
	}},
}

// excluded is true when the selected control is excluded from the SoA.
func (s *soa) excluded() bool {
	it, ok := s.selected()
	return ok && s.h.Assessment().Result(it).Decision == assessment.Excluded
}

func soaMove(to func(*soa) int) func(*soa, tea.KeyPressMsg) tea.Cmd {
	return func(s *soa, _ tea.KeyPressMsg) tea.Cmd {
		s.cursor = max(min(to(s), len(s.controls)-1), 0)
		s.detail.Reset()
		return nil
	}
}

// Update gives keys to the open sheet first, then handles the list.
func (s *soa) Update(msg tea.Msg) tea.Cmd {
	if jump, ok := msg.(steps.JumpTo); ok {
		for i, c := range s.controls {
			if c.ID == jump.Item {
				s.cursor = i
			}
		}
		return nil
	}
	if s.sheet != nil {
		return s.updateSheet(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := soaKeys.Dispatch(s, kp)
		return cmd
	}
	return nil
}

// toggle includes an excluded control at once, or asks why before excluding an included one.
func (s *soa) toggle() tea.Cmd {
	it, ok := s.selected()
	if !ok {
		return nil
	}
	if s.h.Assessment().Result(it).Decision != assessment.Excluded {
		s.openSheet(it, true)
		return nil
	}
	d := assessment.Included
	cmd := s.h.Apply(steps.Judge{Item: it, Judgement: assessment.Judgement{Decision: &d}})
	if cmd != nil {
		s.h.Say(fmt.Sprintf("%s is included in the SoA again; its status is back to not assessed — judge it on step 2.", it.ID))
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
			sheet.Intro += fmt.Sprintf(" Note: the risk register relies on it to treat %s, so the exclusion will be flagged.", kit.Plural(n, "risk"))
		}
		if req := s.required(it.ID); len(req) > 0 {
			sheet.Intro += " Beware: " + req[0].String() + "; " + requiredCap() + "."
		}
	case s.h.Assessment().Result(it).Decision == assessment.Excluded:
		sheet.Intro = "Why the control does not apply. An excluded control must keep a justification."
	default:
		sheet.Intro = "Why the control is included: the risks it treats or the requirement it meets (optional)."
	}
	s.editing, s.exclude, s.base = it, exclude, s.h.Assessment().Result(it)
	s.sheet = sheet.LongField("why", "Reason", s.h.Assessment().Result(it).Justification).Tall(6)
}

// updateSheet applies the justification through the SoA rules; a refusal keeps the sheet
// open with the reason, so nothing typed is lost.
func (s *soa) updateSheet(msg tea.Msg) tea.Cmd {
	switch s.sheet.Update(msg) {
	case kit.Cancelled:
		s.sheet = nil
		s.h.Say("Cancelled; the SoA entry is unchanged.")
	case kit.Saved:
		why := s.sheet.Get("why")
		j := assessment.Judgement{Justification: &why}
		if s.exclude {
			d := assessment.Excluded
			j.Decision = &d
		}
		if _, err := j.Apply(s.editing, s.h.Assessment().Result(s.editing)); err != nil {
			s.sheet.Err = err.Error()
			return nil
		}
		s.sheet = nil
		cmd := s.h.Apply(steps.Judge{Item: s.editing, Judgement: j, Base: s.base})
		if cmd != nil && s.exclude {
			s.h.Say(fmt.Sprintf("%s excluded from the SoA; it is now not applicable.", s.editing.ID))
		}
		return cmd
	}
	return nil
}

package scoping

import (
	"errors"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// editText is stored text in a form field, shown made visible (kit.ForEditing) and kept
// exactly as stored when the field is left as shown (kit.Edited).
type editText struct{ original, value string }

func newEditText(s string) *editText { return &editText{original: s, value: kit.ForEditing(s)} }

func (e *editText) result() string { return kit.Edited(e.original, e.value) }

func (e *editText) input(title string) *huh.Input {
	return huh.NewInput().Title(title).Value(&e.value).CharLimit(2000)
}

func (e *editText) text(title string, lines int) *huh.Text {
	return huh.NewText().Title(title).Value(&e.value).CharLimit(20000).Lines(max(lines, 2))
}

func required(why string) func(string) error {
	return func(v string) error {
		if !filled(v) {
			return errors.New(why)
		}
		return nil
	}
}

// saveHeader saves the assessment's own fields (organisation, metadata, scope, exclusions,
// certification plan) as change edits a copy of those on screen.
func (s *scoping) saveHeader(change func(h *assessment.Assessment)) tea.Cmd {
	base := s.h.Assessment()
	next := *base
	next.Scope.Exclusions = slices.Clone(base.Scope.Exclusions)
	change(&next)
	return s.h.Apply(steps.PutHeader{Base: base, Next: &next})
}

// openForm shows an embedded form of titled groups (pages): in the detail pane, or across
// the whole width when wide.
func (s *scoping) openForm(wide bool, apply func() tea.Cmd, groups ...*huh.Group) tea.Cmd {
	width := s.width - s.listWidth() - 4
	if wide {
		width = s.width - 2
	}
	s.form, s.formWide = kit.NewPagedForm(width, max(s.bodyHeight(), 10), apply, groups...), wide
	return s.form.Init()
}

// updateForm passes messages to the open form; esc cancels, submit applies.
func (s *scoping) updateForm(msg tea.Msg) tea.Cmd {
	cmd, cancelled := kit.UpdateForm(&s.form, msg)
	if cancelled {
		s.h.Say("Cancelled; nothing changed.")
	}
	return cmd
}

// editScopeBlock opens the form of one block of "Organisation & scope".
func (s *scoping) editScopeBlock(i int) tea.Cmd {
	switch i {
	case 0:
		return s.editOrganisation()
	case 1:
		return s.editMetadata()
	}
	sc := s.h.Assessment().Scope
	shown := []string{sc.Statement, sc.Boundaries, sc.Interfaces, sc.Alignment}
	hints := []string{
		"What the AIMS covers: activities, AI systems, products and services, locations.",
		"Units, sites, cloud environments and product lines inside the scope.",
		"Each third party or group entity at the edge of the scope, and who is responsible for what.",
		"Relation to ISO/IEC 27001 and 27701 scopes: shared processes and differences.",
	}
	t := newEditText(shown[i-2])
	field := t.text(scopeBlocks[i], s.bodyHeight()-7).Description(hints[i-2] + " alt+enter for a new line.")
	return s.openForm(false, func() tea.Cmd {
		return s.saveHeader(func(h *assessment.Assessment) {
			*[]*string{&h.Scope.Statement, &h.Scope.Boundaries, &h.Scope.Interfaces, &h.Scope.Alignment}[i-2] = t.result()
		})
	}, huh.NewGroup(field).Title("Edit "+strings.ToLower(scopeBlocks[i])))
}

func (s *scoping) editOrganisation() tea.Cmd {
	o := s.h.Assessment().Organisation
	name, sector, size := newEditText(o.Name), newEditText(o.Sector), newEditText(o.Size)
	address, contact := newEditText(o.Address), newEditText(o.Contact)
	return s.openForm(false, func() tea.Cmd {
		return s.saveHeader(func(h *assessment.Assessment) {
			h.Organisation = assessment.Organisation{Name: name.result(), Sector: sector.result(), Size: size.result(),
				Address: address.result(), Contact: contact.result()}
		})
	}, huh.NewGroup(
		name.input("Name").Validate(required("the organisation needs a name")),
		sector.input("Sector"),
		size.input("Size (employees, turnover)"),
		address.input("Address"),
		contact.input("Contact (name, function, e-mail, phone)"),
	).Title("Organisation"))
}

func (s *scoping) editMetadata() tea.Cmd {
	a := s.h.Assessment()
	title, assessor := newEditText(a.Title), newEditText(a.Assessor)
	class, version := newEditText(a.Classification), newEditText(a.ReportVersion)
	start, end := kit.DateInput(a.StartDate), kit.DateInput(a.EndDate)
	return s.openForm(false, func() tea.Cmd {
		return s.saveHeader(func(h *assessment.Assessment) {
			h.Title, h.Assessor = title.result(), assessor.result()
			h.StartDate, h.EndDate = kit.DateValue(start), kit.DateValue(end)
			h.Classification, h.ReportVersion = class.result(), version.result()
		})
	}, huh.NewGroup(
		title.input("Title").Validate(required("the assessment needs a title")),
		assessor.input("Assessor (name, qualification)"),
		huh.NewInput().Title("Start date (YYYY-MM-DD)").Value(&start).Validate(kit.OptionalDate),
		huh.NewInput().Title("End date (YYYY-MM-DD)").Value(&end).Validate(kit.NotBefore(&start, "the end date", "the start date")),
		class.input("Classification").Suggestions([]string{"Public", "Internal", "Confidential", "Strictly confidential"}).
			Placeholder("e.g. Confidential (ctrl+e completes)"),
		version.input("Report version").Placeholder("e.g. 1.0"),
	).Title("Assessment details"))
}

// editExclusion edits exclusion i, or adds one when i < 0.
func (s *scoping) editExclusion(i int) tea.Cmd {
	var e assessment.Exclusion
	title := "New exclusion"
	if i >= 0 {
		e, title = s.h.Assessment().Scope.Exclusions[i], "Edit exclusion"
	}
	what, why := newEditText(e.What), newEditText(e.Justification)
	return s.openForm(false, func() tea.Cmd {
		next := assessment.Exclusion{What: what.result(), Justification: why.result()}
		return s.saveHeader(func(h *assessment.Assessment) {
			if i < 0 || i >= len(h.Scope.Exclusions) {
				h.Scope.Exclusions = append(h.Scope.Exclusions, next)
				s.cursor[secExclusions] = len(h.Scope.Exclusions) - 1
			} else {
				h.Scope.Exclusions[i] = next
			}
		})
	}, huh.NewGroup(
		what.input("What is left out of the scope").Validate(required("name what is excluded")),
		why.text("Justification", s.bodyHeight()-9).Validate(required("an exclusion needs its justification")).
			Description("Why leaving it out does not affect the AIMS's ability to meet its objectives."),
	).Title(title))
}

func (s *scoping) deleteExclusion(i int) tea.Cmd {
	ex := s.h.Assessment().Scope.Exclusions
	if i < 0 || i >= len(ex) {
		return nil
	}
	s.h.Say("Deleted the exclusion " + kit.Vis(ex[i].What) + ".")
	return s.saveHeader(func(h *assessment.Assessment) { h.Scope.Exclusions = slices.Delete(h.Scope.Exclusions, i, i+1) })
}

// editRole names who holds a governance role; an empty name leaves the role vacant.
func (s *scoping) editRole(r checklists.GovernanceRole) tea.Cmd {
	h := s.holder(r.ID)
	name, contact := newEditText(h.Name), newEditText(h.Contact)
	return s.openForm(false, func() tea.Cmd {
		var base *assessment.RoleHolder
		next := assessment.RoleHolder{RoleID: r.ID}
		if i := slices.IndexFunc(s.h.Assessment().RoleHolders, func(x assessment.RoleHolder) bool { return x.RoleID == r.ID }); i >= 0 {
			base = &s.h.Assessment().RoleHolders[i]
			next = *base
		}
		next.Name, next.Contact = name.result(), contact.result()
		return s.h.Apply(steps.PutRole{Base: base, Next: next})
	}, huh.NewGroup(
		name.input("Held by (leave empty when vacant)"),
		contact.input("Contact (function, e-mail, phone)"),
	).Title(r.Title).Description(r.Responsibilities))
}

func (s *scoping) editCertification() tea.Cmd {
	c := s.h.Assessment().Certification
	body := newEditText(c.Body)
	stage1, stage2 := kit.DateInput(c.Stage1), kit.DateInput(c.Stage2)
	return s.openForm(true, func() tea.Cmd {
		return s.saveHeader(func(h *assessment.Assessment) {
			h.Certification = assessment.CertificationPlan{Body: body.result(), Stage1: kit.DateValue(stage1), Stage2: kit.DateValue(stage2)}
		})
	}, huh.NewGroup(
		body.input("Certification body (leave empty when not chosen yet)"),
		huh.NewInput().Title("Planned Stage 1 audit (YYYY-MM-DD)").Value(&stage1).Validate(kit.OptionalDate),
		huh.NewInput().Title("Planned Stage 2 audit (YYYY-MM-DD)").Value(&stage2).Validate(kit.NotBefore(&stage1, "the planned Stage 2 audit", "the planned Stage 1 audit")),
		huh.NewNote().Title("Follows from Stage 2 (not editable)").
			DescriptionFunc(func() string { return laterAudits(kit.DateValue(stage2)) }, &stage2),
	).Title("Certification plan"))
}

// laterAudits lists the audits after Stage 2 with the latest dates the rules give them, one
// a line, or says they wait for a Stage 2 date.
func laterAudits(stage2 time.Time) string {
	if stage2.IsZero() {
		return "Surveillance and recertification dates follow once Stage 2 is planned."
	}
	var lines []string
	for _, m := range assessment.CertificationPath(assessment.CertificationPlan{Stage2: stage2})[2:] {
		lines = append(lines, m.Title+": by "+m.Date.Format(time.DateOnly))
	}
	return strings.Join(lines, "\n")
}

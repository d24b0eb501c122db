package home

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// homeRow is one assessment on the home screen.
type homeRow struct {
	header   assessment.Header
	assessed int
	total    int
	verdict  string
	level    int
	damage   *store.DamagedRecordError // a record that cannot be read; nil when sound
}

// ListedMsg carries the assessments read for the home screen; Err says why they could not
// be read.
type ListedMsg struct {
	rows []homeRow
	Err  error
}

// OpenedMsg carries an assessment opened from the home screen, with the audit trail's last
// sequence number when it was read.
type OpenedMsg struct {
	A   *assessment.Assessment
	Seq int64
	Err error
}

// MergeMsg asks for the merge screen on an assessment: another laptop's bundle is to be
// brought into it.
type MergeMsg struct{ ID, Title string }

type (
	homeChangedMsg struct {
		text string
		err  error
	}
)

// Model is the home screen: it lists the assessments and offers new, open, copy as next cycle, merge
// another laptop's bundle and delete.
type Model struct {
	c       *kit.Session
	rows    []homeRow
	loaded  bool
	cursor  int
	width   int
	height  int
	form    *kit.Form
	confirm *kit.Confirm
	status  kit.Status
}

var (
	keyOpen   = kit.NewBinding("enter", "enter", "open")
	keyNew    = kit.NewBinding("n", "n", "new assessment")
	keyCopy   = kit.NewBinding("c", "c", "copy as next cycle")
	keyDelete = kit.NewBinding("d", "d", "delete")
	keyDemo   = kit.NewBinding("d", "d", "create the demo")
	keyMerge  = kit.NewBinding("m", "m", "merge a bundle")
)

// New builds the home screen.
func New(c *kit.Session) *Model { return &Model{c: c} }

// load reads the assessments and their verdicts off the UI goroutine.
func (h *Model) Load() tea.Cmd {
	s, cat, now := h.c.Store, h.c.Cat, h.c.Now()
	return func() tea.Msg {
		var rows []homeRow
		err := s.Walk(func(l store.Listing, a *assessment.Assessment) error {
			if l.Damage != nil { // listed as damaged; every other assessment stays usable
				rows = append(rows, homeRow{header: l.Header, verdict: "DAMAGED: " + l.Damage.Record() + " unreadable", damage: l.Damage})
				return nil
			}
			sum := assessment.Evaluate(cat, a, now)
			rows = append(rows, homeRow{l.Header, sum.Assessed, sum.Total, sum.Verdict, sum.Level, nil})
			return nil
		})
		return ListedMsg{rows: rows, Err: err}
	}
}

// SetSize follows the terminal's size.
func (h *Model) SetSize(w, hgt int) { h.width, h.height = w, hgt }

// Typing reports whether the form or the confirmation has the keyboard.
func (h *Model) Typing() bool { return h.form != nil || h.confirm != nil }

// Fail shows why something asked from the home screen could not be done.
func (h *Model) Fail(err error) { h.status = kit.Status{Text: err.Error(), Err: true} }

// Say shows what was done elsewhere (the merge screen) on the home screen's status line.
func (h *Model) Say(text string) { h.status = kit.Status{Text: text} }

// FullHelp lists the keys that work now, from the key table.
func (h *Model) FullHelp() [][]key.Binding { return homeKeys.Help(h) }

// homeKeys is the home screen's key table: dispatch, footer and help read it.
var homeKeys = append(kit.Keys[*Model]{
	{Binding: keyDemo, Enabled: func(h *Model) bool { return h.browsing() && h.empty() }, Run: func(h *Model, _ tea.KeyPressMsg) tea.Cmd { return h.createDemo() }},
	{Binding: kit.KeyUp, Enabled: (*Model).listing, Run: func(h *Model, _ tea.KeyPressMsg) tea.Cmd { h.cursor = max(h.cursor-1, 0); return nil }},
	{Binding: kit.KeyDown, Enabled: (*Model).listing, Run: func(h *Model, _ tea.KeyPressMsg) tea.Cmd {
		h.cursor = min(h.cursor+1, max(len(h.rows)-1, 0))
		return nil
	}},
	{Binding: keyOpen, Enabled: (*Model).listing, Run: onSoundRow(func(h *Model, r *homeRow) tea.Cmd { return h.Open(r.header.ID) })},
	{Binding: keyNew, Group: 1, Enabled: (*Model).browsing, Run: func(h *Model, _ tea.KeyPressMsg) tea.Cmd {
		h.form = h.newAssessmentForm()
		return h.form.Init()
	}},
	{Binding: keyCopy, Group: 1, Enabled: (*Model).listing, Run: onRow((*Model).copyCycle)},
	{Binding: keyMerge, Group: 1, Enabled: (*Model).listing, Run: onSoundRow(func(_ *Model, r *homeRow) tea.Cmd {
		id, title := r.header.ID, r.header.Title
		return func() tea.Msg { return MergeMsg{ID: id, Title: title} }
	})},
	{Binding: keyDelete, Group: 1, Enabled: (*Model).listing, Run: func(h *Model, _ tea.KeyPressMsg) tea.Cmd {
		if r := h.selected(); r != nil {
			h.confirm = kit.NewConfirm(fmt.Sprintf("Delete %q of %s (ID %s, last changed %s) and everything in it?\nThe audit trail keeps a record; the data cannot be recovered except from a backup.",
				kit.Vis(r.header.Title), kit.Vis(r.header.Organisation), r.header.ID, r.header.Updated.Local().Format("2006-01-02 15:04")), r.header.ID)
		}
		return nil
	}},
}, kit.DialogRows(func(h *Model) bool { return h.form != nil }, func(h *Model) bool { return h.confirm != nil })...)

func (h *Model) browsing() bool { return h.form == nil && h.confirm == nil }

// empty is true once the list is read and holds no assessment: the first run.
func (h *Model) empty() bool { return h.loaded && len(h.rows) == 0 }

// listing is true while the list of assessments has the keyboard.
func (h *Model) listing() bool { return h.browsing() && !h.empty() }

func onRow(do func(*Model, string) tea.Cmd) func(*Model, tea.KeyPressMsg) tea.Cmd {
	return func(h *Model, _ tea.KeyPressMsg) tea.Cmd {
		if r := h.selected(); r != nil {
			return do(h, r.header.ID)
		}
		return nil
	}
}

// onSoundRow runs do on the selected assessment unless it is damaged, which is named instead.
func onSoundRow(do func(*Model, *homeRow) tea.Cmd) func(*Model, tea.KeyPressMsg) tea.Cmd {
	return func(h *Model, _ tea.KeyPressMsg) tea.Cmd {
		switch r := h.selected(); {
		case r == nil:
			return nil
		case r.damage != nil:
			h.Fail(r.damage)
			return nil
		default:
			return do(h, r)
		}
	}
}

func (h *Model) selected() *homeRow {
	if h.cursor < 0 || h.cursor >= len(h.rows) {
		return nil
	}
	return &h.rows[h.cursor]
}

// Update handles the home screen's keys and replies.
func (h *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ListedMsg:
		h.loaded = true
		if msg.Err != nil {
			h.Fail(msg.Err)
			return nil
		}
		// The list is sorted by last change, so the assessment just worked on moves: the
		// cursor follows it rather than its old row, or d would delete a neighbour.
		var was string
		if r := h.selected(); r != nil {
			was = r.header.ID
		}
		h.rows = msg.rows
		h.cursor = min(h.cursor, max(len(h.rows)-1, 0))
		for i, r := range h.rows {
			if was != "" && r.header.ID == was {
				h.cursor = i
			}
		}
		return nil
	case homeChangedMsg:
		if msg.err != nil {
			h.status = kit.Status{Text: msg.err.Error(), Err: true}
			return nil
		}
		h.status = kit.Status{Text: msg.text}
		return h.Load()
	}
	if h.form != nil {
		return h.updateForm(msg)
	}
	if h.confirm != nil {
		done, yes := h.confirm.Update(msg)
		if !done {
			return nil
		}
		target := h.confirm.Target
		h.confirm = nil
		if yes {
			return h.delete(target)
		}
		h.status = kit.Status{Text: "Nothing was deleted."}
		return nil
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		h.status = kit.Status{}
		cmd, _ := homeKeys.Dispatch(h, kp)
		return cmd
	}
	return nil
}

// Listed is the number of assessments the list shows.
func (h *Model) Listed() int { return len(h.rows) }

// Open loads an assessment off the UI goroutine; OpenedMsg carries it.
func (h *Model) Open(id string) tea.Cmd {
	s := h.c.Store
	return func() tea.Msg {
		seq, err := s.LastChange() // read first: a change made during the load shows on focus
		if err != nil {
			return OpenedMsg{Err: err}
		}
		a, err := s.Load(id)
		return OpenedMsg{A: a, Seq: seq, Err: err}
	}
}

func (h *Model) delete(id string) tea.Cmd {
	s := h.c.Store
	return h.c.Writer.Save(func() error { return s.Delete(id) }, func(err error) tea.Msg {
		return homeChangedMsg{text: "Assessment deleted.", err: err}
	})
}

func (h *Model) copyCycle(id string) tea.Cmd {
	s, now := h.c.Store, h.c.Now()
	return h.c.Writer.Save(func() error {
		prev, err := s.Load(id)
		if err != nil {
			return err
		}
		_, err = s.Create(assessment.NextCycle(prev, now))
		return err
	}, func(err error) tea.Msg {
		return homeChangedMsg{text: "Next cycle created: scope, inventory and evidence references carried over; judgements start afresh.", err: err}
	})
}

func (h *Model) createDemo() tea.Cmd {
	s, cat, now := h.c.Store, h.c.Cat, h.c.Now()
	return h.c.Writer.Save(func() error {
		a, err := assessment.Demo(cat, assessment.DemoStandard, now)
		if err != nil {
			return err
		}
		_, err = s.Create(a)
		return err
	}, func(err error) tea.Msg {
		return homeChangedMsg{text: "Demo assessment created: press enter to open it.", err: err}
	})
}

// newAssessmentInput holds the new-assessment form's values.
type newAssessmentInput struct {
	org, title, assessor, start, end string
}

func (h *Model) newAssessmentForm() *kit.Form {
	now := h.c.Now()
	in := &newAssessmentInput{title: fmt.Sprintf("ISO/IEC 42001 readiness assessment %d", now.Year()), start: now.Format("2006-01-02")}
	notEmpty := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(what + " is required")
			}
			return nil
		}
	}
	return kit.NewForm("New assessment", min(h.width-4, 80), max(h.height-8, 10), func() tea.Cmd { return h.create(*in) },
		huh.NewInput().Title("Organisation").Value(&in.org).Validate(notEmpty("the organisation")),
		huh.NewInput().Title("Title").Value(&in.title).Validate(notEmpty("a title")),
		huh.NewInput().Title("Assessor").Value(&in.assessor),
		huh.NewInput().Title("Start date (YYYY-MM-DD)").Value(&in.start).Validate(kit.OptionalDate),
		huh.NewInput().Title("End date (YYYY-MM-DD, optional)").Value(&in.end).Validate(kit.NotBefore(&in.start, "the end date", "the start date")),
	)
}

func (h *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd, cancelled := kit.UpdateForm(&h.form, msg)
	if cancelled {
		h.status = kit.Status{Text: "Cancelled; nothing was created."}
	}
	return cmd
}

// create stores the new assessment the form describes.
func (h *Model) create(in newAssessmentInput) tea.Cmd {
	start, end := kit.DateValue(in.start), kit.DateValue(in.end)
	a := &assessment.Assessment{
		Title: strings.TrimSpace(in.title), Organisation: assessment.Organisation{Name: strings.TrimSpace(in.org)},
		Assessor: strings.TrimSpace(in.assessor), StartDate: start, EndDate: end,
		Classification: "Confidential", ReportVersion: "0.1", CatalogueID: h.c.Cat.ID, CatalogueVersion: h.c.Cat.Version,
	}
	s := h.c.Store
	return h.c.Writer.Save(func() error { _, err := s.Create(a); return err }, func(err error) tea.Msg {
		return homeChangedMsg{text: fmt.Sprintf("Assessment for %s created.", kit.Vis(a.Organisation.Name)), err: err}
	})
}

// View draws the list, the first-run screen, the form or the confirmation.
func (h *Model) View() string {
	st := h.c.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render("aimsbench") + st.HeaderDim.Render(" · ISO/IEC 42001 readiness workbench · "+kit.Vis(h.c.Store.Path())) + "\n\n")
	switch {
	case h.form != nil:
		b.WriteString(h.form.View(st) + "\n\n" + st.Footer.Render(kit.Footer(h.FullHelp(), "", h.width)))
		return b.String()
	case h.confirm != nil:
		b.WriteString(h.confirm.View(st))
		return b.String()
	case !h.loaded:
		b.WriteString("Loading assessments…")
	case len(h.rows) == 0:
		b.WriteString(h.firstRunView())
	default:
		b.WriteString(h.listView())
	}
	b.WriteString("\n\n")
	switch {
	case h.status.Err:
		b.WriteString(kit.ErrorLines(st.Error, h.status.Text, h.width) + "\n")
	case h.status.Text != "":
		b.WriteString(st.Saved.Render(kit.Truncate(kit.Vis(h.status.Text), h.width-2)) + "\n")
	}
	b.WriteString(st.Footer.Render(kit.Footer(h.FullHelp(), "? help · q quit", h.width)))
	return b.String()
}

func (h *Model) firstRunView() string {
	st := h.c.Styles
	return st.Title.Render("Welcome to aimsbench") + "\n\n" +
		"This database has no assessments yet. Everything you enter is saved at once to\n" +
		kit.Vis(h.c.Store.Path()) + " and never leaves this machine.\n\n" +
		"  " + st.Key.Render("d") + "  create the demo assessment (a fictitious insurer, to explore every screen)\n" +
		"  " + st.Key.Render("n") + "  start a new assessment\n"
}

func (h *Model) listView() string {
	st := h.c.Styles
	// Organisation and title share what the date, progress and verdict columns leave.
	orgW := max(14, (h.width-64)/2)
	titleW := max(14, h.width-64-orgW)
	var b strings.Builder
	b.WriteString(st.Label.Render(kit.Pad("ORGANISATION", orgW)+"  "+kit.Pad("TITLE", titleW)+"  UPDATED      PROGRESS  VERDICT") + "\n")
	visible := max(h.height-9, 1)
	first := max(0, h.cursor-visible+1)
	for i := first; i < len(h.rows) && i < first+visible; i++ {
		r := h.rows[i]
		progress := fmt.Sprintf("%d/%d", r.assessed, r.total)
		if r.damage != nil {
			progress = "—"
		}
		line := kit.Pad(kit.Truncate(kit.Vis(r.header.Organisation), orgW), orgW) + "  " + kit.Pad(kit.Truncate(kit.Vis(r.header.Title), titleW), titleW) + "  " +
			r.header.Updated.Local().Format(time.DateOnly) + "   " + kit.Pad(progress, 8) + "  "
		verdict := kit.Truncate(r.verdict, max(h.width-kit.Width(line)-2, 8))
		if i == h.cursor {
			b.WriteString(st.Selected.Render("›"+line+verdict) + "\n")
		} else {
			b.WriteString(" " + line + theme.Level(r.level).Render(verdict) + "\n")
		}
	}
	return b.String()
}

package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
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
}

type (
	listedMsg struct {
		rows []homeRow
		err  error
	}
	openedMsg struct {
		a   *assessment.Assessment
		seq int64 // the audit trail's last sequence number when it was read
		err error
	}
	homeChangedMsg struct {
		text string
		err  error
	}
)

// home lists the assessments and offers new, open, copy as next cycle and delete.
type home struct {
	c       *kit.Session
	rows    []homeRow
	loaded  bool
	cursor  int
	width   int
	height  int
	form    *huh.Form
	confirm *kit.Confirm
	status  kit.Status
	newForm newAssessmentInput
}

var (
	keyOpen   = kit.NewBinding("enter", "enter", "open")
	keyNew    = kit.NewBinding("n", "n", "new assessment")
	keyCopy   = kit.NewBinding("c", "c", "copy as next cycle")
	keyDelete = kit.NewBinding("d", "d", "delete")
	keyDemo   = kit.NewBinding("d", "d", "create the demo")
)

func newHome(c *kit.Session) *home { return &home{c: c} }

// load reads the assessments and their verdicts off the UI goroutine.
func (h *home) load() tea.Cmd {
	s, cat, now := h.c.Store, h.c.Cat, h.c.Now()
	return func() tea.Msg {
		headers, err := s.List()
		if err != nil {
			return listedMsg{err: err}
		}
		rows := make([]homeRow, 0, len(headers))
		for _, hd := range headers {
			a, err := s.Load(hd.ID)
			if err != nil {
				return listedMsg{err: err}
			}
			sum := assessment.Evaluate(cat, a, now)
			rows = append(rows, homeRow{hd, sum.Assessed, sum.Total, sum.Verdict, sum.Level})
		}
		return listedMsg{rows: rows}
	}
}

func (h *home) SetSize(w, hgt int) { h.width, h.height = w, hgt }

func (h *home) Typing() bool { return h.form != nil || h.confirm != nil }

func (h *home) FullHelp() [][]key.Binding {
	if h.loaded && len(h.rows) == 0 {
		return [][]key.Binding{{keyDemo, keyNew}}
	}
	return [][]key.Binding{{kit.KeyUp, kit.KeyDown, keyOpen}, {keyNew, keyCopy, keyDelete}}
}

func (h *home) selected() *homeRow {
	if h.cursor < 0 || h.cursor >= len(h.rows) {
		return nil
	}
	return &h.rows[h.cursor]
}

// Update handles the home screen's keys and replies.
func (h *home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case listedMsg:
		h.loaded = true
		if msg.err != nil {
			h.status = kit.Status{Text: msg.err.Error(), Err: true}
			return nil
		}
		h.rows = msg.rows
		h.cursor = min(h.cursor, max(len(h.rows)-1, 0))
		return nil
	case homeChangedMsg:
		if msg.err != nil {
			h.status = kit.Status{Text: msg.err.Error(), Err: true}
			return nil
		}
		h.status = kit.Status{Text: msg.text}
		return h.load()
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
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	h.status = kit.Status{}
	empty := h.loaded && len(h.rows) == 0
	switch {
	case empty && key.Matches(kp, keyDemo):
		return h.createDemo()
	case key.Matches(kp, keyNew):
		h.form = h.newAssessmentForm()
		return h.form.Init()
	case key.Matches(kp, kit.KeyUp):
		h.cursor = max(h.cursor-1, 0)
	case key.Matches(kp, kit.KeyDown):
		h.cursor = min(h.cursor+1, max(len(h.rows)-1, 0))
	case key.Matches(kp, keyOpen):
		if r := h.selected(); r != nil {
			return h.open(r.header.ID)
		}
	case key.Matches(kp, keyCopy):
		if r := h.selected(); r != nil {
			return h.copyCycle(r.header.ID)
		}
	case key.Matches(kp, keyDelete):
		if r := h.selected(); r != nil {
			h.confirm = kit.NewConfirm(fmt.Sprintf("Delete %q of %s and everything in it?\nThe audit trail keeps a record; the data cannot be recovered except from a backup.",
				kit.Vis(r.header.Title), kit.Vis(r.header.Organisation)), r.header.ID)
		}
	}
	return nil
}

// open loads an assessment off the UI goroutine.
func (h *home) open(id string) tea.Cmd {
	s := h.c.Store
	return func() tea.Msg {
		seq, err := s.LastChange() // read first: a change made during the load shows on focus
		if err != nil {
			return openedMsg{err: err}
		}
		a, err := s.Load(id)
		return openedMsg{a: a, seq: seq, err: err}
	}
}

func (h *home) delete(id string) tea.Cmd {
	s := h.c.Store
	return h.c.Writer.Save(func() error { return s.Delete(id) }, func(err error) tea.Msg {
		return homeChangedMsg{text: "Assessment deleted.", err: err}
	})
}

func (h *home) copyCycle(id string) tea.Cmd {
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

func (h *home) createDemo() tea.Cmd {
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

func (h *home) newAssessmentForm() *huh.Form {
	now := h.c.Now()
	h.newForm = newAssessmentInput{title: fmt.Sprintf("ISO/IEC 42001 readiness assessment %d", now.Year()), start: now.Format("2006-01-02")}
	in := &h.newForm
	notEmpty := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(what + " is required")
			}
			return nil
		}
	}
	optionalDate := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := assessment.ParseDate(s)
		return err
	}
	f := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Organisation").Value(&in.org).Validate(notEmpty("the organisation")),
		huh.NewInput().Title("Title").Value(&in.title).Validate(notEmpty("a title")),
		huh.NewInput().Title("Assessor").Value(&in.assessor),
		huh.NewInput().Title("Start date (YYYY-MM-DD)").Value(&in.start).Validate(optionalDate),
		huh.NewInput().Title("End date (YYYY-MM-DD, optional)").Value(&in.end).Validate(optionalDate),
	).Title("New assessment")).WithShowHelp(false).WithWidth(min(h.width-4, 80))
	f.SubmitCmd = func() tea.Msg { return formDoneMsg{} }
	f.CancelCmd = func() tea.Msg { return formDoneMsg{} }
	return f
}

// formDoneMsg tells a screen that its embedded form was submitted or cancelled.
type formDoneMsg struct{}

func (h *home) updateForm(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok && kp.String() == "esc" {
		h.form = nil
		h.status = kit.Status{Text: "Cancelled; nothing was created."}
		return nil
	}
	if _, ok := msg.(formDoneMsg); !ok {
		m, cmd := h.form.Update(msg)
		h.form = m.(*huh.Form)
		return cmd
	}
	state := h.form.State
	h.form = nil
	if state != huh.StateCompleted {
		h.status = kit.Status{Text: "Cancelled; nothing was created."}
		return nil
	}
	return h.createFromForm()
}

func (h *home) createFromForm() tea.Cmd {
	in := h.newForm
	start, _ := assessment.ParseDate(in.start)
	end, _ := assessment.ParseDate(in.end)
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
func (h *home) View() string {
	st := h.c.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render("aimsbench") + st.HeaderDim.Render(" · ISO/IEC 42001 readiness workbench · "+kit.Vis(h.c.Store.Path())) + "\n\n")
	switch {
	case h.form != nil:
		b.WriteString(h.form.View() + "\n\n" + st.Footer.Render("enter next field · shift+tab previous · esc cancel"))
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
	if h.status.Text != "" {
		style := st.Saved
		if h.status.Err {
			style = st.Error
		}
		b.WriteString(style.Render(kit.Truncate(kit.Vis(h.status.Text), h.width-2)) + "\n")
	}
	b.WriteString(st.Footer.Render(kit.Truncate(kit.FooterText(h.FullHelp())+" · ? help · q quit", h.width)))
	return b.String()
}

func (h *home) firstRunView() string {
	st := h.c.Styles
	return st.Title.Render("Welcome to aimsbench") + "\n\n" +
		"This database has no assessments yet. Everything you enter is saved at once to\n" +
		kit.Vis(h.c.Store.Path()) + " and never leaves this machine.\n\n" +
		"  " + st.Key.Render("d") + "  create the demo assessment (a fictitious insurer, to explore every screen)\n" +
		"  " + st.Key.Render("n") + "  start a new assessment\n"
}

func (h *home) listView() string {
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
		line := kit.Pad(kit.Truncate(kit.Vis(r.header.Organisation), orgW), orgW) + "  " + kit.Pad(kit.Truncate(kit.Vis(r.header.Title), titleW), titleW) + "  " +
			r.header.Updated.Local().Format(time.DateOnly) + "   " + kit.Pad(fmt.Sprintf("%d/%d", r.assessed, r.total), 8) + "  "
		verdict := kit.Truncate(r.verdict, max(h.width-kit.Width(line)-2, 8))
		if i == h.cursor {
			b.WriteString(st.Selected.Render("›"+line+verdict) + "\n")
		} else {
			b.WriteString(" " + line + theme.Level(r.level).Render(verdict) + "\n")
		}
	}
	return b.String()
}

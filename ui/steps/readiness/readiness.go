package readiness

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
	"aimsbench/ui/theme"
)

// readiness shows the verdict in large type and everything that supports it: what holds
// it down, the readiness checklist, common gaps and KPIs.
type readiness struct {
	h       steps.Host
	cursor  int
	width   int
	height  int
	editing *kit.Form
	open    map[string]bool // the blocker groups opened with enter, by kind

	asking  *kit.Confirm        // whether to finalise with the sign-off typed
	signOff *assessment.SignOff // the sign-off the confirmation is about
	refused []string            // why the assessment could not be finalised, until the next key
}

var (
	keyJump    = kit.NewBinding("enter", "enter", "open group / go to item / edit KPI")
	keyRTop    = kit.NewBinding("home g", "g", "top")
	keyREnd    = kit.NewBinding("end G", "G", "bottom")
	keyRPgDown = kit.NewBinding("pgdown ctrl+d", "pgdn", "page down")
	keyRPgUp   = kit.NewBinding("pgup ctrl+u", "pgup", "page up")
	keyFinal   = kit.NewBinding("F", "F", "finalise with sign-off")
	keyReopen  = kit.NewBinding("R", "R", "reopen with a reason")
)

// New builds the readiness step.
func New(h steps.Host) steps.Step { return &readiness{h: h, cursor: 1, open: map[string]bool{}} }

func (r *readiness) Name() string { return "Readiness" }

func (r *readiness) SetSize(w, h int) { r.width, r.height = w, h }

func (r *readiness) Typing() bool { return r.editing != nil || r.asking != nil }

func (r *readiness) Progress() (int, int) {
	holds := 0
	for _, c := range r.h.Summary().Checklist {
		if c.Holds {
			holds++
		}
	}
	return holds, len(r.h.Summary().Checklist)
}

// FullHelp lists the keys that work now, from the key table.
func (r *readiness) FullHelp() [][]key.Binding { return readinessKeys.Help(r) }

// readinessKeys is the step's key table: dispatch, footer and help read it.
var readinessKeys = append(kit.Keys[*readiness]{
	{Binding: kit.KeyUp, Run: to(func(r *readiness, _ int) int { return r.cursor - 1 }), Enabled: (*readiness).browsing},
	{Binding: kit.KeyDown, Run: to(func(r *readiness, _ int) int { return r.cursor + 1 }), Enabled: (*readiness).browsing},
	{Binding: keyRPgUp, Run: to(func(r *readiness, _ int) int { return r.cursor - r.height/2 }), Enabled: (*readiness).browsing},
	{Binding: keyRPgDown, Run: to(func(r *readiness, _ int) int { return r.cursor + r.height/2 }), Enabled: (*readiness).browsing},
	{Binding: keyRTop, Run: to(func(*readiness, int) int { return 0 }), Enabled: (*readiness).browsing},
	{Binding: keyREnd, Run: to(func(_ *readiness, n int) int { return n - 1 }), Enabled: (*readiness).browsing},
	{Binding: keyJump, Group: 1, Enabled: (*readiness).browsing, Run: func(r *readiness, _ tea.KeyPressMsg) tea.Cmd {
		if lines := r.lines(); r.cursor < len(lines) {
			return r.activate(lines[r.cursor])
		}
		return nil
	}},
	{Binding: keyFinal, Group: 1, Run: func(r *readiness, _ tea.KeyPressMsg) tea.Cmd { return r.finalise() },
		Enabled: func(r *readiness) bool { return r.browsing() && !r.h.Assessment().Finalised() }},
	{Binding: keyReopen, Group: 1, Run: func(r *readiness, _ tea.KeyPressMsg) tea.Cmd { return r.reopen() },
		Enabled: func(r *readiness) bool { return r.browsing() && r.h.Assessment().Finalised() }},
}, kit.DialogRows(func(r *readiness) bool { return r.editing != nil }, func(r *readiness) bool { return r.asking != nil })...)

func (r *readiness) browsing() bool { return r.editing == nil && r.asking == nil }

// to moves the cursor to the line where returns, kept among the n lines.
func to(where func(r *readiness, n int) int) func(*readiness, tea.KeyPressMsg) tea.Cmd {
	return func(r *readiness, _ tea.KeyPressMsg) tea.Cmd {
		n := len(r.lines())
		r.cursor = max(min(where(r, n), n-1), 0)
		return nil
	}
}

// Update moves through the lines, jumps to what a line is about and edits manual KPIs.
func (r *readiness) Update(msg tea.Msg) tea.Cmd {
	if r.editing != nil {
		cmd, cancelled := kit.UpdateForm(&r.editing, msg)
		if cancelled {
			r.h.Say("Cancelled; nothing changed.")
		}
		return cmd
	}
	if r.asking != nil {
		return r.answer(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		r.refused = nil
		cmd, _ := readinessKeys.Dispatch(r, msg)
		return cmd
	case steps.Saved:
		r.saved(msg)
	}
	return nil
}

// activate opens or closes a group of blockers, moves to what the line is about, or edits
// its manual KPI.
func (r *readiness) activate(l readinessLine) tea.Cmd {
	switch {
	case l.group != "":
		r.open[l.group] = !r.open[l.group]
		return nil
	case l.jump != nil:
		jump := *l.jump
		return func() tea.Msg { return jump }
	case l.kpi != "":
		return r.editKPI(l.kpi)
	}
	return nil
}

// kpiInput holds the KPI form's values.
type kpiInput struct{ value, target, date string }

func (r *readiness) editKPI(id string) tea.Cmd {
	v, had := r.h.Assessment().KPIValues[id]
	in := &kpiInput{value: v.Value, target: v.Target}
	if !v.Date.IsZero() {
		in.date = v.Date.Format("2006-01-02")
	} else {
		in.date = r.h.Now().Format("2006-01-02")
	}
	title := id
	for _, k := range r.h.Catalogue().KPIs {
		if k.ID == id {
			title = k.Title
		}
	}
	var base *assessment.KPIValue
	if had {
		base = &v
	}
	save := func() tea.Cmd {
		date, _ := assessment.ParseDate(in.date)
		val := assessment.KPIValue{Value: strings.TrimSpace(in.value), Target: strings.TrimSpace(in.target), Date: date}
		return r.h.Apply(steps.PutKPI{ID: id, Base: base, Next: val})
	}
	r.editing = kit.NewForm(title, r.width-4, r.height, save,
		huh.NewInput().Title("Value").Value(&in.value),
		huh.NewInput().Title("Target").Value(&in.target),
		huh.NewInput().Title("Date of the reading (YYYY-MM-DD)").Value(&in.date).Validate(kit.OptionalDate),
	)
	return r.editing.Init()
}

// View draws the verdict and the scrollable lines: the verdict in large type when the
// terminal is tall, on one line when it is not, so the lines keep room at 80×24.
func (r *readiness) View() string {
	if r.editing != nil {
		return r.editing.View(r.h.Styles())
	}
	if r.asking != nil {
		return r.asking.View(r.h.Styles())
	}
	st := r.h.Styles()
	sum := r.h.Summary()
	top := st.Label.Render(kit.Truncate(fmt.Sprintf("Level %d %s · %s", sum.Level, sum.LevelName, sum.Verdict), r.width-2)) + "\n" +
		kit.Truncate(fmt.Sprintf("Floor %d (lowest maturity) · mean %s · %s", sum.Floor, sum.Mean, kit.Plural(len(sum.Warnings), "warning")), r.width-2)
	if r.height >= 30 {
		box := st.Big.BorderForeground(theme.LevelColour(sum.Level)).Render(bigDigit(sum.Level) + "\n" + theme.Level(sum.Level).Bold(true).Render(sum.LevelName))
		facts := []string{
			st.Label.Render(sum.Verdict), "",
			fmt.Sprintf("Assessed      %d of %d", sum.Assessed, sum.Total),
			fmt.Sprintf("Floor         %d (lowest maturity)", sum.Floor),
			fmt.Sprintf("Mean          %s", sum.Mean),
			fmt.Sprintf("Warnings      %d", len(sum.Warnings)),
		}
		top = kit.JoinSide(box, strings.Join(facts, "\n"), 3)
	}
	if !sum.Complete {
		top += "\n" + st.Warning.Render(kit.Truncate("The level is provisional until every item is judged.", r.width-2))
	}
	if a := r.h.Assessment(); a.Finalised() {
		top += "\n" + st.Label.Render(kit.Truncate(fmt.Sprintf("FINAL · %s · report version %s · R reopens it", kit.Vis(a.SignOff.Describe()), kit.Vis(a.ReportVersion)), r.width-2))
	}
	if len(r.refused) > 0 {
		top += "\n" + r.refusalView()
	}
	used := strings.Count(top, "\n") + 2
	lines := r.lines()
	room := max(r.height-used, 3)
	first := max(0, min(r.cursor-room/2, len(lines)-room))
	var b strings.Builder
	b.WriteString(top + "\n\n")
	for i := first; i < len(lines) && i < first+room; i++ {
		b.WriteString(r.lineView(lines[i], i == r.cursor) + "\n")
	}
	return b.String()
}

// lineView draws one line: a header, or a mark and the text, indented inside a group.
func (r *readiness) lineView(l readinessLine, selected bool) string {
	st := r.h.Styles()
	indent := ""
	if l.indent {
		indent = "    "
	}
	width := r.width - 2
	switch {
	case selected:
		return st.Selected.Render(kit.Pad(kit.Truncate(indent+l.mark+" "+l.text, width), width))
	case l.header:
		return st.Title.Render(kit.Truncate(l.text, width))
	}
	return kit.Truncate(indent+st.Mark(l.mark).Render(l.mark)+" "+l.text, width)
}

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

// readinessLine is one selectable line of the readiness screen.
type readinessLine struct {
	text   string
	jump   *steps.JumpTo // where enter goes: the item, system or NC behind the line
	kpi    string        // manual KPI to edit on enter
	header bool
	mark   string // ✓, ✗ or ! shown before the text
}

// readiness shows the verdict in large type and everything that supports it: what holds
// it down, the readiness checklist, common gaps and KPIs.
type readiness struct {
	h       steps.Host
	cursor  int
	width   int
	height  int
	editing *kit.Form
}

var (
	keyJump    = kit.NewBinding("enter", "enter", "go to item / edit KPI")
	keyRTop    = kit.NewBinding("home g", "g", "top")
	keyREnd    = kit.NewBinding("end G", "G", "bottom")
	keyRPgDown = kit.NewBinding("pgdown ctrl+d", "pgdn", "page down")
	keyRPgUp   = kit.NewBinding("pgup ctrl+u", "pgup", "page up")
)

// New builds the readiness step.
func New(h steps.Host) steps.Step { return &readiness{h: h, cursor: 1} }

func (r *readiness) Name() string { return "Readiness" }

func (r *readiness) SetSize(w, h int) { r.width, r.height = w, h }

func (r *readiness) Typing() bool { return r.editing != nil }

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
}, kit.DialogRows(func(r *readiness) bool { return r.editing != nil }, func(*readiness) bool { return false })...)

func (r *readiness) browsing() bool { return r.editing == nil }

// to moves the cursor to the line where returns, kept among the n lines.
func to(where func(r *readiness, n int) int) func(*readiness, tea.KeyPressMsg) tea.Cmd {
	return func(r *readiness, _ tea.KeyPressMsg) tea.Cmd {
		n := len(r.lines())
		r.cursor = max(min(where(r, n), n-1), 0)
		return nil
	}
}

// lines builds the selectable list from the summary.
func (r *readiness) lines() []readinessLine {
	sum := r.h.Summary()
	var out []readinessLine
	out = append(out, readinessLine{text: fmt.Sprintf("What holds the level down (%d)", len(sum.Blockers)), header: true})
	if len(sum.Blockers) == 0 {
		out = append(out, readinessLine{text: "Nothing: no blocker and no item below level 3.", mark: "✓"})
	}
	for _, b := range sum.Blockers {
		out = append(out, readinessLine{text: kit.Vis(b.Detail), jump: r.blockerJump(b), mark: "✗"})
	}
	holds, total := r.Progress()
	out = append(out, readinessLine{text: fmt.Sprintf("Readiness checklist (%d of %d hold)", holds, total), header: true})
	for _, c := range sum.Checklist {
		l := readinessLine{text: c.Title, mark: "✓"}
		if !c.Holds {
			l.mark, l.text = "✗", c.Title+" — "+kit.Vis(strings.Join(c.Why, "; "))
		}
		out = append(out, l)
	}
	out = append(out, readinessLine{text: fmt.Sprintf("Common gaps detected (%d of %d)", len(sum.CommonGaps), len(r.h.Catalogue().CommonGaps)), header: true})
	if len(sum.CommonGaps) == 0 {
		out = append(out, readinessLine{text: "None of the common gaps is present.", mark: "✓"})
	}
	for _, g := range sum.CommonGaps {
		l := readinessLine{text: g.Title + " — " + kit.Vis(g.Detail), mark: "!"}
		if len(g.Items) > 0 {
			l.jump = &steps.JumpTo{Step: steps.GapAnalysis, Item: g.Items[0]}
		}
		out = append(out, l)
	}
	out = append(out, readinessLine{text: "KPIs", header: true})
	for _, k := range sum.KPIs {
		l := readinessLine{text: fmt.Sprintf("%s: %s", k.Title, kit.Vis(k.Value)), mark: "·"}
		if k.Source == "manual" {
			l.kpi = k.ID
			l.text += " (entered by the assessor"
			if k.Target != "" {
				l.text += ", target " + kit.Vis(k.Target)
			}
			l.text += "; enter to edit)"
		}
		out = append(out, l)
	}
	return out
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
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := readinessKeys.Dispatch(r, kp)
		return cmd
	}
	return nil
}

// blockerJump is where a blocker is fixed: the AI system on the risk and impact step, the
// register for an open major nonconformity, the inventory when no system is in scope, and
// the gap analysis for an item.
func (r *readiness) blockerJump(b assessment.Blocker) *steps.JumpTo {
	a := r.h.Assessment()
	switch b.Kind {
	case "missing_impact_assessment":
		for _, sys := range a.Systems {
			if sys.Name == b.System {
				return &steps.JumpTo{Step: steps.Risks, System: sys.ID}
			}
		}
	case "no_ai_system_in_scope":
		return &steps.JumpTo{Step: steps.Scoping}
	case "open_major_nc":
		for _, nc := range a.NCs {
			if nc.ItemID == b.Item && nc.IsOpen() && nc.Grade == assessment.MajorNC {
				return &steps.JumpTo{Step: steps.Nonconformities, NC: nc.Number}
			}
		}
	}
	if b.Item != "" {
		return &steps.JumpTo{Step: steps.GapAnalysis, Item: b.Item}
	}
	return nil
}

// activate moves to what the line is about, or edits its manual KPI.
func (r *readiness) activate(l readinessLine) tea.Cmd {
	switch {
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
	r.editing = kit.NewForm(title, r.width-4, r.height-2, save,
		huh.NewInput().Title("Value").Value(&in.value),
		huh.NewInput().Title("Target").Value(&in.target),
		huh.NewInput().Title("Date of the reading (YYYY-MM-DD)").Value(&in.date).Validate(kit.OptionalDate),
	)
	return r.editing.Init()
}

// View draws the verdict box and the scrollable lines.
func (r *readiness) View() string {
	if r.editing != nil {
		return r.editing.View(r.h.Styles())
	}
	st := r.h.Styles()
	sum := r.h.Summary()
	box := st.Big.BorderForeground(theme.LevelColour(sum.Level)).Render(bigDigit(sum.Level) + "\n" + theme.Level(sum.Level).Bold(true).Render(sum.LevelName))
	facts := []string{
		st.Label.Render(sum.Verdict),
		"",
		fmt.Sprintf("Assessed      %d of %d", sum.Assessed, sum.Total),
		fmt.Sprintf("Floor         %d (lowest maturity)", sum.Floor),
		fmt.Sprintf("Mean          %s", sum.Mean),
		fmt.Sprintf("Blockers      %d", len(sum.Blockers)),
		fmt.Sprintf("Warnings      %d", len(sum.Warnings)),
	}
	if !sum.Complete {
		facts = append(facts, st.Warning.Render("The level is provisional until every item is judged."))
	}
	top := kit.JoinSide(box, strings.Join(facts, "\n"), 3)
	used := strings.Count(top, "\n") + 2
	lines := r.lines()
	room := max(r.height-used, 3)
	first := max(0, min(r.cursor-room/2, len(lines)-room))
	var b strings.Builder
	b.WriteString(top + "\n\n")
	for i := first; i < len(lines) && i < first+room; i++ {
		l := lines[i]
		text := l.text
		if l.header {
			text = st.Title.Render(text)
		} else {
			text = st.Mark(l.mark).Render(l.mark) + " " + text
		}
		text = kit.Truncate(text, r.width-2)
		if i == r.cursor {
			text = st.Selected.Render(kit.Pad(kit.Truncate(l.mark+" "+l.text, r.width-2), r.width-2))
		}
		b.WriteString(text + "\n")
	}
	return b.String()
}

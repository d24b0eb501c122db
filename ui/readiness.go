package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// readinessLine is one selectable line of the readiness screen.
type readinessLine struct {
	text   string
	item   string // catalogue item to jump to on enter
	kpi    string // manual KPI to edit on enter
	header bool
	mark   string // ✓, ✗ or ! shown before the text
}

// readiness shows the verdict in large type and everything that supports it: what holds
// it down, the readiness checklist, common gaps and KPIs.
type readiness struct {
	w       *workspace
	cursor  int
	width   int
	height  int
	editing *huh.Form
	onDone  func() tea.Cmd
}

var (
	keyJump    = kit.NewBinding("enter", "enter", "go to item / edit KPI")
	keyRTop    = kit.NewBinding("home g", "g", "top")
	keyREnd    = kit.NewBinding("end G", "G", "bottom")
	keyRPgDown = kit.NewBinding("pgdown ctrl+d", "pgdn", "page down")
	keyRPgUp   = kit.NewBinding("pgup ctrl+u", "pgup", "page up")
)

func newReadiness(w *workspace) *readiness { return &readiness{w: w, cursor: 1} }

func (r *readiness) Name() string { return "Readiness" }

func (r *readiness) SetSize(w, h int) { r.width, r.height = w, h }

func (r *readiness) Typing() bool { return r.editing != nil }

func (r *readiness) Progress() (int, int) {
	holds := 0
	for _, c := range r.w.sum.Checklist {
		if c.Holds {
			holds++
		}
	}
	return holds, len(r.w.sum.Checklist)
}

func (r *readiness) ShortHelp() []key.Binding { return []key.Binding{kit.KeyUp, kit.KeyDown, keyJump} }

func (r *readiness) FullHelp() [][]key.Binding {
	return [][]key.Binding{{kit.KeyUp, kit.KeyDown, keyRPgUp, keyRPgDown, keyRTop, keyREnd}, {keyJump}}
}

// lines builds the selectable list from the summary.
func (r *readiness) lines() []readinessLine {
	sum := r.w.sum
	var out []readinessLine
	out = append(out, readinessLine{text: fmt.Sprintf("What holds the level down (%d)", len(sum.Blockers)), header: true})
	if len(sum.Blockers) == 0 {
		out = append(out, readinessLine{text: "Nothing: no blocker and no item below level 3.", mark: "✓"})
	}
	for _, b := range sum.Blockers {
		out = append(out, readinessLine{text: kit.Vis(b.Detail), item: b.Item, mark: "✗"})
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
	out = append(out, readinessLine{text: fmt.Sprintf("Common gaps detected (%d of %d)", len(sum.CommonGaps), len(r.w.c.Cat.CommonGaps)), header: true})
	if len(sum.CommonGaps) == 0 {
		out = append(out, readinessLine{text: "None of the common gaps is present.", mark: "✓"})
	}
	for _, g := range sum.CommonGaps {
		l := readinessLine{text: g.Title + " — " + kit.Vis(g.Detail), mark: "!"}
		if len(g.Items) > 0 {
			l.item = g.Items[0]
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

// Update moves through the lines, jumps to items and edits manual KPIs.
func (r *readiness) Update(msg tea.Msg) tea.Cmd {
	if r.editing != nil {
		return r.updateForm(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	lines := r.lines()
	switch {
	case key.Matches(kp, kit.KeyDown):
		r.cursor = min(r.cursor+1, len(lines)-1)
	case key.Matches(kp, kit.KeyUp):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(kp, keyRPgDown):
		r.cursor = min(r.cursor+r.height/2, len(lines)-1)
	case key.Matches(kp, keyRPgUp):
		r.cursor = max(r.cursor-r.height/2, 0)
	case key.Matches(kp, keyRTop):
		r.cursor = 0
	case key.Matches(kp, keyREnd):
		r.cursor = len(lines) - 1
	case key.Matches(kp, keyJump):
		if r.cursor < len(lines) {
			return r.activate(lines[r.cursor])
		}
	}
	return nil
}

// activate jumps to the line's item on the gap analysis step, or edits its manual KPI.
func (r *readiness) activate(l readinessLine) tea.Cmd {
	switch {
	case l.item != "":
		for i, s := range r.w.steps {
			if g, ok := s.(*gaps); ok {
				g.showItem(l.item)
				r.w.active = i
			}
		}
	case l.kpi != "":
		return r.editKPI(l.kpi)
	}
	return nil
}

// kpiInput holds the KPI form's values.
type kpiInput struct{ value, target, date string }

func (r *readiness) editKPI(id string) tea.Cmd {
	v := r.w.a.KPIValues[id]
	in := &kpiInput{value: v.Value, target: v.Target}
	if !v.Date.IsZero() {
		in.date = v.Date.Format("2006-01-02")
	} else {
		in.date = r.w.c.Now().Format("2006-01-02")
	}
	title := id
	for _, k := range r.w.c.Cat.KPIs {
		if k.ID == id {
			title = k.Title
		}
	}
	r.editing = newForm(title, r.width-4, r.height-2,
		huh.NewInput().Title("Value").Value(&in.value),
		huh.NewInput().Title("Target").Value(&in.target),
		huh.NewInput().Title("Date of the reading (YYYY-MM-DD)").Value(&in.date).Validate(optionalDate),
	)
	r.onDone = func() tea.Cmd {
		date, _ := assessment.ParseDate(in.date)
		val := assessment.KPIValue{Value: strings.TrimSpace(in.value), Target: strings.TrimSpace(in.target), Date: date}
		if r.w.a.KPIValues == nil {
			r.w.a.KPIValues = map[string]assessment.KPIValue{}
		}
		r.w.a.KPIValues[id] = val
		r.w.refresh()
		aid := r.w.a.ID
		return r.w.save(id, func(s *store.Store) error { _, err := s.SetKPI(aid, id, nil, val); return err })
	}
	return r.editing.Init()
}

func (r *readiness) updateForm(msg tea.Msg) tea.Cmd {
	return updateForm(r.w, &r.editing, &r.onDone, msg)
}

// View draws the verdict box and the scrollable lines.
func (r *readiness) View() string {
	if r.editing != nil {
		return r.editing.View()
	}
	st := r.w.c.Styles
	sum := r.w.sum
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

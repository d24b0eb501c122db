package maturity

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
	"aimsbench/ui/theme"
)

// maturity is the maturity-scoring step: every requirement and included control with its
// maturity and target on the left, and on the right the mean maturity of each clause and
// Annex A objective as a bar chart against the certification-ready level 3.
type maturity struct {
	h         steps.Host
	cursor    string // ID of the selected item; kept by ID so SoA changes cannot misplace it
	targetFor string // while set, the next digit is this item's target
	width     int
	height    int
}

var (
	matKeyRate     = kit.NewBinding("1 2 3 4 5", "1–5", "set maturity")
	matKeyClear    = kit.NewBinding("0", "0", "clear maturity")
	matKeyTarget   = kit.NewBinding("t", "t", "set target…")
	matKeyUnrated  = kit.NewBinding("u", "u", "next unrated")
	matKeyLevel    = kit.NewBinding("1 2 3 4 5", "1–5", "target level")
	matKeyNoTarget = kit.NewBinding("esc", "esc", "cancel")
)

// New builds the maturity step.
func New(h steps.Host) steps.Step { return &maturity{h: h} }

func (m *maturity) Name() string { return "Maturity" }

// UsesDigits keeps 1–5 for maturity instead of switching steps.
func (m *maturity) UsesDigits() bool { return true }

func (m *maturity) Typing() bool { return m.targetFor != "" }

func (m *maturity) SetSize(w, h int) { m.width, m.height = w, h }

// Progress is the number of requirements and included controls with a maturity rating, out
// of the summary's total (the items the verdict rests on).
func (m *maturity) Progress() (int, int) {
	rated := 0
	for _, it := range m.h.Catalogue().Assessable() {
		if m.h.Assessment().InReadinessScope(it) && m.h.Assessment().Result(it).Maturity > 0 {
			rated++
		}
	}
	return rated, m.h.Summary().Total
}

// FullHelp lists the keys that work now, from the key table.
func (m *maturity) FullHelp() [][]key.Binding { return matKeys.Help(m) }

// matKeys is the step's key table: dispatch, footer and help read it. While a target is
// being chosen, the level keys answer it (updateTarget).
var matKeys = kit.Keys[*maturity]{
	{Binding: kit.KeyUp, Run: matMove(func(*maturity) int { return -1 }), Enabled: (*maturity).onItem},
	{Binding: kit.KeyDown, Run: matMove(func(*maturity) int { return 1 }), Enabled: (*maturity).onItem},
	{Binding: kit.KeyPgUp, Run: matMove(func(m *maturity) int { return -max(m.height/2, 1) }), Enabled: (*maturity).onItem},
	{Binding: kit.KeyPgDown, Run: matMove(func(m *maturity) int { return max(m.height/2, 1) }), Enabled: (*maturity).onItem},
	{Binding: matKeyUnrated, Run: func(m *maturity, _ tea.KeyPressMsg) tea.Cmd { m.nextUnrated(); return nil }, Enabled: (*maturity).onItem},
	{Binding: matKeyRate, Group: 1, Run: (*maturity).rate, Enabled: (*maturity).onItem},
	{Binding: matKeyClear, Group: 1, Run: (*maturity).rate, Enabled: (*maturity).onItem},
	{Binding: matKeyTarget, Group: 1, Enabled: (*maturity).onItem, Run: func(m *maturity, _ tea.KeyPressMsg) tea.Cmd {
		item, _ := m.selected()
		m.targetFor = item.ID
		return nil
	}},
	{Binding: matKeyLevel, HelpOnly: true, Enabled: (*maturity).choosingTarget},
	{Binding: matKeyNoTarget, HelpOnly: true, Enabled: (*maturity).choosingTarget},
}

func (m *maturity) choosingTarget() bool { return m.targetFor != "" }

// onItem is true while the list has the keyboard and an item is selected.
func (m *maturity) onItem() bool {
	_, ok := m.selected()
	return ok && !m.choosingTarget()
}

func matMove(by func(*maturity) int) func(*maturity, tea.KeyPressMsg) tea.Cmd {
	return func(m *maturity, _ tea.KeyPressMsg) tea.Cmd { m.move(by(m)); return nil }
}

// rate sets (1–5) or clears (0) the selected item's maturity.
func (m *maturity) rate(kp tea.KeyPressMsg) tea.Cmd {
	item, _ := m.selected()
	level := int(kp.String()[0] - '0')
	return m.h.Apply(steps.Judge{Item: item, Judgement: assessment.Judgement{Maturity: &level}})
}

// rows are the group headings and the items that count towards readiness: clause
// requirements and the controls the SoA includes.
func (m *maturity) rows() []checklists.Item {
	var out []checklists.Item
	for _, it := range m.h.Catalogue().Items {
		if !it.Assessable() || m.h.Assessment().InReadinessScope(it) {
			out = append(out, it)
		}
	}
	return out
}

// position finds the cursor's row, settling on the first item when it is gone.
func (m *maturity) position(rows []checklists.Item) int {
	first := -1
	for i, it := range rows {
		if it.ID == m.cursor && it.Assessable() {
			return i
		}
		if first < 0 && it.Assessable() {
			first = i
		}
	}
	if first >= 0 {
		m.cursor = rows[first].ID
	}
	return first
}

func (m *maturity) selected() (checklists.Item, bool) {
	rows := m.rows()
	if i := m.position(rows); i >= 0 {
		return rows[i], true
	}
	return checklists.Item{}, false
}

// move steps delta items up or down, skipping headings.
func (m *maturity) move(delta int) {
	rows := m.rows()
	i := m.position(rows)
	if i < 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir, delta = -1, -delta
	}
	for ; delta > 0; delta-- {
		j := i + dir
		for j >= 0 && j < len(rows) && !rows[j].Assessable() {
			j += dir
		}
		if j < 0 || j >= len(rows) {
			break
		}
		i = j
	}
	m.cursor = rows[i].ID
}

// nextUnrated moves to the next item without a maturity, wrapping round.
func (m *maturity) nextUnrated() {
	rows := m.rows()
	i := m.position(rows)
	for k := 1; k <= len(rows); k++ {
		it := rows[(i+k)%len(rows)]
		if it.Assessable() && m.h.Assessment().Result(it).Maturity == 0 {
			m.cursor = it.ID
			return
		}
	}
	m.h.Say("Every requirement and included control has a maturity rating.")
}

// Update sets maturity and target through the rules, and moves the cursor.
func (m *maturity) Update(msg tea.Msg) tea.Cmd {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.targetFor != "" {
		return m.updateTarget(kp)
	}
	cmd, _ := matKeys.Dispatch(m, kp)
	return cmd
}

func (m *maturity) updateTarget(kp tea.KeyPressMsg) tea.Cmd {
	id := m.targetFor
	m.targetFor = ""
	item, ok := m.h.Catalogue().Item(id)
	if !ok || !key.Matches(kp, matKeyLevel) {
		m.h.Say("Target unchanged.")
		return nil
	}
	level := int(kp.String()[0] - '0')
	return m.h.Apply(steps.Judge{Item: item, Judgement: assessment.Judgement{Target: &level}})
}

func (m *maturity) listWidth() int { return min(max(m.width*2/5, 38), 56) }

// View draws the list on the left and the chart on the right.
func (m *maturity) View() string {
	lw := m.listWidth()
	return kit.JoinColumns(m.listView(lw), m.chartView(max(m.width-lw-3, 20)), lw, m.height, m.h.Styles())
}

func (m *maturity) listView(width int) string {
	st := m.h.Styles()
	rows := m.rows()
	at := m.position(rows)
	var b strings.Builder
	done, total := m.Progress()
	head := fmt.Sprintf("%d/%d rated · maturity/target", done, total)
	if width >= 48 {
		head += " · ▼ below target"
	}
	if m.targetFor != "" {
		head = st.Key.Render(kit.Truncate("Target for "+m.targetFor+"? 1–5 · esc cancels", width))
	}
	b.WriteString(st.Subtle.Render(kit.Truncate(head, width)) + "\n")
	room := max(m.height-1, 1)
	first := max(0, min(at-room/2, len(rows)-room))
	for i := first; i < len(rows) && i < first+room; i++ {
		it := rows[i]
		if !it.Assessable() {
			b.WriteString(st.Label.Render(kit.Truncate(it.ID+" "+it.Title, width)) + "\n")
			continue
		}
		r := m.h.Assessment().Result(it)
		level, gauge := "·", strings.Repeat("·", 5)
		if r.Maturity > 0 {
			level, gauge = fmt.Sprint(r.Maturity), strings.Repeat("■", r.Maturity)+strings.Repeat("·", 5-r.Maturity)
		}
		below, plainBelow := " ", " "
		if r.Maturity > 0 && r.Maturity < r.EffectiveTarget() {
			below, plainBelow = st.Warning.Render("▼"), "▼"
		}
		text := fmt.Sprintf(" %-8s ", it.ID)
		cells := fmt.Sprintf("%s/%d", level, r.EffectiveTarget())
		title := kit.Truncate(it.Title, width-kit.Width(text)-13)
		if i == at {
			b.WriteString(st.Selected.Render(kit.Pad(kit.Truncate(text+gauge+" "+cells+" "+plainBelow+" "+it.Title, width), width)) + "\n")
			continue
		}
		b.WriteString(text + theme.Level(r.Maturity).Render(gauge) + " " + cells + " " + below + " " + title + "\n")
	}
	return b.String()
}

package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// gapFilter narrows the catalogue list.
type gapFilter int

const (
	filterAll gapFilter = iota
	filterNotAssessed
	filterGaps
	filterWarnings
)

var filterNames = []string{"all", "not assessed", "gaps only", "warnings"}

// gaps is the gap-analysis step: the catalogue as a filterable list beside the selected
// item's detail, with one key per status and maturity.
type gaps struct {
	w       *workspace
	rows    []checklists.Item // visible rows: headings and items after filtering
	cursor  int               // index into rows; always on an assessable item when one is visible
	filter  gapFilter
	search  textinput.Model
	editing *huh.Form
	onDone  func() tea.Cmd // applies the open form's values
	width   int
	height  int
}

var (
	keyConformant = binding("c", "c", "conformant")
	keyPartial    = binding("p", "p", "partial")
	keyNonconf    = binding("n", "n", "nonconformant")
	keyNA         = binding("x", "x", "not applicable")
	keyMaturity   = binding("1 2 3 4 5", "1–5", "maturity")
	keyEvidence   = binding("e", "e", "add evidence")
	keyNotes      = binding("enter", "enter", "edit notes")
	keyRaiseNC    = binding("N", "N", "raise NC")
	keySearch     = binding("/", "/", "filter")
	keyCycle      = binding("f", "f", "cycle filter")
	keyTarget     = binding("t", "t", "target +1")
	keyPgDown     = binding("pgdown ctrl+d", "pgdn", "page down")
	keyPgUp       = binding("pgup ctrl+u", "pgup", "page up")
)

func newGaps(w *workspace) *gaps {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "ID or words of the title"
	g := &gaps{w: w, search: ti}
	g.rebuild()
	return g
}

func (g *gaps) Name() string { return "Gap analysis" }

func (g *gaps) UsesDigits() bool { return true }

func (g *gaps) Typing() bool { return g.search.Focused() || g.editing != nil }

func (g *gaps) SetSize(w, h int) { g.width, g.height = w, h }

func (g *gaps) Progress() (int, int) { return g.w.sum.Assessed, g.w.sum.Total }

func (g *gaps) ShortHelp() []key.Binding {
	return []key.Binding{keyConformant, keyPartial, keyNonconf, keyNA, keyMaturity, keyNotes}
}

func (g *gaps) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{keyUp, keyDown, keyPgUp, keyPgDown},
		{keyConformant, keyPartial, keyNonconf, keyNA, keyMaturity, keyTarget},
		{keyEvidence, keyNotes, keyRaiseNC, keySearch, keyCycle},
	}
}

// selected is the item under the cursor, if any.
func (g *gaps) selected() (checklists.Item, bool) {
	if g.cursor < 0 || g.cursor >= len(g.rows) || !g.rows[g.cursor].Assessable() {
		return checklists.Item{}, false
	}
	return g.rows[g.cursor], true
}

// keep reports whether an assessable item passes the filter and the search text.
func (g *gaps) keep(item checklists.Item) bool {
	r := g.w.a.Result(item)
	switch g.filter {
	case filterNotAssessed:
		if r.Judged() || r.Status == assessment.NotApplicable {
			return false
		}
	case filterGaps:
		if r.Status != assessment.Partial && r.Status != assessment.Nonconformant {
			return false
		}
	case filterWarnings:
		if len(assessment.ItemWarnings(g.w.c.Cat, g.w.a, item)) == 0 {
			return false
		}
	}
	q := strings.ToLower(strings.TrimSpace(g.search.Value()))
	return q == "" || strings.HasPrefix(strings.ToLower(item.ID), q) || strings.Contains(strings.ToLower(item.Title), q)
}

// rebuild recomputes the visible rows, keeping the cursor on the same item when it stays.
func (g *gaps) rebuild() {
	current, had := g.selected()
	cat := g.w.c.Cat
	keepGroup := map[string]bool{}
	var items []checklists.Item
	for _, it := range cat.Items {
		if it.Assessable() && g.keep(it) {
			items = append(items, it)
			for p := it.Parent; p != ""; {
				keepGroup[p] = true
				parent, _ := cat.Item(p)
				p = parent.Parent
			}
		}
	}
	g.rows = g.rows[:0]
	for _, it := range cat.Items {
		if (it.Assessable() && g.keep(it)) || (!it.Assessable() && keepGroup[it.ID]) {
			g.rows = append(g.rows, it)
		}
	}
	g.cursor = 0
	for i, it := range g.rows {
		if had && it.ID == current.ID {
			g.cursor = i
			return
		}
	}
	g.move(0)
}

// move steps the cursor by delta assessable rows (0 settles on the nearest one).
func (g *gaps) move(delta int) {
	step := 1
	if delta < 0 {
		step = -1
	}
	n := max(delta*step, 0)
	i := g.cursor
	if n == 0 {
		for i < len(g.rows) && !g.rows[i].Assessable() {
			i++
		}
		if i < len(g.rows) {
			g.cursor = i
		}
		return
	}
	for ; n > 0; n-- {
		j := i + step
		for j >= 0 && j < len(g.rows) && !g.rows[j].Assessable() {
			j += step
		}
		if j < 0 || j >= len(g.rows) {
			break
		}
		i = j
	}
	g.cursor = i
}

// Update handles the keys of the hot path.
func (g *gaps) Update(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(fileHashedMsg); ok {
		if msg.err != nil {
			return g.w.refuse(msg.err)
		}
		return g.w.judge(msg.item, assessment.Judgement{AddEvidence: []assessment.Evidence{msg.ev}})
	}
	if g.editing != nil {
		return g.updateForm(msg)
	}
	if g.search.Focused() {
		return g.updateSearch(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	item, ok := g.selected()
	switch {
	case key.Matches(kp, keyDown):
		g.move(1)
	case key.Matches(kp, keyUp):
		g.move(-1)
	case key.Matches(kp, keyPgDown):
		g.move(max(g.height/2, 1))
	case key.Matches(kp, keyPgUp):
		g.move(-max(g.height/2, 1))
	case key.Matches(kp, keySearch):
		return g.search.Focus()
	case key.Matches(kp, keyCycle):
		g.filter = (g.filter + 1) % gapFilter(len(filterNames))
		g.rebuild()
	case !ok:
		return nil
	case key.Matches(kp, keyConformant, keyPartial, keyNonconf, keyNA):
		st := map[string]assessment.Status{"c": assessment.Conformant, "p": assessment.Partial, "n": assessment.Nonconformant, "x": assessment.NotApplicable}[kp.String()]
		return g.w.judge(item, assessment.Judgement{Status: &st})
	case key.Matches(kp, keyMaturity):
		m := int(kp.String()[0] - '0')
		return g.w.judge(item, assessment.Judgement{Maturity: &m})
	case key.Matches(kp, keyTarget):
		t := g.w.a.Result(item).EffectiveTarget()%5 + 1
		return g.w.judge(item, assessment.Judgement{Target: &t})
	case key.Matches(kp, keyNotes):
		return g.openNotes(item)
	case key.Matches(kp, keyEvidence):
		return g.openEvidence(item)
	case key.Matches(kp, keyRaiseNC):
		return g.raiseNC(item)
	}
	return nil
}

func (g *gaps) updateSearch(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch kp.String() {
		case "esc":
			g.search.SetValue("")
			g.search.Blur()
			g.rebuild()
			return nil
		case "enter", "down", "up":
			g.search.Blur()
			return nil
		}
	}
	var cmd tea.Cmd
	g.search, cmd = g.search.Update(msg)
	g.rebuild()
	return cmd
}

// View draws the list on the left and the detail on the right.
func (g *gaps) View() string {
	listW := min(max(g.width*2/5, 38), 60)
	detailW := g.width - listW - 3
	left := g.listView(listW)
	right := g.detailView(detailW)
	if g.editing != nil {
		right = g.editing.View()
	}
	return joinColumns(left, right, listW, g.height, g.w.c.Styles)
}

func (g *gaps) listView(width int) string {
	st := g.w.c.Styles
	var b strings.Builder
	head := fmt.Sprintf("Filter: %s · %d shown", filterNames[g.filter], countAssessable(g.rows))
	if g.search.Focused() || g.search.Value() != "" {
		g.search.SetWidth(width - 4)
		head = g.search.View()
	}
	b.WriteString(st.Subtle.Render(truncate(head, width)) + "\n")
	room := max(g.height-1, 1)
	first := max(0, min(g.cursor-room/2, len(g.rows)-room))
	for i := first; i < len(g.rows) && i < first+room; i++ {
		it := g.rows[i]
		if !it.Assessable() {
			b.WriteString(st.Label.Render(truncate(it.ID+" "+it.Title, width)) + "\n")
			continue
		}
		r := g.w.a.Result(it)
		mat := "·"
		if r.Maturity > 0 {
			mat = fmt.Sprint(r.Maturity)
		}
		warn := " "
		if len(assessment.ItemWarnings(g.w.c.Cat, g.w.a, it)) > 0 {
			warn = st.Warning.Render("!")
		}
		text := fmt.Sprintf(" %-8s ", it.ID)
		line := text + st.statusBadge(r.Status) + " " + mat + warn + " " + truncate(it.Title, width-lineWidth(text)-9)
		if i == g.cursor {
			line = st.Selected.Render(pad(truncate(text+plainBadge(r.Status)+" "+mat+" "+" "+it.Title, width), width))
		}
		b.WriteString(line + "\n")
	}
	if len(g.rows) == 0 {
		b.WriteString(st.Subtle.Render("No item matches this filter. Press f to change it or esc in the search to clear it."))
	}
	return b.String()
}

func countAssessable(rows []checklists.Item) int {
	n := 0
	for _, r := range rows {
		if r.Assessable() {
			n++
		}
	}
	return n
}

// plainBadge is the status mark without colour, for the highlighted row.
func plainBadge(s assessment.Status) string {
	return map[assessment.Status]string{assessment.Conformant: "✓ C ", assessment.Partial: "◐ P ", assessment.Nonconformant: "✗ NC", assessment.NotApplicable: "– NA"}[s] + map[bool]string{true: "·   ", false: ""}[s == assessment.NotAssessed]
}

package gaps

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
	"aimsbench/ui/theme"
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
	h       steps.Host
	rows    []checklists.Item // visible rows: headings and items after filtering
	cursor  int               // index into rows; always on an assessable item when one is visible
	filter  gapFilter
	search  textinput.Model
	editing *kit.Form
	width   int
	height  int
	drawn   map[string]drawnRow // list rows already drawn, by item ID
	wrapped map[wrapKey]string  // detail text already wrapped
}

// drawnRow is a list row as last drawn, with everything it shows; the row is drawn again
// only when one of these changes, so a keypress redraws one or two rows, not the list.
type drawnRow struct {
	status   assessment.Status
	maturity int
	warn     bool
	selected bool
	width    int
	line     string // exactly width cells
}

// wrapKey is a text wrapped to a width.
type wrapKey struct {
	text  string
	width int
}

var (
	keyConformant = kit.NewBinding("c", "c", "conformant")
	keyPartial    = kit.NewBinding("p", "p", "partial")
	keyNonconf    = kit.NewBinding("n", "n", "nonconformant")
	keyNA         = kit.NewBinding("x", "x", "not applicable")
	keyMaturity   = kit.NewBinding("1 2 3 4 5", "1–5", "maturity")
	keyEvidence   = kit.NewBinding("e", "e", "add evidence")
	keyNotes      = kit.NewBinding("enter", "enter", "edit notes")
	keyRaiseNC    = kit.NewBinding("N", "N", "raise NC")
	keySearch     = kit.NewBinding("/", "/", "filter")
	keyCycle      = kit.NewBinding("f", "f", "cycle filter")
	keyTarget     = kit.NewBinding("t", "t", "target +1")
)

// New builds the gap-analysis step.
func New(h steps.Host) steps.Step {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "ID or words of the title"
	g := &gaps{h: h, search: ti}
	g.rebuild()
	return g
}

func (g *gaps) Name() string { return "Gap analysis" }

func (g *gaps) UsesDigits() bool { return true }

func (g *gaps) Typing() bool { return g.search.Focused() || g.editing != nil }

func (g *gaps) SetSize(w, h int) { g.width, g.height = w, h }

func (g *gaps) Progress() (int, int) { return g.h.Summary().Assessed, g.h.Summary().Total }

// selected is the item under the cursor, if any.
func (g *gaps) selected() (checklists.Item, bool) {
	if g.cursor < 0 || g.cursor >= len(g.rows) || !g.rows[g.cursor].Assessable() {
		return checklists.Item{}, false
	}
	return g.rows[g.cursor], true
}

// keep reports whether an assessable item passes the filter and the search text.
func (g *gaps) keep(item checklists.Item) bool {
	r := g.h.Assessment().Result(item)
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
		if len(g.h.Summary().WarningsFor(item.ID)) == 0 {
			return false
		}
	}
	q := strings.ToLower(strings.TrimSpace(g.search.Value()))
	return q == "" || strings.HasPrefix(strings.ToLower(item.ID), q) || strings.Contains(strings.ToLower(item.Title), q)
}

// rebuild recomputes the visible rows, keeping the cursor on the same item when it stays.
func (g *gaps) rebuild() {
	current, had := g.selected()
	cat := g.h.Catalogue()
	keepGroup := map[string]bool{}
	for _, it := range cat.Items {
		if it.Assessable() && g.keep(it) {
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

// Update handles replies, the open form or filter, and the key table.
func (g *gaps) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case fileHashedMsg:
		if msg.err != nil {
			return g.h.Refuse(msg.err)
		}
		return g.h.Apply(steps.Judge{Item: msg.item, Judgement: assessment.Judgement{AddEvidence: []assessment.Evidence{msg.ev}}})
	case steps.Saved:
		g.saved(msg)
		return nil
	case steps.JumpTo:
		g.showItem(msg.Item)
		return nil
	case steps.Reloaded:
		g.rebuild()
		return nil
	}
	if g.editing != nil {
		return g.updateForm(msg)
	}
	if g.search.Focused() {
		return g.updateSearch(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := gapKeys.Dispatch(g, kp)
		return cmd
	}
	return nil
}

// saved says what the store saved when it is worth a line: a raised NC with its number,
// or evidence whose file was fingerprinted (perhaps while another step was on screen).
func (g *gaps) saved(msg steps.Saved) {
	if msg.Err != nil {
		return
	}
	switch in := msg.Intent.(type) {
	case steps.PutNC:
		nc := msg.Record.(assessment.Nonconformity)
		g.h.Say(fmt.Sprintf("%s raised against %s (%s); complete it on step 7 Nonconformities.", nc.Label(), nc.ItemID, nc.Grade.Label()))
	case steps.Judge:
		if ev := in.Judgement.AddEvidence; len(ev) == 1 && ev[0].SHA256 != "" {
			g.h.Say(fmt.Sprintf("Evidence “%s” saved on %s with its file's fingerprint (sha256 %s…).", kit.Vis(ev[0].Title), in.Item.ID, ev[0].SHA256[:12]))
		}
	}
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
	left := g.listLines(listW)
	right := g.detailView(detailW)
	if g.editing != nil {
		right = g.editing.View(g.h.Styles())
	}
	// As joinColumns, without measuring the list's lines again: each is already listW wide.
	r := strings.Split(right, "\n")
	divider := g.h.Styles().Subtle.Render(" │ ")
	blank := strings.Repeat(" ", listW)
	var b strings.Builder
	for i := 0; i < g.height; i++ {
		a, c := blank, ""
		if i < len(left) {
			a = left[i]
		}
		if i < len(r) {
			c = r[i]
		}
		b.WriteString(a + divider + c)
		if i < g.height-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// listLines draws the list as lines of exactly width cells, reusing the rows whose content
// has not changed since the last frame.
func (g *gaps) listLines(width int) []string {
	st := g.h.Styles()
	fit := func(s string) string { return kit.Pad(kit.Truncate(s, width), width) }
	head := fmt.Sprintf("Filter: %s · %d shown", filterNames[g.filter], countAssessable(g.rows))
	if g.search.Focused() || g.search.Value() != "" {
		g.search.SetWidth(width - 4)
		head = g.search.View()
	}
	lines := []string{fit(st.Subtle.Render(kit.Truncate(head, width)))}
	if g.drawn == nil {
		g.drawn = map[string]drawnRow{}
	}
	room := max(g.height-1, 1)
	first := max(0, min(g.cursor-room/2, len(g.rows)-room))
	for i := first; i < len(g.rows) && i < first+room; i++ {
		it := g.rows[i]
		row := drawnRow{width: width}
		if it.Assessable() {
			r := g.h.Assessment().Result(it)
			row.status, row.maturity, row.selected = r.Status, r.Maturity, i == g.cursor
			row.warn = len(g.h.Summary().WarningsFor(it.ID)) > 0
		}
		if prev, ok := g.drawn[it.ID]; ok && prev.status == row.status && prev.maturity == row.maturity &&
			prev.warn == row.warn && prev.selected == row.selected && prev.width == row.width {
			lines = append(lines, prev.line)
			continue
		}
		row.line = fit(g.rowLine(it, row, width))
		g.drawn[it.ID] = row
		lines = append(lines, row.line)
	}
	if len(g.rows) == 0 {
		lines = append(lines, fit(st.Subtle.Render("No item matches this filter. Press f to change it or esc in the search to clear it.")))
	}
	return lines
}

// rowLine draws one row of the list: a heading, or an item with its status, maturity and
// warning mark.
func (g *gaps) rowLine(it checklists.Item, row drawnRow, width int) string {
	st := g.h.Styles()
	if !it.Assessable() {
		return st.Label.Render(kit.Truncate(it.ID+" "+it.Title, width))
	}
	mat := "·"
	if row.maturity > 0 {
		mat = fmt.Sprint(row.maturity)
	}
	warn := " "
	if row.warn {
		warn = st.Warning.Render("!")
	}
	text := fmt.Sprintf(" %-8s ", it.ID)
	if row.selected {
		return st.Selected.Render(kit.Pad(kit.Truncate(text+theme.PlainBadge(row.status)+" "+mat+" "+" "+it.Title, width), width))
	}
	return text + st.StatusBadge(row.status) + " " + mat + warn + " " + kit.Truncate(it.Title, width-kit.Width(text)-9)
}

// wrap breaks text into lines of at most width cells, remembering the result: the detail
// pane shows the same guidance and notes frame after frame.
func (g *gaps) wrap(text string, width int) string {
	k := wrapKey{text, width}
	if s, ok := g.wrapped[k]; ok {
		return s
	}
	if g.wrapped == nil || len(g.wrapped) > 1024 {
		g.wrapped = map[wrapKey]string{}
	}
	s := kit.Wrap(text, width)
	g.wrapped[k] = s
	return s
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

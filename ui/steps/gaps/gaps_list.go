package gaps

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// drawnRow is a list row as last drawn, with everything it shows; the row is drawn again
// only when one of these changes, so a keypress redraws one or two rows, not the list.
type drawnRow struct {
	status   assessment.Status
	maturity int
	warn     bool
	proposal bool // the client's answer waits for a decision
	selected bool
	width    int
	hit      searchHit
	line     string // exactly width cells
}

// wrapKey is a text wrapped to a width.
type wrapKey struct {
	text  string
	width int
}

// searchHit is where an item matches the search text when neither its ID nor its title
// does: the list shows the field and the words around the match instead of the title.
type searchHit struct{ field, around string }

// listWidth is the width of the catalogue list; the detail gets the rest. A search widens
// the list, so where each item matches can be read in it.
func (g *gaps) listWidth() int {
	if g.search.Value() != "" {
		return min(max(g.width/2, 40), 70)
	}
	return min(max(g.width*2/5, 32), 60)
}
func (g *gaps) detailWidth() int { return max(g.width-g.listWidth()-3, 20) }

// keep reports whether an assessable item passes the filter and the search text, noting
// where the search text was found.
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
	case filterProposals:
		if _, ok := g.pending(item.ID); !ok {
			return false
		}
	}
	q := strings.ToLower(strings.TrimSpace(g.search.Value()))
	if q == "" || strings.HasPrefix(strings.ToLower(item.ID), q) || strings.Contains(strings.ToLower(item.Title), q) {
		return true
	}
	var answer string
	if p, waiting := g.pending(item.ID); waiting {
		answer = p.Answer + " " + p.Reference + " " + p.Contact
	}
	hit, ok := find(q, item, r, answer)
	if ok {
		g.hits[item.ID] = hit
	}
	return ok
}

// find looks for the search text in what the assessor wrote about an item, in the client's
// answer waiting for a decision, and in the catalogue's guidance for it, in that order.
func find(q string, item checklists.Item, r *assessment.Result, answer string) (searchHit, bool) {
	fields := []struct{ name, text string }{{"finding", r.Finding}, {"recomm.", r.Recommendation}}
	for _, e := range r.Evidence {
		fields = append(fields, struct{ name, text string }{"evidence", e.Title + " " + e.Reference})
	}
	fields = append(fields, struct{ name, text string }{"answer", answer})
	fields = append(fields, []struct{ name, text string }{{"verify", item.Verify}, {"typ. evidence", item.Evidence}, {"hint", item.Hint}}...)
	for _, f := range fields {
		lower := strings.ToLower(f.text)
		if i := strings.Index(lower, q); i >= 0 {
			if len(lower) != len(f.text) { // lower case changed the byte offsets: quote it
				f.text = lower
			}
			return searchHit{f.name, around(f.text, i)}, true
		}
	}
	return searchHit{}, false
}

// around is the text from the start of the word holding position i, on one line.
func around(text string, i int) string {
	start := strings.LastIndexAny(text[:i], " \n\t") + 1
	out := strings.Join(strings.Fields(text[start:]), " ")
	if start > 0 {
		out = "…" + out
	}
	return kit.Vis(out)
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

// View draws the list on the left and the detail, or the open dialog, on the right.
func (g *gaps) View() string {
	listW, detailW := g.listWidth(), g.detailWidth()
	left := g.listLines(listW)
	var right string
	switch {
	case g.ask != nil:
		right = g.ask.View(g.h.Styles())
	case g.sheet != nil:
		right = g.sheet.View(g.h.Styles())
	case g.editing != nil:
		right = g.editing.View(g.h.Styles())
	default:
		right = g.detailView(detailW)
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
	if g.session != nil {
		lines = append(lines, fit(st.Key.Render(kit.Truncate(g.banner(), width))))
	}
	if g.drawn == nil {
		g.drawn = map[string]drawnRow{}
	}
	room := max(g.height-len(lines), 1)
	first := max(0, min(g.cursor-room/2, len(g.rows)-room))
	for i := first; i < len(g.rows) && i < first+room; i++ {
		it := g.rows[i]
		row := drawnRow{width: width, hit: g.hits[it.ID]}
		if it.Assessable() {
			r := g.h.Assessment().Result(it)
			row.status, row.maturity, row.selected = r.Status, r.Maturity, i == g.cursor
			row.warn = len(g.h.Summary().WarningsFor(it.ID)) > 0
			_, row.proposal = g.pending(it.ID)
		}
		if prev, ok := g.drawn[it.ID]; ok && prev.status == row.status && prev.maturity == row.maturity &&
			prev.warn == row.warn && prev.proposal == row.proposal && prev.selected == row.selected && prev.width == row.width && prev.hit == row.hit {
			lines = append(lines, prev.line)
			continue
		}
		row.line = fit(g.rowLine(it, row, width))
		g.drawn[it.ID] = row
		lines = append(lines, row.line)
	}
	if len(g.rows) == 0 {
		for _, l := range strings.Split(kit.Wrap("No item matches. Press f to change the filter, or / and esc to clear the search.", width), "\n") {
			lines = append(lines, fit(st.Subtle.Render(l)))
		}
	}
	return lines
}

// rowLine draws one row of the list: a heading, or an item with its status, maturity,
// warning mark, and its title or where the search text was found.
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
	title := it.Title
	if row.hit.field != "" {
		title = row.hit.field + ": " + row.hit.around
	}
	text := fmt.Sprintf(" %-8s ", it.ID)
	mark := ""
	if row.proposal {
		mark = proposalMark
	}
	if row.selected {
		return st.Selected.Render(kit.Pad(kit.Truncate(text+theme.PlainBadge(row.status)+" "+mat+" "+" "+mark+title, width), width))
	}
	if row.hit.field != "" {
		title = st.Key.Render(row.hit.field+":") + " " + row.hit.around
	}
	if row.proposal {
		title = st.Key.Render(mark) + title
	}
	return text + st.StatusBadge(row.status) + " " + mat + warn + " " + kit.Truncate(title, width-kit.Width(text)-9)
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

package gaps

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// gapFilter narrows the catalogue list.
type gapFilter int

const (
	filterAll gapFilter = iota
	filterNotAssessed
	filterGaps
	filterWarnings
	filterProposals
)

var filterNames = []string{"all", "not assessed", "gaps only", "warnings", "proposals"}

// gaps is the gap-analysis step: the catalogue as a filterable list beside the selected
// item's detail, with one key per status and maturity.
type gaps struct {
	h       steps.Host
	rows    []checklists.Item    // visible rows: headings and items after filtering
	hits    map[string]searchHit // where each visible item matches the search text
	cursor  int                  // index into rows; always on an assessable item when one is visible
	filter  gapFilter
	search  textinput.Model
	editing *kit.Form
	sheet   *kit.Sheet                        // a dialog of a few fields: NC grade, interview
	onSheet func(*kit.Sheet) (tea.Cmd, error) // applies the sheet; an error keeps it open
	ask     *kit.Confirm
	onYes   func() tea.Cmd
	pick    int      // the evidence item selected while the evidence has the keyboard; -1 otherwise
	detail  kit.Pane // the selected item's detail, scrolled with J and K
	shown   string   // the item the detail shows, so a new one starts at its top
	session *interview
	store   *store.Store                   // read for the client's questionnaire answers
	answers map[string]assessment.Proposal // the client's answers by item ID, pending and decided
	asked   int                            // the last read of the answers asked for; older replies are dropped
	width   int
	height  int
	drawn   map[string]drawnRow // list rows already drawn, by item ID
	wrapped map[wrapKey]string  // detail text already wrapped
}

// New builds the gap-analysis step; s is read for the client's questionnaire answers, which
// the assessment as loaded leaves out.
func New(h steps.Host, s *store.Store) steps.Step {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "words of IDs, titles, findings, evidence, guidance"
	g := &gaps{h: h, search: ti, pick: -1, store: s}
	g.rebuild()
	return g
}

func (g *gaps) Name() string { return "Gap analysis" }

// UsesDigits keeps the number row for maturity: 1–5 rate, alt+digit changes step.
func (g *gaps) UsesDigits() bool { return true }

func (g *gaps) Typing() bool {
	return g.search.Focused() || g.editing != nil || g.sheet != nil || g.ask != nil
}

func (g *gaps) SetSize(w, h int) {
	g.width, g.height = w, h
	if g.sheet != nil {
		g.sheet.SetWidth(g.detailWidth())
	}
}

func (g *gaps) Progress() (int, int) { return g.h.Summary().Assessed, g.h.Summary().Total }

// selected is the item under the cursor, if any.
func (g *gaps) selected() (checklists.Item, bool) {
	if g.cursor < 0 || g.cursor >= len(g.rows) || !g.rows[g.cursor].Assessable() {
		return checklists.Item{}, false
	}
	return g.rows[g.cursor], true
}

// rebuild recomputes the visible rows, keeping the cursor on the same item when it stays.
func (g *gaps) rebuild() {
	current, had := g.selected()
	cat := g.h.Catalogue()
	g.hits = map[string]searchHit{}
	keepGroup := map[string]bool{}
	kept := map[string]bool{}
	for _, it := range cat.Items {
		if it.Assessable() && g.keep(it) {
			kept[it.ID] = true
			for p := it.Parent; p != ""; {
				keepGroup[p] = true
				parent, _ := cat.Item(p)
				p = parent.Parent
			}
		}
	}
	g.rows = g.rows[:0]
	for _, it := range cat.Items {
		if kept[it.ID] || (!it.Assessable() && keepGroup[it.ID]) {
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

// Update handles replies, then whatever has the keyboard: a question, a sheet, a form, the
// search field, or the key table.
func (g *gaps) Update(msg tea.Msg) tea.Cmd {
	if _, opened := msg.(steps.Opened); opened {
		return g.readAnswers()
	}
	return g.update(msg)
}

func (g *gaps) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case answersMsg:
		g.answersRead(msg)
		return nil
	case fileHashedMsg:
		if msg.err != nil {
			return g.h.Refuse(msg.err)
		}
		return g.judge(msg.item, assessment.Judgement{AddEvidence: []assessment.Evidence{msg.ev}}, nil)
	case steps.Saved:
		return g.saved(msg)
	case steps.JumpTo:
		g.showItem(msg.Item)
		return nil
	case steps.Reloaded:
		g.pick = -1
		g.rebuild()
		return g.readAnswers()
	}
	switch {
	case g.ask != nil:
		return g.updateAsk(msg)
	case g.sheet != nil:
		return g.updateSheet(msg)
	case g.editing != nil:
		return g.updateForm(msg)
	case g.search.Focused():
		return g.updateSearch(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := gapKeys.Dispatch(g, kp)
		return cmd
	}
	return nil
}

// saved says what the store saved when it is worth a line: a raised NC with its number,
// or evidence whose file was fingerprinted (perhaps while another step was on screen). A
// new interview numbered by the store starts the interview, a decided answer is marked.
func (g *gaps) saved(msg steps.Saved) tea.Cmd {
	if in, ok := msg.Intent.(steps.PutRecord); ok && in.Base == nil {
		if _, interview := in.Next.(*assessment.Interview); interview {
			return g.interviewLogged(msg)
		}
	}
	if msg.Err != nil {
		switch msg.Intent.(type) {
		case steps.AcceptProposal, steps.RejectProposal: // perhaps decided elsewhere meanwhile
			return g.readAnswers()
		}
		return nil
	}
	switch in := msg.Intent.(type) {
	case steps.PutNC:
		nc := msg.Record.(assessment.Nonconformity)
		g.h.Say(fmt.Sprintf("%s raised against %s (%s); complete it on step 7 Nonconformities.", nc.Label(), nc.ItemID, nc.Grade.Label()))
	case steps.AcceptProposal, steps.RejectProposal:
		return g.decided(in)
	case steps.Judge:
		if ev := in.Judgement.AddEvidence; len(ev) == 1 && ev[0].SHA256 != "" {
			g.h.Say(fmt.Sprintf("Evidence “%s” saved on %s with its file's fingerprint (sha256 %s…).", kit.Vis(ev[0].Title), in.Item.ID, ev[0].SHA256[:12]))
		}
	}
	return nil
}

// judge records a judgement on an item; base is the result a form opened on (nil: the
// result on screen). In an interview, the judgement cites the interview as evidence.
func (g *gaps) judge(item checklists.Item, j assessment.Judgement, base *assessment.Result) tea.Cmd {
	var cited []string
	var iv assessment.Interview
	discussed := false
	if g.session != nil {
		cited = slices.Clone(g.session.judged)
		iv, discussed = g.cite(item, &j)
	}
	cmd := g.h.Apply(steps.Judge{Item: item, Judgement: j, Base: base})
	switch {
	case cmd == nil && g.session != nil: // refused: the item is not judged in the interview yet
		g.session.judged = cited
	case cmd != nil && discussed:
		cmd = tea.Batch(cmd, g.discussed(iv, item))
	}
	return cmd
}

// judgeSelected records a judgement on the selected item.
func (g *gaps) judgeSelected(j assessment.Judgement) tea.Cmd {
	item, _ := g.selected()
	return g.judge(item, j, nil)
}

// showItem puts the cursor on an item, clearing filters that would hide it.
func (g *gaps) showItem(id string) {
	g.filter, g.pick = filterAll, -1
	g.search.SetValue("")
	g.rebuild()
	for i, it := range g.rows {
		if it.ID == id {
			g.cursor = i
		}
	}
}

// Back leaves the evidence list for the catalogue list; esc then goes home as on other steps.
func (g *gaps) Back() bool {
	if g.pick < 0 {
		return false
	}
	g.pick = -1
	return true
}

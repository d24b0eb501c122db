package ncs

import (
	"fmt"
	"slices"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// ncFilter narrows the nonconformity register.
type ncFilter int

const (
	ncAll ncFilter = iota
	ncOpenOnly
	ncOverdueOnly
)

var ncFilterNames = []string{"all", "open", "overdue"}

// ncs is the nonconformity register: every NC with its grade, status, owner and due date,
// the selected one in full, and its life cycle moved on by one key per allowed next state.
type ncs struct {
	h       steps.Host
	cursor  int // number of the selected NC; kept by number so filters cannot misplace it
	filter  ncFilter
	sheet   *kit.Sheet
	editing int                       // number of the NC the sheet edits; 0 while adding one
	base    *assessment.Nonconformity // the NC as the sheet opened on it; nil while adding one
	reason  bool                      // the sheet asks why the NC is withdrawn
	detail  kit.Pane                  // the selected NC in full, scrolled with J and K
	shown   int                       // the NC the detail shows, so a new one starts at its top
	width   int
	height  int
}

var (
	ncKeyEdit   = kit.NewBinding("enter", "enter", "edit")
	ncKeyAdd    = kit.NewBinding("a", "a", "add NC")
	ncKeyFilter = kit.NewBinding("f", "f", "filter")
	// One key per life-cycle state; only the states the selected NC may move to are shown.
	ncKeyProgress = kit.NewBinding("i", "i", "→ in progress")
	ncKeyClose    = kit.NewBinding("c", "c", "→ closed")
	ncKeyVerify   = kit.NewBinding("v", "v", "→ verified effective")
	ncKeyReopen   = kit.NewBinding("r", "r", "→ reopened")
	ncKeyWithdraw = kit.NewBinding("w", "w", "withdraw…")
)

// ncTransitionKeys pairs each state with its key.
var ncTransitionKeys = []struct {
	to  assessment.NCStatus
	key *key.Binding
}{
	{assessment.NCInProgress, &ncKeyProgress},
	{assessment.NCClosed, &ncKeyClose},
	{assessment.NCVerified, &ncKeyVerify},
	{assessment.NCReopened, &ncKeyReopen},
}

// New builds the nonconformity register step.
func New(h steps.Host) steps.Step { return &ncs{h: h} }

func (n *ncs) Name() string { return "Nonconformities" }

func (n *ncs) Typing() bool { return n.sheet != nil }

func (n *ncs) SetSize(w, h int) {
	n.width, n.height = w, h
	if n.sheet != nil {
		n.sheet.SetWidth(min(w, 110))
	}
}

// Progress counts the NCs done with: verified effective, or withdrawn as raised in error.
func (n *ncs) Progress() (int, int) {
	done := 0
	for _, nc := range n.h.Assessment().NCs {
		if nc.Status == assessment.NCVerified || nc.IsWithdrawn() {
			done++
		}
	}
	return done, len(n.h.Assessment().NCs)
}

// transitionKeys are the bindings of the states the selected NC may move to.
func (n *ncs) transitionKeys() []key.Binding {
	nc, ok := n.selected()
	if !ok {
		return nil
	}
	var out []key.Binding
	for _, t := range ncTransitionKeys {
		for _, next := range nc.NextStates() {
			if next == t.to {
				out = append(out, *t.key)
			}
		}
	}
	return out
}

// FullHelp lists the keys that work now, from the key table.
func (n *ncs) FullHelp() [][]key.Binding {
	if n.sheet != nil {
		return [][]key.Binding{n.sheet.Keys()}
	}
	return ncKeys.Help(n)
}

// ncKeys is the step's key table: dispatch, footer and help read it. The open sheet has
// its own keys (kit.Sheet.Keys).
var ncKeys = kit.Keys[*ncs]{
	{Binding: kit.KeyUp, Run: ncMove(-1, 1)},
	{Binding: kit.KeyDown, Run: ncMove(1, 1)},
	{Binding: kit.KeyPgUp, Run: ncMove(-1, 0)},
	{Binding: kit.KeyPgDown, Run: ncMove(1, 0)},
	{Binding: kit.KeyScrollDown, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd { n.detail.Scroll(1); return nil }, Enabled: func(n *ncs) bool { return n.detail.Scrolls() }},
	{Binding: kit.KeyScrollUp, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd { n.detail.Scroll(-1); return nil }, Enabled: func(n *ncs) bool { return n.detail.Scrolls() }},
	{Binding: ncKeyFilter, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd {
		n.filter = (n.filter + 1) % ncFilter(len(ncFilterNames))
		return nil
	}},
	{Binding: ncKeyEdit, Group: 1, Enabled: (*ncs).onNC, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd {
		nc := n.h.Assessment().NCs[n.index()]
		n.openSheet(&nc)
		return nil
	}},
	{Binding: ncKeyAdd, Group: 1, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd { n.openSheet(nil); return nil }},
	{Binding: ncKeyProgress, Group: 2, Run: ncMoveTo(assessment.NCInProgress), Enabled: ncMayMove(assessment.NCInProgress)},
	{Binding: ncKeyClose, Group: 2, Run: ncMoveTo(assessment.NCClosed), Enabled: ncMayMove(assessment.NCClosed)},
	{Binding: ncKeyVerify, Group: 2, Run: ncMoveTo(assessment.NCVerified), Enabled: ncMayMove(assessment.NCVerified)},
	{Binding: ncKeyReopen, Group: 2, Run: ncMoveTo(assessment.NCReopened), Enabled: ncMayMove(assessment.NCReopened)},
	{Binding: ncKeyWithdraw, Group: 2, Run: func(n *ncs, _ tea.KeyPressMsg) tea.Cmd { n.openWithdrawal(); return nil },
		Enabled: func(n *ncs) bool { nc, ok := n.selected(); return ok && nc.MayWithdraw() }},
	// A move the NC may not make is not offered, but its key says why it is refused.
	{Binding: kit.NewBinding("i c v r", "", ""), Hidden: true, Enabled: (*ncs).onNC, Run: func(n *ncs, kp tea.KeyPressMsg) tea.Cmd {
		for _, t := range ncTransitionKeys {
			if key.Matches(kp, *t.key) {
				return n.transition(t.to)
			}
		}
		return nil
	}},
}

// onNC is true while an NC is selected.
func (n *ncs) onNC() bool { return n.index() >= 0 }

// ncMove moves by delta rows, or by delta pages when rows is 0.
func ncMove(delta, rows int) func(*ncs, tea.KeyPressMsg) tea.Cmd {
	return func(n *ncs, _ tea.KeyPressMsg) tea.Cmd {
		if rows == 0 {
			delta *= max(n.tableRows()-1, 1)
		}
		n.move(delta)
		return nil
	}
}

func ncMoveTo(to assessment.NCStatus) func(*ncs, tea.KeyPressMsg) tea.Cmd {
	return func(n *ncs, _ tea.KeyPressMsg) tea.Cmd { return n.transition(to) }
}

// ncMayMove is true when the selected NC may move to the state: only allowed moves are offered.
func ncMayMove(to assessment.NCStatus) func(*ncs) bool {
	return func(n *ncs) bool {
		nc, ok := n.selected()
		return ok && slices.Contains(nc.NextStates(), to)
	}
}

// rows are the positions in w.a.NCs that pass the filter, by NC number.
func (n *ncs) rows() []int {
	now := n.h.Now()
	var out []int
	for i, nc := range n.h.Assessment().NCs {
		switch {
		case n.filter == ncOpenOnly && !nc.IsOpen():
		case n.filter == ncOverdueOnly && !nc.Overdue(now):
		default:
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return n.h.Assessment().NCs[out[a]].Number < n.h.Assessment().NCs[out[b]].Number })
	return out
}

// position is the cursor's row, settling on the first row when the NC is filtered out.
func (n *ncs) position(rows []int) int {
	for r, i := range rows {
		if n.h.Assessment().NCs[i].Number == n.cursor {
			return r
		}
	}
	if len(rows) == 0 {
		return -1
	}
	n.cursor = n.h.Assessment().NCs[rows[0]].Number
	return 0
}

// index is the position in w.a.NCs of the selected NC.
func (n *ncs) index() int {
	rows := n.rows()
	if r := n.position(rows); r >= 0 {
		return rows[r]
	}
	return -1
}

func (n *ncs) selected() (assessment.Nonconformity, bool) {
	if i := n.index(); i >= 0 {
		return n.h.Assessment().NCs[i], true
	}
	return assessment.Nonconformity{}, false
}

func (n *ncs) move(delta int) {
	rows := n.rows()
	r := n.position(rows)
	if r < 0 {
		return
	}
	r = max(0, min(r+delta, len(rows)-1))
	n.cursor = n.h.Assessment().NCs[rows[r]].Number
}

// Update gives keys to the open sheet first, then handles the register.
func (n *ncs) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case steps.Saved:
		if in, ok := msg.Intent.(steps.PutNC); ok && in.Base == nil && msg.Err == nil {
			nc := msg.Record.(assessment.Nonconformity)
			n.show(nc)
			n.h.Say(nc.Label() + " added to the register.")
		}
		return nil
	case steps.JumpTo:
		n.filter, n.cursor = ncAll, msg.NC
		return nil
	}
	if n.sheet != nil {
		return n.updateSheet(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := ncKeys.Dispatch(n, kp)
		return cmd
	}
	return nil
}

// show puts the cursor on an NC, clearing a filter that would hide it.
func (n *ncs) show(nc assessment.Nonconformity) {
	n.cursor = nc.Number
	if n.filter != ncAll && !(nc.IsOpen() && (n.filter == ncOpenOnly || nc.Overdue(n.h.Now()))) {
		n.filter = ncAll
	}
}

// transition moves the selected NC through its life cycle; the rules refuse illegal moves
// and closures without what an auditor needs, and the refusal is shown as it is.
func (n *ncs) transition(to assessment.NCStatus) tea.Cmd {
	i := n.index()
	if i < 0 {
		return nil
	}
	base := &n.h.Assessment().NCs[i]
	nc := *base
	if err := nc.Transition(to, n.h.Now()); err != nil {
		return n.h.Refuse(err)
	}
	n.h.Say(fmt.Sprintf("%s is now %s.", nc.Label(), nc.Status.Label()))
	return n.h.Apply(steps.PutNC{Base: base, Next: nc})
}

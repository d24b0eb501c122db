package ui

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
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
	w       *workspace
	cursor  int // number of the selected NC; kept by number so filters cannot misplace it
	filter  ncFilter
	sheet   *kit.Sheet
	editing int // number of the NC the sheet edits; 0 while adding one
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

func newNCs(w *workspace) step { return &ncs{w: w} }

func (n *ncs) Name() string { return "Nonconformities" }

func (n *ncs) Typing() bool { return n.sheet != nil }

func (n *ncs) SetSize(w, h int) {
	n.width, n.height = w, h
	if n.sheet != nil {
		n.sheet.SetWidth(min(w, 110))
	}
}

// Progress counts the NCs verified effective: only then is a nonconformity done with.
func (n *ncs) Progress() (int, int) {
	done := 0
	for _, nc := range n.w.a.NCs {
		if nc.Status == assessment.NCVerified {
			done++
		}
	}
	return done, len(n.w.a.NCs)
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

func (n *ncs) ShortHelp() []key.Binding {
	if n.sheet != nil {
		return n.sheet.Keys()
	}
	return append([]key.Binding{ncKeyEdit, ncKeyAdd}, n.transitionKeys()...)
}

func (n *ncs) FullHelp() [][]key.Binding {
	if n.sheet != nil {
		return [][]key.Binding{n.sheet.Keys()}
	}
	browse := []key.Binding{kit.KeyUp, kit.KeyDown, kit.KeyPgUp, kit.KeyPgDown, ncKeyFilter}
	if _, ok := n.selected(); ok {
		return [][]key.Binding{browse, {ncKeyEdit, ncKeyAdd}, n.transitionKeys()}
	}
	return [][]key.Binding{browse, {ncKeyAdd}}
}

// rows are the positions in w.a.NCs that pass the filter, by NC number.
func (n *ncs) rows() []int {
	now := n.w.c.Now()
	var out []int
	for i, nc := range n.w.a.NCs {
		switch {
		case n.filter == ncOpenOnly && !nc.IsOpen():
		case n.filter == ncOverdueOnly && !nc.Overdue(now):
		default:
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return n.w.a.NCs[out[a]].Number < n.w.a.NCs[out[b]].Number })
	return out
}

// position is the cursor's row, settling on the first row when the NC is filtered out.
func (n *ncs) position(rows []int) int {
	for r, i := range rows {
		if n.w.a.NCs[i].Number == n.cursor {
			return r
		}
	}
	if len(rows) == 0 {
		return -1
	}
	n.cursor = n.w.a.NCs[rows[0]].Number
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
		return n.w.a.NCs[i], true
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
	n.cursor = n.w.a.NCs[rows[r]].Number
}

// Update gives keys to the open sheet first, then handles the register.
func (n *ncs) Update(msg tea.Msg) tea.Cmd {
	if n.sheet != nil {
		return n.updateSheet(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	page := max(n.tableRows()-1, 1)
	switch {
	case key.Matches(kp, kit.KeyDown):
		n.move(1)
	case key.Matches(kp, kit.KeyUp):
		n.move(-1)
	case key.Matches(kp, kit.KeyPgDown):
		n.move(page)
	case key.Matches(kp, kit.KeyPgUp):
		n.move(-page)
	case key.Matches(kp, ncKeyFilter):
		n.filter = (n.filter + 1) % ncFilter(len(ncFilterNames))
	case key.Matches(kp, ncKeyAdd):
		n.openSheet(nil)
	case key.Matches(kp, ncKeyEdit):
		if i := n.index(); i >= 0 {
			nc := n.w.a.NCs[i]
			n.openSheet(&nc)
		}
	default:
		for _, t := range ncTransitionKeys {
			if key.Matches(kp, *t.key) {
				return n.transition(t.to)
			}
		}
	}
	return nil
}

// transition moves the selected NC through its life cycle; the rules refuse illegal moves
// and closures without what an auditor needs, and the refusal is shown as it is.
func (n *ncs) transition(to assessment.NCStatus) tea.Cmd {
	i := n.index()
	if i < 0 {
		return nil
	}
	nc := n.w.a.NCs[i]
	if err := nc.Transition(to, n.w.c.Now()); err != nil {
		return n.w.refuse(err)
	}
	n.w.a.NCs[i] = nc
	n.w.status = kit.Status{Text: fmt.Sprintf("%s is now %s.", nc.Label(), nc.Status.Label())}
	return n.saveNC(nc)
}

// saveNC queues a copy of the NC for the store.
func (n *ncs) saveNC(nc assessment.Nonconformity) tea.Cmd {
	aid := n.w.a.ID
	return n.w.save(nc.Label(), func(s *store.Store) error { _, err := s.SaveNC(aid, nil, nc); return err })
}

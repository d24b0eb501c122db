package records

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// requests is the evidence request list as a working list: every document of the
// catalogue's list with where its request stands, filtered by status, category and text.
type requests struct {
	h        steps.Host
	cursor   int // among the rows that pass the filters
	status   int // 0: every status; else RequestStates[status-1]
	category int // 0: every category; else EvidenceRequests[category-1]
	search   textinput.Model
	editing  *kit.Form
	pane     kit.Pane
	room     room
}

// request is one row of the list: a document and its category.
type request struct {
	item     checklists.EvidenceItem
	category checklists.EvidenceCategory
}

// Keys of the request list.
var (
	reqKeyRequested    = kit.NewBinding("r", "r", "requested")
	reqKeyReceived     = kit.NewBinding("v", "v", "received")
	reqKeyReviewed     = kit.NewBinding("w", "w", "reviewed")
	reqKeyUnavailable  = kit.NewBinding("x", "x", "not available")
	reqKeyNotRequested = kit.NewBinding("n", "n", "not requested")
	reqKeyEdit         = kit.NewBinding("enter e", "enter", "edit status, date, contact, note")
	reqKeyStatus       = kit.NewBinding("f", "f", "filter by status")
	reqKeyCategory     = kit.NewBinding("c", "c", "filter by category")
	reqKeySearch       = kit.NewBinding("/", "/", "search")
)

var requestKeys = append(kit.Keys[*requests]{
	{Binding: kit.KeyUp, Run: reqMove(func(q *requests) int { return q.cursor - 1 }), Enabled: (*requests).browsing},
	{Binding: kit.KeyDown, Run: reqMove(func(q *requests) int { return q.cursor + 1 }), Enabled: (*requests).browsing},
	{Binding: kit.KeyPgUp, Run: reqMove(func(q *requests) int { return q.cursor - 10 }), Enabled: (*requests).browsing},
	{Binding: kit.KeyPgDown, Run: reqMove(func(q *requests) int { return q.cursor + 10 }), Enabled: (*requests).browsing},
	{Binding: kit.KeyScrollDown, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd { q.pane.Scroll(1); return nil }, Enabled: (*requests).scrolls},
	{Binding: kit.KeyScrollUp, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd { q.pane.Scroll(-1); return nil }, Enabled: (*requests).scrolls},
	{Binding: reqKeyRequested, Group: 1, Run: moveTo(assessment.Requested), Enabled: (*requests).onRequest},
	{Binding: reqKeyReceived, Group: 1, Run: moveTo(assessment.Received), Enabled: (*requests).onRequest},
	{Binding: reqKeyReviewed, Group: 1, Run: moveTo(assessment.Reviewed), Enabled: (*requests).onRequest},
	{Binding: reqKeyUnavailable, Group: 1, Run: moveTo(assessment.NotAvailable), Enabled: (*requests).onRequest},
	{Binding: reqKeyNotRequested, Group: 1, Run: moveTo(assessment.NotRequested), Enabled: (*requests).onRequest},
	{Binding: reqKeyEdit, Group: 1, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd { return q.openEdit(nil) }, Enabled: (*requests).onRequest},
	{Binding: reqKeyStatus, Group: 2, Enabled: (*requests).browsing, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd {
		q.status = (q.status + 1) % (len(assessment.RequestStates) + 1)
		q.cursor = 0
		return nil
	}},
	{Binding: reqKeyCategory, Group: 2, Enabled: (*requests).browsing, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd {
		q.category = (q.category + 1) % (len(q.h.Catalogue().EvidenceRequests) + 1)
		q.cursor = 0
		return nil
	}},
	{Binding: reqKeySearch, Group: 2, Enabled: (*requests).browsing, Run: func(q *requests, _ tea.KeyPressMsg) tea.Cmd { return q.search.Focus() }},
	{Binding: kit.NewBinding("enter", "enter", "done"), HelpOnly: true, Enabled: func(q *requests) bool { return q.search.Focused() }},
	{Binding: kit.NewBinding("esc", "esc", "clear search"), HelpOnly: true, Enabled: func(q *requests) bool { return q.search.Focused() }},
}, kit.DialogRows(func(q *requests) bool { return q.editing != nil }, func(*requests) bool { return false })...)

func newRequests(h steps.Host) *requests {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "words of IDs, categories, documents, contacts, notes"
	return &requests{h: h, search: ti}
}

func (q *requests) title() string { return "Requests" }

func (q *requests) setSize(r room) { q.room = r }

func (q *requests) typing() bool { return q.editing != nil || q.search.Focused() }

func (q *requests) browsing() bool { return !q.typing() }

func (q *requests) onRequest() bool {
	_, ok := q.selected()
	return q.browsing() && ok
}

func (q *requests) scrolls() bool { return q.browsing() && q.pane.Scrolls() }

func (q *requests) help() [][]key.Binding { return requestKeys.Help(q) }

func (q *requests) reloaded() { q.cursor = kit.Clamp(q.cursor, len(q.rows())) }

// saved says where a request moved once the store holds it.
func (q *requests) saved(msg steps.Saved) {
	in, ok := msg.Intent.(steps.UpdateRequest)
	if !ok || msg.Err != nil {
		return
	}
	st := msg.Record.(assessment.RequestStatus)
	q.h.Say(fmt.Sprintf("%s is %s since %s.", in.ID, st.Current().Label(), kit.DateText(st.Since())))
}

func reqMove(to func(*requests) int) func(*requests, tea.KeyPressMsg) tea.Cmd {
	return func(q *requests, _ tea.KeyPressMsg) tea.Cmd {
		q.cursor = kit.Clamp(to(q), len(q.rows()))
		q.pane.Reset()
		return nil
	}
}

// moveTo moves the selected request to a state, dated today.
func moveTo(state assessment.RequestState) func(*requests, tea.KeyPressMsg) tea.Cmd {
	return func(q *requests, _ tea.KeyPressMsg) tea.Cmd {
		row, _ := q.selected()
		if cur := q.h.Assessment().Requests[row.item.ID]; cur.Current() == state {
			// pressed again: keep the day it got there rather than move it to today
			q.h.Say(fmt.Sprintf("%s is %s already; enter changes the day.", row.item.ID, state.Label()))
			return nil
		}
		return q.h.Apply(steps.UpdateRequest{ID: row.item.ID, Change: assessment.RequestChange{State: state}})
	}
}

// rows are the requests that pass the status, category and text filters, in catalogue order.
func (q *requests) rows() []request {
	a := q.h.Assessment()
	words := strings.Fields(strings.ToLower(q.search.Value()))
	var out []request
	for ci, c := range q.h.Catalogue().EvidenceRequests {
		if q.category != 0 && q.category != ci+1 {
			continue
		}
		for _, e := range c.Items {
			st := a.Requests[e.ID]
			if q.status != 0 && st.Current() != assessment.RequestStates[q.status-1] {
				continue
			}
			text := strings.ToLower(strings.Join([]string{e.ID, c.Title, e.Title, st.Contact, st.Note}, " "))
			if !containsAll(text, words) {
				continue
			}
			out = append(out, request{item: e, category: c})
		}
	}
	return out
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// selected is the request under the cursor.
func (q *requests) selected() (request, bool) {
	rows := q.rows()
	q.cursor = kit.Clamp(q.cursor, len(rows))
	if len(rows) == 0 {
		return request{}, false
	}
	return rows[q.cursor], true
}

// update takes keys for the open form, the search field or the list.
func (q *requests) update(msg tea.Msg) tea.Cmd {
	switch {
	case q.editing != nil:
		cmd, cancelled := kit.UpdateForm(&q.editing, msg)
		if cancelled {
			q.h.Say("Cancelled; nothing changed.")
		}
		return cmd
	case q.search.Focused():
		if kp, ok := msg.(tea.KeyPressMsg); ok {
			switch kp.String() {
			case "esc":
				q.search.SetValue("")
				q.search.Blur()
				return nil
			case "enter", "down", "up":
				q.search.Blur()
				return nil
			}
		}
		var cmd tea.Cmd
		q.search, cmd = q.search.Update(msg)
		q.cursor = 0
		return cmd
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := requestKeys.Dispatch(q, kp)
		return cmd
	}
	return nil
}

// requestInput holds the request form's values.
type requestInput struct {
	state               assessment.RequestState
	date, contact, note string
}

// openEdit edits the selected request: its status and the day it reached it, its contact at
// the client and a note. typed is what a refused form held, to open again with; nil opens
// on the request as stored.
func (q *requests) openEdit(typed *requestInput) tea.Cmd {
	row, _ := q.selected()
	cur := q.h.Assessment().Requests[row.item.ID]
	in := &requestInput{state: cur.Current(), contact: kit.ForEditing(cur.Contact), note: kit.ForEditing(cur.Note)}
	if typed != nil {
		in = typed
	}
	var opts []huh.Option[assessment.RequestState]
	for _, s := range assessment.RequestStates {
		opts = append(opts, huh.NewOption(s.Label(), s))
	}
	width, height := min(q.room.w-2, 78), max(q.room.h, 10)
	q.editing = kit.NewForm(row.item.ID+" — "+kit.Vis(row.item.Title), width, height, func() tea.Cmd {
		contact, note := kit.Edited(cur.Contact, in.contact), kit.Edited(cur.Note, in.note)
		change := assessment.RequestChange{State: in.state, Contact: &contact, Note: &note}
		change.Date = kit.DateValue(in.date)
		if strings.TrimSpace(in.date) == "" && in.state == cur.Current() {
			change.Date = cur.Since() // the status stays: so does its date
		}
		if _, err := change.Apply(cur, q.h.Now()); err != nil { // refused: open again with what was typed
			return tea.Batch(q.h.Refuse(err), q.openEdit(in))
		}
		return q.h.Apply(steps.UpdateRequest{ID: row.item.ID, Change: change})
	},
		huh.NewSelect[assessment.RequestState]().Title("Status").Options(opts...).Value(&in.state).Height(7),
		huh.NewInput().Title("Day it reached this status (YYYY-MM-DD; empty: today, or unchanged if the status stays)").
			Value(&in.date).Validate(kit.OptionalDate),
		huh.NewInput().Title("Contact at the client who provides it").Value(&in.contact).CharLimit(200),
		huh.NewText().Title("Note").Value(&in.note).CharLimit(2000).Lines(3),
	)
	return q.editing.Init()
}

package records

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
)

// view draws the filters, the list and the detail of the selected request: beside the list
// on a wide terminal, under it on a narrow one. An open form takes the room.
func (q *requests) view() string {
	if q.editing != nil {
		return q.editing.View(q.h.Styles())
	}
	st := q.h.Styles()
	w, h := q.room.w, q.room.h
	rows := q.rows()
	q.cursor = kit.Clamp(q.cursor, len(rows))
	t := assessment.TallyRequests(q.h.Catalogue(), q.h.Assessment())
	head := st.Label.Render(kit.Truncate(fmt.Sprintf("Evidence requests · %d of %d in hand · %d requested · %d not requested · %d not available",
		t.InHand(), t.Total, t.Requested, t.NotRequested, t.NotAvailable), w))
	filters := fmt.Sprintf("showing %d · status: %s (f) · category: %s (c)", len(rows), q.statusName(), q.categoryName())
	if q.search.Focused() || q.search.Value() != "" {
		q.search.SetWidth(max(w-kit.Width(filters)-8, 10))
		filters += " · " + q.search.View()
	} else {
		filters += " · / search"
	}
	top := head + "\n" + st.Subtle.Render(kit.Truncate(filters, w))
	body := h - 2
	if w >= 110 {
		listW := w * 11 / 20
		list := q.listView(rows, listW, body)
		return top + "\n" + kit.JoinColumns(list, q.pane.View(q.detail(rows, w-listW-3), body, st), listW, body, st)
	}
	detailH := max(body/3, 4)
	listH := max(body-detailH-1, 2)
	return top + "\n" + q.listView(rows, w, listH) + "\n" + st.Subtle.Render(strings.Repeat("─", w)) + "\n" +
		q.pane.View(q.detail(rows, w), detailH, st)
}

// listView is the table of requests, exactly height lines of width cells.
func (q *requests) listView(rows []request, width, height int) string {
	st := q.h.Styles()
	a := q.h.Assessment()
	cells := func(mark, id, status, since, doc string) string {
		return mark + kit.Fit(id, 12) + kit.Fit(status, 14) + kit.Fit(since, 11) + doc
	}
	lines := []string{st.Subtle.Render(kit.Truncate(cells("  ", "Request", "Status", "Since", "Document"), width))}
	if len(rows) == 0 {
		lines = append(lines, kit.Truncate("  No request passes the filters; press f or c to widen them, esc in the search to clear it.", width))
	}
	n := height - 1
	first := kit.ScrollStart(q.cursor, n, len(rows))
	for i := first; i < len(rows) && i < first+n; i++ {
		row := rows[i]
		rs := a.Requests[row.item.ID]
		line := cells("  ", row.item.ID, rs.Current().Label(), kit.DateText(rs.Since()), kit.Vis(row.item.Title))
		if i == q.cursor {
			lines = append(lines, st.Selected.Render(kit.Fit("▸"+line[1:], width)))
			continue
		}
		lines = append(lines, requestStyle(q, rs.Current()).Render(kit.Truncate(line, width)))
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:height], "\n")
}

// requestStyle colours a row by how far the request has come.
func requestStyle(q *requests, s assessment.RequestState) lipgloss.Style {
	st := q.h.Styles()
	switch s {
	case assessment.Received, assessment.Reviewed:
		return st.Good
	case assessment.NotAvailable:
		return st.Bad
	case assessment.Requested:
		return st.Warning
	}
	return st.Value
}

// detail is the selected request in full: its category, its history, who provides it, the
// note, and the items it supports with their titles and current status.
func (q *requests) detail(rows []request, width int) string {
	if len(rows) == 0 {
		return ""
	}
	st := q.h.Styles()
	row := rows[q.cursor]
	a := q.h.Assessment()
	rs := a.Requests[row.item.ID]
	var b strings.Builder
	line := func(s string) { b.WriteString(kit.Truncate(s, width) + "\n") }
	line(st.Title.Render(row.item.ID) + " · " + kit.Vis(row.category.Title))
	b.WriteString(kit.Wrap(kit.Vis(row.item.Title), width) + "\n")
	line(st.Label.Render("Status ") + rs.Current().Label() + " since " + kit.DateText(rs.Since()))
	var history []string
	for _, d := range []struct {
		what string
		on   time.Time
	}{{"requested", rs.Requested}, {"received", rs.Received}, {"reviewed", rs.Reviewed}, {"not available", rs.Unavailable}} {
		if !d.on.IsZero() {
			history = append(history, d.what+" "+kit.DateText(d.on))
		}
	}
	if len(history) > 0 {
		line(st.Subtle.Render(strings.Join(history, " · ")))
	}
	line(st.Label.Render("Contact ") + kit.OrDash(kit.Vis(rs.Contact)))
	if rs.Note != "" {
		b.WriteString(kit.Wrap(st.Label.Render("Note ")+kit.VisText(rs.Note), width) + "\n")
	}
	line(st.Label.Render(fmt.Sprintf("Supports %s", kit.Plural(len(row.item.Supports), "item"))))
	for _, id := range row.item.Supports {
		item, ok := q.h.Catalogue().Item(id)
		if !ok {
			line("  " + id + " (not in the catalogue)")
			continue
		}
		status := a.Result(item).Status
		line("  " + st.StatusBadge(status) + " " + kit.Pad(id, 9) + kit.Vis(item.Title) + st.Subtle.Render(" ("+status.Label()+")"))
	}
	return b.String()
}

func (q *requests) statusName() string {
	if q.status == 0 {
		return "all"
	}
	return assessment.RequestStates[q.status-1].Label()
}

func (q *requests) categoryName() string {
	if q.category == 0 {
		return "all"
	}
	return q.h.Catalogue().EvidenceRequests[q.category-1].Title
}

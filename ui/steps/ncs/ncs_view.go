package ncs

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/theme"
)

// ncGradeShort is a grade in a table cell.
func ncGradeShort(g assessment.Grade) string {
	switch g {
	case assessment.MajorNC:
		return "major"
	case assessment.MinorNC:
		return "minor"
	case assessment.Observation:
		return "observ."
	case assessment.OFI:
		return "OFI"
	case assessment.GoodPractice:
		return "good pr."
	}
	return kit.Vis(string(g))
}

// ncStatusMark is a state with a glyph, so colour never carries it alone.
func ncStatusMark(s assessment.NCStatus) string {
	glyph := map[assessment.NCStatus]string{assessment.NCOpen: "○", assessment.NCInProgress: "◐",
		assessment.NCClosed: "●", assessment.NCVerified: "✓", assessment.NCReopened: "↺", assessment.NCWithdrawn: "⊘"}[s]
	label := s.Label()
	if s == assessment.NCVerified {
		label = "verified"
	}
	return strings.TrimSpace(glyph + " " + kit.Vis(label))
}

// tableRows is how many NCs the register shows at once; the detail gets the rest.
func (n *ncs) tableRows() int {
	room := max(n.height-3, 1)
	return max(min(len(n.rows()), max(4, room*2/5)), 1)
}

// View draws the register above the selected NC, or the sheet while one is open.
func (n *ncs) View() string {
	if n.sheet != nil {
		return n.sheet.View(n.h.Styles())
	}
	st := n.h.Styles()
	rows := n.rows()
	at := n.position(rows)
	var b strings.Builder
	b.WriteString(st.Subtle.Render(kit.Truncate(n.summaryLine(), n.width)) + "\n")
	if len(rows) == 0 {
		msg := "No nonconformity yet. Press a to add one, or N on an item in step 2 Gap analysis to raise one from it."
		if len(n.h.Assessment().NCs) > 0 {
			msg = fmt.Sprintf("No nonconformity matches the filter %q. Press f to change it.", ncFilterNames[n.filter])
		}
		return b.String() + kit.Wrap(msg, n.width)
	}
	wide := n.width >= 110
	b.WriteString(st.Label.Render(kit.Truncate(n.tableLine("ID", "Item", "Grade", "Status", "Due", "", "Owner", "Description", wide), n.width)) + "\n")
	room := n.tableRows()
	first := max(0, min(at-room/2, len(rows)-room))
	now := n.h.Now()
	for r := first; r < len(rows) && r < first+room; r++ {
		nc := n.h.Assessment().NCs[rows[r]]
		late := ""
		if nc.Overdue(now) {
			late = "⚠ overdue"
		}
		line := n.tableLine(nc.Label(), kit.Vis(nc.ItemID), ncGradeShort(nc.Grade), ncStatusMark(nc.Status), kit.DateText(nc.Due), late, ncText(nc.Owner), ncText(nc.Description), wide)
		switch {
		case r == at:
			line = st.Selected.Render(kit.Pad(kit.Truncate(line, n.width), n.width))
		case late != "":
			line = st.Bad.Render(kit.Truncate(line, n.width))
		case !nc.IsOpen():
			line = st.Subtle.Render(kit.Truncate(line, n.width))
		default:
			line = kit.Truncate(line, n.width)
		}
		b.WriteString(line + "\n")
	}
	nc := n.h.Assessment().NCs[rows[at]]
	if n.shown != nc.Number {
		n.shown = nc.Number
		n.detail.Reset()
	}
	used := strings.Count(b.String(), "\n") + 1
	b.WriteString("\n" + n.detail.View(n.detailView(nc), n.height-used, st))
	return b.String()
}

// tableLine lays out one register row in fixed columns; the description only when wide.
func (n *ncs) tableLine(id, item, grade, status, due, late, owner, desc string, wide bool) string {
	line := " " + kit.Pad(id, 7) + " " + kit.Pad(kit.Truncate(item, 8), 8) + " " + kit.Pad(grade, 8) + " " + kit.Pad(status, 13) +
		" " + kit.Pad(due, 10) + " " + kit.Pad(late, 9) + " "
	if !wide {
		return line + owner
	}
	return line + kit.Pad(kit.Truncate(owner, 22), 22) + " " + desc
}

// summaryLine counts the register by state and names the filter.
func (n *ncs) summaryLine() string {
	now := n.h.Now()
	open, late, closed, verified, withdrawn := 0, 0, 0, 0, 0
	for _, nc := range n.h.Assessment().NCs {
		switch {
		case nc.IsWithdrawn():
			withdrawn++
		case nc.IsOpen():
			open++
			if nc.Overdue(now) {
				late++
			}
		case nc.Status == assessment.NCClosed:
			closed++
		case nc.Status == assessment.NCVerified:
			verified++
		}
	}
	line := fmt.Sprintf("%d NCs · %d open · %d overdue · %d closed, to verify · %d verified", len(n.h.Assessment().NCs), open, late, closed, verified)
	if withdrawn > 0 {
		line += fmt.Sprintf(" · %d withdrawn", withdrawn)
	}
	return line + " · filter: " + ncFilterNames[n.filter] + " (f)"
}

// detailView shows every field of one NC and the states it may move to.
func (n *ncs) detailView(nc assessment.Nonconformity) string {
	st := n.h.Styles()
	width := n.width
	var b strings.Builder
	head := nc.Label()
	if it, ok := n.h.Catalogue().Item(nc.ItemID); ok {
		head += " · " + it.ID + " " + it.Title
	} else if nc.ItemID != "" {
		head += " · " + kit.Vis(nc.ItemID)
	}
	b.WriteString(st.Title.Render(kit.Truncate(head, width)) + "\n")
	facts := fmt.Sprintf("%s · from %s · raised %s · %s", kit.Vis(nc.Grade.Label()), ncSourceLabel(nc.Source), kit.DateText(nc.Raised), ncStatusMark(nc.Status))
	if !nc.Closed.IsZero() {
		facts += " " + kit.DateText(nc.Closed)
	}
	b.WriteString(kit.Wrap(facts, width) + "\n")
	if nc.IsWithdrawn() {
		b.WriteString(st.Warning.Render(kit.Wrap(fmt.Sprintf("⊘ Withdrawn on %s as raised in error: %s. It no longer counts in the verdict, the KPIs or a comparison.",
			kit.DateText(nc.Withdrawn), kit.Vis(nc.WithdrawnReason)), width)) + "\n")
	}
	owner := fmt.Sprintf("Owner %s · due %s", kit.OrDash(ncText(nc.Owner)), kit.DateText(nc.Due))
	if nc.Overdue(n.h.Now()) {
		days := int(n.h.Now().Sub(nc.Due).Hours() / 24)
		owner += " " + st.Bad.Render(fmt.Sprintf("⚠ overdue by %d day(s)", days))
	}
	b.WriteString(owner + "\n")
	var next []string
	for _, k := range n.transitionKeys() {
		next = append(next, st.Key.Render(k.Help().Key)+" "+k.Help().Desc)
	}
	if nc.MayWithdraw() {
		next = append(next, st.Key.Render("w")+" withdraws")
	}
	if len(next) > 0 {
		b.WriteString(kit.Wrap(st.Subtle.Render("Move on: ")+strings.Join(next, " · ")+st.Subtle.Render(" · enter edits"), width) + "\n")
	}
	check := ""
	if !nc.CheckDate.IsZero() || nc.CheckBy != "" || nc.CheckResult != "" {
		check = fmt.Sprintf("%s by %s: %s", kit.DateText(nc.CheckDate), kit.OrDash(nc.CheckBy), kit.OrDash(nc.CheckResult))
	}
	for _, f := range []struct{ label, text string }{
		{"Description", nc.Description}, {"Root cause", nc.RootCause}, {"Correction", nc.Correction},
		{"Corrective action", nc.CorrectiveAction}, {"Effectiveness check", check},
	} {
		b.WriteString(ncLabelled(st, f.label, f.text, width))
	}
	return b.String()
}

// ncLabelled prints a label column beside wrapped text (— when empty).
func ncLabelled(st theme.Styles, label, text string, width int) string {
	const lw = 20
	body := strings.TrimSpace(kit.VisText(text))
	if body == "" {
		body = st.Subtle.Render("—")
	}
	lines := strings.Split(kit.Wrap(body, max(width-lw, 20)), "\n")
	var b strings.Builder
	for i, l := range lines {
		head := strings.Repeat(" ", lw)
		if i == 0 {
			head = st.Label.Render(kit.Pad(label, lw))
		}
		b.WriteString(head + strings.TrimRight(l, " ") + "\n")
	}
	return b.String()
}

package gaps

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// detailView shows the selected item in the room the pane has, scrolled with J and K: its
// judgement and warnings, then what the assessor wrote and the evidence, then the guidance.
// What the assessor types comes before the guidance, so it is on screen on a small terminal.
func (g *gaps) detailView(width int) string {
	item, ok := g.selected()
	if !ok {
		return g.h.Styles().Subtle.Render("Select an item on the left.")
	}
	if g.shown != item.ID {
		g.shown = item.ID
		g.detail.Reset()
	}
	return g.detail.View(g.detailText(item, width), g.height, g.h.Styles())
}

// detailText is everything about an item, wrapped to width.
func (g *gaps) detailText(item checklists.Item, width int) string {
	st := g.h.Styles()
	r := g.h.Assessment().Result(item)
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Truncate(item.ID+"  "+item.Title, width)) + "\n")
	mat := "not rated"
	if r.Maturity > 0 {
		mat = fmt.Sprintf("%d %s", r.Maturity, g.h.Catalogue().MaturityName(r.Maturity))
	}
	line := fmt.Sprintf("Status %s · Maturity %s · Target %d", st.StatusBadge(r.Status)+" "+r.Status.Label(), mat, r.EffectiveTarget())
	if item.IsControl() {
		line += " · SoA " + string(r.Decision)
	}
	b.WriteString(g.wrap(line, width) + "\n")
	for _, w := range g.h.Summary().WarningsFor(item.ID) {
		b.WriteString(st.Warning.Render(g.wrap("! "+kit.Vis(w.Detail), width)) + "\n")
	}
	b.WriteString(g.answerView(item.ID, width))
	section := func(title, text string) {
		if strings.TrimSpace(text) != "" {
			b.WriteString("\n" + st.Label.Render(title) + "\n" + g.wrap(text, width) + "\n")
		}
	}
	if strings.TrimSpace(r.Finding) == "" {
		b.WriteString("\n" + st.Subtle.Render(g.wrap("No finding yet: enter writes it, with the recommendation, owner and due date.", width)) + "\n")
	}
	section("Finding — enter to edit", kit.VisText(r.Finding))
	section("Recommendation", kit.VisText(r.Recommendation))
	if r.Owner != "" || !r.Due.IsZero() || r.Priority != "" {
		b.WriteString(g.wrap(fmt.Sprintf("Owner %s · Due %s · Priority %s", kit.OrDash(kit.Vis(r.Owner)), kit.DateText(r.Due), kit.OrDash(string(r.Priority))), width) + "\n")
	}
	b.WriteString(g.evidenceView(r, width))
	section("What to verify", item.Verify)
	section("Typical evidence", item.Evidence)
	section("Implementation hint", item.Hint)
	refs := "NIST AI RMF: " + kit.OrDash(strings.Join(item.NIST, ", "))
	if len(item.EUAIAct) > 0 {
		refs += " · EU AI Act (indicative): Art. " + strings.Join(item.EUAIAct, ", ")
	}
	b.WriteString("\n" + st.Subtle.Render(g.wrap(refs, width)))
	return b.String()
}

// evidenceView lists the evidence items with their dates; an expired one is marked with a
// glyph and a word, and while the evidence has the keyboard the selected item is highlighted.
func (g *gaps) evidenceView(r *assessment.Result, width int) string {
	st := g.h.Styles()
	head := fmt.Sprintf("Evidence (%d) — e adds", len(r.Evidence))
	if len(r.Evidence) > 0 {
		head += ", E edits or removes"
	}
	if len(g.h.Assessment().Interviews) > 0 {
		head += ", i cites an interview"
	}
	var b strings.Builder
	b.WriteString("\n" + st.Label.Render(kit.Truncate(head, width)) + "\n")
	now := g.h.Now()
	for i, e := range r.Evidence {
		text := "• " + kit.Vis(e.Title)
		iv, logged := g.h.Assessment().InterviewByNumber(e.Interview)
		switch {
		case e.Interview == 0:
			if e.Reference != "" {
				text += " (" + kit.Vis(e.Reference) + ")"
			}
		case logged: // the log says who was interviewed, even after the entry was corrected
			text = fmt.Sprintf("• Interview %s with %s, held %s", iv.Label(), whoOf(iv), kit.DateText(iv.Date))
		default:
			text += fmt.Sprintf(" (interview %s is no longer in the log)", assessment.Interview{Number: e.Interview}.Label())
		}
		if e.Path != "" {
			text += " [file " + kit.Vis(filepath.Base(e.Path)) + ", sha256 " + e.SHA256[:min(12, len(e.SHA256))] + "…]"
		}
		var dates []string
		if !e.Collected.IsZero() && !(logged && iv.Date.Equal(e.Collected)) { // an interview's day is said once
			dates = append(dates, "collected "+kit.DateText(e.Collected))
		}
		if !e.ValidUntil.IsZero() {
			dates = append(dates, "valid until "+kit.DateText(e.ValidUntil))
		}
		if len(dates) > 0 {
			text += " · " + strings.Join(dates, " · ")
		}
		expired := e.Expired(now)
		if expired {
			text += " · ✗ EXPIRED: no longer supports a conformant judgement"
		}
		wrapped := g.wrap(text, width)
		switch {
		case i == g.pick:
			wrapped = st.Selected.Render(wrapped)
		case expired:
			wrapped = st.Bad.Render(wrapped)
		}
		b.WriteString(wrapped + "\n")
	}
	return b.String()
}

// notesInput holds the notes form's values.
type notesInput struct{ finding, recommendation, owner, due, priority string }

// openNotes edits finding, recommendation, owner, due date and priority in one form. Only
// what the assessor changed is saved: a form closed unchanged writes nothing, and a field
// another program changed meanwhile is kept (or refused as a conflict if both changed it).
func (g *gaps) openNotes(item checklists.Item) tea.Cmd {
	r := g.h.Assessment().Result(item)
	// Shown safely; a field left as shown is not saved, so its stored text stays as it is.
	seen := notesInput{finding: kit.ForEditing(r.Finding), recommendation: kit.ForEditing(r.Recommendation), owner: kit.ForEditing(r.Owner),
		priority: string(r.Priority), due: kit.DateInput(r.Due)}
	in := seen
	g.editing = g.form(item.ID+" notes", func() tea.Cmd { return g.saveNotes(item, r, seen, in) },
		huh.NewText().Title("Finding").Value(&in.finding).CharLimit(20000).Lines(min(5, max(g.height-14, 2))),
		huh.NewText().Title("Recommendation").Value(&in.recommendation).CharLimit(20000).Lines(min(3, max(g.height-16, 2))),
		huh.NewInput().Title("Owner").Value(&in.owner),
		huh.NewInput().Title("Due date (YYYY-MM-DD)").Value(&in.due).Validate(kit.OptionalDate),
		huh.NewSelect[string]().Title("Priority").Options(huh.NewOptions("", "high", "medium", "low")...).Value(&in.priority).Inline(true),
	)
	return g.editing.Init()
}

// saveNotes judges the fields of the notes form that changed from what it opened with.
// base is the result the form opened on.
func (g *gaps) saveNotes(item checklists.Item, base *assessment.Result, seen, in notesInput) tea.Cmd {
	var j assessment.Judgement
	changed := false
	for _, f := range []struct {
		was, now string
		to       **string
	}{{seen.finding, in.finding, &j.Finding}, {seen.recommendation, in.recommendation, &j.Recommendation}, {seen.owner, in.owner, &j.Owner}} {
		if f.was != f.now {
			*f.to, changed = &f.now, true
		}
	}
	if seen.due != in.due {
		due := kit.DateValue(in.due)
		j.Due, changed = &due, true
	}
	if seen.priority != in.priority {
		p := assessment.Priority(in.priority)
		j.Priority, changed = &p, true
	}
	if !changed {
		g.h.Say("Nothing changed; nothing saved.")
		return nil
	}
	return g.judge(item, j, base)
}

// form builds an embedded form in the detail pane.
func (g *gaps) form(title string, save func() tea.Cmd, fields ...huh.Field) *kit.Form {
	return kit.NewForm(title, g.detailWidth()-1, g.height, save, fields...)
}

func (g *gaps) updateForm(msg tea.Msg) tea.Cmd {
	cmd, cancelled := kit.UpdateForm(&g.editing, msg)
	if cancelled {
		g.h.Say("Cancelled; nothing changed.")
	}
	return cmd
}

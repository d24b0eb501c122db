package gaps

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// detailView shows everything about the selected item.
func (g *gaps) detailView(width int) string {
	st := g.h.Styles()
	item, ok := g.selected()
	if !ok {
		return st.Subtle.Render("Select an item on the left.")
	}
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
	section := func(title, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		b.WriteString("\n" + st.Label.Render(title) + "\n" + g.wrap(text, width) + "\n")
	}
	section("What to verify", item.Verify)
	section("Typical evidence", item.Evidence)
	section("Implementation hint", item.Hint)
	refs := "NIST AI RMF: " + kit.OrDash(strings.Join(item.NIST, ", "))
	if len(item.EUAIAct) > 0 {
		refs += " · EU AI Act (indicative): Art. " + strings.Join(item.EUAIAct, ", ")
	}
	b.WriteString("\n" + st.Subtle.Render(g.wrap(refs, width)) + "\n")
	var ev []string
	for _, e := range r.Evidence {
		s := "• " + kit.Vis(e.Title)
		if e.Reference != "" {
			s += " (" + kit.Vis(e.Reference) + ")"
		}
		if e.Path != "" {
			s += " [file " + kit.Vis(filepath.Base(e.Path)) + ", sha256 " + e.SHA256[:min(12, len(e.SHA256))] + "…]"
		}
		ev = append(ev, s)
	}
	section(fmt.Sprintf("Evidence (%d) — e to add", len(r.Evidence)), strings.Join(ev, "\n"))
	section("Finding — enter to edit", kit.VisText(r.Finding))
	section("Recommendation", kit.VisText(r.Recommendation))
	if r.Owner != "" || !r.Due.IsZero() || r.Priority != "" {
		b.WriteString("\n" + g.wrap(fmt.Sprintf("Owner %s · Due %s · Priority %s", kit.OrDash(kit.Vis(r.Owner)), kit.DateText(r.Due), kit.OrDash(string(r.Priority))), width) + "\n")
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
	seen := notesInput{finding: r.Finding, recommendation: r.Recommendation, owner: r.Owner, priority: string(r.Priority)}
	if !r.Due.IsZero() {
		seen.due = r.Due.Format("2006-01-02")
	}
	in := seen
	g.editing = g.form(item.ID+" notes", func() tea.Cmd { return g.saveNotes(item, r, seen, in) },
		huh.NewText().Title("Finding").Value(&in.finding).CharLimit(20000).Lines(5),
		huh.NewText().Title("Recommendation").Value(&in.recommendation).CharLimit(20000).Lines(3),
		huh.NewInput().Title("Owner").Value(&in.owner),
		huh.NewInput().Title("Due date (YYYY-MM-DD)").Value(&in.due).Validate(kit.OptionalDate),
		huh.NewSelect[string]().Title("Priority").Options(huh.NewOptions("", "high", "medium", "low")...).Value(&in.priority),
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
		due, _ := assessment.ParseDate(in.due)
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
	return g.h.Apply(steps.Judge{Item: item, Judgement: j, Base: base})
}

// evidenceInput holds the evidence form's values.
type evidenceInput struct{ title, kind, reference, path string }

// openEvidence adds an evidence item; a file path is hashed when the item is saved.
func (g *gaps) openEvidence(item checklists.Item) tea.Cmd {
	in := &evidenceInput{kind: "document"}
	save := func() tea.Cmd {
		e := assessment.Evidence{Title: strings.TrimSpace(in.title), Kind: in.kind, Reference: strings.TrimSpace(in.reference), AttachedAt: g.h.Now().UTC()}
		path := strings.TrimSpace(in.path)
		if path == "" {
			return g.h.Apply(steps.Judge{Item: item, Judgement: assessment.Judgement{AddEvidence: []assessment.Evidence{e}}})
		}
		return g.attachFile(item, e, path)
	}
	g.editing = g.form(item.ID+" evidence", save,
		huh.NewInput().Title("Title").Value(&in.title).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("an evidence item needs a title")
			}
			return nil
		}),
		huh.NewSelect[string]().Title("Kind").Options(huh.NewOptions("document", "record", "interview", "observation", "system")...).Value(&in.kind),
		huh.NewInput().Title("Reference (document ID, version, location)").Value(&in.reference),
		huh.NewInput().Title("File to fingerprint (optional path; the file is not copied)").Value(&in.path),
	)
	return g.editing.Init()
}

// fileHashedMsg carries an evidence item whose file was hashed off the UI goroutine.
type fileHashedMsg struct {
	item checklists.Item
	ev   assessment.Evidence
	err  error
}

// attachFile hashes the file in the background; the reply comes back to this step even
// when the assessor has moved to another, and the evidence is saved then.
func (g *gaps) attachFile(item checklists.Item, e assessment.Evidence, path string) tea.Cmd {
	g.h.Say("Hashing " + kit.Vis(path) + "…")
	return g.h.Background(func() tea.Msg {
		abs, err := filepath.Abs(path)
		if err == nil {
			e.Path = abs
			e.Size, e.SHA256, err = store.HashFile(abs)
		}
		return fileHashedMsg{item: item, ev: e, err: err}
	})
}

// raiseNC creates a nonconformity pre-filled from the item; the store numbers it.
func (g *gaps) raiseNC(item checklists.Item) tea.Cmd {
	nc := assessment.NewNonconformity(0, g.h.Assessment().Result(item), item.Title, g.h.Now())
	return g.h.Apply(steps.PutNC{Next: nc})
}

// form builds an embedded form in the detail pane.
func (g *gaps) form(title string, save func() tea.Cmd, fields ...huh.Field) *kit.Form {
	return kit.NewForm(title, g.width-min(max(g.width*2/5, 38), 60)-4, g.height-1, save, fields...)
}

func (g *gaps) updateForm(msg tea.Msg) tea.Cmd {
	cmd, cancelled := kit.UpdateForm(&g.editing, msg)
	if cancelled {
		g.h.Say("Cancelled; nothing changed.")
	}
	return cmd
}

// showItem puts the cursor on an item, clearing filters that would hide it.
func (g *gaps) showItem(id string) {
	g.filter = filterAll
	g.search.SetValue("")
	g.rebuild()
	for i, it := range g.rows {
		if it.ID == id {
			g.cursor = i
		}
	}
}

package ui

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
)

// detailView shows everything about the selected item.
func (g *gaps) detailView(width int) string {
	st := g.w.c.Styles
	item, ok := g.selected()
	if !ok {
		return st.Subtle.Render("Select an item on the left.")
	}
	r := g.w.a.Result(item)
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Truncate(item.ID+"  "+item.Title, width)) + "\n")
	mat := "not rated"
	if r.Maturity > 0 {
		mat = fmt.Sprintf("%d %s", r.Maturity, g.w.c.Cat.MaturityName(r.Maturity))
	}
	line := fmt.Sprintf("Status %s · Maturity %s · Target %d", st.StatusBadge(r.Status)+" "+r.Status.Label(), mat, r.EffectiveTarget())
	if item.IsControl() {
		line += " · SoA " + string(r.Decision)
	}
	b.WriteString(g.wrap(line, width) + "\n")
	for _, w := range assessment.ItemWarnings(g.w.c.Cat, g.w.a, item) {
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

// openNotes edits finding, recommendation, owner, due date and priority in one form.
func (g *gaps) openNotes(item checklists.Item) tea.Cmd {
	r := g.w.a.Result(item)
	in := &notesInput{finding: r.Finding, recommendation: r.Recommendation, owner: r.Owner, priority: string(r.Priority)}
	if !r.Due.IsZero() {
		in.due = r.Due.Format("2006-01-02")
	}
	g.editing = g.form(item.ID+" notes",
		huh.NewText().Title("Finding").Value(&in.finding).CharLimit(20000).Lines(5),
		huh.NewText().Title("Recommendation").Value(&in.recommendation).CharLimit(20000).Lines(3),
		huh.NewInput().Title("Owner").Value(&in.owner),
		huh.NewInput().Title("Due date (YYYY-MM-DD)").Value(&in.due).Validate(optionalDate),
		huh.NewSelect[string]().Title("Priority").Options(huh.NewOptions("", "high", "medium", "low")...).Value(&in.priority),
	)
	g.onDone = func() tea.Cmd {
		due, _ := assessment.ParseDate(in.due)
		p := assessment.Priority(in.priority)
		return g.w.judge(item, assessment.Judgement{Finding: &in.finding, Recommendation: &in.recommendation, Owner: &in.owner, Priority: &p, Due: &due})
	}
	return g.editing.Init()
}

func optionalDate(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	_, err := assessment.ParseDate(s)
	return err
}

// evidenceInput holds the evidence form's values.
type evidenceInput struct{ title, kind, reference, path string }

// openEvidence adds an evidence item; a file path is hashed when the item is saved.
func (g *gaps) openEvidence(item checklists.Item) tea.Cmd {
	in := &evidenceInput{kind: "document"}
	g.editing = g.form(item.ID+" evidence",
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
	g.onDone = func() tea.Cmd {
		e := assessment.Evidence{Title: strings.TrimSpace(in.title), Kind: in.kind, Reference: strings.TrimSpace(in.reference), AttachedAt: g.w.c.Now().UTC()}
		path := strings.TrimSpace(in.path)
		if path == "" {
			return g.w.judge(item, assessment.Judgement{AddEvidence: []assessment.Evidence{e}})
		}
		return g.attachFile(item, e, path)
	}
	return g.editing.Init()
}

// fileHashedMsg carries an evidence item whose file was hashed off the UI goroutine.
type fileHashedMsg struct {
	item checklists.Item
	ev   assessment.Evidence
	err  error
}

func (g *gaps) attachFile(item checklists.Item, e assessment.Evidence, path string) tea.Cmd {
	g.w.status = kit.Status{Text: "Hashing " + kit.Vis(path) + "…"}
	return func() tea.Msg {
		abs, err := filepath.Abs(path)
		if err == nil {
			e.Path = abs
			e.Size, e.SHA256, err = store.HashFile(abs)
		}
		return fileHashedMsg{item: item, ev: e, err: err}
	}
}

// raiseNC creates a nonconformity pre-filled from the item.
func (g *gaps) raiseNC(item checklists.Item) tea.Cmd {
	nc := assessment.NewNonconformity(g.w.a.NextNCNumber(), g.w.a.Result(item), item.Title, g.w.c.Now())
	g.w.a.NCs = append(g.w.a.NCs, nc)
	g.w.status = kit.Status{Text: fmt.Sprintf("%s raised against %s (%s); complete it on step 7 Nonconformities.", nc.Label(), item.ID, nc.Grade.Label())}
	aid := g.w.a.ID
	return g.w.save(nc.Label(), func(s *store.Store) error { _, err := s.SaveNC(aid, nil, nc); return err })
}

// form builds an embedded form in the detail pane.
func (g *gaps) form(title string, fields ...huh.Field) *huh.Form {
	return newForm(title, g.width-min(max(g.width*2/5, 38), 60)-4, g.height-1, fields...)
}

func (g *gaps) updateForm(msg tea.Msg) tea.Cmd {
	return updateForm(g.w, &g.editing, &g.onDone, msg)
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

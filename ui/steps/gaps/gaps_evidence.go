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
)

// evidenceKinds are the kinds of evidence an assessor records.
var evidenceKinds = []string{"document", "record", "interview", "observation", "system"}

// evidenceInput holds the evidence form's values.
type evidenceInput struct{ title, kind, reference, collected, validUntil, path string }

// openEvidence adds an evidence item, or edits item i of the selected result (i ≥ 0). A new
// item's file path is hashed when it is saved; an edited item keeps its file and fingerprint.
func (g *gaps) openEvidence(item checklists.Item, i int) tea.Cmd {
	r := g.h.Assessment().Result(item)
	in := &evidenceInput{kind: "document", collected: kit.DateInput(g.h.Now())}
	title := item.ID + " new evidence"
	var was assessment.Evidence
	if i >= 0 {
		was = r.Evidence[i]
		in = &evidenceInput{title: was.Title, kind: was.Kind, reference: was.Reference,
			collected: kit.DateInput(was.Collected), validUntil: kit.DateInput(was.ValidUntil)}
		title = item.ID + " evidence " + kit.Truncate(kit.Vis(was.Title), 30)
	}
	fields := []huh.Field{
		huh.NewInput().Title("Title").Value(&in.title).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("an evidence item needs a title")
			}
			return nil
		}),
		huh.NewSelect[string]().Title("Kind").Options(huh.NewOptions(evidenceKinds...)...).Value(&in.kind).Inline(true),
		huh.NewInput().Title("Reference (document ID, version, location)").Value(&in.reference),
		huh.NewInput().Title("Collected on (YYYY-MM-DD)").Value(&in.collected).Validate(kit.OptionalDate),
		huh.NewInput().Title("Valid until (YYYY-MM-DD; empty: no end)").Value(&in.validUntil).
			Validate(kit.NotBefore(&in.collected, "the valid-until date", "the day it was collected")),
	}
	if i < 0 {
		fields = append(fields, huh.NewInput().Title("File to fingerprint (optional path; the file is not copied)").Value(&in.path))
	}
	g.editing = g.form(title, func() tea.Cmd { return g.saveEvidence(item, i, was, in) }, fields...)
	return g.editing.Init()
}

// saveEvidence adds the form's evidence item, or puts it in place of the one it edited.
func (g *gaps) saveEvidence(item checklists.Item, i int, was assessment.Evidence, in *evidenceInput) tea.Cmd {
	e := assessment.Evidence{Title: strings.TrimSpace(in.title), Kind: in.kind, Reference: strings.TrimSpace(in.reference),
		AttachedAt: g.h.Now().UTC(), Collected: kit.DateValue(in.collected), ValidUntil: kit.DateValue(in.validUntil)}
	if i >= 0 {
		e.Path, e.Size, e.SHA256, e.AttachedAt = was.Path, was.Size, was.SHA256, was.AttachedAt
		g.h.Say(fmt.Sprintf("Evidence “%s” of %s saved.", kit.Vis(e.Title), item.ID))
		return g.judge(item, assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: i, Was: was, Now: &e}}, nil)
	}
	if path := strings.TrimSpace(in.path); path != "" {
		return g.attachFile(item, e, path)
	}
	return g.judge(item, assessment.Judgement{AddEvidence: []assessment.Evidence{e}}, nil)
}

// askRemoveEvidence asks before an evidence item is removed; No is the default.
func (g *gaps) askRemoveEvidence(item checklists.Item, i int) tea.Cmd {
	was := g.h.Assessment().Result(item).Evidence[i]
	q := fmt.Sprintf("Remove the evidence “%s” from %s? The audit trail keeps a record of it.", kit.Vis(was.Title), item.ID)
	g.ask = kit.NewConfirm(q, item.ID).Fit(g.detailWidth())
	g.onYes = func() tea.Cmd {
		g.pick = min(g.pick, len(g.h.Assessment().Result(item).Evidence)-2)
		g.h.Say(fmt.Sprintf("Evidence “%s” removed from %s.", kit.Vis(was.Title), item.ID))
		return g.judge(item, assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: i, Was: was}}, nil)
	}
	return nil
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

// evidenceCount is the number of evidence items of the selected item.
func (g *gaps) evidenceCount() int {
	item, ok := g.selected()
	if !ok {
		return 0
	}
	return len(g.h.Assessment().Result(item).Evidence)
}

// picking is true while the evidence list of the selected item has the keyboard.
func (g *gaps) picking() bool { return g.pick >= 0 && g.idle() && g.pick < g.evidenceCount() }

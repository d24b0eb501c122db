package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
)

// risks is the risk-and-impact step: the impact assessment (AISIA) of each in-scope AI
// system, the AI risk register and a heat map of the open risks. One cursor runs through
// both tables, systems first, so every row is reached with the same keys.
type risks struct {
	w        *workspace
	cursor   int  // index over the in-scope systems, then the risks
	other    int  // where the cursor was in the other table, for the switch key
	residual bool // the heat map shows ratings after treatment
	editing  *huh.Form
	onDone   func() tea.Cmd // applies the open form's values
	ask      *kit.Confirm   // delete confirmation
	askID    int64          // the risk the confirmation is about
	width    int
	height   int
	keys     risksKeyMap
	numbers  *riskNumbers
}

// risksKeyMap holds every key of the step; update enables those that apply to the current
// state so the footer and the full help tell the truth.
type risksKeyMap struct {
	Up, Down, PgUp, PgDown, Top, Bottom   key.Binding
	Switch                                key.Binding
	EditAISIA, EditRisk, Add, Delete, Map key.Binding
	dialogKeys
}

func newRisksKeyMap() risksKeyMap {
	return risksKeyMap{
		Up:         kit.NewBinding("up k", "↑/k", "up"),
		Down:       kit.NewBinding("down j", "↓/j", "down"),
		PgUp:       kit.NewBinding("pgup ctrl+u", "pgup", "page up"),
		PgDown:     kit.NewBinding("pgdown ctrl+d", "pgdn", "page down"),
		Top:        kit.NewBinding("home g", "g", "first"),
		Bottom:     kit.NewBinding("end G", "G", "last"),
		Switch:     kit.NewBinding("t", "t", "other table"),
		EditAISIA:  kit.NewBinding("enter e", "enter", "edit impact assessment"),
		EditRisk:   kit.NewBinding("enter e", "enter", "edit risk"),
		Add:        kit.NewBinding("a", "a", "add risk"),
		Delete:     kit.NewBinding("d", "d", "delete risk"),
		Map:        kit.NewBinding("m", "m", "heat map inherent/residual"),
		dialogKeys: newDialogKeys("yes, delete"),
	}
}

func newRisks(w *workspace) step {
	return &risks{w: w, keys: newRisksKeyMap(), numbers: &riskNumbers{}}
}

func (r *risks) Name() string { return "Risk & impact" }

func (r *risks) Typing() bool { return r.editing != nil || r.ask != nil }

func (r *risks) SetSize(w, h int) { r.width, r.height = w, h }

// Progress counts the in-scope systems whose impact assessment is current. The step bar
// asks on every frame, so it is also where new risks receive their stored numbers.
func (r *risks) Progress() (int, int) {
	r.reconcile()
	systems := r.systems()
	done := 0
	for _, s := range systems {
		if assessment.ImpactAssessmentProblem(s, r.w.c.Now()) == "" {
			done++
		}
	}
	return done, len(systems)
}

// systems are the in-scope AI systems, in inventory order.
func (r *risks) systems() []assessment.AISystem {
	var out []assessment.AISystem
	for _, s := range r.w.a.Systems {
		if s.InScope {
			out = append(out, s)
		}
	}
	return out
}

// rows is the number of rows the cursor runs over.
func (r *risks) rows() int { return len(r.systems()) + len(r.w.a.Risks) }

// selected returns the row under the cursor: a system, or the index of a risk.
func (r *risks) selected() (sys *assessment.AISystem, risk int) {
	systems := r.systems()
	r.cursor = max(0, min(r.cursor, r.rows()-1))
	if r.cursor < len(systems) {
		return &systems[r.cursor], -1
	}
	if i := r.cursor - len(systems); i < len(r.w.a.Risks) {
		return nil, i
	}
	return nil, -1
}

// updateKeys enables the bindings that apply now.
func (r *risks) updateKeys() {
	k := &r.keys
	sys, risk := r.selected()
	browsing := r.editing == nil && r.ask == nil
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PgUp, &k.PgDown, &k.Top, &k.Bottom, &k.Switch, &k.Add, &k.Map} {
		b.SetEnabled(browsing)
	}
	k.EditAISIA.SetEnabled(browsing && sys != nil)
	k.EditRisk.SetEnabled(browsing && risk >= 0)
	k.Delete.SetEnabled(browsing && risk >= 0)
	k.enable(r.editing != nil, r.ask != nil)
}

func (r *risks) ShortHelp() []key.Binding {
	r.updateKeys()
	k := r.keys
	return []key.Binding{k.EditAISIA, k.EditRisk, k.Add, k.Delete, k.FormNext, k.FormCancel, k.Yes, k.No}
}

func (r *risks) FullHelp() [][]key.Binding {
	r.updateKeys()
	k := r.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PgUp, k.PgDown, k.Top, k.Bottom, k.Switch},
		{k.EditAISIA, k.EditRisk, k.Add, k.Delete, k.Map},
		{k.FormNext, k.FormPrev, k.FormCancel, k.Yes, k.No, k.Toggle},
	}
}

// Update routes keys to the open dialog or form first, then to the tables.
func (r *risks) Update(msg tea.Msg) tea.Cmd {
	r.reconcile()
	if r.ask != nil {
		return r.updateConfirm(msg)
	}
	if r.editing != nil {
		return r.updateForm(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	r.updateKeys()
	k := r.keys
	page := max(r.height/3, 1)
	switch {
	case key.Matches(kp, k.Down):
		r.cursor++
	case key.Matches(kp, k.Up):
		r.cursor--
	case key.Matches(kp, k.PgDown):
		r.cursor += page
	case key.Matches(kp, k.PgUp):
		r.cursor -= page
	case key.Matches(kp, k.Top):
		r.cursor = 0
	case key.Matches(kp, k.Bottom):
		r.cursor = r.rows() - 1
	case key.Matches(kp, k.Switch):
		r.switchTable()
	case key.Matches(kp, k.Map):
		r.residual = !r.residual
	case key.Matches(kp, k.Add):
		return r.openRisk(-1)
	case key.Matches(kp, k.EditAISIA):
		sys, _ := r.selected()
		return r.openAISIA(*sys)
	case key.Matches(kp, k.EditRisk):
		_, i := r.selected()
		return r.openRisk(i)
	case key.Matches(kp, k.Delete):
		_, i := r.selected()
		risk := r.w.a.Risks[i]
		question := kit.Wrap(fmt.Sprintf("Delete %s “%s” from the risk register?", riskLabel(risk), kit.Vis(risk.Title)), kit.DialogWidth(r.width))
		r.ask, r.askID = kit.NewConfirm(question, riskLabel(risk)), risk.ID
	}
	r.selected() // clamp the cursor
	return nil
}

// switchTable moves the cursor between the impact assessments and the register, back to
// where it was in the other table.
func (r *risks) switchTable() {
	n := len(r.systems())
	inSystems := r.cursor < n
	r.cursor, r.other = r.other, r.cursor
	if inSystems && r.cursor < n {
		r.cursor = n // first visit to the register
	}
	if !inSystems && r.cursor >= n {
		r.cursor = 0
	}
}

func (r *risks) updateConfirm(msg tea.Msg) tea.Cmd {
	done, yes := r.ask.Update(msg)
	if !done {
		return nil
	}
	r.ask = nil
	if !yes {
		r.w.status = kit.Status{Text: "Not deleted."}
		return nil
	}
	return r.deleteRisk(r.askID)
}

func (r *risks) updateForm(msg tea.Msg) tea.Cmd {
	return updateForm(r.w, &r.editing, &r.onDone, msg)
}

// deleteRisk removes a risk from the register in memory and on disk.
func (r *risks) deleteRisk(id int64) tea.Cmd {
	a := r.w.a
	for i, risk := range a.Risks {
		if !r.numbers.same(risk.ID, id) {
			continue
		}
		id = risk.ID
		a.Risks = append(a.Risks[:i:i], a.Risks[i+1:]...)
		r.w.refresh()
		r.w.status = kit.Status{Text: riskLabel(risk) + " deleted."}
		aid, numbers := a.ID, r.numbers
		return r.w.save(riskLabel(risk), func(s *store.Store) error {
			if id = numbers.stored(id); id == 0 {
				return nil // its first save failed: nothing is on disk
			}
			return s.DeleteRisk(aid, id)
		})
	}
	return nil
}

// putRisk stores a new or edited risk: in memory at once, then on disk. The store numbers a
// new risk (never reusing a deleted risk's number); until that write is done the risk holds
// a provisional negative ID, which later writes translate and reconcile replaces.
func (r *risks) putRisk(risk assessment.Risk) tea.Cmd {
	a := r.w.a
	if risk.ID == 0 {
		risk.ID = r.numbers.provisional()
		a.Risks = append(a.Risks, risk)
		r.cursor = len(r.systems()) + len(a.Risks) - 1
	} else {
		i := slices.IndexFunc(a.Risks, func(x assessment.Risk) bool { return r.numbers.same(x.ID, risk.ID) })
		if i < 0 {
			return r.w.refuse(fmt.Errorf("%s is no longer in the register; nothing saved", riskLabel(risk)))
		}
		risk.ID = a.Risks[i].ID
		a.Risks[i] = risk
	}
	r.w.refresh()
	r.w.status = kit.Status{Text: riskLabel(risk) + " saved."}
	if risk.ID < 0 {
		r.w.status.Text = "Added “" + kit.Vis(risk.Title) + "” to the register."
	}
	aid, numbers, stored := a.ID, r.numbers, risk
	stored.Controls = slices.Clone(risk.Controls)
	return r.w.save(riskLabel(risk), func(s *store.Store) error {
		provisional := stored.ID
		stored.ID = numbers.stored(provisional)
		saved, err := s.SaveRisk(aid, nil, stored)
		if err != nil {
			return err
		}
		stored = saved
		numbers.record(provisional, stored.ID)
		return nil
	})
}

// putSystem stores an AI system whose impact assessment was edited.
func (r *risks) putSystem(sys assessment.AISystem) tea.Cmd {
	a := r.w.a
	for i := range a.Systems {
		if a.Systems[i].ID == sys.ID {
			a.Systems[i] = sys
		}
	}
	r.w.refresh()
	r.w.status = kit.Status{Text: "Impact assessment of " + kit.Vis(sys.Name) + " saved."}
	aid := a.ID
	return r.w.save(sys.Name, func(s *store.Store) error { _, err := s.SaveSystem(aid, nil, sys); return err })
}

// riskLabel is a risk's reference as the report prints it; "R-new" until the store has
// numbered a risk just added.
func riskLabel(r assessment.Risk) string {
	if r.ID < 0 {
		return "R-new"
	}
	return fmt.Sprintf("R-%02d", r.ID)
}

package risks

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// Vocabulary of the register (SPEC §2 step 3).
var (
	riskTreatments = []string{"modify", "avoid", "share", "retain"}
	riskStatuses   = []string{"open", "treated", "accepted", "closed"}
)

// formSize is the room an embedded form gets on this step.
func (r *risks) formSize() (int, int) { return min(r.width-2, 78), max(r.height, 10) }

// aisiaInput holds the impact-assessment form's values.
type aisiaInput struct {
	date, change, groups, harms string
	trace                       bool
}

// openAISIA edits the impact-assessment fields of an AI system.
func (r *risks) openAISIA(sys assessment.AISystem) tea.Cmd {
	in := &aisiaInput{date: kit.DateInput(sys.AISIADate), change: kit.DateInput(sys.LastChange), groups: sys.AffectedGroups, harms: sys.Harms, trace: sys.ImpactToRiskTrace}
	today := r.h.Now()
	notFuture := func(s string) error {
		if err := kit.OptionalDate(s); err != nil || strings.TrimSpace(s) == "" {
			return err
		}
		if d, _ := assessment.ParseDate(s); d.After(today) {
			return fmt.Errorf("%s is after today; record the date it happened", strings.TrimSpace(s))
		}
		return nil
	}
	width, height := r.formSize()
	r.editing = r.form("Impact assessment — "+kit.Vis(sys.Name), width, height,
		huh.NewInput().Title("Date of the last impact assessment (YYYY-MM-DD; empty: none)").Value(&in.date).Validate(notFuture),
		huh.NewInput().Title("Last significant change to the system (YYYY-MM-DD; empty: none)").Value(&in.change).Validate(notFuture),
		huh.NewText().Title("Affected groups considered").Value(&in.groups).CharLimit(5000).Lines(3),
		huh.NewText().Title("Harms considered").Value(&in.harms).CharLimit(5000).Lines(3),
		huh.NewConfirm().Title("Impact findings traced to risk treatment?").
			Description("Yes when each harm found leads to a risk in the register or a recorded decision.").
			Affirmative("Yes").Negative("No").Value(&in.trace),
	)
	r.onDone = func() tea.Cmd {
		next := sys
		next.AISIADate, _ = kit.ParseOptionalDate(in.date)
		next.LastChange, _ = kit.ParseOptionalDate(in.change)
		next.AffectedGroups, next.Harms = strings.TrimSpace(in.groups), strings.TrimSpace(in.harms)
		next.ImpactToRiskTrace = in.trace
		return r.putSystem(&sys, next)
	}
	return r.editing.Init()
}

// riskInput holds the risk form's values.
type riskInput struct {
	title, source, objective, treatment, controls, owner, status string
	system                                                       int64
	l, i, rl, ri                                                 int
}

// openRisk edits the risk at index i of the register, or a new one when i < 0.
func (r *risks) openRisk(i int) tea.Cmd {
	risk := assessment.Risk{Likelihood: 3, Impact: 3, Treatment: "modify", Status: "open", Raised: dayOf(r.h.Now())}
	title := "New risk"
	var base *assessment.Risk
	if i >= 0 {
		risk = r.h.Assessment().Risks[i]
		title, base = "Edit "+kit.RiskLabel(risk), &risk
	}
	in := &riskInput{title: kit.ForEditing(risk.Title), system: risk.SystemID, source: risk.Source, objective: risk.Objective,
		l: risk.Likelihood, i: risk.Impact, treatment: risk.Treatment, controls: strings.Join(risk.Controls, ", "),
		rl: risk.ResidualLikelihood, ri: risk.ResidualImpact, owner: kit.ForEditing(risk.Owner), status: risk.Status}
	cat := r.h.Catalogue()
	width, height := r.formSize()
	r.editing = r.form(title, width, height,
		huh.NewInput().Title("Risk").Value(&in.title).CharLimit(500).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("describe the risk in a few words")
			}
			return nil
		}),
		huh.NewSelect[int64]().Title("AI system").Options(r.systemOptions()...).Value(&in.system).Height(6),
		huh.NewSelect[string]().Title("Annex C risk source").Options(termOptions(cat.AnnexCRiskSources)...).Value(&in.source).Height(5),
		huh.NewSelect[string]().Title("Annex C objective").Options(termOptions(cat.AnnexCObjectives)...).Value(&in.objective).Height(5),
		huh.NewSelect[int]().Title("Likelihood").Inline(true).Options(ratingOptions(false)...).Value(&in.l),
		huh.NewSelect[int]().Title("Impact").Inline(true).Options(ratingOptions(false)...).Value(&in.i),
		huh.NewSelect[string]().Title("Treatment").Inline(true).Options(huh.NewOptions(riskTreatments...)...).Value(&in.treatment),
		huh.NewInput().Title("Annex A controls that treat it (IDs separated by commas)").Value(&in.controls).
			Placeholder("A.6.2.4, A.9.2").Validate(func(s string) error { _, err := parseControlIDs(cat, s); return err }),
		huh.NewSelect[int]().Title("Residual likelihood").Inline(true).Options(ratingOptions(true)...).Value(&in.rl),
		huh.NewSelect[int]().Title("Residual impact").Inline(true).Options(ratingOptions(true)...).Value(&in.ri),
		huh.NewInput().Title("Owner").Value(&in.owner).CharLimit(200),
		huh.NewSelect[string]().Title("Status").Inline(true).Options(huh.NewOptions(riskStatuses...)...).Value(&in.status),
	)
	r.onDone = func() tea.Cmd {
		controls, err := parseControlIDs(cat, in.controls)
		if err != nil {
			return r.h.Refuse(err)
		}
		next := risk
		next.Title, next.SystemID, next.Source, next.Objective = kit.Edited(risk.Title, in.title), in.system, in.source, in.objective
		next.Likelihood, next.Impact, next.Treatment, next.Controls = in.l, in.i, in.treatment, controls
		next.ResidualLikelihood, next.ResidualImpact = in.rl, in.ri
		next.Owner, next.Status = kit.Edited(risk.Owner, in.owner), in.status
		next.Controls = slices.Clone(next.Controls)
		return r.putRisk(base, next)
	}
	return r.editing.Init()
}

// systemOptions lists every AI system of the inventory, and "none" for an organisation-wide
// risk.
func (r *risks) systemOptions() []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption("— not tied to one system", int64(0))}
	for _, s := range r.h.Assessment().Systems {
		label := kit.Vis(s.Name)
		if !s.InScope {
			label += " (out of scope)"
		}
		opts = append(opts, huh.NewOption(label, s.ID))
	}
	return opts
}

func termOptions(terms []checklists.Term) []huh.Option[string] {
	opts := []huh.Option[string]{huh.NewOption("— not set", "")}
	for _, t := range terms {
		opts = append(opts, huh.NewOption(t.ID+" "+t.Title, t.ID))
	}
	return opts
}

// ratingOptions are the points of a 1–5 scale; a residual rating may also be left unrated.
func ratingOptions(allowUnset bool) []huh.Option[int] {
	var opts []huh.Option[int]
	if allowUnset {
		opts = append(opts, huh.NewOption("not rated", 0))
	}
	for n := 1; n <= 5; n++ {
		opts = append(opts, huh.NewOption(strconv.Itoa(n), n))
	}
	return opts
}

// parseControlIDs reads a list of Annex A control IDs separated by commas, semicolons or
// spaces, accepting "a.6.2.4" and "6.2.4" for A.6.2.4, and refuses anything the catalogue
// does not know as a control.
func parseControlIDs(cat *checklists.Catalogue, s string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' }) {
		id := strings.ToUpper(f[:1]) + f[1:]
		if !strings.HasPrefix(id, "A.") {
			id = "A." + id
		}
		item, ok := cat.Item(id)
		if !ok || !item.IsControl() {
			return nil, fmt.Errorf("%q is not an Annex A control; write IDs such as A.6.2.4", kit.Vis(f))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// dayOf is the calendar day of a moment, at midnight UTC, as dates are stored.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// form opens an embedded form; what submitting it does is set in onDone.
func (r *risks) form(title string, width, height int, fields ...huh.Field) *kit.Form {
	return kit.NewForm(title, width, height, func() tea.Cmd {
		done := r.onDone
		r.onDone = nil
		if done == nil {
			return nil
		}
		return done()
	}, fields...)
}

package readiness

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// Finalising records the sign-off and locks the assessment; reopening unlocks it with a
// reason. Both go through the store (the workspace's intents), which checks the rules again.

// signOffInput holds the sign-off form's values.
type signOffInput struct{ by, role, date string }

// finalise asks who signs the assessment off, in what capacity and when, then asks to
// confirm (No by default), since a finalised assessment takes no edit until reopened.
func (r *readiness) finalise() tea.Cmd {
	r.refused = nil
	a := r.h.Assessment()
	in := &signOffInput{by: strings.TrimSpace(a.Assessor), date: r.h.Now().Format(time.DateOnly)}
	next := func() tea.Cmd {
		date, _ := assessment.ParseDate(in.date)
		so := assessment.SignOff{By: strings.TrimSpace(in.by), Role: strings.TrimSpace(in.role), Date: date}
		if why := assessment.FinaliseRefusals(r.h.Catalogue(), a, so, r.h.Now()); len(why) > 0 {
			r.refused = why
			r.h.Say("Not finalised; nothing changed.")
			return nil
		}
		r.signOff = &so
		r.asking = kit.NewConfirm(fmt.Sprintf("Finalise this assessment, %s? Its report becomes FINAL and every edit is refused until it is reopened with a reason.",
			so.Describe()), "finalise").Fit(r.width - 4)
		return nil
	}
	r.editing = kit.NewForm("Finalise: sign-off", r.width-4, r.height, next,
		huh.NewInput().Title("Signed off by").Value(&in.by).Validate(required("the name of who signs it off")),
		huh.NewInput().Title("Role (e.g. Lead assessor)").Value(&in.role),
		huh.NewInput().Title("Date of the sign-off (YYYY-MM-DD)").Value(&in.date).Validate(requiredDate),
	)
	return r.editing.Init()
}

// reopen asks why the signed-off assessment must change; the reason is kept in the audit
// trail.
func (r *readiness) reopen() tea.Cmd {
	r.refused = nil
	var reason string
	save := func() tea.Cmd { return r.h.Apply(steps.Reopen{Reason: strings.TrimSpace(reason)}) }
	r.editing = kit.NewForm("Reopen the finalised assessment", r.width-4, r.height, save,
		huh.NewText().Title("Why must it change? (kept in the audit trail)").Value(&reason).
			Validate(func(s string) error { return assessment.CheckJustification("reopening", s) }),
	)
	return r.editing.Init()
}

// answer takes the reply to the confirmation: yes finalises, anything else changes nothing.
func (r *readiness) answer(msg tea.Msg) tea.Cmd {
	done, yes := r.asking.Update(msg)
	if !done {
		return nil
	}
	r.asking = nil
	so := r.signOff
	r.signOff = nil
	if !yes || so == nil {
		r.h.Say("Not finalised; nothing changed.")
		return nil
	}
	return r.h.Apply(steps.Finalise{SignOff: *so})
}

// saved takes the store's reply to finalising or reopening.
func (r *readiness) saved(msg steps.Saved) {
	switch msg.Intent.(type) {
	case steps.Finalise:
		var refused *store.FinaliseRefusedError
		switch {
		case errors.As(msg.Err, &refused):
			r.refused = refused.Reasons
		case msg.Err == nil:
			a := r.h.Assessment()
			r.h.Say(fmt.Sprintf("Finalised: %s; report version %s is FINAL, signed with key %s.", a.SignOff.Describe(), a.ReportVersion, a.SignOff.Key))
		}
	case steps.Reopen:
		if msg.Err == nil {
			r.h.Say(fmt.Sprintf("Reopened: the report is a draft of version %s until it is finalised again.", r.h.Assessment().ReportVersion))
		}
	}
}

// refusalView lists why the assessment cannot be finalised, each reason wrapped.
func (r *readiness) refusalView() string {
	st := r.h.Styles()
	var b strings.Builder
	b.WriteString(st.Warning.Render("Not finalised. Deal with each of these, then press F again:"))
	for _, why := range r.refused {
		b.WriteString("\n" + kit.Wrap("- "+kit.Vis(why), r.width-4))
	}
	return b.String()
}

// required refuses an empty field, naming what it asks for.
func required(what string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("give " + what)
		}
		return nil
	}
}

// requiredDate refuses an empty or malformed date.
func requiredDate(s string) error {
	_, err := assessment.ParseDate(s)
	return err
}

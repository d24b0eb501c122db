package report

import (
	"fmt"
	"slices"
	"strings"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// executiveSummary speaks to a board on one page: the verdict in plain words, the few themes
// behind it, the decisions and resources needed and the path to the Stage 1 and Stage 2 audits.
func (d *doc) executiveSummary() {
	d.verdictPanel(verdictFigure{level: maturity(d.sum.Level), verdict: d.sum.Verdict, counts: d.countLine()})
	d.keyFigures(d.figures())
	d.para(d.verdictInWords())
	d.subheading("What holds the level down", 20)
	if themes := d.themes(); len(themes) > 0 {
		d.paraf("Each point below is an action in the roadmap (section %s), which names every item and system.", d.numbers["roadmap"])
		d.bullets(themes)
	} else {
		d.para("Nothing holds the level down: no blocker was found and no item is rated below level 3.")
	}
	if decisions := d.decisions(); len(decisions) > 0 {
		d.subheading("Decisions and resources needed", 20)
		d.bullets(decisions)
	}
	d.subheading("Path to Stage 1 and Stage 2", 20)
	d.para(d.pathToAudits())
}

// countLine is the line the TUI, the PDF and `summary --json` share: "n blockers, m items
// below level 3, k steps to level 4".
func (f *facts) countLine() string {
	line := f.sum.CountLine()
	if f.sum.Level > 0 && !f.sum.Complete {
		line += " · level " + fmt.Sprint(f.sum.Level) + " (provisional)"
	}
	return line
}

// figures are the key figures a board member reads first: value and label.
func (d *doc) figures() [][2]string {
	s := d.sum
	by := s.Overall.ByStatus
	return [][2]string{
		{maturity(s.Floor), "floor maturity"},
		{meanText(s.Overall), "mean maturity"},
		{fmt.Sprintf("%d/%d", s.Assessed, s.Total), "items assessed"},
		{fmt.Sprintf("%d · %d · %d", by[assessment.Conformant], by[assessment.Partial], by[assessment.Nonconformant]), "met · partly · not met"},
		{fmt.Sprint(len(d.plan.Actions)), "roadmap actions"},
		{fmt.Sprint(d.ncs.Open), "open findings"},
	}
}

// verdictInWords says what the level means for the organisation, in a board's language.
func (d *doc) verdictInWords() string {
	s, org := d.sum, orDash(d.a.Organisation.Name)
	var text string
	switch {
	case s.Level == 0:
		text = fmt.Sprintf("As of %s no item has a maturity rating yet, so no readiness level can be given for %s.", date(d.asOf), org)
	case capsAt(d.capping, 2) > 0:
		text = fmt.Sprintf("As of %s, %s is not ready for a certification audit: %s would lead a certification body to "+
			"find major nonconformities, whatever the maturity reached elsewhere.", date(d.asOf), org, plural(capsAt(d.capping, 2), "blocker", "blockers"))
	case s.Level < 3:
		text = fmt.Sprintf("As of %s, %s is not yet ready for a certification audit: no blocker remains, but %s below the defined "+
			"level 3 that an auditor expects.", date(d.asOf), org, plural(len(d.low), "item is", "items are"))
	case s.Level == 3:
		text = fmt.Sprintf("As of %s, %s could go to a certification audit: every requirement is defined and operating at level 3 "+
			"or above. The work below strengthens that position.", date(d.asOf), org)
	default:
		text = fmt.Sprintf("As of %s, %s is in a strong position for certification: every requirement is managed at level %d or above.",
			date(d.asOf), org, s.Floor)
	}
	if !s.Complete {
		text += fmt.Sprintf(" The assessment is not finished (%d of %d items judged), so the level is provisional and may still fall.", s.Assessed, s.Total)
	}
	return text
}

// themeLimit is how many subjects a theme names before it counts the rest.
const themeLimit = 2

// themes groups what holds the level down: one line per kind of blocker that caps the level
// at 2, naming its items or systems in the reader's terms; one line counting the kinds that
// cap it at 3; and one line for the items rated below level 3.
func (d *doc) themes() []string {
	byKind := map[string][]string{}
	var kinds []string
	for _, b := range d.capping {
		if _, seen := byKind[b.Kind]; !seen {
			kinds = append(kinds, b.Kind)
		}
		subject := d.blockerSubject(b)
		if b.Kind == "open_major_nc" { // named by their numbers, which the register uses
			subject = b.Ref + " against " + d.itemRef(b.Item)
		}
		byKind[b.Kind] = append(byKind[b.Kind], subject)
	}
	var out, atThree []string
	for _, kind := range kinds { // in the rule table's order, which Evaluate keeps
		if capOf(d.capping, kind) == 2 {
			out = append(out, fmt.Sprintf("%s: %s.", theme(kind), shortList(byKind[kind], themeLimit, "")))
		} else {
			atThree = append(atThree, fmt.Sprintf("%s (%d)", summaryTheme(kind), count(d.capping, kind)))
		}
	}
	if len(atThree) > 0 {
		lead := "Holding the level at 3 at most"
		if len(out) > 0 {
			lead = "Once those are cleared, holding the level at 3 at most"
		}
		out = append(out, fmt.Sprintf("%s: %s.", lead, joinAnd(atThree)))
	}
	if len(d.low) > 0 {
		out = append(out, fmt.Sprintf("%s below the defined level 3, most of them in %s.",
			capitalise(plural(len(d.low), "item is", "items are")), d.lowGroups()))
	}
	return out
}

// summaryTheme is a theme inside a sentence.
func summaryTheme(kind string) string {
	t := theme(kind)
	if len(t) > 1 && strings.ToUpper(t[:2]) == t[:2] { // an acronym such as "KPIs"
		return t
	}
	return strings.ToLower(t[:1]) + t[1:]
}

// capsAt is how many blockers cap the level at cap.
func capsAt(bs []assessment.Blocker, cap int) int {
	n := 0
	for _, b := range bs {
		if b.Cap == cap {
			n++
		}
	}
	return n
}

// count is how many blockers are of a kind.
func count(blockers []assessment.Blocker, kind string) int {
	n := 0
	for _, b := range blockers {
		if b.Kind == kind {
			n++
		}
	}
	return n
}

// capOf is the cap of the blockers of a kind.
func capOf(blockers []assessment.Blocker, kind string) int {
	for _, b := range blockers {
		if b.Kind == kind {
			return b.Cap
		}
	}
	return 0
}

// blockerSubject names what a blocker is about: the item in its clause's context, the AI
// system, the record it names, or the detail when it names none of them.
func (f *facts) blockerSubject(b assessment.Blocker) string {
	switch {
	case b.Item != "":
		return f.itemRef(b.Item)
	case b.System != "":
		return b.System
	case b.Ref != "":
		return b.Ref
	}
	return b.Detail
}

// lowGroups names the (at most three) clauses and objectives with the most items below level 3.
func (d *doc) lowGroups() string {
	count := map[string]int{}
	for _, b := range d.low {
		count[d.cat.GroupOf(b.Item)]++
	}
	groups := d.cat.Groups()
	slices.SortStableFunc(groups, func(x, y checklists.Item) int { return count[y.ID] - count[x.ID] })
	var parts []string
	for _, g := range groups[:min(3, len(groups))] {
		if n := count[g.ID]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s (%d)", g.ID, g.Title, n))
		}
	}
	return joinAnd(parts)
}

// decisionLimit is how many decisions the summary lists; the roadmap has the rest.
const decisionLimit = 4

// decisions lists what the board has to decide or fund, each from the data.
func (d *doc) decisions() []string {
	var out []string
	for _, c := range d.plan.Conflicts {
		out = append(out, fmt.Sprintf("Phase %d (%s) ends on %s, after the %s audit on %s: move the audit or add resources.",
			c.Phase.ID, c.Phase.Title, date(c.Ends), c.Audit, date(c.AuditDate)))
		break // one is enough here; the roadmap lists every clash
	}
	var vacant []string
	for _, role := range d.cat.GovernanceRoles {
		if d.a.RoleHolder(role.ID) == "" {
			vacant = append(vacant, role.Title)
		}
	}
	if len(vacant) > 0 {
		out = append(out, fmt.Sprintf("Name holders for %s: %s.", plural(len(vacant), "vacant governance role", "vacant governance roles"), shortList(vacant, 3, "")))
	}
	if strings.TrimSpace(d.a.Certification.Body) == "" {
		out = append(out, "Engage an accredited certification body and agree the Stage 1 and Stage 2 dates.")
	}
	if d.ncs.OpenMajor > 0 {
		out = append(out, fmt.Sprintf("Fund the corrective action for %s before Stage 1.", plural(d.ncs.OpenMajor, "open major nonconformity", "open major nonconformities")))
	}
	if n := count(d.capping, "open_major_nc") - d.ncs.OpenMajor; n > 0 {
		out = append(out, fmt.Sprintf("Have the effectiveness of %s checked before Stage 1.", plural(n, "closed major nonconformity", "closed major nonconformities")))
	}
	if n := d.work.SystemsInScope - d.work.ImpactCurrent; n > 0 {
		out = append(out, fmt.Sprintf("Commission impact assessments for %s in scope that have no current one.", plural(n, "AI system", "AI systems")))
	}
	if n := len(d.work.Untested); n > 0 && d.work.ControlsIncluded > 0 {
		out = append(out, fmt.Sprintf("Plan operating-effectiveness tests of %s not yet tested; a certification auditor will sample them.", plural(n, "included control", "included controls")))
	}
	owners, dues := 0, 0
	for _, act := range d.plan.Actions {
		if act.OwnerProposed {
			owners++
		}
		if act.DueProposed {
			dues++
		}
	}
	if owners+dues > 0 {
		out = append(out, fmt.Sprintf("Confirm the owners and due dates the roadmap proposes: %d of its actions have no owner recorded and %d no due date.",
			owners, dues))
	}
	return out[:min(decisionLimit, len(out))]
}

// pathToAudits relates the roadmap to the planned Stage 1 and Stage 2 audits.
func (d *doc) pathToAudits() string {
	p, c := d.plan, d.a.Certification
	if len(p.Phases) == 0 {
		return "The catalogue has no roadmap phases, so no path to the audits can be drawn."
	}
	last := p.Phases[len(p.Phases)-1]
	text := fmt.Sprintf("The roadmap places %s in %s, from %s to %s (section %s).", plural(len(p.Actions), "action", "actions"),
		plural(len(p.Phases), "phase", "phases"), date(p.Phases[0].From), date(last.To), d.numbers["roadmap"])
	body := orDash(c.Body)
	switch {
	case c.Stage1.IsZero() && c.Stage2.IsZero():
		text += " No audit dates are set yet: agree them with a certification body once the work before the internal audit is in sight."
	case len(p.Conflicts) == 0:
		text += fmt.Sprintf(" Stage 1 with %s on %s and Stage 2 on %s both fall after the plan ends, so the plan can be met if the actions keep their dates.",
			body, date(c.Stage1), date(c.Stage2))
	default:
		text += fmt.Sprintf(" Stage 1 with %s is planned for %s and Stage 2 for %s; %s of the plan end after an audit date, so either the work speeds up or the audits move.",
			body, date(c.Stage1), date(c.Stage2), plural(len(uniquePhases(p.Conflicts)), "phase", "phases"))
	}
	return text
}

// uniquePhases lists the phases that clash with an audit, once each.
func uniquePhases(cs []assessment.ScheduleConflict) map[int]bool {
	ids := map[int]bool{}
	for _, c := range cs {
		ids[c.Phase.ID] = true
	}
	return ids
}

// meanText prints a group's mean maturity, or a dash when nothing in it is rated.
func meanText(g assessment.Group) string {
	if g.Min == 0 {
		return "—"
	}
	return g.Mean.String()
}

// joinAnd joins phrases as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

package assessment

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// Action is one step of the roadmap: what to do about a gap, an open nonconformity, an AI
// system or a register, by whom, by when and in which phase. Where the assessor recorded no
// recommendation, owner or due date, the action says what it proposes instead.
type Action struct {
	Subject       string    // what it concerns: "8.4 AI system impact assessment", "AI system Claims triage", "NC-003"
	Item          string    // the catalogue item it concerns, when one
	Source        string    // "gap", "nonconformity", or the rule that raised it (e.g. "impact_assessments_current")
	Do            string    // what to do
	FromGuidance  bool      // Do comes from the catalogue's guidance: the assessor gave no recommendation
	Owner         string    // who does it
	OwnerProposed bool      // no owner is recorded; Owner is the one proposed (the AIMS manager)
	Due           time.Time // by when
	DueProposed   bool      // no due date is recorded; Due is the end of the action's phase
	Priority      Priority
	Phase         int  // catalogue phase ID; 0 when no phase covers the action's item
	Overdue       bool // recorded due date already passed
}

// Plan is the roadmap: the catalogue's phases dated from a start day, every action placed in
// one, and the clashes between the plan and the planned audits.
type Plan struct {
	Phases    []RoadmapPhase
	Actions   []Action
	Conflicts []ScheduleConflict
}

// ScheduleConflict is a phase that ends after a planned certification audit, with the
// number of its actions due after that audit.
type ScheduleConflict struct {
	Phase     checklists.Phase
	Ends      time.Time
	Audit     string // "Stage 1" or "Stage 2"
	AuditDate time.Time
	LateDue   int // actions of the phase due after the audit
}

// RoadmapPlan turns every gap, open nonconformity, system-level problem and missing register
// into an action with an owner, a due date and a phase (SPEC §10a), counting weeks from
// start, and reports where the plan runs past the Stage 1 or Stage 2 date.
func RoadmapPlan(cat *checklists.Catalogue, a *Assessment, start time.Time) Plan {
	phases, _, _ := Roadmap(cat, a, start)
	p := &planner{cat: cat, a: a, f: newFacts(cat, a, start), phases: phases, phaseOf: map[string]int{}}
	for _, ph := range cat.Phases {
		for _, id := range ph.Items {
			if _, taken := p.phaseOf[id]; !taken {
				p.phaseOf[id] = ph.ID
			}
		}
	}
	for _, g := range GapRegister(cat, a, start) {
		p.gapAction(g)
	}
	for _, nc := range a.NCs {
		if nc.IsOpen() {
			p.ncAction(nc)
		}
	}
	p.systemActions()
	p.registerActions()
	slices.SortStableFunc(p.actions, func(x, y Action) int {
		return cmp.Or(cmp.Compare(phaseRank(x.Phase), phaseRank(y.Phase)), cmp.Compare(priorityRank(y.Priority), priorityRank(x.Priority)))
	})
	return Plan{Phases: phases, Actions: p.actions, Conflicts: conflicts(phases, p.actions, a.Certification)}
}

// phaseRank puts actions no phase covers last.
func phaseRank(id int) int {
	if id == 0 {
		return 1 << 30
	}
	return id
}

// planner collects the actions of one plan.
type planner struct {
	cat     *checklists.Catalogue
	a       *Assessment
	f       *facts
	phases  []RoadmapPhase
	phaseOf map[string]int // item ID → phase ID
	actions []Action
}

// add completes an action with the proposed owner and due date where none is recorded.
func (p *planner) add(act Action) {
	if act.Phase == 0 && act.Item != "" {
		act.Phase = p.phaseOf[act.Item]
	}
	if strings.TrimSpace(act.Owner) == "" {
		act.Owner, act.OwnerProposed = p.proposedOwner(), true
	}
	if act.Due.IsZero() {
		for _, ph := range p.phases {
			if ph.Phase.ID == act.Phase {
				act.Due, act.DueProposed = ph.To, true
			}
		}
	}
	act.Overdue = !act.DueProposed && !act.Due.IsZero() && act.Due.Before(day(p.f.asOf))
	p.actions = append(p.actions, act)
}

// proposedOwner is who an action without an owner falls to: the AIMS manager, else top
// management, else the role still to be filled.
func (p *planner) proposedOwner() string {
	for _, role := range []string{"aims-manager", "top-management"} {
		if name := p.a.RoleHolder(role); name != "" {
			return name
		}
	}
	return "AIMS manager (to be appointed)"
}

// RoleHolder is the name of who holds a governance role, empty when nobody is named.
func (a *Assessment) RoleHolder(role string) string {
	for _, h := range a.RoleHolders {
		if h.RoleID == role && strings.TrimSpace(h.Name) != "" {
			return h.Name
		}
	}
	return ""
}

func (p *planner) gapAction(g Gap) {
	r := g.Result
	act := Action{Subject: g.Item.ID + " " + g.Item.Title, Item: g.Item.ID, Source: "gap", Do: r.Recommendation,
		Owner: r.Owner, Due: r.Due, Priority: r.Priority}
	if strings.TrimSpace(act.Do) == "" {
		act.Do, act.FromGuidance = Guidance(g.Item, r), true
	}
	if act.Priority == "" {
		act.Priority = map[int]Priority{4: High, 3: Medium, 2: Medium, 1: Low}[gapSeverity(r, p.f.asOf)]
	}
	p.add(act)
}

func (p *planner) ncAction(nc Nonconformity) {
	act := Action{Subject: nc.Label() + " (" + nc.ItemID + ")", Item: nc.ItemID, Source: "nonconformity",
		Do: nc.CorrectiveAction, Owner: nc.Owner, Due: nc.Due,
		Priority: map[Grade]Priority{MajorNC: High, MinorNC: Medium}[nc.Grade]}
	if strings.TrimSpace(act.Do) == "" {
		act.Do = "Find the root cause and decide a corrective action for: " + strings.TrimSpace(nc.Description)
	}
	if act.Priority == "" {
		act.Priority = Low
	}
	p.add(act)
}

// systemActions asks for an impact assessment of every in-scope system without a current one.
func (p *planner) systemActions() {
	for i := range p.a.Systems {
		s := &p.a.Systems[i]
		why := aisiaProblemSince(s, p.f.yearAgo)
		if !s.InScope || why == "" {
			continue
		}
		do := fmt.Sprintf("Carry out and record an impact assessment of %s: the people and groups it affects, the harms considered, and how the findings feed risk treatment.", s.Name)
		if why != "none" {
			do = fmt.Sprintf("Repeat the impact assessment of %s (the current one is %s) and trace its findings into risk treatment.", s.Name, why)
		}
		priority := Medium
		if s.Impact == ImpactHigh || why == "none" {
			priority = High
		}
		p.add(Action{Subject: "AI system " + s.Name, Item: "8.4", Source: "impact_assessments_current", Do: do,
			Owner: s.Owner, Priority: priority})
	}
}

// registerAction is the action a failing condition about a register or the set-up calls for,
// the item whose phase it belongs to and how urgent it is.
type registerAction struct {
	subject, do, item string
	priority          Priority
}

// setupActions are keyed by the condition (conditions.go) whose failure calls for them.
var setupActions = map[string]registerAction{
	"no_ai_system_in_scope":      {"AI system inventory", "Build the AI system inventory and bring the AI systems the organisation relies on into the scope of the AIMS.", "4.3", High},
	"governance_lead_named":      {"AI governance lead", "Appoint the AI governance officer (AIMS manager) and record the appointment.", "5.3", High},
	"inventory_complete":         {"AI system inventory", "Complete the inventory: every AI system needs an owner, a life-cycle stage and its AI roles.", "4.3", High},
	"roles_per_system":           {"AI roles", "Determine and record the organisation's AI role (provider, producer, customer …) for every AI system.", "4.1", High},
	"scope_defined":              {"AIMS scope", "Write the scope statement of the AIMS with its boundaries and have top management approve it.", "4.3", High},
	"risk_register_present":      {"AI risk register", "Set up the AI risk register: assess each in-scope system's risks with the agreed method and record their treatment and the Annex A controls chosen.", "6.1.2", High},
	"evidence_requests_received": {"Evidence request list", "Obtain the documents still outstanding on the evidence request list and review them.", "7.5.1", Medium},
	"certification_body_named":   {"Certification body", "Engage an accredited certification body and agree the Stage 1 and Stage 2 dates.", "9.3.3", Medium},
}

// setupActionOrder is the order the set-up actions are considered in.
var setupActionOrder = []string{"no_ai_system_in_scope", "scope_defined", "governance_lead_named", "inventory_complete",
	"roles_per_system", "risk_register_present", "evidence_requests_received", "certification_body_named"}

// registerActions adds an action for each failing condition about a register or the set-up,
// and one for the governance roles nobody holds.
func (p *planner) registerActions() {
	empty := len(p.a.Systems) == 0
	for _, name := range setupActionOrder {
		ra := setupActions[name]
		failing := false
		switch {
		case empty && (name == "inventory_complete" || name == "roles_per_system"):
			continue // building the inventory comes first
		case name == "no_ai_system_in_scope":
			failing = len(systemNames(p.a, func(s *AISystem) bool { return s.InScope })) == 0
		default:
			o := p.f.condition(name)
			failing = !o.holds
			if failing && o.why != "" {
				ra.do += " (" + upperFirst(o.why) + ".)"
			}
		}
		if failing {
			p.add(Action{Subject: ra.subject, Item: ra.item, Source: name, Do: ra.do, Priority: ra.priority})
		}
	}
	var vacant []string
	for _, role := range p.cat.GovernanceRoles {
		if role.ID != "aims-manager" && p.a.RoleHolder(role.ID) == "" { // the AIMS manager has its own action
			vacant = append(vacant, role.Title)
		}
	}
	if len(vacant) > 0 {
		p.add(Action{Subject: "Governance roles", Item: "5.3", Source: "roles_assigned", Priority: Medium,
			Do: "Name a holder for each governance role still vacant: " + strings.Join(vacant, "; ") + "."})
	}
}

// Guidance is the catalogue's advice for an item the assessor gave no recommendation for:
// what to record when a conformant judgement lacks evidence, otherwise the control's
// implementation hint or, for a clause, the evidence an auditor will ask for.
func Guidance(item checklists.Item, r *Result) string {
	evidence := evidencePhrases(item.Evidence, 2)
	switch {
	case r.Status == Conformant && len(r.Evidence) == 0:
		return "Record the evidence the conformant judgement rests on, such as: " + evidence + "."
	case strings.TrimSpace(item.Hint) != "":
		return firstSentence(item.Hint)
	case evidence != "":
		return "Put in place, operate and keep as evidence: " + evidence + "."
	}
	return "Close the gap in " + item.ID + " " + item.Title + "."
}

// evidencePhrases joins the first n phrases of a typical-evidence text with semicolons.
func evidencePhrases(text string, n int) string {
	var out []string
	for _, p := range strings.Split(text, ";") {
		if p = strings.TrimSpace(p); p != "" && len(out) < n {
			out = append(out, lowerFirst(p))
		}
	}
	return strings.Join(out, "; ")
}

// firstSentence is text up to and including its first full stop.
func firstSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}

// conflicts lists each phase that ends after a planned audit.
func conflicts(phases []RoadmapPhase, actions []Action, c CertificationPlan) []ScheduleConflict {
	var out []ScheduleConflict
	for _, audit := range []struct {
		name string
		on   time.Time
	}{{"Stage 1", c.Stage1}, {"Stage 2", c.Stage2}} {
		if audit.on.IsZero() {
			continue
		}
		for _, ph := range phases {
			if !ph.To.After(audit.on) {
				continue
			}
			late := 0
			for _, act := range actions {
				if act.Phase == ph.Phase.ID && act.Due.After(audit.on) {
					late++
				}
			}
			out = append(out, ScheduleConflict{Phase: ph.Phase, Ends: ph.To, Audit: audit.name, AuditDate: audit.on, LateDue: late})
		}
	}
	return out
}

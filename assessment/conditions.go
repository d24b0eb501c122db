package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// outcome is what a condition finds: whether it holds, why not, and the items and systems
// involved.
type outcome struct {
	holds   bool
	why     string
	items   []string
	systems []string
}

func pass() outcome { return outcome{holds: true} }

func fail(format string, args ...any) outcome {
	return outcome{why: fmt.Sprintf(format, args...)}
}

// failIfAny fails listing the names when there are any; callers say which items or systems
// they concern.
func failIfAny(names []string, what string) outcome {
	if len(names) == 0 {
		return pass()
	}
	return fail("%s: %s", what, strings.Join(names, ", "))
}

// condition evaluates a named fact about the assessment as of a date.
type condition func(f *facts) outcome

// conditions implements checklists.Conditions; a test proves every name is covered.
var conditions = map[string]condition{
	"governance_lead_named": func(f *facts) outcome {
		for _, h := range f.a.RoleHolders {
			if h.RoleID == "aims-manager" && strings.TrimSpace(h.Name) != "" {
				return pass()
			}
		}
		return fail("no AI governance officer (AIMS manager) is named")
	},
	"inventory_complete": func(f *facts) outcome {
		if len(f.a.Systems) == 0 {
			return fail("the AI system inventory is empty")
		}
		var incomplete, systems []string
		for i := range f.a.Systems {
			s := &f.a.Systems[i]
			if missing := s.MissingEntries(); len(missing) > 0 {
				incomplete = append(incomplete, fmt.Sprintf("%s (no %s)", s.Name, strings.Join(missing, ", ")))
				systems = append(systems, s.Name)
			}
		}
		o := failIfAny(incomplete, "inventory entries incomplete")
		o.systems = systems
		return o
	},
	"roles_per_system": func(f *facts) outcome {
		if len(f.a.Systems) == 0 {
			return fail("the AI system inventory is empty, so no AI role is determined")
		}
		names := systemNames(f.a, func(s *AISystem) bool { return len(s.Roles) == 0 })
		o := failIfAny(names, "systems without a determined AI role")
		o.systems = names
		return o
	},
	"scope_defined": func(f *facts) outcome {
		a := f.a
		switch {
		case strings.TrimSpace(a.Scope.Statement) == "":
			return fail("no scope statement is recorded")
		case strings.TrimSpace(a.Scope.Boundaries) == "":
			return fail("the scope's boundaries are not recorded")
		}
		return pass()
	},
	"risk_register_present": func(f *facts) outcome {
		if len(f.a.Risks) == 0 {
			return fail("the AI risk register is empty")
		}
		return pass()
	},
	"impact_assessments_current": func(f *facts) outcome {
		var stale, systems []string
		for i := range f.a.Systems {
			s := &f.a.Systems[i]
			if s.InScope {
				if why := aisiaProblemSince(s, f.yearAgo); why != "" {
					stale = append(stale, fmt.Sprintf("%s (%s)", s.Name, why))
					systems = append(systems, s.Name)
				}
			}
		}
		o := failIfAny(stale, "in-scope systems without a current impact assessment")
		o.systems = systems
		return o
	},
	"soa_justified":                 (*facts).soaJustified,
	"included_controls_conformant":  (*facts).includedControlsConformant,
	"exclusions_credible":           (*facts).exclusionsCredible,
	"nonconformities_raised":        (*facts).nonconformitiesRaised,
	"audit_findings_answered":       (*facts).auditFindingsAnswered,
	"internal_audit_cycle_complete": func(f *facts) outcome { return heldUp(f.cycleRecords().audits) },
	"management_review_complete":    func(f *facts) outcome { return heldUp(f.cycleRecords().reviews) },
	"training_recorded": func(f *facts) outcome {
		if v := f.trainingCompletion(); !v.measured {
			return fail("%s", v.why)
		}
		return pass()
	},
	"ncs_verified": func(f *facts) outcome {
		var bad []string
		for i := range f.a.NCs {
			nc := &f.a.NCs[i]
			if nc.IsNonconformity() && nc.Status != NCVerified {
				bad = append(bad, fmt.Sprintf("%s (%s)", nc.Label(), nc.Status.Label()))
			}
		}
		return failIfAny(bad, "nonconformities not verified effective")
	},
	"evidence_requests_received": func(f *facts) outcome {
		missing, total := 0, 0
		for _, c := range f.cat.EvidenceRequests {
			for _, e := range c.Items {
				total++
				if !f.a.Requests[e.ID].InHand() {
					missing++
				}
			}
		}
		if missing > 0 {
			return fail("%d of %d evidence requests are not received yet", missing, total)
		}
		return pass()
	},
	"certification_body_named": func(f *facts) outcome {
		if strings.TrimSpace(f.a.Certification.Body) == "" {
			return fail("no certification body is engaged")
		}
		return pass()
	},
}

// aisiaProblem says why a system's impact assessment is not current: missing, older than
// twelve months, or older than the system's last significant change.
func aisiaProblem(s AISystem, asOf time.Time) string {
	return aisiaProblemSince(&s, day(asOf).AddDate(-1, 0, 0))
}

// aisiaProblemSince is aisiaProblem with the date twelve months before the evaluation day
// worked out once for the whole inventory.
func aisiaProblemSince(s *AISystem, yearAgo time.Time) string {
	switch {
	case s.AISIADate.IsZero():
		return "none"
	case s.AISIADate.Before(yearAgo):
		return "older than 12 months"
	case !s.LastChange.IsZero() && s.AISIADate.Before(s.LastChange):
		return "older than the last significant change"
	}
	return ""
}

func systemNames(a *Assessment, keep func(*AISystem) bool) []string {
	var out []string
	for i := range a.Systems {
		if s := &a.Systems[i]; keep(s) {
			out = append(out, s.Name)
		}
	}
	return out
}

// ChecklistResult is one readiness checklist line decided from the data (§4.5).
type ChecklistResult struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Holds bool     `json:"holds"`
	Why   []string `json:"why"`
}

// Checklist decides each readiness checklist entry: it holds when its items are conformant
// (or excluded controls) and its conditions hold; otherwise Why says what is missing.
func Checklist(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []ChecklistResult {
	return newFacts(cat, a, asOf).checklist()
}

func (f *facts) checklist() []ChecklistResult {
	cat, a := f.cat, f.a
	out := []ChecklistResult{}
	for _, e := range cat.ReadinessChecklist {
		res := ChecklistResult{ID: e.ID, Title: e.Title, Why: []string{}}
		for _, id := range e.Items {
			item, _ := cat.Item(id)
			if r := a.Result(item); a.InReadinessScope(item) && r.Status != Conformant {
				res.Why = append(res.Why, fmt.Sprintf("%s is %s", id, r.Status.Label()))
			}
		}
		for _, name := range e.Conditions {
			if o := f.condition(name); !o.holds {
				res.Why = append(res.Why, o.why)
			}
		}
		res.Holds = len(res.Why) == 0
		out = append(out, res)
	}
	return out
}

// itemTests implements checklists.ItemTests.
var itemTests = map[string]func(item checklists.Item, r *Result) bool{
	"nonconformant":          func(_ checklists.Item, r *Result) bool { return r.Status == Nonconformant },
	"not_conformant":         func(_ checklists.Item, r *Result) bool { return r.Status == Partial || r.Status == Nonconformant },
	"unassessed_or_excluded": func(_ checklists.Item, r *Result) bool { return r.Status == NotAssessed || r.Decision == Excluded },
}

// inServiceStages are the life-cycle stages of a system that is running in service: operation
// and monitoring, and the continuous validation and re-evaluation that happen while it runs.
var inServiceStages = []string{"operation-monitoring", "continuous-validation", "re-evaluation"}

// systemSelectors implements checklists.SystemSelectors.
var systemSelectors = map[string]func(s *AISystem) bool{
	"with_suppliers":                func(s *AISystem) bool { return s.InScope && strings.TrimSpace(s.Suppliers) != "" },
	"in_operation":                  func(s *AISystem) bool { return s.InScope && slices.Contains(inServiceStages, s.Stage) },
	"high_impact_without_oversight": func(s *AISystem) bool { return s.InScope && s.Impact == ImpactHigh && !s.HumanOversight },
}

// GapFinding is a common gap found in the data, with the items and systems that caused it.
type GapFinding struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Items   []string `json:"items"`
	Systems []string `json:"systems"`
	Detail  string   `json:"detail"`
}

// CommonGaps applies the catalogue's common-gap rules (§4.6).
func CommonGaps(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []GapFinding {
	return newFacts(cat, a, asOf).commonGaps()
}

func (f *facts) commonGaps() []GapFinding {
	cat, a := f.cat, f.a
	var out []GapFinding
	for _, g := range cat.CommonGaps {
		gf := GapFinding{ID: g.ID, Title: g.Title, Items: []string{}, Systems: []string{}}
		var details []string
		if g.When != "" {
			for _, id := range g.Items {
				item, _ := cat.Item(id)
				if r := a.Result(item); itemTests[g.When](item, r) {
					gf.Items = append(gf.Items, id)
					details = append(details, fmt.Sprintf("%s is %s", id, describe(item, r)))
				}
			}
			if len(gf.Items) == 0 {
				continue
			}
		}
		if g.Systems != "" {
			gf.Systems = systemNames(a, systemSelectors[g.Systems])
			if len(gf.Systems) == 0 {
				continue
			}
			details = append(details, "systems concerned: "+strings.Join(gf.Systems, ", "))
		}
		if g.Condition != "" {
			o := f.condition(g.Condition)
			if o.holds {
				continue
			}
			gf.Items = append(gf.Items, o.items...)
			gf.Systems = append(gf.Systems, o.systems...)
			details = append(details, o.why)
		}
		gf.Detail = strings.Join(details, "; ")
		out = append(out, gf)
	}
	return out
}

func describe(item checklists.Item, r *Result) string {
	if item.IsControl() && r.Decision == Excluded {
		return "excluded from the SoA"
	}
	return r.Status.Label()
}

// MissingEntries names what an inventory entry lacks for the inventory to count as complete:
// an owner, a life-cycle stage and at least one AI role.
func (s *AISystem) MissingEntries() []string {
	var missing []string
	if strings.TrimSpace(s.Owner) == "" {
		missing = append(missing, "owner")
	}
	if s.Stage == "" {
		missing = append(missing, "life-cycle stage")
	}
	if len(s.Roles) == 0 {
		missing = append(missing, "AI role")
	}
	return missing
}

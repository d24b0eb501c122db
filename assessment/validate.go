package assessment

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"aimsbench/checklists"
)

// Invalid is the error for an assessment that breaks the rules: every problem found, each a
// short sentence naming the record at fault.
type Invalid struct{ Problems []string }

func (e *Invalid) Error() string {
	const shown = 12
	list := e.Problems
	more := ""
	if len(list) > shown {
		list, more = list[:shown], fmt.Sprintf("; and %d more", len(e.Problems)-shown)
	}
	return fmt.Sprintf("%d problem(s): %s%s", len(e.Problems), strings.Join(list, "; "), more)
}

// Validate checks a whole assessment that arrives from outside (an imported bundle) against
// the catalogue and the same refusals an assessor meets when entering it: known item IDs,
// statuses, SoA decisions and maturities on their scales, justified exclusions, unique
// records, known vocabulary. It returns an *Invalid listing every problem, or nil.
func Validate(cat *checklists.Catalogue, a *Assessment) error {
	v := &validation{cat: cat}
	for _, id := range slices.Sorted(maps.Keys(a.Results)) {
		v.result(id, a.Results[id])
	}
	v.systems(a.Systems)
	v.risks(a)
	v.tests(a.Tests)
	v.ncs(a.NCs)
	v.registers(a)
	v.fieldRecords(a)
	if err := a.RiskCriteria.Check(); err != nil {
		v.add("%v", err)
	}
	for _, err := range a.checkDates() {
		v.add("%v", err)
	}
	if len(v.problems) == 0 {
		return nil
	}
	return &Invalid{Problems: v.problems}
}

type validation struct {
	cat      *checklists.Catalogue
	problems []string
}

func (v *validation) add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

// result replays a stored result through Judgement.Apply on a fresh result, so an import
// meets exactly the refusals of the command line and the TUI.
func (v *validation) result(id string, r *Result) {
	item, ok := v.cat.Item(id)
	switch {
	case !ok:
		v.add("result %q names an item the catalogue %s does not have", id, v.cat.ID)
		return
	case r == nil:
		v.add("result %s is empty", id)
		return
	case r.ItemID != id:
		v.add("result %s carries the item ID %q", id, r.ItemID)
	}
	if !slices.Contains(Statuses, r.Status) {
		v.add("%s has the unknown status %q", id, r.Status)
		return
	}
	if _, err := ParsePriority(string(r.Priority)); err != nil {
		v.add("%s: %v", id, err)
	}
	status, maturity, target, justification := r.Status, r.Maturity, r.Target, r.Justification
	j := Judgement{Status: &status, Maturity: &maturity, Target: &target, Justification: &justification, AddEvidence: r.Evidence}
	if r.Decision != "" || item.IsControl() {
		if r.Decision != Included && r.Decision != Excluded {
			v.add("%s has the unknown SoA decision %q", id, r.Decision)
			return
		}
		d := r.Decision
		j.Decision = &d
	}
	if _, err := j.Apply(item, NewResult(item)); err != nil {
		if msg := err.Error(); strings.Contains(msg, id) {
			v.add("%s", msg)
		} else {
			v.add("%s: %s", id, msg)
		}
	}
}

func (v *validation) systems(list []AISystem) {
	seen := map[int64]bool{}
	for _, s := range list {
		name := fmt.Sprintf("AI system %d", s.ID)
		switch {
		case s.ID < 1 || seen[s.ID]:
			v.add("%s (%q) needs a unique positive ID", name, s.Name)
		case strings.TrimSpace(s.Name) == "":
			v.add("%s has no name", name)
		}
		seen[s.ID] = true
		if !s.InScope {
			if err := CheckJustification(fmt.Sprintf("taking %s (%q) out of scope", name, s.Name), s.ExclusionJustification); err != nil {
				v.add("%v", err)
			}
		}
		if _, err := ParseImpact(string(s.Impact)); err != nil {
			v.add("%s: %v", name, err)
		}
		if s.Stage != "" && !hasTerm(v.cat.LifecycleStages, s.Stage) {
			v.add("%s has the unknown life-cycle stage %q", name, s.Stage)
		}
		for _, role := range s.Roles {
			if !hasTerm(v.cat.AIRoles, role) {
				v.add("%s has the unknown AI role %q", name, role)
			}
		}
	}
}

func hasTerm(terms []checklists.Term, id string) bool {
	return slices.ContainsFunc(terms, func(t checklists.Term) bool { return t.ID == id })
}

func (v *validation) risks(a *Assessment) {
	seen := map[int64]bool{}
	for _, r := range a.Risks {
		name := fmt.Sprintf("risk %d", r.ID)
		if r.ID < 1 || seen[r.ID] {
			v.add("%s (%q) needs a unique positive ID", name, r.Title)
		}
		seen[r.ID] = true
		for _, n := range []int{r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact} {
			if n < 0 || n > 5 {
				v.add("%s has a rating of %d, outside 1 to 5", name, n)
				break
			}
		}
		if r.SystemID != 0 && !slices.ContainsFunc(a.Systems, func(s AISystem) bool { return s.ID == r.SystemID }) {
			v.add("%s names AI system %d, which is not in the inventory", name, r.SystemID)
		}
		for _, c := range r.Controls {
			if item, ok := v.cat.Item(c); !ok || !item.IsControl() {
				v.add("%s names %q, which is not an Annex A control", name, c)
			}
		}
	}
}

func (v *validation) tests(list []ControlTest) {
	seen := map[string]bool{}
	for _, t := range list {
		if item, ok := v.cat.Item(t.ControlID); !ok || !item.IsControl() || seen[t.ControlID] {
			v.add("control test %q must name an Annex A control with no other test", t.ControlID)
		}
		seen[t.ControlID] = true
		var replay ControlTest
		replay.ControlID = t.ControlID
		if err := replay.OverrideConclusion(t.ConclusionOverride, t.OverrideJustification); err != nil {
			v.add("%v", err)
		}
		if err := replay.OverrideSize(t.SizeOverride, t.OverrideReason); err != nil {
			v.add("%v", err)
		}
		if err := CheckDateOrder("the end of the test period", t.PeriodEnd, "its start", t.PeriodStart); err != nil {
			v.add("control test %s: %v", t.ControlID, err)
		}
		for _, s := range t.Samples {
			if s.Result != NotTested && s.Result != Pass && s.Result != Exception {
				v.add("control test %s sample %q has the unknown result %q", t.ControlID, s.Ref, s.Result)
			}
		}
	}
}

func (v *validation) ncs(list []Nonconformity) {
	seen := map[int]bool{}
	for _, nc := range list {
		if nc.Number < 1 || seen[nc.Number] {
			v.add("nonconformity number %d is not unique and positive", nc.Number)
		}
		seen[nc.Number] = true
		if _, err := ParseGrade(string(nc.Grade)); err != nil {
			v.add("%s: %v", nc.Label(), err)
		}
		if _, err := ParseNCStatus(string(nc.Status)); err != nil {
			v.add("%s: %v", nc.Label(), err)
		}
		if _, ok := v.cat.Item(nc.ItemID); nc.ItemID != "" && !ok {
			v.add("%s names %q, which is not in the catalogue", nc.Label(), nc.ItemID)
		}
		// The life-cycle rules an edit must pass hold for an imported or merged record too:
		// a major NC marked verified without its effectiveness check would lift the verdict.
		if err := nc.Check(); err != nil {
			v.add("%s: %v", nc.Label(), err)
		}
	}
}

// registers checks the keyed tables: role holders, evidence requests and manual KPIs.
func (v *validation) registers(a *Assessment) {
	roles := map[string]bool{}
	for _, h := range a.RoleHolders {
		known := slices.ContainsFunc(v.cat.GovernanceRoles, func(r checklists.GovernanceRole) bool { return r.ID == h.RoleID })
		if !known || roles[h.RoleID] {
			v.add("role holder %q must name a governance role of the catalogue once", h.RoleID)
		}
		roles[h.RoleID] = true
	}
	requests := map[string]bool{}
	for _, c := range v.cat.EvidenceRequests {
		for _, e := range c.Items {
			requests[e.ID] = true
		}
	}
	for _, id := range slices.Sorted(maps.Keys(a.Requests)) {
		if st := a.Requests[id].State; !requests[id] || !isRequestState(st) {
			v.add("evidence request %q with status %q is not known", id, st)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(a.KPIValues)) {
		if !slices.ContainsFunc(v.cat.KPIs, func(k checklists.KPI) bool { return k.ID == id }) {
			v.add("KPI value %q names a KPI the catalogue does not have", id)
		}
	}
}

package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// The finders of the verdict rules about what the AIMS covers: the AI systems in scope, their
// impact assessments, and the Statement of Applicability's exclusions.

func (f *facts) noSystemInScope() []Blocker {
	for i := range f.a.Systems {
		if f.a.Systems[i].InScope {
			return nil
		}
	}
	return []Blocker{{Detail: "no AI system is in scope; an AI management system that governs no AI system cannot be certified"}}
}

func (f *facts) missingImpactAssessments() []Blocker {
	var out []Blocker
	for i := range f.a.Systems {
		switch s := &f.a.Systems[i]; {
		case !s.InScope:
		case s.AISIADate.IsZero():
			out = append(out, Blocker{System: s.Name, Detail: fmt.Sprintf("AI system %q is in scope but has no impact assessment", s.Name)})
		case day(s.AISIADate).After(day(f.asOf)): // a date to come is a plan, not an assessment done
			out = append(out, Blocker{System: s.Name, Detail: fmt.Sprintf("AI system %q is in scope and its impact assessment is dated %s, after %s: it is not done yet",
				s.Name, s.AISIADate.Format(time.DateOnly), f.asOf.Format(time.DateOnly))})
		}
	}
	return out
}

func (f *facts) staleImpactAssessments() []Blocker {
	var out []Blocker
	for i := range f.a.Systems {
		s := &f.a.Systems[i]
		if !s.InScope || s.AISIADate.IsZero() {
			continue
		}
		switch {
		case !s.LastChange.IsZero() && s.AISIADate.Before(s.LastChange):
			out = append(out, Blocker{System: s.Name, Detail: fmt.Sprintf("the impact assessment of AI system %q (%s) is older than its last significant change (%s)",
				s.Name, s.AISIADate.Format(time.DateOnly), s.LastChange.Format(time.DateOnly))})
		case s.Impact == ImpactHigh && s.AISIADate.Before(f.yearAgo):
			out = append(out, Blocker{System: s.Name, Detail: fmt.Sprintf("the impact assessment of high-impact AI system %q dates from %s, more than 12 months ago",
				s.Name, s.AISIADate.Format(time.DateOnly))})
		}
	}
	return out
}

func (f *facts) highImpactOutOfScope() []Blocker {
	high := systemNames(f.a, func(s *AISystem) bool { return s.Impact == ImpactHigh })
	if len(high) == 0 || len(HighImpactInScope(f.a)) > 0 {
		return nil
	}
	names := strings.Join(high, ", ")
	return []Blocker{{System: names, Detail: fmt.Sprintf("every high-impact AI system is out of scope (%s); an AIMS that leaves out all the systems with the most impact will not be certified", names)}}
}

func (f *facts) unjustifiedExclusions() []Blocker {
	var out []Blocker
	f.excludedControls(func(item checklists.Item, r *Result) {
		if problem := justificationProblem(r.Justification); problem != "" {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("%s %s is excluded from the SoA without an acceptable justification: %s", item.ID, item.Title, problem)})
		}
	})
	return out
}

func (f *facts) requiredControlsExcluded() []Blocker {
	var out []Blocker
	f.excludedControls(func(item checklists.Item, _ *Result) {
		reqs := f.requiredBy(item.ID)
		if len(reqs) == 0 {
			return
		}
		var reasons, systems []string
		for _, req := range reqs {
			reasons = append(reasons, req.String())
			for _, s := range req.Systems {
				if !slices.Contains(systems, s) {
					systems = append(systems, s)
				}
			}
		}
		out = append(out, Blocker{Item: item.ID, System: strings.Join(systems, ", "),
			Detail: fmt.Sprintf("%s %s is excluded from the SoA, but it is %s", item.ID, item.Title, strings.Join(reasons, "; and "))})
	})
	return out
}

func (f *facts) exclusionsContradictingRiskTreatment() []Blocker {
	var out []Blocker
	f.excludedControls(func(item checklists.Item, _ *Result) {
		for _, risk := range risksRelyingOn(f.a, item.ID) {
			out = append(out, Blocker{Item: item.ID, Ref: risk.Label(),
				Detail: fmt.Sprintf("%s %s is excluded from the SoA, but risk %s %q is treated with it", item.ID, item.Title, risk.Label(), risk.Title)})
		}
	})
	return out
}

package checklists

import (
	"fmt"
	"slices"
	"strings"
)

// validator collects every problem of a decoded catalogue in one pass, so an author fixes
// them all at once instead of one per load.
type validator struct {
	cat      *Catalogue
	file     string
	lines    map[string]int
	problems []Problem
	seen     map[string]string // entry ID → path of its first definition
}

func (v *validator) add(path, format string, args ...any) {
	line := v.lines[path]
	for p := path; line == 0 && p != ""; {
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
		line = v.lines[p]
	}
	v.problems = append(v.problems, Problem{File: v.file, Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) run() {
	c := v.cat
	if strings.TrimSpace(c.ID) == "" {
		v.add("id", "the catalogue has no id")
	}
	if strings.TrimSpace(c.Version) == "" {
		v.add("version", "the catalogue has no version")
	}
	v.items()
	v.maturity()
	v.evidence()
	v.checklist()
	v.gaps()
	v.kpis()
	v.named("governance_roles", len(c.GovernanceRoles), func(i int) (string, string) {
		return c.GovernanceRoles[i].ID, c.GovernanceRoles[i].Title
	})
	v.phases()
	for i, m := range c.FrameworkMapping {
		p := fmt.Sprintf("framework_mapping[%d]", i)
		if m.Area == "" {
			v.add(p, "a framework mapping row has no area")
		}
		v.refs(p+".iso42001", m.ISO42001)
	}
	for _, t := range []struct {
		name  string
		terms []Term
	}{{"annex_c_objectives", c.AnnexCObjectives}, {"annex_c_risk_sources", c.AnnexCRiskSources}, {"ai_roles", c.AIRoles}, {"lifecycle_stages", c.LifecycleStages}} {
		terms := t.terms
		v.named(t.name, len(terms), func(i int) (string, string) { return terms[i].ID, terms[i].Title })
	}
	v.sampling()
	v.requiredControls()
	v.fieldRecordTables()
	v.labelSources()
}

func (v *validator) items() {
	v.seen = map[string]string{}
	c := v.cat
	if len(c.Items) == 0 {
		v.add("items", "the catalogue has no items")
	}
	kinds := map[string]Kind{}
	all := make(map[string]bool, len(c.Items))
	for _, it := range c.Items {
		all[it.ID] = true
	}
	for i, it := range c.Items {
		p := fmt.Sprintf("items[%d]", i)
		switch {
		case strings.TrimSpace(it.ID) == "":
			v.add(p+".id", "an item has no id")
		case v.seen[it.ID] != "":
			v.add(p+".id", "duplicate ID %q (first defined at %s, line %d)", it.ID, v.seen[it.ID], v.lines[v.seen[it.ID]])
		default:
			v.seen[it.ID] = p
		}
		if strings.TrimSpace(it.Title) == "" {
			v.add(p+".title", "item %q has no title", it.ID)
		}
		switch it.Kind {
		case KindHeading, KindObjective:
		case KindClause, KindControl:
			if strings.TrimSpace(it.Verify) == "" {
				v.add(p+".verify", "assessable item %q has no text saying what to verify", it.ID)
			}
			if strings.TrimSpace(it.Evidence) == "" {
				v.add(p+".evidence", "assessable item %q has no typical evidence", it.ID)
			}
			if it.Kind == KindControl && strings.TrimSpace(it.Hint) == "" {
				v.add(p+".hint", "control %q has no implementation hint", it.ID)
			}
			if it.Parent == "" {
				v.add(p+".parent", "assessable item %q has no parent heading or objective", it.ID)
			}
		default:
			v.add(p+".kind", "item %q has kind %q; use heading, clause, objective or control", it.ID, it.Kind)
		}
		if it.Parent != "" {
			pk, defined := kinds[it.Parent]
			switch {
			case !defined && all[it.Parent]:
				v.add(p+".parent", "item %q names parent %q, which appears later; list parents before their children", it.ID, it.Parent)
			case !defined:
				v.add(p+".parent", "item %q names parent %q, which does not exist", it.ID, it.Parent)
			case pk == KindClause || pk == KindControl:
				v.add(p+".parent", "item %q has parent %q, which is assessable; only headings and objectives group items", it.ID, it.Parent)
			}
		}
		if it.ID != "" {
			kinds[it.ID] = it.Kind
		}
	}
}

// refs checks that every ID in a list names an assessable item.
func (v *validator) refs(path string, ids []string) {
	for j, id := range ids {
		p, ok := v.seen[id]
		switch {
		case !ok:
			v.add(fmt.Sprintf("%s[%d]", path, j), "reference to %q, which is not an item of the catalogue", id)
		case !v.cat.Items[indexOf(p)].Assessable():
			v.add(fmt.Sprintf("%s[%d]", path, j), "reference to %q, which is a heading or objective, not an assessable item", id)
		}
	}
}

// indexOf turns "items[12]" back into 12.
func indexOf(path string) int {
	var i int
	fmt.Sscanf(path, "items[%d]", &i)
	return i
}

// named checks a list of entries that need a unique ID and a title.
func (v *validator) named(section string, n int, get func(int) (id, title string)) {
	ids := map[string]bool{}
	for i := 0; i < n; i++ {
		id, title := get(i)
		p := fmt.Sprintf("%s[%d]", section, i)
		if strings.TrimSpace(id) == "" {
			v.add(p+".id", "an entry has no id")
		} else if ids[id] {
			v.add(p+".id", "duplicate ID %q", id)
		}
		ids[id] = true
		if strings.TrimSpace(title) == "" {
			v.add(p+".title", "entry %q has no title", id)
		}
	}
}

func (v *validator) maturity() {
	c := v.cat
	for i, m := range c.MaturityLevels {
		p := fmt.Sprintf("maturity_levels[%d]", i)
		if m.Level != i+1 {
			v.add(p+".level", "maturity levels must run 1, 2, 3 … in order; found %d at position %d", m.Level, i+1)
		}
		if m.Name == "" || m.Description == "" {
			v.add(p, "maturity level %d needs a name and a description", m.Level)
		}
	}
	if len(c.MaturityLevels) != 5 {
		v.add("maturity_levels", "the maturity model must have 5 levels, found %d", len(c.MaturityLevels))
	}
}

func (v *validator) evidence() {
	c := v.cat
	v.named("evidence_requests", len(c.EvidenceRequests), func(i int) (string, string) {
		return c.EvidenceRequests[i].ID, c.EvidenceRequests[i].Title
	})
	ids := map[string]bool{}
	for i, cat := range c.EvidenceRequests {
		for j, e := range cat.Items {
			p := fmt.Sprintf("evidence_requests[%d].items[%d]", i, j)
			if e.ID == "" || e.Title == "" {
				v.add(p, "an evidence request needs an id and a title")
			} else if ids[e.ID] {
				v.add(p+".id", "duplicate ID %q", e.ID)
			}
			ids[e.ID] = true
			if len(e.Supports) == 0 {
				v.add(p+".supports", "evidence request %q supports no requirement", e.ID)
			}
			v.refs(p+".supports", e.Supports)
		}
	}
}

func (v *validator) checklist() {
	c := v.cat
	v.named("readiness_checklist", len(c.ReadinessChecklist), func(i int) (string, string) {
		return c.ReadinessChecklist[i].ID, c.ReadinessChecklist[i].Title
	})
	for i, e := range c.ReadinessChecklist {
		p := fmt.Sprintf("readiness_checklist[%d]", i)
		v.refs(p+".items", e.Items)
		for j, cond := range e.Conditions {
			v.vocabulary(fmt.Sprintf("%s.conditions[%d]", p, j), "condition", cond, Conditions)
		}
		if len(e.Items) == 0 && len(e.Conditions) == 0 {
			v.add(p, "checklist entry %q has neither items nor conditions, so nothing decides it", e.ID)
		}
	}
}

func (v *validator) gaps() {
	c := v.cat
	v.named("common_gaps", len(c.CommonGaps), func(i int) (string, string) {
		return c.CommonGaps[i].ID, c.CommonGaps[i].Title
	})
	for i, g := range c.CommonGaps {
		p := fmt.Sprintf("common_gaps[%d]", i)
		v.refs(p+".items", g.Items)
		if (len(g.Items) > 0) != (g.When != "") {
			v.add(p+".when", "common gap %q needs both items and an item test (when), or neither", g.ID)
		}
		if g.When != "" {
			v.vocabulary(p+".when", "item test", g.When, ItemTests)
		}
		if g.Systems != "" {
			v.vocabulary(p+".systems", "system selector", g.Systems, SystemSelectors)
		}
		if g.Condition != "" {
			v.vocabulary(p+".condition", "condition", g.Condition, Conditions)
		}
		if g.When == "" && g.Systems == "" && g.Condition == "" {
			v.add(p, "common gap %q has no rule (items and when, systems, or condition)", g.ID)
		}
	}
}

func (v *validator) kpis() {
	c := v.cat
	v.named("kpis", len(c.KPIs), func(i int) (string, string) { return c.KPIs[i].ID, c.KPIs[i].Title })
	for i, k := range c.KPIs {
		if k.Computed != "" {
			v.vocabulary(fmt.Sprintf("kpis[%d].computed", i), "computed KPI", k.Computed, ComputedKPIs)
		}
	}
}

func (v *validator) phases() {
	c := v.cat
	for i, ph := range c.Phases {
		p := fmt.Sprintf("phases[%d]", i)
		if ph.ID != i+1 {
			v.add(p+".id", "phases must be numbered 1, 2, 3 … in order; found %d at position %d", ph.ID, i+1)
		}
		if ph.Title == "" {
			v.add(p+".title", "phase %d has no title", ph.ID)
		}
		if ph.StartWeek < 1 || ph.EndWeek < ph.StartWeek {
			v.add(p, "phase %d runs from week %d to week %d; the start must be at least 1 and not after the end", ph.ID, ph.StartWeek, ph.EndWeek)
		}
		v.refs(p+".items", ph.Items)
	}
}

func (v *validator) sampling() {
	s := v.cat.Sampling
	v.named("sampling.frequencies", len(s.Frequencies), func(i int) (string, string) {
		return s.Frequencies[i].ID, s.Frequencies[i].Title
	})
	for i, f := range s.Frequencies {
		if f.Normal < 1 || f.Elevated < f.Normal {
			v.add(fmt.Sprintf("sampling.frequencies[%d]", i), "sample sizes for %q must be at least 1, elevated not below normal", f.ID)
		}
	}
	prev := 0
	for i, e := range s.EventDriven {
		p := fmt.Sprintf("sampling.event_driven[%d]", i)
		last := i == len(s.EventDriven)-1
		switch {
		case !last && e.MaxPopulation <= prev:
			v.add(p+".max_population", "population bands must rise; %d does not exceed %d", e.MaxPopulation, prev)
		case last && e.MaxPopulation != 0:
			v.add(p+".max_population", "the last population band must be open-ended (max_population 0)")
		}
		if !e.All && (e.Normal < 1 || e.Elevated < e.Normal) {
			v.add(p, "a population band needs all: true or sample sizes of at least 1, elevated not below normal")
		}
		prev = e.MaxPopulation
	}
	if len(s.Frequencies) == 0 || len(s.EventDriven) == 0 {
		v.add("sampling", "the sampling table needs frequencies and event-driven population bands")
	}
}

func (v *validator) vocabulary(path, what, name string, known []string) {
	if !slices.Contains(known, name) {
		v.add(path, "unknown %s %q; known: %s", what, name, strings.Join(known, ", "))
	}
}

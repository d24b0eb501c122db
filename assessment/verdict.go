package assessment

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"aimsbench/checklists"
)

// Mean is a mean maturity, rounded to one decimal and printed that way in JSON.
type Mean float64

// MarshalJSON prints the mean with exactly one decimal.
func (m Mean) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(m), 'f', 1, 64)), nil
}

// String prints the mean with one decimal.
func (m Mean) String() string { return strconv.FormatFloat(float64(m), 'f', 1, 64) }

// Group is the roll-up of one clause heading, one Annex A objective, or the whole assessment
// (§4.3), over its assessable, applicable items.
type Group struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Assessed int            `json:"assessed"`
	Total    int            `json:"total"`
	Mean     Mean           `json:"mean"`
	Min      int            `json:"min"`
	ByStatus map[Status]int `json:"by_status"`
}

// Blocker is one thing that holds the readiness level down.
type Blocker struct {
	Kind   string `json:"kind"`
	Item   string `json:"item"`
	System string `json:"system,omitempty"`
	Detail string `json:"detail"`
}

// Shortfall is an item whose maturity is below its target.
type Shortfall struct {
	Item     string `json:"item"`
	Title    string `json:"title"`
	Maturity int    `json:"maturity"`
	Target   int    `json:"target"`
}

// Summary is everything the verdict rests on: the same value feeds the TUI, `summary --json`
// and the report.
type Summary struct {
	Verdict     string            `json:"verdict"`
	Level       int               `json:"level"`
	LevelName   string            `json:"level_name"`
	Complete    bool              `json:"complete"`
	Assessed    int               `json:"assessed"`
	Total       int               `json:"total"`
	Floor       int               `json:"floor"`
	Mean        Mean              `json:"mean"`
	Blockers    []Blocker         `json:"blockers"`
	BelowTarget []Shortfall       `json:"below_target"`
	Overall     Group             `json:"overall"`
	Groups      []Group           `json:"groups"`
	Warnings    []Warning         `json:"warnings"`
	CommonGaps  []GapFinding      `json:"common_gaps"`
	Checklist   []ChecklistResult `json:"checklist"`
	KPIs        []KPIResult       `json:"kpis"`
	AsOf        time.Time         `json:"as_of"`
}

// InReadinessScope reports whether an item counts towards the verdict: every clause
// requirement, and each Annex A control the SoA includes.
func (a *Assessment) InReadinessScope(item checklists.Item) bool {
	if !item.Assessable() {
		return false
	}
	return !item.IsControl() || a.Result(item).Decision != Excluded
}

// Judged reports whether an item has both a status and a maturity.
func (r *Result) Judged() bool { return r.Status != NotAssessed && r.Maturity > 0 }

// rollUp computes a group over the given items.
func rollUp(a *Assessment, id, title string, items []checklists.Item) Group {
	g := Group{ID: id, Title: title, ByStatus: map[Status]int{}}
	for _, s := range Statuses {
		g.ByStatus[s] = 0
	}
	sum, rated := 0, 0
	for _, item := range items {
		if !a.InReadinessScope(item) {
			continue
		}
		r := a.Result(item)
		g.Total++
		g.ByStatus[r.Status]++
		if r.Judged() {
			g.Assessed++
		}
		if r.Maturity > 0 {
			if rated == 0 || r.Maturity < g.Min {
				g.Min = r.Maturity
			}
			sum += r.Maturity
			rated++
		}
	}
	if rated > 0 {
		g.Mean = Mean(math.Round(float64(sum)/float64(rated)*10) / 10)
	}
	return g
}

// Groups returns the roll-up of each clause heading and Annex A objective.
func Groups(cat *checklists.Catalogue, a *Assessment) []Group {
	return groups(cat, a, cat.Assessable())
}

func groups(cat *checklists.Catalogue, a *Assessment, items []checklists.Item) []Group {
	members := map[string][]checklists.Item{}
	for _, item := range items {
		g := cat.GroupOf(item.ID)
		members[g] = append(members[g], item)
	}
	var out []Group
	for _, g := range cat.Groups() {
		out = append(out, rollUp(a, g.ID, g.Title, members[g.ID]))
	}
	return out
}

// LevelNames are the readiness levels' names, from the maturity model's readiness column.
func levelName(cat *checklists.Catalogue, level int) string {
	for _, m := range cat.MaturityLevels {
		if m.Level == level {
			return m.Readiness
		}
	}
	return "Not yet rated"
}

// Evaluate applies every rule of §4 to an assessment as of a date (impact assessments age,
// nonconformities fall overdue) and returns the verdict with all that supports it.
func Evaluate(cat *checklists.Catalogue, a *Assessment, asOf time.Time) Summary {
	f := newFacts(cat, a, asOf)
	s := Summary{AsOf: day(asOf)}
	s.Overall = rollUp(a, "overall", "Clause requirements and included controls", f.items)
	s.Groups = groups(cat, a, f.items)
	s.Assessed, s.Total, s.Floor, s.Mean = s.Overall.Assessed, s.Overall.Total, s.Overall.Min, s.Overall.Mean
	s.Complete = s.Total > 0 && s.Assessed == s.Total
	s.Blockers = blockers(a, f.items)

	level := s.Floor
	for _, b := range s.Blockers {
		if b.Kind != "maturity_below_3" {
			level = min(level, 2) // a blocker caps the level at 2
		}
	}
	s.Level, s.LevelName = level, levelName(cat, level)
	s.Verdict = s.LevelName
	if !s.Complete {
		s.Verdict = fmt.Sprintf("Incomplete — %d of %d assessed", s.Assessed, s.Total)
	}
	for _, item := range f.items {
		r := a.Result(item)
		if a.InReadinessScope(item) && r.Maturity > 0 && r.Maturity < r.EffectiveTarget() {
			s.BelowTarget = append(s.BelowTarget, Shortfall{Item: item.ID, Title: item.Title, Maturity: r.Maturity, Target: r.EffectiveTarget()})
		}
	}
	s.Warnings = warnings(cat, a, f.items)
	s.Checklist = f.checklist()
	s.CommonGaps = f.commonGaps()
	s.KPIs = f.kpis()
	s.BelowTarget = nonNilSlice(s.BelowTarget)
	s.Warnings = nonNilSlice(s.Warnings)
	s.CommonGaps = nonNilSlice(s.CommonGaps)
	return s
}

// Blockers lists what holds the level down (§4.4): each cause that caps the level at 2,
// then each item rated below level 3.
func Blockers(cat *checklists.Catalogue, a *Assessment) []Blocker {
	return blockers(a, cat.Assessable())
}

func blockers(a *Assessment, items []checklists.Item) []Blocker {
	out := []Blocker{}
	inScope := 0
	for i := range a.Systems {
		sys := &a.Systems[i]
		if !sys.InScope {
			continue
		}
		inScope++
		if sys.AISIADate.IsZero() {
			out = append(out, Blocker{Kind: "missing_impact_assessment", System: sys.Name,
				Detail: fmt.Sprintf("AI system %q is in scope but has no impact assessment", sys.Name)})
		}
	}
	if inScope == 0 {
		out = append(out, Blocker{Kind: "no_ai_system_in_scope",
			Detail: "no AI system is in scope; an AI management system that governs no AI system cannot be certified"})
	}
	for _, item := range items {
		r := a.Result(item)
		switch {
		case unjustifiedExclusion(item, r):
			out = append(out, Blocker{Kind: "unjustified_exclusion", Item: item.ID,
				Detail: fmt.Sprintf("%s %s is excluded from the SoA without a justification", item.ID, item.Title)})
		case !a.InReadinessScope(item):
		case r.Status == Nonconformant:
			out = append(out, Blocker{Kind: "nonconformant", Item: item.ID,
				Detail: fmt.Sprintf("%s %s is nonconformant", item.ID, item.Title)})
		case unsupported(r):
			out = append(out, Blocker{Kind: "unsupported_conformity", Item: item.ID,
				Detail: fmt.Sprintf("%s %s is judged conformant without any evidence item", item.ID, item.Title)})
		}
	}
	for i := range a.NCs {
		if nc := &a.NCs[i]; nc.Grade == MajorNC && nc.IsOpen() {
			out = append(out, Blocker{Kind: "open_major_nc", Item: nc.ItemID,
				Detail: fmt.Sprintf("%s, a major nonconformity against %s, is %s", nc.Label(), nc.ItemID, nc.Status.Label())})
		}
	}
	for _, item := range items {
		r := a.Result(item)
		if a.InReadinessScope(item) && r.Maturity > 0 && r.Maturity < 3 {
			out = append(out, Blocker{Kind: "maturity_below_3", Item: item.ID,
				Detail: fmt.Sprintf("%s %s is at maturity %d, below the certification-ready level 3", item.ID, item.Title, r.Maturity)})
		}
	}
	return out
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

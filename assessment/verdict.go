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

// Blocker is one thing that holds the readiness level down: the kind of rule it breaks
// (VerdictRules), the highest level it allows, and what caused it — the item, the AI
// system(s), or the record (NC-003, risk 7, KPI-03) — so a reader knows exactly what to fix.
type Blocker struct {
	Kind   string `json:"kind"`
	Cap    int    `json:"cap"`
	Item   string `json:"item"`
	System string `json:"system,omitempty"`
	Ref    string `json:"ref,omitempty"`
	Detail string `json:"detail"`
}

// RatedItem is an item of R with its maturity, as the ladder lists the items rated below a level.
type RatedItem struct {
	Item     string `json:"item"`
	Title    string `json:"title"`
	Maturity int    `json:"maturity"`
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
	BelowLevel3 []RatedItem       `json:"below_level_3"`
	Steps       int               `json:"steps_to_level_4"`
	BelowTarget []Shortfall       `json:"below_target"`
	Overall     Group             `json:"overall"`
	Groups      []Group           `json:"groups"`
	Warnings    []Warning         `json:"warnings"`
	CommonGaps  []GapFinding      `json:"common_gaps"`
	Checklist   []ChecklistResult `json:"checklist"`
	KPIs        []KPIResult       `json:"kpis"`
	AsOf        time.Time         `json:"as_of"`

	belowTop []RatedItem // items of R rated below 5, for the ladder
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
// evidence expires, nonconformities fall overdue) and returns the verdict with all that
// supports it.
func Evaluate(cat *checklists.Catalogue, a *Assessment, asOf time.Time) Summary {
	f := newFacts(cat, a, asOf)
	s := Summary{AsOf: day(asOf)}
	s.Overall = rollUp(a, "overall", "Clause requirements and included controls", f.items)
	s.Groups = groups(cat, a, f.items)
	s.Assessed, s.Total, s.Floor, s.Mean = s.Overall.Assessed, s.Overall.Total, s.Overall.Min, s.Overall.Mean
	s.Complete = s.Total > 0 && s.Assessed == s.Total
	s.Blockers = f.blockers()
	s.Level = s.Floor
	for _, b := range s.Blockers {
		s.Level = min(s.Level, b.Cap)
	}
	s.LevelName = levelName(cat, s.Level)
	s.Verdict = s.LevelName
	if !s.Complete {
		s.Verdict = fmt.Sprintf("Incomplete — %d of %d assessed", s.Assessed, s.Total)
	}
	for i, item := range f.items {
		r := f.results[i]
		if !f.inR[i] || r.Maturity == 0 {
			continue
		}
		if r.Maturity < 5 {
			s.belowTop = append(s.belowTop, RatedItem{Item: item.ID, Title: item.Title, Maturity: r.Maturity})
		}
		if r.Maturity < r.EffectiveTarget() {
			s.BelowTarget = append(s.BelowTarget, Shortfall{Item: item.ID, Title: item.Title, Maturity: r.Maturity, Target: r.EffectiveTarget()})
		}
	}
	s.BelowLevel3 = s.below(3)
	s.Steps = s.stepsTo(4)
	s.Warnings = f.warnings()
	s.Checklist = f.checklist()
	s.CommonGaps = f.commonGaps()
	s.KPIs = f.kpis()
	s.BelowTarget = nonNilSlice(s.BelowTarget)
	s.Warnings = nonNilSlice(s.Warnings)
	s.CommonGaps = nonNilSlice(s.CommonGaps)
	return s
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

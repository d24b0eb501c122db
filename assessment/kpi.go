package assessment

import (
	"fmt"
	"time"

	"aimsbench/checklists"
)

// KPIResult is one KPI as reported: computed from the data where the catalogue says so,
// otherwise as the assessor entered it. Formula always says where the figure comes from.
type KPIResult struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Formula string    `json:"formula"`
	Unit    string    `json:"unit"`
	Source  string    `json:"source"` // computed or manual
	Value   string    `json:"value"`
	Target  string    `json:"target,omitempty"`
	Date    time.Time `json:"date,omitzero"`
}

// kpiRules implements checklists.ComputedKPIs; each returns the value as printed.
var kpiRules = map[string]func(f *facts) string{
	"impact_assessment_coverage": func(f *facts) string {
		return share(f.a, func(s *AISystem) bool { return s.InScope }, func(s *AISystem) bool { return aisiaProblemSince(s, f.yearAgo) == "" }, "in-scope systems")
	},
	"controls_effective": func(f *facts) string {
		cat, a := f.cat, f.a
		included, effective := 0, 0
		for _, item := range f.items {
			if !item.IsControl() || !a.InReadinessScope(item) {
				continue
			}
			included++
			if a.Result(item).Status == Conformant && testConclusion(cat, a, item.ID) == Effective {
				effective++
			}
		}
		return percent(effective, included, "included controls")
	},
	"open_risks": func(f *facts) string {
		var high, medium, low, oldest int
		for i := range f.a.Risks {
			r := &f.a.Risks[i]
			if r.Status != "open" {
				continue
			}
			switch Severity(r.Likelihood, r.Impact) {
			case "high":
				high++
			case "medium":
				medium++
			default:
				low++
			}
			if !r.Raised.IsZero() {
				oldest = max(oldest, days(r.Raised, f.asOf))
			}
		}
		if n := high + medium + low; n > 0 {
			return fmt.Sprintf("%d open: %d high, %d medium, %d low; oldest %d days", n, high, medium, low, oldest)
		}
		return "no open risks"
	},
	"nonconformities": func(f *facts) string {
		asOf := f.asOf
		var open, overdue, ageSum, closed, closeSum int
		for i := range f.a.NCs {
			nc := &f.a.NCs[i]
			switch {
			case nc.IsOpen():
				open++
				ageSum += days(nc.Raised, asOf)
				if nc.Overdue(asOf) {
					overdue++
				}
			case !nc.Closed.IsZero():
				closed++
				closeSum += days(nc.Raised, nc.Closed)
			}
		}
		v := fmt.Sprintf("%d open (%d overdue)", open, overdue)
		if open > 0 {
			v += fmt.Sprintf(", mean age %d days", ageSum/open)
		}
		if closed > 0 {
			v += fmt.Sprintf("; mean time to close %d days over %d closed", closeSum/closed, closed)
		}
		return v
	},
	"suppliers_assessed": func(f *facts) string {
		return share(f.a, systemSelectors["with_suppliers"], func(s *AISystem) bool { return s.SupplierAssessed }, "supplier-dependent systems")
	},
	"human_oversight_coverage": func(f *facts) string {
		return share(f.a, func(s *AISystem) bool { return s.InScope && s.Impact == ImpactHigh }, func(s *AISystem) bool { return s.HumanOversight }, "high-impact systems")
	},
}

// Severity classes a risk by likelihood × impact on the 5×5 grid.
func Severity(likelihood, impact int) string {
	switch score := likelihood * impact; {
	case score >= 15:
		return "high"
	case score >= 8:
		return "medium"
	}
	return "low"
}

func share(a *Assessment, among, ok func(*AISystem) bool, what string) string {
	total, good := 0, 0
	for i := range a.Systems {
		if s := &a.Systems[i]; among(s) {
			total++
			if ok(s) {
				good++
			}
		}
	}
	return percent(good, total, what)
}

func percent(n, of int, what string) string {
	if of == 0 {
		return "no " + what
	}
	return fmt.Sprintf("%d%% (%d of %d %s)", (n*100+of/2)/of, n, of, what)
}

func days(from, to time.Time) int {
	if from.IsZero() || to.Before(from) {
		return 0
	}
	return int(day(to).Sub(day(from)).Hours() / 24)
}

// KPIs reports every KPI of the catalogue (§4.7).
func KPIs(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []KPIResult {
	return newFacts(cat, a, asOf).kpis()
}

func (f *facts) kpis() []KPIResult {
	out := []KPIResult{}
	for _, k := range f.cat.KPIs {
		res := KPIResult{ID: k.ID, Title: k.Title, Formula: k.Formula, Unit: k.Unit}
		if k.Computed != "" {
			res.Source, res.Value = "computed", kpiRules[k.Computed](f)
		} else {
			v := f.a.KPIValues[k.ID]
			res.Source, res.Value, res.Target, res.Date = "manual", v.Value, v.Target, v.Date
			if res.Value == "" {
				res.Value = "not entered"
			}
		}
		out = append(out, res)
	}
	return out
}

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
var kpiRules = map[string]func(cat *checklists.Catalogue, a *Assessment, asOf time.Time) string{
	"impact_assessment_coverage": func(_ *checklists.Catalogue, a *Assessment, asOf time.Time) string {
		return share(a, func(s AISystem) bool { return s.InScope }, func(s AISystem) bool { return aisiaProblem(s, asOf) == "" }, "in-scope systems")
	},
	"controls_effective": func(cat *checklists.Catalogue, a *Assessment, _ time.Time) string {
		included, effective := 0, 0
		for _, item := range cat.Assessable() {
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
	"open_risks": func(_ *checklists.Catalogue, a *Assessment, asOf time.Time) string {
		var high, medium, low, oldest int
		for _, r := range a.Risks {
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
				oldest = max(oldest, days(r.Raised, asOf))
			}
		}
		if n := high + medium + low; n > 0 {
			return fmt.Sprintf("%d open: %d high, %d medium, %d low; oldest %d days", n, high, medium, low, oldest)
		}
		return "no open risks"
	},
	"nonconformities": func(_ *checklists.Catalogue, a *Assessment, asOf time.Time) string {
		var open, overdue, ageSum, closed, closeSum int
		for _, nc := range a.NCs {
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
	"suppliers_assessed": func(_ *checklists.Catalogue, a *Assessment, _ time.Time) string {
		return share(a, systemSelectors["with_suppliers"], func(s AISystem) bool { return s.SupplierAssessed }, "supplier-dependent systems")
	},
	"human_oversight_coverage": func(_ *checklists.Catalogue, a *Assessment, _ time.Time) string {
		return share(a, func(s AISystem) bool { return s.InScope && s.Impact == ImpactHigh }, func(s AISystem) bool { return s.HumanOversight }, "high-impact systems")
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

func share(a *Assessment, among, ok func(AISystem) bool, what string) string {
	total, good := 0, 0
	for _, s := range a.Systems {
		if among(s) {
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
	out := []KPIResult{}
	for _, k := range cat.KPIs {
		res := KPIResult{ID: k.ID, Title: k.Title, Formula: k.Formula, Unit: k.Unit}
		if k.Computed != "" {
			res.Source, res.Value = "computed", kpiRules[k.Computed](cat, a, asOf)
		} else {
			v := a.KPIValues[k.ID]
			res.Source, res.Value, res.Target, res.Date = "manual", v.Value, v.Target, v.Date
			if res.Value == "" {
				res.Value = "not entered"
			}
		}
		out = append(out, res)
	}
	return out
}

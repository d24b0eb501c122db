package assessment

import (
	"fmt"
	"time"

	"aimsbench/checklists"
)

// KPIResult is one KPI as reported: computed from the data where the catalogue says so,
// otherwise as the assessor entered it. Formula always says where the figure comes from.
// Measured is false for a manual KPI not entered in the last 12 months and for a computed one
// without the data it needs; the verdict counts those (kpis_not_measured).
type KPIResult struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Formula  string    `json:"formula"`
	Unit     string    `json:"unit"`
	Source   string    `json:"source"` // computed or manual
	Value    string    `json:"value"`
	Target   string    `json:"target,omitempty"`
	Date     time.Time `json:"date,omitzero"`
	Measured bool      `json:"measured"`
}

// kpiReading is a KPI read from the data, with why it is not measured and, for a computed
// one, whether it falls short of full coverage (which can contradict a conformant judgement).
type kpiReading struct {
	KPIResult
	rule  string // computed rule name, "" for a manual KPI
	why   string // why it is not measured
	short bool
}

// kpiValue is what a computed KPI rule finds.
type kpiValue struct {
	value    string
	measured bool
	why      string
	short    bool
}

func measured(value string, short bool) kpiValue {
	return kpiValue{value: value, measured: true, short: short}
}

func notMeasured(why string) kpiValue { return kpiValue{value: "not measured: " + why, why: why} }

// kpiRules implements checklists.ComputedKPIs.
var kpiRules = map[string]func(f *facts) kpiValue{
	"impact_assessment_coverage": func(f *facts) kpiValue {
		return share(f.a, func(s *AISystem) bool { return s.InScope }, func(s *AISystem) bool { return aisiaProblemSince(s, f.yearAgo) == "" }, "in-scope systems")
	},
	"controls_effective":  (*facts).controlsEffective,
	"open_risks":          (*facts).openRisks,
	"nonconformities":     (*facts).openNonconformities,
	"suppliers_assessed":  (*facts).suppliersAssessed,
	"training_completion": (*facts).trainingCompletion,
	"incident_response":   (*facts).incidentResponse,
	"human_oversight_coverage": func(f *facts) kpiValue {
		return share(f.a, func(s *AISystem) bool { return s.InScope && s.Impact == ImpactHigh }, func(s *AISystem) bool { return s.HumanOversight }, "high-impact systems")
	},
}

// controlsEffective is the share of included controls judged conformant and tested effective;
// it is measured once at least one test is concluded.
func (f *facts) controlsEffective() kpiValue {
	included, effective, concluded := 0, 0, 0
	f.inRange(func(item checklists.Item, r *Result) {
		if !item.IsControl() {
			return
		}
		included++
		c := testConclusion(f.cat, f.a, item.ID)
		if c != NotConcluded {
			concluded++
		}
		if r.Status == Conformant && c == Effective {
			effective++
		}
	})
	if concluded == 0 {
		return notMeasured("no control test is concluded")
	}
	return measured(percent(effective, included, "included controls"), effective < included)
}

// openRisks counts the risks not closed by severity and age, and how many have a residual
// score within the recorded appetite; without an appetite, residual risk is not measured.
func (f *facts) openRisks() kpiValue {
	var high, medium, low, oldest, inPlay, within int
	appetite := f.a.RiskCriteria.Appetite
	for i := range f.a.Risks {
		r := &f.a.Risks[i]
		if r.Status == "closed" {
			continue
		}
		inPlay++
		if score, ok := r.ResidualScore(); ok && score <= appetite {
			within++
		}
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
	open := "no open risks"
	if n := high + medium + low; n > 0 {
		open = fmt.Sprintf("%d open: %d high, %d medium, %d low; oldest %d days", n, high, medium, low, oldest)
	}
	switch {
	case appetite == 0:
		v := notMeasured("no risk appetite recorded")
		v.value = open + "; residual risk " + v.value
		return v
	case len(f.a.Risks) == 0:
		return notMeasured("the risk register is empty")
	case inPlay == 0:
		return measured(open+"; every risk in the register is closed", false)
	}
	return measured(fmt.Sprintf("%s; residual risk within appetite (score ≤ %d) for %d of %d risks", open, appetite, within, inPlay), within < inPlay)
}

// openNonconformities counts nonconformities only (major and minor), not observations,
// opportunities for improvement or good practice: open ones with their age and how many are
// overdue, and the mean time to close the closed ones.
func (f *facts) openNonconformities() kpiValue {
	var open, overdue, ageSum, closed, closeSum int
	for i := range f.a.NCs {
		nc := &f.a.NCs[i]
		switch {
		case !nc.IsNonconformity():
		case nc.IsOpen():
			open++
			ageSum += days(nc.Raised, f.asOf)
			if nc.Overdue(f.asOf) {
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
	return measured(v, overdue > 0)
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

// share is the percentage of the systems among a selection that meet a test.
func share(a *Assessment, among, ok func(*AISystem) bool, what string) kpiValue {
	total, good := 0, 0
	for i := range a.Systems {
		if s := &a.Systems[i]; among(s) {
			total++
			if ok(s) {
				good++
			}
		}
	}
	return measured(percent(good, total, what), good < total)
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

// KPIs reports every KPI of the catalogue as of a date (§4.7).
func KPIs(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []KPIResult {
	return newFacts(cat, a, asOf).kpis()
}

func (f *facts) kpis() []KPIResult {
	out := []KPIResult{}
	for _, k := range f.kpiReadings() {
		out = append(out, k.KPIResult)
	}
	return out
}

// readKPI reads one KPI: a computed one by its rule, a manual one from the assessor's entry,
// which counts as measured only when dated within the last 12 months.
func (f *facts) readKPI(k checklists.KPI) kpiReading {
	res := kpiReading{KPIResult: KPIResult{ID: k.ID, Title: k.Title, Formula: k.Formula, Unit: k.Unit}, rule: k.Computed}
	if k.Computed != "" {
		v := kpiRules[k.Computed](f)
		res.Source, res.Value, res.Measured, res.why, res.short = "computed", v.value, v.measured, v.why, v.short
		return res
	}
	v := f.a.KPIValues[k.ID]
	res.Source, res.Value, res.Target, res.Date = "manual", v.Value, v.Target, v.Date
	switch {
	case v.Value == "":
		res.Value, res.why = "not entered", "no value has been entered"
	case v.Date.IsZero():
		res.why = "the value was entered without the date of the reading"
	case day(v.Date).Before(f.yearAgo):
		res.why = fmt.Sprintf("the last reading dates from %s, more than 12 months ago", v.Date.Format(time.DateOnly))
	default:
		res.Measured = true
	}
	return res
}

package assessment

import (
	"time"

	"aimsbench/checklists"
)

// facts is one evaluation of an assessment as of a date, with what several rules need worked
// out once: the assessable items and their results, which of them count towards the verdict,
// the impact-assessment cut-off, the open nonconformities that carry a corrective action,
// the controls the situation requires, the KPIs, and each condition's outcome (the
// checklist, the common gaps, the warnings and the verdict ask for some of the same facts).
type facts struct {
	cat      *checklists.Catalogue
	a        *Assessment
	asOf     time.Time
	items    []checklists.Item // cat.Assessable()
	results  []*Result         // results[i] is the result of items[i]
	inR      []bool            // inR[i]: items[i] counts towards the verdict
	yearAgo  time.Time         // an impact assessment or KPI reading older than this is stale
	outcomes map[string]outcome

	actions  map[string]*Nonconformity // item ID → an open nonconformity carrying its corrective action
	required map[string][]Requirement  // control ID → why the situation requires it; nil until asked
	readings []kpiReading              // nil until asked
	beneath  map[string][]string       // heading or objective → the assessable items under it; nil until asked
	cycle    *cycleFindings            // what the records show missing from the management cycle; nil until asked
	coverage *AuditCoverage            // the internal audits' coverage of R over the cycle; nil until asked
}

func newFacts(cat *checklists.Catalogue, a *Assessment, asOf time.Time) *facts {
	a = a.counted() // a withdrawn nonconformity was raised in error: no rule sees it
	items := cat.Assessable()
	f := &facts{cat: cat, a: a, asOf: asOf, items: items, yearAgo: day(asOf).AddDate(-1, 0, 0), outcomes: map[string]outcome{},
		results: make([]*Result, len(items)), inR: make([]bool, len(items))}
	for i, item := range items {
		f.results[i] = a.Result(item)
		f.inR[i] = !item.IsControl() || f.results[i].Decision != Excluded
	}
	return f
}

// condition returns the outcome of the named condition, evaluating it once.
func (f *facts) condition(name string) outcome {
	o, ok := f.outcomes[name]
	if !ok {
		o = conditions[name](f)
		f.outcomes[name] = o
	}
	return o
}

// actionFor is the open nonconformity that carries the corrective action for an item (a
// corrective action and a due date), nil when there is none.
func (f *facts) actionFor(itemID string) *Nonconformity {
	if f.actions == nil {
		f.actions = map[string]*Nonconformity{}
		for i := range f.a.NCs {
			nc := &f.a.NCs[i]
			if _, seen := f.actions[nc.ItemID]; !seen && nc.CarriesAction() {
				f.actions[nc.ItemID] = nc
			}
		}
	}
	return f.actions[itemID]
}

// requiredBy says why the situation requires a control, nil when it does not.
func (f *facts) requiredBy(control string) []Requirement {
	if f.required == nil {
		f.required = requiredControls(f.cat, f.a)
	}
	return f.required[control]
}

// kpiReadings reads every KPI of the catalogue once.
func (f *facts) kpiReadings() []kpiReading {
	if f.readings == nil {
		f.readings = make([]kpiReading, 0, len(f.cat.KPIs))
		for _, k := range f.cat.KPIs {
			f.readings = append(f.readings, f.readKPI(k))
		}
	}
	return f.readings
}

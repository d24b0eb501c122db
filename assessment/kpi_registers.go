package assessment

import (
	"fmt"
	"strings"
	"time"
)

// The KPIs computed from the field records (SPEC §4.7 second edition): supplier due
// diligence, training completion and incident response. Each is "not measured" with the
// reason when the records it needs are absent, and reads only what was recorded in the 12
// months up to the evaluation date.

// suppliersAssessed is the share of in-scope systems relying on a supplier (the inventory
// names third-party components, or a supplier record names the system) whose suppliers in
// the register all had their due diligence done in the last 12 months.
func (f *facts) suppliersAssessed() kpiValue {
	bySystem := map[int64][]*Supplier{}
	for i := range f.a.Suppliers {
		s := &f.a.Suppliers[i]
		for _, id := range s.Systems {
			bySystem[id] = append(bySystem[id], s)
		}
	}
	total, assessed := 0, 0
	for i := range f.a.Systems {
		sys := &f.a.Systems[i]
		suppliers := bySystem[sys.ID]
		if !sys.InScope || (len(suppliers) == 0 && !systemSelectors["with_suppliers"](sys)) {
			continue
		}
		total++
		if len(suppliers) > 0 && f.allDiligent(suppliers) {
			assessed++
		}
	}
	switch {
	case total == 0:
		return measured(percent(0, 0, "supplier-dependent systems"), false)
	case len(f.a.Suppliers) == 0:
		return notMeasured(counted(total, "in-scope system relies", "in-scope systems rely") + " on suppliers, but the supplier register is empty")
	}
	return measured(percent(assessed, total, "supplier-dependent systems"), assessed < total)
}

// allDiligent reports whether every supplier had its due diligence in the last 12 months.
func (f *facts) allDiligent(suppliers []*Supplier) bool {
	for _, s := range suppliers {
		if s.Result == "" || !f.inCycle(s.Assessed) {
			return false
		}
	}
	return true
}

// trainingCompletion is the share of people due to take their AI training who have, over the
// training records whose figures date from the last 12 months; when a group's training was
// recorded more than once, its latest figures count.
func (f *facts) trainingCompletion() kpiValue {
	latestOf := map[[2]string]*TrainingRecord{}
	var latest time.Time
	for i := range f.a.Training {
		r := &f.a.Training[i]
		if r.Date.After(latest) {
			latest = r.Date
		}
		key := [2]string{strings.ToLower(strings.TrimSpace(r.Group)), strings.ToLower(strings.TrimSpace(r.Training))}
		if prev := latestOf[key]; f.inCycle(r.Date) && (prev == nil || r.Date.After(prev.Date)) {
			latestOf[key] = r
		}
	}
	switch {
	case len(f.a.Training) == 0:
		return notMeasured("no competence and training record is entered")
	case len(latestOf) == 0:
		return notMeasured(fmt.Sprintf("no training record dates from the last 12 months (the latest is from %s)", latest.Format(time.DateOnly)))
	}
	var due, done int
	for _, r := range latestOf {
		due, done = due+r.Due, done+r.Completed
	}
	return measured(fmt.Sprintf("%s over %s", percent(done, due, "people due"), counted(len(latestOf), "training record", "training records")), done < due)
}

// incidentResponse reads the incidents detected in the last 12 months: how many, the mean
// days from when each began to its detection (MTTD) and from detection to resolution (MTTR).
func (f *facts) incidentResponse() kpiValue {
	var n, open, began, toDetect, resolved, toResolve int
	for i := range f.a.Incidents {
		x := &f.a.Incidents[i]
		if !f.inCycle(x.Detected) {
			continue
		}
		n++
		if d, ok := x.DaysToDetect(); ok {
			began++
			toDetect += d
		}
		if d, ok := x.DaysToResolve(); !ok || day(x.Resolved).After(day(f.asOf)) {
			open++
		} else {
			resolved++
			toResolve += d
		}
	}
	switch {
	case n == 0 && len(f.a.Incidents) == 0:
		return notMeasured("no AI incident is recorded, so detection and resolution times cannot be measured")
	case n == 0:
		return notMeasured("no AI incident was detected in the last 12 months, so detection and resolution times cannot be measured")
	case began == 0:
		return notMeasured(noneOf(n, "records when it began", "does not record when it began") + ", so the time to detect cannot be measured")
	case resolved == 0:
		return notMeasured(noneOf(n, "is resolved yet", "is not resolved yet") + ", so the time to resolve cannot be measured")
	}
	return measured(fmt.Sprintf("%s in 12 months (%d open); mean time to detect %s days over %d, to resolve %s days over %d resolved",
		counted(n, "AI incident", "AI incidents"), open, meanDays(toDetect, began), began, meanDays(toResolve, resolved), resolved), false)
}

// meanDays is a mean number of days with one decimal.
func meanDays(total, n int) string { return Mean(float64(total) / float64(n)).String() }

// noneOf says that none of the n incidents of the period has something: "none of the 3
// incidents of the last 12 months is resolved yet", or for one, "the one incident of the last
// 12 months is not resolved yet".
func noneOf(n int, many, one string) string {
	if n == 1 {
		return "the one incident of the last 12 months " + one
	}
	return fmt.Sprintf("none of the %d incidents of the last 12 months %s", n, many)
}

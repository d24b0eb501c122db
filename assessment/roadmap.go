package assessment

import (
	"slices"
	"time"

	"aimsbench/checklists"
)

// RoadmapPhase is one phase of the implementation roadmap with the calendar window it covers
// from a start date, the gaps whose remediation belongs in it and the open nonconformities
// raised against its items.
type RoadmapPhase struct {
	Phase       checklists.Phase
	From        time.Time // first day of the phase's first week
	To          time.Time // last day of the phase's last week
	Gaps        []Gap
	OpenNCs     []Nonconformity
	MustPrecede string    // the certification audit the phase's work must be done by, e.g. "Stage 1 audit"
	Deadline    time.Time // that audit's planned date; zero when not planned
}

// Late reports whether the phase ends after the certification audit it must precede.
func (p RoadmapPhase) Late() bool { return !p.Deadline.IsZero() && p.To.After(day(p.Deadline)) }

// Roadmap places every gap and every open nonconformity in the catalogue phase that lists its
// item, with phase windows counted in weeks from start (week 1 begins on start) and the
// certification audit each phase must precede. Gaps and nonconformities whose item no phase
// lists are returned as unplanned.
func Roadmap(cat *checklists.Catalogue, a *Assessment, start time.Time) (phases []RoadmapPhase, unplanned []Gap, unplannedNCs []Nonconformity) {
	start = day(start)
	phases, phaseOf := roadmapPhases(cat, a.Certification, start)
	for _, g := range GapRegister(cat, a, start) {
		if i, ok := phaseOf[g.Item.ID]; ok {
			phases[i].Gaps = append(phases[i].Gaps, g)
		} else {
			unplanned = append(unplanned, g)
		}
	}
	for _, nc := range a.NCs {
		if !nc.IsOpen() {
			continue
		}
		if i, ok := phaseOf[nc.ItemID]; ok {
			phases[i].OpenNCs = append(phases[i].OpenNCs, nc)
		} else {
			unplannedNCs = append(unplannedNCs, nc)
		}
	}
	for i := range phases {
		slices.SortStableFunc(phases[i].OpenNCs, func(x, y Nonconformity) int { return x.Number - y.Number })
	}
	return phases, unplanned, unplannedNCs
}

// roadmapPhases lays out the catalogue's phases from start with the certification audit each
// must precede, and says which phase deals with each item (the first that lists it).
func roadmapPhases(cat *checklists.Catalogue, plan CertificationPlan, start time.Time) ([]RoadmapPhase, map[string]int) {
	phases := make([]RoadmapPhase, 0, len(cat.Phases))
	phaseOf := map[string]int{}
	for i, p := range cat.Phases {
		rp := RoadmapPhase{Phase: p, From: start.AddDate(0, 0, (p.StartWeek-1)*7), To: start.AddDate(0, 0, p.EndWeek*7-1)}
		rp.MustPrecede, rp.Deadline = phaseDeadline(plan, p)
		phases = append(phases, rp)
		for _, id := range p.Items {
			if _, taken := phaseOf[id]; !taken {
				phaseOf[id] = i
			}
		}
	}
	return phases, phaseOf
}

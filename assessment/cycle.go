package assessment

import (
	"fmt"
	"maps"
	"slices"
	"time"
)

// NextCycle starts the next assessment cycle (a surveillance or re-assessment) from a
// previous one: scope, certification plan, role holders, inventory (with each system's EU AI
// Act classification), risks and risk criteria, evidence references, SoA decisions, targets
// and open nonconformities carry over, and of the field records those that outlive a cycle —
// the suppliers with their due diligence, the training records, the internal audits still
// only planned and the AI incidents not yet resolved. Judgements, tests, everything closed,
// and what belongs to the cycle that ended — audits held, management reviews, resolved
// incidents, the interview log and the evidence citing it — start afresh. The new cycle
// points back to the old one so the two can be compared.
func NextCycle(prev *Assessment, asOf time.Time) *Assessment {
	next := &Assessment{
		Title:            fmt.Sprintf("ISO/IEC 42001 readiness assessment %d", asOf.Year()),
		Organisation:     prev.Organisation,
		Assessor:         prev.Assessor,
		StartDate:        day(asOf),
		Classification:   prev.Classification,
		ReportVersion:    "0.1",
		CatalogueID:      prev.CatalogueID,
		CatalogueVersion: prev.CatalogueVersion,
		PreviousID:       prev.ID,
		Scope:            prev.Scope,
		Certification:    prev.Certification,
		RoleHolders:      append([]RoleHolder(nil), prev.RoleHolders...),
		Systems:          append([]AISystem(nil), prev.Systems...),
		Risks:            append([]Risk(nil), prev.Risks...),
		Results:          map[string]*Result{},
		Requests:         map[string]RequestStatus{},
		KPIValues:        maps.Clone(prev.KPIValues),
		RiskCriteria:     prev.RiskCriteria,
	}
	next.Scope.Exclusions = append([]Exclusion(nil), prev.Scope.Exclusions...)
	for id, r := range prev.Results {
		next.Results[id] = &Result{
			ItemID: id, Status: NotAssessed, Target: r.Target,
			Decision: r.Decision, Justification: r.Justification,
			Evidence: carriedEvidence(r.Evidence),
			Owner:    r.Owner,
		}
		if r.Decision == Excluded {
			next.Results[id].Status = NotApplicable
		}
	}
	for _, nc := range prev.NCs {
		if nc.Status != NCVerified && !nc.IsWithdrawn() {
			next.NCs = append(next.NCs, nc)
		}
	}
	carryFieldRecords(prev, next)
	return next
}

// carryFieldRecords copies the field records that outlive a cycle, sharing no slice with the
// previous cycle.
func carryFieldRecords(prev, next *Assessment) {
	for _, s := range prev.Suppliers {
		s.Systems = slices.Clone(s.Systems)
		next.Suppliers = append(next.Suppliers, s)
	}
	next.Training = slices.Clone(prev.Training)
	for _, x := range prev.Audits {
		if !x.WasHeld() {
			x.Items, x.Areas, x.Findings = slices.Clone(x.Items), slices.Clone(x.Areas), slices.Clone(x.Findings)
			next.Audits = append(next.Audits, x)
		}
	}
	for _, x := range prev.Incidents {
		if x.Open() {
			next.Incidents = append(next.Incidents, x)
		}
	}
}

// carriedEvidence is the evidence a result takes into the next cycle: all of it but the items
// citing an interview of the log, which stays with its cycle.
func carriedEvidence(list []Evidence) []Evidence {
	var out []Evidence
	for _, e := range list {
		if e.Interview == 0 {
			out = append(out, e)
		}
	}
	return out
}

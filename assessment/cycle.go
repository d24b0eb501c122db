package assessment

import (
	"fmt"
	"maps"
	"time"
)

// NextCycle starts the next assessment cycle (a surveillance or re-assessment) from a
// previous one: scope, certification plan, role holders, inventory, risks, evidence
// references, SoA decisions, targets and open nonconformities carry over; judgements, tests
// and everything closed start afresh. The new cycle points back to the old one so the two can
// be compared.
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
			Evidence: append([]Evidence(nil), r.Evidence...),
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
	return next
}

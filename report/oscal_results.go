package report

import (
	"fmt"
	"strings"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// findingState is how one of our statuses reads in an OSCAL finding: whether the objective
// is satisfied and why, and how far the requirement is implemented.
type findingState struct {
	State          string // satisfied or not-satisfied
	Reason         string // pass, fail or other
	Implementation string // OSCAL implementation state; "" when nothing can be said yet
}

// findingStates is the mapping the README documents. Only conformant satisfies an objective;
// an item not assessed yet cannot be claimed satisfied, so it is not satisfied for the
// reason "other" and says that it was not assessed.
var findingStates = map[assessment.Status]findingState{
	assessment.Conformant:    {"satisfied", "pass", "implemented"},
	assessment.Partial:       {"not-satisfied", "fail", "partial"},
	assessment.Nonconformant: {"not-satisfied", "fail", "not-implemented"},
	assessment.NotAssessed:   {"not-satisfied", "other", ""},
	assessment.NotApplicable: {"not-satisfied", "other", "not-applicable"},
}

// stateOf is the finding state of a status; an unknown status reads as not assessed.
func stateOf(s assessment.Status) findingState {
	if st, ok := findingStates[s]; ok {
		return st
	}
	return findingStates[assessment.NotAssessed]
}

// results is the assessment results: one result as of the export's date, with a finding per
// item of R, the observations they rest on and the risk register.
func (x *oscalExport) results() oscal.OscalModels {
	a, s := x.a, x.sum
	observations, byItem, files := x.observations()
	var findings []oscal.Finding
	for _, item := range x.items {
		findings = append(findings, x.finding(item, byItem[item.ID]))
	}
	var p props
	p.ours("verdict", s.Verdict)
	p.ours("readiness-level", fmt.Sprint(s.Level))
	p.ours("readiness-level-name", s.LevelName)
	p.ours("assessed", fmt.Sprint(s.Assessed))
	p.ours("floor-maturity", fmt.Sprint(s.Floor))
	p.ours("mean-maturity", s.Mean.String())
	start := x.at(a.StartDate)
	result := oscal.Result{
		UUID:  x.uuid("result"),
		Title: markupLine("Readiness as of "+isoDate(x.asOf), "Readiness"),
		Description: fmt.Sprintf("Verdict: %s. Readiness level %d, %s%s; lowest maturity %d, mean %s.",
			markupLine(s.Verdict, "none"), s.Level, markupLine(s.LevelName, "not rated"), provisional(s), s.Floor, s.Mean),
		Start:            start,
		ReviewedControls: x.reviewedControls(),
		Props:            p.list(),
		Findings:         some(findings),
		Observations:     some(observations),
		Risks:            some(x.registerRisks()),
	}
	if end := oscalTime(a.EndDate); end != nil && !end.Before(start) {
		result.End = end
	}
	ar := &oscal.AssessmentResults{
		UUID:     x.uuid("assessment-results"),
		Metadata: x.assessmentMetadata("Assessment results"),
		ImportAp: oscal.ImportAp{Href: OSCALPlanFile},
		Results:  []oscal.Result{result},
	}
	if len(files) > 0 {
		ar.BackMatter = &oscal.BackMatter{Resources: &files}
	}
	return oscal.OscalModels{AssessmentResults: ar}
}

// provisional qualifies the level of an assessment not yet complete.
func provisional(s assessment.Summary) string {
	if s.Complete {
		return ""
	}
	return " (provisional until every item is assessed)"
}

// finding is the assessor's conclusion on one item of R: its status as satisfied or not,
// its maturity, the finding text and recommendation, the evidence observed and the risks the
// register treats with it.
func (x *oscalExport) finding(item checklists.Item, observations []string) oscal.Finding {
	r := x.a.Result(item)
	st := stateOf(r.Status)
	title := markupLine(item.ID+" "+item.Title, item.ID)
	var tp props
	tp.ours("status", string(r.Status))
	if r.Maturity > 0 {
		tp.ours("maturity", fmt.Sprint(r.Maturity))
	}
	tp.ours("target-maturity", fmt.Sprint(r.EffectiveTarget()))
	target := oscal.FindingTarget{
		Type: "objective-id", TargetId: x.objectiveID(item), Title: title, Props: tp.list(),
		Status: oscal.ObjectiveStatus{State: st.State, Reason: st.Reason, Remarks: r.Status.Label()},
	}
	if st.Implementation != "" {
		target.ImplementationStatus = &oscal.ImplementationStatus{State: st.Implementation}
	}
	var fp props
	fp.ours("priority", string(r.Priority))
	fp.ours("owner", r.Owner)
	fp.ours("due", isoDate(r.Due))
	f := oscal.Finding{
		UUID: x.uuid("finding", item.ID), Title: title, Target: target, Props: fp.list(),
		Description: orText(markupProse(r.Finding), judgementSentence(r)),
		Remarks:     findingRemarks(x.a, item, r, x.asOf),
	}
	var related []oscal.RelatedObservation
	for _, id := range observations {
		related = append(related, oscal.RelatedObservation{ObservationUuid: id})
	}
	f.RelatedObservations = some(related)
	var risks []oscal.AssociatedRisk
	for _, risk := range assessment.LinkedRisks(x.a, item.ID) {
		risks = append(risks, oscal.AssociatedRisk{RiskUuid: x.risk(risk)})
	}
	f.RelatedRisks = some(risks)
	if id := x.assessor(); id != "" {
		f.Origins = &[]oscal.Origin{{Actors: []oscal.OriginActor{{Type: "party", ActorUuid: id, RoleId: "prepared-by"}}}}
	}
	return f
}

// judgementSentence describes a judgement that has no finding text.
func judgementSentence(r *assessment.Result) string {
	if r.Status == assessment.NotAssessed {
		return "Not assessed yet: no judgement has been recorded."
	}
	rating := "maturity not rated yet"
	if r.Maturity > 0 {
		rating = fmt.Sprintf("maturity %d against a target of %d", r.Maturity, r.EffectiveTarget())
	}
	return fmt.Sprintf("Judged %s, %s.", r.Status.Label(), rating)
}

// findingRemarks gives the recommendation and why the item is a gap, when it is one.
func findingRemarks(a *assessment.Assessment, item checklists.Item, r *assessment.Result, asOf time.Time) string {
	var parts []string
	if rec := markupProse(r.Recommendation); rec != "" {
		parts = append(parts, "Recommendation: "+rec)
	}
	if reasons := assessment.GapReasons(a, item, asOf); len(reasons) > 0 {
		parts = append(parts, "A gap: "+strings.Join(reasons, "; ")+".")
	}
	return strings.Join(parts, "\n\n")
}

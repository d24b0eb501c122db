package report

import (
	"fmt"
	"strings"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
)

// ncStates maps a nonconformity's life cycle onto OSCAL's risk states; the exact state stays
// in the nc-status property (closed and verified effective both read as closed).
var ncStates = map[assessment.NCStatus]string{
	assessment.NCOpen:       "open",
	assessment.NCReopened:   "open",
	assessment.NCInProgress: "remediating",
	assessment.NCClosed:     "closed",
	assessment.NCVerified:   "closed",
}

// poamPlan gathers the POA&M's items, the risks that carry their state and deadline, and the
// findings they concern.
type poamPlan struct {
	items    []oscal.PoamItem
	risks    []oscal.Risk
	findings []oscal.Finding
	found    map[string]string // item ID → finding UUID already listed
}

// poam is the plan of action and milestones: every nonconformity with its corrective action
// and life cycle, then every gap of the roadmap that no open nonconformity already covers,
// placed in its phase, then the fieldwork left when the assessment is incomplete. OSCAL wants
// at least one item, so an assessment with nothing to do says so in a single item.
func (x *oscalExport) poam() oscal.OscalModels {
	pl := &poamPlan{found: map[string]string{}}
	covered := map[string]bool{}
	for _, nc := range x.a.NCs {
		if nc.IsWithdrawn() { // raised in error: no action to plan; the register and bundle keep it
			continue
		}
		x.ncAction(pl, nc)
		if nc.IsOpen() {
			covered[nc.ItemID] = true
		}
	}
	phases, unplanned, _ := assessment.Roadmap(x.cat, x.a, x.asOf)
	for i := range phases {
		for _, g := range phases[i].Gaps {
			if !covered[g.Item.ID] {
				x.gapAction(pl, g, &phases[i])
			}
		}
	}
	for _, g := range unplanned {
		if !covered[g.Item.ID] {
			x.gapAction(pl, g, nil)
		}
	}
	if left := assessment.Unassessed(x.cat, x.a); len(left) > 0 {
		var ids []string
		for _, item := range left {
			ids = append(ids, item.ID)
		}
		pl.items = append(pl.items, oscal.PoamItem{UUID: x.uuid("poam-item", "fieldwork"), Title: "Complete the assessment",
			Description: markupProse(fmt.Sprintf("%d of the %d items are not assessed yet: %s.", len(left), len(x.items), strings.Join(ids, ", ")))})
	}
	if len(pl.items) == 0 {
		pl.items = append(pl.items, oscal.PoamItem{UUID: x.uuid("poam-item", "none"), Title: "No open action",
			Description: fmt.Sprintf("On %s the assessment records no nonconformity, no gap and no item left to assess, so no corrective or planned action is open.", isoDate(x.asOf))})
	}
	return oscal.OscalModels{PlanOfActionAndMilestones: &oscal.PlanOfActionAndMilestones{
		UUID:      x.uuid("poam"),
		Metadata:  x.assessmentMetadata("Plan of action and milestones"),
		SystemId:  &oscal.SystemId{IdentifierType: "https://ietf.org/rfc/rfc4122", ID: x.aimsResource()},
		PoamItems: pl.items,
		Risks:     some(pl.risks),
		Findings:  some(pl.findings),
	}}
}

// relatedFinding lists the finding about an item in the POA&M once and returns the reference
// to it; nil when the item is not in the catalogue.
func (x *oscalExport) relatedFinding(pl *poamPlan, itemID string) *[]oscal.RelatedFinding {
	item, ok := x.cat.Item(itemID)
	if !ok || !item.Assessable() {
		return nil
	}
	id, listed := pl.found[itemID]
	if !listed {
		f := x.finding(item, nil)
		f.RelatedRisks, f.Origins = nil, nil // the register's risks are in the results, not here
		pl.findings = append(pl.findings, f)
		id = f.UUID
		pl.found[itemID] = id
	}
	return &[]oscal.RelatedFinding{{FindingUuid: id}}
}

// ncAction adds a nonconformity: the item says what is wrong, the risk carries its state,
// due date, correction and corrective action, and its history as a risk log.
func (x *oscalExport) ncAction(pl *poamPlan, nc assessment.Nonconformity) {
	state, ok := ncStates[nc.Status]
	if !ok {
		state = "open"
	}
	about := markupLine(x.itemRef(nc.ItemID), "no requirement")
	description := orText(markupProse(nc.Description), "No description recorded.")
	riskID := x.uuid("nc-risk", fmt.Sprint(nc.Number))
	var p props
	p.ours("nonconformity", nc.Label())
	p.ours("grade", string(nc.Grade))
	p.ours("nc-status", string(nc.Status))
	p.ours("source", nc.Source)
	p.ours("owner", nc.Owner)
	p.ours("due", isoDate(nc.Due))
	pl.items = append(pl.items, oscal.PoamItem{
		UUID: x.uuid("poam-item", "nc", fmt.Sprint(nc.Number)), Title: fmt.Sprintf("%s: %s against %s", nc.Label(), markupLine(nc.Grade.Label(), "finding"), about),
		Description: description, Props: p.list(), RelatedRisks: &[]oscal.AssociatedRisk{{RiskUuid: riskID}},
		RelatedFindings: x.relatedFinding(pl, nc.ItemID),
	})
	lifecycle := "planned"
	if state == "closed" {
		lifecycle = "completed"
	}
	var responses []oscal.Response
	for _, r := range []struct{ kind, title, text string }{
		{"correction", "Correction", nc.Correction}, {"corrective-action", "Corrective action", nc.CorrectiveAction},
	} {
		if text := markupProse(r.text); text != "" {
			responses = append(responses, oscal.Response{UUID: x.uuid(r.kind, fmt.Sprint(nc.Number)), Title: r.title, Lifecycle: lifecycle, Description: text})
		}
	}
	pl.risks = append(pl.risks, oscal.Risk{
		UUID: riskID, Title: nc.Label() + " against " + about, Status: state, Description: description,
		Statement:    orText(markupProse(nc.RootCause), "No root cause recorded yet."),
		Deadline:     oscalTime(nc.Due),
		Remediations: some(responses), RiskLog: x.ncHistory(nc),
	})
}

// ncHistory is a nonconformity's life cycle as a risk log: raised, closed, checked.
func (x *oscalExport) ncHistory(nc assessment.Nonconformity) *oscal.RiskLog {
	var entries []oscal.RiskLogEntry
	for _, e := range []struct {
		what, change, detail string
		on                   *time.Time
	}{
		{"Raised", "open", "", oscalTime(nc.Raised)},
		{"Closed", "closed", "", oscalTime(nc.Closed)},
		{"Effectiveness checked", "", checkText(nc), oscalTime(nc.CheckDate)},
	} {
		if e.on == nil {
			continue
		}
		entries = append(entries, oscal.RiskLogEntry{UUID: x.uuid("nc-log", fmt.Sprint(nc.Number), e.what),
			Title: e.what, Start: *e.on, StatusChange: e.change, Description: e.detail})
	}
	if len(entries) == 0 {
		return nil
	}
	return &oscal.RiskLog{Entries: entries}
}

// checkText says who checked a nonconformity's fix and what they found.
func checkText(nc assessment.Nonconformity) string {
	text := markupProse(nc.CheckResult)
	if by := markupLine(nc.CheckBy, ""); by != "" {
		text = strings.TrimSpace("By " + by + ". " + text)
	}
	return text
}

// itemRef names a catalogue item by its ID and title, or by its ID alone when the catalogue
// does not know it.
func (x *oscalExport) itemRef(id string) string {
	if item, ok := x.cat.Item(id); ok {
		return item.ID + " " + item.Title
	}
	return id
}

// gapAction adds a gap of the roadmap: the item is the recommended action, the risk carries
// the reasons, the due date (or the end of the item's phase) and the phase as a task.
func (x *oscalExport) gapAction(pl *poamPlan, g assessment.Gap, phase *assessment.RoadmapPhase) {
	r := g.Result
	about := markupLine(g.Item.ID+" "+g.Item.Title, g.Item.ID)
	action := orText(markupProse(r.Recommendation), "Bring "+about+" to conformity.")
	riskID := x.uuid("gap-risk", g.Item.ID)
	var p props
	p.ours("priority", string(r.Priority))
	p.ours("owner", r.Owner)
	p.ours("due", isoDate(r.Due))
	deadline := oscalTime(r.Due)
	var tasks []oscal.Task
	if phase != nil {
		name := fmt.Sprintf("Phase %d: %s", phase.Phase.ID, phase.Phase.Title)
		p.ours("roadmap-phase", name)
		task := oscal.Task{UUID: x.uuid("gap-task", g.Item.ID), Type: "action", Title: markupLine(name, "Roadmap phase")}
		if from, to := oscalTime(phase.From), oscalTime(phase.To); from != nil && to != nil {
			task.Timing = &oscal.EventTiming{WithinDateRange: &oscal.OnDateRangeCondition{Start: *from, End: *to}}
			if deadline == nil {
				deadline = to
			}
		}
		tasks = append(tasks, task)
	}
	pl.items = append(pl.items, oscal.PoamItem{
		UUID: x.uuid("poam-item", "gap", g.Item.ID), Title: "Close the gap in " + about, Description: action, Props: p.list(),
		RelatedRisks: &[]oscal.AssociatedRisk{{RiskUuid: riskID}}, RelatedFindings: x.relatedFinding(pl, g.Item.ID),
	})
	pl.risks = append(pl.risks, oscal.Risk{
		UUID: riskID, Title: "Gap in " + about, Status: "open",
		Description: "A gap: " + escapeMarkdown(strings.Join(g.Reasons, "; ")) + ".",
		Statement:   orText(markupProse(r.Finding), judgementSentence(r)),
		Deadline:    deadline,
		Remediations: &[]oscal.Response{{UUID: x.uuid("gap-action", g.Item.ID), Title: "Planned action", Lifecycle: "planned",
			Description: action, Tasks: some(tasks)}},
	})
}

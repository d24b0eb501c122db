package report

import (
	"fmt"
	"strings"
	"time"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
)

// The assessment methods of OSCAL (NIST SP 800-53A) an observation can carry.
const (
	methodExamine   = "EXAMINE"
	methodInterview = "INTERVIEW"
	methodTest      = "TEST"
)

// metadata is the metadata every document starts with, dated with the export's date.
func (x *oscalExport) metadata(title, version string) oscal.Metadata {
	published := x.asOf
	return oscal.Metadata{
		Title: markupLine(title, "Untitled"), Version: plainText(version), OscalVersion: OSCALVersion,
		LastModified: x.asOf, Published: &published,
	}
}

// assessmentMetadata adds the organisation assessed (prepared for) and the assessor
// (prepared by) as parties, and the classification as the document's marking.
func (x *oscalExport) assessmentMetadata(kind string) oscal.Metadata {
	a := x.a
	title := orText(a.Title, "ISO/IEC 42001 readiness assessment")
	if org := plainText(a.Organisation.Name); org != "" {
		title = org + " — " + title
	}
	md := x.metadata(kind+": "+title, orText(a.ReportVersion, "1.0"))
	var p props
	p.nist("marking", a.Classification)
	md.Props = p.list()
	parties := []oscal.Party{{UUID: x.organisation(), Type: "organization", Name: plainText(a.Organisation.Name)}}
	roles := []oscal.Role{{ID: "prepared-for", Title: "Prepared for"}}
	responsible := []oscal.ResponsibleParty{{RoleId: "prepared-for", PartyUuids: []string{x.organisation()}}}
	if id := x.assessor(); id != "" {
		parties = append(parties, oscal.Party{UUID: id, Type: "person", Name: plainText(a.Assessor)})
		roles = append(roles, oscal.Role{ID: "prepared-by", Title: "Prepared by"})
		responsible = append(responsible, oscal.ResponsibleParty{RoleId: "prepared-by", PartyUuids: []string{id}})
	}
	md.Parties, md.Roles, md.ResponsibleParties = &parties, &roles, &responsible
	return md
}

// organisation is the UUID of the organisation assessed, as a party.
func (x *oscalExport) organisation() string { return x.uuid("party", "organisation") }

// assessor is the UUID of the assessor as a party, "" when the assessment names none.
func (x *oscalExport) assessor() string {
	if plainText(x.a.Assessor) == "" {
		return ""
	}
	return x.uuid("party", "assessor")
}

// aimsResource is the UUID of the back-matter resource describing the AI management system's
// scope. OSCAL expects a plan to import a system security plan; an AI management system has
// none, so the plan imports this resource instead, and the POA&M uses it as the system ID.
func (x *oscalExport) aimsResource() string { return x.uuid("aims") }

// plan is the assessment plan: the items of R to review, the organisation and its AI systems
// as subjects, the methods, the fieldwork dates and the planned certification audits.
func (x *oscalExport) plan() oscal.OscalModels {
	catalog := x.uuid("resource", "catalog")
	controls := x.reviewedControls()
	controls.Links = &[]oscal.Link{{Href: "#" + catalog, Rel: "reference", Text: "The catalogue the controls come from"}}
	return oscal.OscalModels{AssessmentPlan: &oscal.AssessmentPlan{
		UUID:     x.uuid("assessment-plan"),
		Metadata: x.assessmentMetadata("Assessment plan"),
		ImportSsp: oscal.ImportSsp{Href: "#" + x.aimsResource(),
			Remarks: "An AI management system has no system security plan; its scope statement stands in for one."},
		LocalDefinitions:   &oscal.LocalDefinitions{Components: some(x.aiSystems()), Activities: some(x.activities())},
		ReviewedControls:   controls,
		AssessmentSubjects: &[]oscal.AssessmentSubject{x.subjects()},
		Tasks:              some(x.tasks()),
		TermsAndConditions: &oscal.AssessmentPlanTermsAndConditions{Parts: some(x.terms())},
		BackMatter: &oscal.BackMatter{Resources: &[]oscal.Resource{
			x.scopeResource(),
			{UUID: catalog, Title: markupLine(x.cat.Title, x.cat.ID), Rlinks: &[]oscal.ResourceLink{{Href: OSCALCatalogFile, MediaType: "application/oscal.catalog+json"}}},
		}},
	}}
}

// reviewedControls selects the items of R by their catalog IDs.
func (x *oscalExport) reviewedControls() oscal.ReviewedControls {
	var ids []oscal.AssessedControlsSelectControlById
	for _, item := range x.items {
		ids = append(ids, oscal.AssessedControlsSelectControlById{ControlId: x.ids[item.ID]})
	}
	return oscal.ReviewedControls{
		Description: fmt.Sprintf("The %d clause requirements and the %d Annex A controls the Statement of Applicability includes.",
			x.clauses(), len(x.items)-x.clauses()),
		ControlSelections: []oscal.AssessedControls{{IncludeControls: some(ids)}},
	}
}

// clauses counts the clause requirements among the items of R.
func (x *oscalExport) clauses() int {
	n := 0
	for _, item := range x.items {
		if !item.IsControl() {
			n++
		}
	}
	return n
}

// scopeResource describes the AI management system's scope in the back matter.
func (x *oscalExport) scopeResource() oscal.Resource {
	s := x.a.Scope
	var text []string
	for _, part := range [][2]string{{"Scope", s.Statement}, {"Boundaries", s.Boundaries}, {"Interfaces", s.Interfaces}, {"Alignment with ISO/IEC 27001 and 27701", s.Alignment}} {
		if strings.TrimSpace(part[1]) != "" {
			text = append(text, part[0]+": "+markupProse(part[1]))
		}
	}
	return oscal.Resource{UUID: x.aimsResource(), Title: "Scope of the AI management system",
		Description: orText(strings.Join(text, "\n\n"), "No scope statement has been recorded yet.")}
}

// aiSystems are the inventory's AI systems as components, in scope or not.
func (x *oscalExport) aiSystems() []oscal.SystemComponent {
	var out []oscal.SystemComponent
	for _, s := range x.a.Systems {
		var p props
		p.ours("impact-level", string(s.Impact))
		p.ours("lifecycle-stage", s.Stage)
		for _, role := range s.Roles {
			p.ours("ai-role", role)
		}
		p.ours("in-scope", fmt.Sprint(s.InScope))
		p.ours("owner", s.Owner)
		p.ours("impact-assessment-date", isoDate(s.AISIADate))
		out = append(out, oscal.SystemComponent{
			UUID: x.system(s.ID), Type: "system", Title: markupLine(s.Name, fmt.Sprintf("AI system %d", s.ID)),
			Description: orText(markupProse(s.Purpose), "No purpose recorded."),
			Props:       p.list(), Status: oscal.SystemComponentStatus{State: componentState(s.Stage)},
		})
	}
	return out
}

// system is the UUID of an AI system as a component.
func (x *oscalExport) system(id int64) string { return x.uuid("ai-system", fmt.Sprint(id)) }

// componentState maps a life-cycle stage onto OSCAL's component states.
func componentState(stage string) string {
	switch stage {
	case "inception", "design-development", "verification-validation":
		return "under-development"
	case "deployment", "operation-monitoring":
		return "operational"
	case "retirement":
		return "disposition"
	}
	return "other"
}

// subjects is what the assessment covers: the in-scope AI systems, with those left out of
// scope excluded and their justification given.
func (x *oscalExport) subjects() oscal.AssessmentSubject {
	var in, out []oscal.SelectSubjectById
	for _, s := range x.a.Systems {
		ref := oscal.SelectSubjectById{SubjectUuid: x.system(s.ID), Type: "component"}
		if s.InScope {
			in = append(in, ref)
		} else {
			ref.Remarks = markupProse(s.ExclusionJustification)
			out = append(out, ref)
		}
	}
	subject := oscal.AssessmentSubject{Type: "component", IncludeSubjects: some(in), ExcludeSubjects: some(out),
		Description: fmt.Sprintf("The AI systems in the scope of the AI management system: %d of %d in the inventory.", len(in), len(x.a.Systems))}
	if len(in) == 0 {
		subject.IncludeSubjects, subject.IncludeAll = nil, &oscal.IncludeAll{}
		subject.Description = "No AI system of the inventory is in scope yet."
	}
	return subject
}

// activities are the three ways evidence is gathered, each with its OSCAL method.
func (x *oscalExport) activities() []oscal.Activity {
	var out []oscal.Activity
	for _, m := range []struct{ method, title, what string }{
		{methodExamine, "Examine documents, records and systems", "Read the documents and records the organisation provides and look at its systems and practices in operation."},
		{methodInterview, "Interview role holders", "Ask the people who hold governance and operational roles how each requirement is met."},
		{methodTest, "Test the operating effectiveness of controls", "Select samples with a recorded seed and check each against the control's procedure."},
	} {
		var p props
		p.nist("method", m.method)
		out = append(out, oscal.Activity{UUID: x.activity(m.method), Title: m.title, Description: m.what, Props: p.list()})
	}
	return out
}

// activity is the UUID of the activity using an assessment method.
func (x *oscalExport) activity(method string) string { return x.uuid("activity", method) }

// tasks are the fieldwork over the assessment's dates, with the three activities, and the
// certification audits planned as milestones.
func (x *oscalExport) tasks() []oscal.Task {
	a := x.a
	fieldwork := oscal.Task{UUID: x.uuid("task", "fieldwork"), Type: "action", Title: "Readiness assessment fieldwork"}
	if start, end := oscalTime(a.StartDate), oscalTime(a.EndDate); start != nil && end != nil && !end.Before(*start) {
		fieldwork.Timing = &oscal.EventTiming{WithinDateRange: &oscal.OnDateRangeCondition{Start: *start, End: *end}}
	}
	org := []oscal.AssessmentSubject{{Type: "party", IncludeSubjects: &[]oscal.SelectSubjectById{{SubjectUuid: x.organisation(), Type: "party"}}}}
	var activities []oscal.AssociatedActivity
	for _, m := range []string{methodExamine, methodInterview, methodTest} {
		activities = append(activities, oscal.AssociatedActivity{ActivityUuid: x.activity(m), Subjects: org})
	}
	fieldwork.AssociatedActivities = &activities
	out := []oscal.Task{fieldwork}
	for _, audit := range []struct {
		stage string
		on    time.Time
	}{{"1", a.Certification.Stage1}, {"2", a.Certification.Stage2}} {
		if t := oscalTime(audit.on); t != nil {
			out = append(out, oscal.Task{UUID: x.uuid("task", "stage-"+audit.stage), Type: "milestone",
				Title:  "Stage " + audit.stage + " certification audit" + withBody(a.Certification.Body),
				Timing: &oscal.EventTiming{OnDate: &oscal.OnDateCondition{Date: *t}}})
		}
	}
	return out
}

// withBody names the certification body after a title, when it is known.
func withBody(body string) string {
	if b := markupLine(body, ""); b != "" {
		return " by " + b
	}
	return ""
}

// terms states what the plan covers, what it leaves out and how judgements are recorded.
func (x *oscalExport) terms() []oscal.AssessmentPart {
	var excluded []string
	for _, item := range x.cat.Assessable() {
		if r := x.a.Result(item); item.IsControl() && r.Decision == assessment.Excluded {
			excluded = append(excluded, fmt.Sprintf("- %s: %s", markupLine(item.ID+" "+item.Title, item.ID), markupLine(r.Justification, "no justification recorded")))
		}
	}
	for _, e := range x.a.Scope.Exclusions {
		excluded = append(excluded, fmt.Sprintf("- %s: %s", markupLine(e.What, "unnamed"), markupLine(e.Justification, "no justification recorded")))
	}
	exclusions := "Nothing is excluded from the scope or the Statement of Applicability."
	if len(excluded) > 0 {
		exclusions = "Left out of the scope or the Statement of Applicability:\n\n" + strings.Join(excluded, "\n")
	}
	return []oscal.AssessmentPart{
		{Name: "assessment-inclusions", Title: "What the assessment covers", Prose: fmt.Sprintf(
			"Every clause requirement of clauses 4 to 10 (%d) and every Annex A control the Statement of Applicability includes (%d), "+
				"for the AI management system and the AI systems in its scope.", x.clauses(), len(x.items)-x.clauses())},
		{Name: "assessment-exclusions", Title: "What the assessment leaves out", Prose: exclusions},
		{Name: "methodology", Title: "How items are judged", Prose: "Each item is judged conformant, partially conformant, " +
			"nonconformant or not yet assessed, on evidence examined, interviews and control tests, and rated for maturity " +
			"on a five-level scale against a target (level 3 unless set otherwise). The readiness level is the lowest " +
			"maturity over the items, capped by any blocker: a nonconformant item or an open major nonconformity, for example, holds it at level 2."},
	}
}

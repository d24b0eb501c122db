package assessment

import (
	"slices"
	"time"
)

// The standard demo's field records (SPEC §11). Days are counted from the assessment date:
// negative in the past, positive in the future. The story: the ISMS auditor of Group Internal
// Audit audited governance and support, the Head of Data Science reviewed his own team's life
// cycle and data controls, and the audit of the rest is planned a week after Stage 1; the
// first dedicated management review left out the audit results; three suppliers were never
// assessed; awareness training has reached about six staff in ten.

// demoAudit is one internal audit of the standard demo; held is 0 for an audit only planned.
type demoAudit struct {
	title, auditor, auditorArea string
	areas, items                []string
	planned, held               int
	findings                    []int
	conclusion                  string
}

var demoAudits = []demoAudit{
	{title: "Governance, context and planning of the AIMS", auditor: "Moira Kettering", auditorArea: "Group Internal Audit",
		areas: []string{"AI Governance Office", "Executive Risk Committee"}, items: []string{"4", "5", "6", "A.2", "A.3"},
		planned: -175, held: -170, findings: []int{7},
		conclusion: "The AI policy is approved and the governance committee meets, but accountability for bought-in AI was unclear: one minor nonconformity on the ownership of the chatbot."},
	{title: "Resources, competence, awareness and documented information", auditor: "Moira Kettering", auditorArea: "Group Internal Audit",
		areas: []string{"Group HR", "AI Governance Office", "Claims"}, items: []string{"7", "A.4"},
		planned: -150, held: -152, findings: []int{5},
		conclusion: "Documented information is well controlled; the competence matrix leaves out the staff who review AI outputs (minor nonconformity)."},
	{title: "Model life cycle and data controls", auditor: "Rahul Deshpande", auditorArea: "Data Science",
		areas: []string{"Data Science", "Data Governance"}, items: []string{"8", "A.6", "A.7"},
		planned: -60, held: -58,
		conclusion: "No findings reported. The review was carried out within Data Science on the team's own models and pipelines."},
	{title: "Impact assessment, information for interested parties, use, suppliers, performance evaluation and improvement",
		auditor: "Moira Kettering", auditorArea: "Group Internal Audit",
		areas: []string{"AI Governance Office", "Legal", "Customer Service", "Procurement"}, items: []string{"9", "10", "A.5", "A.8", "A.9", "A.10"},
		planned: 126},
}

// audits records the internal audit programme, numbering the audits from 1.
func (b *demoBuilder) audits(list []demoAudit) {
	for i, d := range list {
		x := InternalAudit{Number: i + 1, Title: d.title, Planned: b.on(d.planned), Auditor: d.auditor, AuditorArea: d.auditorArea,
			Areas: slices.Clone(d.areas), Items: slices.Clone(d.items), Findings: slices.Clone(d.findings), Conclusion: d.conclusion}
		if d.held != 0 {
			x.Held = b.on(d.held)
		}
		b.a.Audits = append(b.a.Audits, x)
	}
}

// demoReview is one management review of the standard demo; a review in the future is planned.
type demoReview struct {
	ago               int
	attendees, inputs []string
	decisions         string
}

var demoReviews = []demoReview{
	{ago: 240, attendees: []string{"Helena Marsh (chair)", "Zoë Ångström", "Tomasz Wróbel", "Jonathan Pryce"}, inputs: []string{"MRI-B"},
		decisions: "AI taken under any other business at the Executive Risk Committee: noted the EU AI Act timetable and asked the AI Governance Officer to propose an AI management system."},
	{ago: 35, attendees: []string{"Helena Marsh (chair)", "Zoë Ångström", "Rahul Deshpande", "Siobhán Ní Bhriain", "Tomasz Wróbel", "Claire Beaumont", "Fatima Al-Sayed"},
		inputs:    []string{"MRI-A", "MRI-B", "MRI-C", "MRI-D1", "MRI-D2"},
		decisions: "Measurable AI objectives to be drafted for the next review; an AIMS internal audit lead funded (recruitment open); impact assessments commissioned for sentiment analysis and fraud scoring. Audit results deferred: the life-cycle audit report had not been issued."},
	{ago: -98},
}

// reviews records the management reviews, numbering them from 1.
func (b *demoBuilder) reviews(list []demoReview) {
	for i, d := range list {
		b.a.Reviews = append(b.a.Reviews, ManagementReview{Number: i + 1, Date: b.on(-d.ago),
			Attendees: slices.Clone(d.attendees), Inputs: slices.Clone(d.inputs), Decisions: d.decisions})
	}
}

// demoSupplier is one supplier of the standard demo; assessedAgo 0 means never assessed.
type demoSupplier struct {
	name, provides string
	systems        []int64
	assessedAgo    int
	result         DueDiligence
	note           string
}

var demoSuppliers = []demoSupplier{
	{name: "Brightline CX Ltd", provides: "Conversation platform hosting the customer chatbot, and the large language model it contracts", systems: []int64{4},
		assessedAgo: 80, result: Conditional, note: "Generic IT security questionnaire only; the AI supplement (model changes, incident notification) is to be added at renewal."},
	{name: "Vellum Document AI GmbH", provides: "Document extraction service", systems: []int64{5},
		assessedAgo: 150, result: Satisfactory, note: "ISO/IEC 27001 certificate and accuracy report reviewed; extraction errors reported monthly."},
	{name: "Łódź Analytics sp. z o.o.", provides: "Network-analytics library and feature-engineering support", systems: []int64{2},
		note: "Onboarded by Data Science before the AIMS; no due diligence on record."},
	{name: "SonaVox Analytics Ltd", provides: "Speech-to-text and sentiment models", systems: []int64{6},
		note: "Pilot contract signed by Customer Service without procurement review."},
	{name: "Kestrel Telematics Ltd", provides: "Driving-behaviour data and scores", systems: []int64{12},
		note: "Due diligence scheduled for the contract renewal."},
	{name: "Microsoft Ireland Operations Ltd", provides: "Foundation model served through the Azure tenant", systems: []int64{9},
		assessedAgo: 200, result: Satisfactory, note: "Cloud due diligence extended to the model service terms and data-use commitments."},
	{name: "Codewright Inc.", provides: "Commercial code assistant licensed per seat", systems: []int64{10},
		assessedAgo: 300, result: Satisfactory},
	{name: "TalentSift Ltd", provides: "Recruitment screening software", systems: []int64{7},
		assessedAgo: 260, result: Conditional, note: "Assessed by Group HR Shared Services; Northwind holds the summary only."},
}

// suppliers records the supplier register, numbering the suppliers from 1.
func (b *demoBuilder) suppliers(list []demoSupplier) {
	for i, d := range list {
		s := Supplier{Number: i + 1, Name: d.name, Provides: d.provides, Systems: slices.Clone(d.systems), Result: d.result, Note: d.note}
		if d.assessedAgo > 0 {
			s.Assessed = b.on(-d.assessedAgo)
		}
		b.a.Suppliers = append(b.a.Suppliers, s)
	}
}

// demoTraining is one training record of the standard demo.
type demoTraining struct {
	group, training string
	due, completed  int
	ago             int
}

var demoTrainingRecords = []demoTraining{
	{"Data Science and ML engineering", "Responsible AI for model developers", 42, 39, 10},
	{"Claims handlers, Bristol and Leeds", "Working with AI triage and fraud scores", 310, 170, 10},
	{"Fraud investigators", "Fraud scores: limits, overrides and challenge", 28, 26, 10},
	{"Customer service agents, Cork", "Chatbot handover and telling customers about AI", 95, 12, 10},
	{"All staff", "Responsible AI awareness e-learning", 2400, 1464, 7},
	{"AI Governance Committee members", "ISO/IEC 42001 and AI risk for decision-makers", 9, 9, 40},
	{"Underwriters", "Pricing model governance", 64, 58, 420},
}

// training records the competence and training records, numbering them from 1.
func (b *demoBuilder) training(list []demoTraining) {
	for i, d := range list {
		b.a.Training = append(b.a.Training, TrainingRecord{Number: i + 1, Group: d.group, Training: d.training,
			Due: d.due, Completed: d.completed, Date: b.on(-d.ago)})
	}
}

// demoIncident is one AI incident of the standard demo: days before the assessment date when
// it began, was detected, reported and resolved (0: not yet).
type demoIncident struct {
	title                               string
	system                              int64
	began, detected, reported, resolved int
	description                         string
}

var demoIncidents = []demoIncident{
	{title: "Pricing model scored renewals with a stale claims-inflation index", system: 3, began: 406, detected: 400, reported: 399, resolved: 390,
		description: "A failed data load left last quarter's index in place; 1,900 renewal quotes were repriced after the fix."},
	{title: "Fraud drift alert unacknowledged; honest claims referred for investigation", system: 2, began: 64, detected: 61, reported: 60, resolved: 52,
		description: "A PSI alert of 0.27 went unread while the only reviewer was on leave; 14 claims were referred to Counter-Fraud in error and released with an apology."},
	{title: "Chatbot told customers windscreen cover includes a courtesy car", system: 4, began: 33, detected: 31, reported: 30, resolved: 24,
		description: "A retrieval change surfaced the premium product's wording for standard policies; 41 conversations affected, customers contacted."},
	{title: "OCR swapped sort-code digits on two claim payments", system: 5, began: 15, detected: 13, reported: 13, resolved: 6,
		description: "Two payments were returned by the bank; the validation rule for bank details now checks the account against the payee name."},
	{title: "Sentiment scores lower for callers with Welsh accents", system: 6, began: 20, detected: 8,
		description: "Found by the quality team comparing scores across the Cardiff and Cork queues; the system is paused in validation while SonaVox investigates."},
}

// incidents records the AI incident register, numbering the incidents from 1.
func (b *demoBuilder) incidents(list []demoIncident) {
	for i, d := range list {
		x := Incident{Number: i + 1, Title: d.title, SystemID: d.system, Detected: b.on(-d.detected), Description: d.description}
		for _, p := range []struct {
			ago int
			to  *time.Time
		}{{d.began, &x.Occurred}, {d.reported, &x.Reported}, {d.resolved, &x.Resolved}} {
			if p.ago > 0 {
				*p.to = b.on(-p.ago)
			}
		}
		b.a.Incidents = append(b.a.Incidents, x)
	}
}

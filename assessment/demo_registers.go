package assessment

import (
	"fmt"
)

// demoTest is one control test of the standard demo. tested is how many samples have been
// tested (all when negative); exception is the position of the one exception (none when
// negative).
type demoTest struct {
	control, procedure, nature, frequency string
	methods                               []string
	population                            int
	elevated                              bool
	prefix, evidence                      string
	override                              int
	overrideWhy                           string
	tested, exception                     int
	exceptionNote                         string
}

var demoTests = []demoTest{
	{control: "A.2.4", frequency: "annual", population: 1, nature: "manual", methods: []string{"inquiry", "inspection"},
		procedure: "Inspect the record of the scheduled AI policy review: inputs considered (incidents, regulatory change, audit results), the decision, approval by the AI Governance Committee, and republication of the approved version.",
		prefix:    "AI policy review", evidence: "Committee minutes and policy change log", tested: -1, exception: -1},
	{control: "A.3.3", frequency: EventDriven, population: 4, nature: "manual", methods: []string{"inquiry", "inspection"},
		procedure: "For each concern raised through the AI concerns mailbox or the whistleblowing line, inspect triage, escalation to the AIMS manager within five working days, and feedback to the reporter.",
		prefix:    "CONCERN", evidence: "Concern log entry and closure email", tested: -1, exception: -1},
	{control: "A.6.2.3", frequency: EventDriven, population: 6, nature: "manual", methods: []string{"inspection"},
		procedure: "For each model release, inspect the design record in the model registry: design rationale, training data version, parameters, accepted trade-offs and reviewer sign-off before merge.",
		prefix:    "REL", evidence: "Registry entry and pull-request approval", override: 6,
		overrideWhy: "Only six releases in the period; testing all of them removes sampling risk at little extra cost.", tested: -1, exception: -1},
	{control: "A.6.2.4", frequency: EventDriven, population: 22, elevated: true, nature: "manual", methods: []string{"inspection", "reperformance"},
		procedure: "For sampled promotions to production, re-perform the check that the validation report covers accuracy, stability, bias metrics on agreed segments and robustness, and that an independent validator signed it before promotion.",
		prefix:    "VAL", evidence: "Validation report and sign-off", tested: -1, exception: -1},
	{control: "A.6.2.5", frequency: EventDriven, population: 31, elevated: true, nature: "automated", methods: []string{"inspection", "observation"},
		procedure: "For sampled production deployments, inspect the pipeline approval gate: change ticket, named approver, and evidence that the gate held the deployment until approval; observe one live deployment.",
		prefix:    "CHG-AI", evidence: "Change ticket and pipeline run log", tested: -1, exception: -1},
	{control: "A.6.2.6", frequency: "monthly", population: 12, elevated: true, nature: "manual", methods: []string{"inquiry", "inspection"},
		procedure: "For sampled months, inspect the drift and performance review of each model in operation: dashboard snapshot, thresholds, triage of alerts, retraining decisions and the model owner's sign-off.",
		evidence:  "Monthly model review pack", tested: -1, exception: 2,
		exceptionNote: "No review held for the fraud scoring model; a drift alert (PSI 0.27) stayed unacknowledged for 19 days."},
	{control: "A.7.4", frequency: "weekly", population: 52, elevated: true, nature: "manual", methods: []string{"inspection", "reperformance"},
		procedure: "For sampled weeks, inspect the automated data-quality report on the pricing and claims training tables (completeness, validity, freshness) and the data steward's sign-off of any breach.",
		evidence:  "Data-quality report and steward sign-off", tested: 9, exception: -1},
}

// tests records the control tests, drawing each sample with its own recorded seed.
func (b *demoBuilder) tests(list []demoTest) {
	for i, d := range list {
		if _, ok := b.item(d.control); !ok {
			continue
		}
		t := ControlTest{ControlID: d.control, Procedure: d.procedure, Methods: append([]string(nil), d.methods...),
			Nature: d.nature, Frequency: d.frequency, PeriodStart: b.on(-379), PeriodEnd: b.on(-15),
			Population: d.population, Elevated: d.elevated, SizeOverride: d.override, OverrideReason: d.overrideWhy}
		if err := t.DrawSamples(b.cat.Sampling, demoRefs(t, d.prefix), 4201+uint64(i)*7919); err != nil {
			b.err = fmt.Errorf("drawing the demo sample for %s: %w", d.control, err)
			return
		}
		for k := range t.Samples {
			s := &t.Samples[k]
			switch {
			case d.tested >= 0 && k >= d.tested:
			case k == d.exception:
				s.Result, s.Note, s.Evidence = Exception, d.exceptionNote, d.evidence+", "+s.Ref
			default:
				s.Result, s.Evidence = Pass, d.evidence+", "+s.Ref
			}
		}
		b.a.Tests = append(b.a.Tests, t)
	}
}

// demoRefs names the items of a test's population: months, weeks or numbered events.
func demoRefs(t ControlTest, prefix string) []string {
	refs := make([]string, t.Population)
	for i := range refs {
		switch t.Frequency {
		case "monthly":
			refs[i] = t.PeriodStart.AddDate(0, i, 0).Format("January 2006")
		case "weekly":
			refs[i] = "Week commencing " + t.PeriodStart.AddDate(0, 0, 7*i).Format("2 Jan 2006")
		case "annual":
			refs[i] = fmt.Sprintf("%s %d", prefix, t.PeriodEnd.Year()-t.Population+1+i)
		default:
			refs[i] = fmt.Sprintf("%s-%d-%03d", prefix, t.PeriodStart.Year(), i+1)
		}
	}
	return refs
}

// demoNC is one nonconformity of the standard demo; day counts are relative to the
// assessment date (raised and closed before it, due after it when positive).
type demoNC struct {
	item, source                           string
	grade                                  Grade
	status                                 NCStatus
	description, cause, correction, action string
	ownerRole                              string
	raisedAgo, due, closedAgo, checkAgo    int
	checkBy, checkResult                   string
}

var demoNCs = []demoNC{
	{item: "8.4", source: "gap", grade: MajorNC, status: NCOpen, ownerRole: "aims-manager", raisedAgo: 18, due: 40,
		description: "Impact assessments are not performed when planned: the call-centre sentiment analysis entered validation with none, and the fraud scoring assessment predates the model's last retraining.",
		cause:       "The model change workflow has no gate requiring a current impact assessment, and the procedure sets no refresh triggers.",
		correction:  "Assessments for sentiment analysis and fraud scoring booked with the DPO for the next two weeks.",
		action:      "Add an impact-assessment gate to the model change workflow and define refresh triggers in the procedure."},
	{item: "A.6.2.6", source: "test", grade: MinorNC, status: NCInProgress, ownerRole: "ml-lead", raisedAgo: 11, due: 30,
		description: "The control test of monthly drift reviews found a month with no fraud-model review and a drift alert unacknowledged for 19 days.",
		cause:       "The review depends on one analyst with no named deputy, and unacknowledged alerts are not routed to the model owner.",
		correction:  "The missed review was performed retrospectively and the alert triaged and closed.",
		action:      "Name a deputy reviewer, escalate alerts unacknowledged after five working days to the model owner, and report review completion in the KPI pack."},
	{item: "9.2.2", source: "gap", grade: MajorNC, status: NCOpen, ownerRole: "aims-manager", raisedAgo: 76, due: -12,
		description: "The internal audit programme does not cover the AIMS within the cycle: it has no criteria or risk basis, no owner, and leaves clauses 9 and 10 and four Annex A areas to one audit planned after Stage 1.",
		cause:       "Internal audit capacity is committed to the ISMS and Solvency II programmes, and nobody owns AIMS audit planning.",
		action:      "Appoint an AIMS internal audit lead, approve a risk-based programme and audit the remaining clauses and controls before Stage 1."},
	{item: "A.7.5", source: "gap", grade: MajorNC, status: NCReopened, ownerRole: "data-owner", raisedAgo: 112, due: 21, checkAgo: 9,
		checkBy: "Eleanor Whitfield", checkResult: "Not effective: lineage is now recorded for the fraud model's network features, but the telematics feed still has no provenance record.",
		description: "No provenance records exist for the external data used by the fraud scoring and telematics models.",
		cause:       "The data onboarding process predates the AIMS and records only the contract, not lineage.",
		correction:  "Lineage documented for the network-feature feed used by fraud scoring.",
		action:      "Record origin, licence, transformations and version for every external dataset at onboarding, and backfill the telematics feed."},
	{item: "7.2", source: "internal_audit", grade: MinorNC, status: NCClosed, ownerRole: "aims-manager", raisedAgo: 150, due: -30, closedAgo: 38,
		description: "The ISMS internal audit found that the competence matrix does not cover staff who review AI outputs, such as claims handlers and fraud investigators.",
		cause:       "The matrix was built for the data-science team only when the first model went live.",
		correction:  "Matrix extended to claims handlers, fraud investigators and model risk reviewers.",
		action:      "HR to review the matrix whenever an AI system goes live or changes its users."},
	{item: "5.2", source: "gap", grade: Observation, status: NCVerified, ownerRole: "aims-manager", raisedAgo: 121, due: -60, closedAgo: 82, checkAgo: 31,
		checkBy: "Eleanor Whitfield", checkResult: "Effective: policy summary published on the corporate website with the current version number; review procedure v2.1 now includes external publication.",
		description: "The AI policy was not available to interested parties outside Northwind.",
		cause:       "External publication was not assigned to anyone when the policy was approved.",
		correction:  "Policy summary published on the corporate website.",
		action:      "Add external publication to the policy review procedure."},
	{item: "A.3.2", source: "internal_audit", grade: MinorNC, status: NCVerified, ownerRole: "business-owner", raisedAgo: 168, due: -90, closedAgo: 101, checkAgo: 47,
		checkBy: "Zoë Ångström", checkResult: "Effective: the Director of Customer Service is the named owner of the chatbot in the RACI and the inventory, and chaired the last two chatbot change approvals.",
		description: "Accountability for the customer chatbot was split between Customer Service and Group IT with no single owner.",
		cause:       "The chatbot was procured as an IT project and handed over without an ownership decision.",
		correction:  "Director of Customer Service appointed as system owner.",
		action:      "Require a named business owner before any AI system enters the inventory."},
	{item: "A.10.3", source: "gap", grade: OFI, status: NCOpen, ownerRole: "legal", raisedAgo: 9, due: 63,
		description: "Supplier due diligence uses the generic IT security questionnaire, which asks nothing about training data, model change notification or AI incident reporting.",
		action:      "Add an AI supplement to the supplier questionnaire and apply it at the next renewal of Brightline, Vellum, Łódź Analytics, SonaVox and Kestrel."},
}

// nonconformities records the NC log, numbering it from NC-001.
func (b *demoBuilder) nonconformities(list []demoNC) {
	for i, d := range list {
		nc := Nonconformity{Number: i + 1, ItemID: d.item, Source: d.source, Grade: d.grade, Status: d.status,
			Description: d.description, RootCause: d.cause, Correction: d.correction, CorrectiveAction: d.action,
			Owner: b.holder(d.ownerRole), Due: b.on(d.due), Raised: b.on(-d.raisedAgo), CheckBy: d.checkBy, CheckResult: d.checkResult}
		if d.closedAgo > 0 {
			nc.Closed = b.on(-d.closedAgo)
		}
		if d.checkAgo > 0 {
			nc.CheckDate = b.on(-d.checkAgo)
		}
		b.a.NCs = append(b.a.NCs, nc)
	}
}

// demoRequestStatus fixes the requests whose state tells part of the story; the others are
// set from the generator.
var demoRequestStatus = map[string]RequestState{
	"EV-RISK-05": Received, "EV-DATA-04": NotAvailable, "EV-TRANS-04": NotAvailable, "EV-ASSUR-01": NotAvailable,
	"EV-ASSUR-02": Requested, "EV-ASSUR-03": Received, "EV-COMP-02": Received, "EV-SUPP-02": Requested,
}

// demoUnavailableNotes say why the client could not produce a document.
var demoUnavailableNotes = map[string]string{
	"EV-DATA-04":  "No provenance records are kept for externally bought data sets; the data team confirmed it.",
	"EV-TRANS-04": "Appeal outcomes are not recorded separately from general complaints.",
	"EV-ASSUR-01": "No programme covers the whole certification cycle yet; each of the three audits held was planned on its own.",
}

// requests records where each evidence request stands, leaving a few not yet requested. The
// list went to the client on the first day of fieldwork; documents came back over the
// following two weeks and the assessor reviewed about half of them.
func (b *demoBuilder) requests() {
	n := 0
	for _, c := range b.cat.EvidenceRequests {
		for _, e := range c.Items {
			n++
			state, fixed := demoRequestStatus[e.ID]
			if !fixed {
				switch v := b.rng.IntN(10); {
				case n%11 == 10:
					continue
				case v < 7:
					state = Received
				default:
					state = Requested
				}
			}
			b.a.Requests[e.ID] = b.requestEntry(n, state, demoUnavailableNotes[e.ID])
		}
	}
}

// requestEntry dates a request's steps from its position n on the list, so the demo stays
// the same for the same date without drawing more numbers from the generator.
func (b *demoBuilder) requestEntry(n int, state RequestState, note string) RequestStatus {
	r := RequestStatus{State: state, Requested: b.on(-21), Contact: b.holder("aims-manager"), Note: note}
	switch state {
	case Received:
		r.Received = b.on(-18 + n%14)
		if n%2 == 0 {
			r.State, r.Reviewed = Reviewed, b.on(-17+n%14)
		}
	case NotAvailable:
		r.Unavailable = b.on(-14 + n%7)
	}
	return r
}

// demoKPIValues are the manual KPI readings the client supplied, by KPI ID; a date is days
// before the assessment date.
type demoKPI struct {
	value, target string
	ago           int
}

var demoKPIValues = map[string]demoKPI{
	"KPI-04": {"2 drift alerts in the quarter; 1 retraining triggered (pricing model)", "every alert triaged within 5 working days", 14},
}

// kpis records the manual KPI readings the catalogue has a place for.
func (b *demoBuilder) kpis(values map[string]demoKPI) {
	for _, k := range b.cat.KPIs {
		if v, ok := values[k.ID]; ok && k.Computed == "" {
			b.a.KPIValues[k.ID] = KPIValue{Value: v.value, Target: v.target, Date: b.on(-v.ago)}
		}
	}
}

// demoLargeKPIValues fills every manual KPI of the large demo.
var demoLargeKPIValues = map[string]demoKPI{
	"KPI-04": {"41 drift alerts in the quarter; 9 retrainings triggered", "every alert triaged within 5 working days", 14},
	"KPI-06": {"97.2% of production records pass completeness and validity checks", "99%", 10},
}

package assessment

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"aimsbench/checklists"
)

// DemoSize selects how big a demo assessment is.
type DemoSize string

// Demo sizes: the standard demo is a believable assessment part-way through fieldwork; the
// large one is a complete assessment big enough to benchmark the store, the TUI and the report.
const (
	DemoStandard DemoSize = "standard"
	DemoLarge    DemoSize = "large"
)

// demoSeed seeds the demo's generator; fixing it keeps every demo identical for the same date.
const demoSeed uint64 = 0x4e4d_4943_2026_0042

// Demo builds a realistic, fictitious assessment as of the given date: a mid-sized insurer part
// way through a readiness assessment (DemoStandard, also chosen by an empty size), or a complete
// group-wide assessment sized for benchmarks (DemoLarge). It is pure and deterministic: the
// same catalogue, size and date give the same assessment. Every date is placed relative to
// asOf; Created and Updated are asOf itself, and the ID is left for the store to assign.
// The demo is written for the ISO/IEC 42001 catalogue; a catalogue lacking an ID it uses is
// refused with an error naming that ID.
func Demo(cat *checklists.Catalogue, size DemoSize, asOf time.Time) (*Assessment, error) {
	if cat == nil {
		return nil, errors.New("the demo needs a catalogue; load the built-in one with checklists.Builtin")
	}
	b := newDemoBuilder(cat, asOf)
	switch size {
	case DemoStandard, "":
		b.standard()
	case DemoLarge:
		b.large()
	default:
		return nil, fmt.Errorf("demo size %q is not known; use standard or large", size)
	}
	if b.err != nil {
		return nil, b.err
	}
	if err := demoCheckReferences(cat, b.a); err != nil {
		return nil, err
	}
	return b.a, nil
}

// demoBuilder assembles one demo assessment.
type demoBuilder struct {
	cat     *checklists.Catalogue
	a       *Assessment
	rng     *rand.Rand
	today   time.Time
	holders map[string]string // governance role ID → holder's name
	err     error
}

func newDemoBuilder(cat *checklists.Catalogue, asOf time.Time) *demoBuilder {
	a := &Assessment{
		Classification:   "Confidential",
		ReportVersion:    "1.0",
		CatalogueID:      cat.ID,
		CatalogueVersion: cat.Version,
		Created:          asOf,
		Updated:          asOf,
		Results:          map[string]*Result{},
		Requests:         map[string]RequestStatus{},
		KPIValues:        map[string]KPIValue{},
	}
	return &demoBuilder{cat: cat, a: a, rng: rand.New(rand.NewPCG(demoSeed, ^demoSeed)),
		today: day(asOf), holders: map[string]string{}}
}

// on is the day n days after the assessment date (before it when n is negative).
func (b *demoBuilder) on(n int) time.Time { return b.today.AddDate(0, 0, n) }

// item looks up a catalogue entry, remembering the first one the catalogue lacks.
func (b *demoBuilder) item(id string) (checklists.Item, bool) {
	it, ok := b.cat.Item(id)
	if !ok && b.err == nil {
		b.err = demoMissing(b.cat, "item", id)
	}
	return it, ok
}

func demoMissing(cat *checklists.Catalogue, what, id string) error {
	return fmt.Errorf("the demo is written for the ISO/IEC 42001 catalogue, but catalogue %s %s has no %s %q; use the built-in catalogue for the demo", cat.ID, cat.Version, what, id)
}

// standard builds the mid-sized insurer's assessment, part-way through fieldwork.
func (b *demoBuilder) standard() {
	b.organisation()
	b.roleHolders(false)
	b.systems(demoSystems)
	b.judgements(demoJudgements)
	b.exclusions()
	b.risks(demoRisks)
	b.tests(demoTests)
	b.nonconformities(demoNCs)
	b.requests()
	b.kpis(demoKPIValues)
}

// large builds a complete group-wide assessment of benchmark size.
func (b *demoBuilder) large() {
	b.organisation()
	b.a.Title += " — group-wide (large demo)"
	b.a.Organisation.Size = "31,000 employees in 14 countries; gross written premium £9.6bn"
	b.roleHolders(true)
	b.largeSystems(300)
	b.largeResults()
	b.largeRisks(150)
	b.largeTests()
	b.largeNCs(200)
	b.requests()
	b.kpis(demoLargeKPIValues)
}

// organisation fills the client, the assessment metadata, the scope and the certification plan.
func (b *demoBuilder) organisation() {
	a := b.a
	a.Title = fmt.Sprintf("ISO/IEC 42001 readiness assessment %d", b.today.Year())
	a.Organisation = Organisation{
		Name:    "Northwind Mutual Insurance",
		Sector:  "General insurance (personal motor, home and pet)",
		Size:    "2,400 employees; gross written premium £1.1bn",
		Address: "Harbourside House, 14 Quayside Walk, Bristol BS1 5ZZ, United Kingdom",
		Contact: "Zoë Ångström, AI Governance Officer, zoe.angstrom@northwind-mutual.example, +44 117 496 0412",
	}
	a.Assessor = "Eleanor Whitfield, Lead Auditor ISO/IEC 42001"
	a.StartDate, a.EndDate = b.on(-21), b.on(9)
	a.Scope = demoScope
	a.Scope.Exclusions = slices.Clone(demoScope.Exclusions) // never share the package's table
	a.Certification = CertificationPlan{Body: "Halden Assurance Ltd", Stage1: b.on(119), Stage2: b.on(189)}
}

var demoScope = Scope{
	Statement: "The AI management system of Northwind Mutual Insurance covers the design, development, " +
		"procurement, deployment, operation and retirement of AI systems used in underwriting and pricing, " +
		"claims handling, counter-fraud, customer service, marketing and actuarial reserving for the personal " +
		"motor, home and pet insurance written in the United Kingdom and Ireland.",
	Boundaries: "Units: Claims, Underwriting and Pricing, Counter-Fraud, Customer Service, Marketing, Actuarial, " +
		"Data Science and Group IT. Sites: Bristol head office, Leeds claims centre and Cork customer-service " +
		"centre. Cloud: Azure tenant NWM-PROD (UK South and North Europe) and the Databricks analytics workspace. " +
		"Product lines: personal motor, home and pet insurance.",
	Interfaces: "Kestrel Telematics Ltd supplies driving-behaviour data and scores; Northwind decides how they are " +
		"used in pricing. Brightline CX Ltd hosts the customer chatbot and contracts the foundation-model vendor " +
		"behind it; Northwind owns the content, escalation rules and customer disclosures. Vellum Document AI GmbH " +
		"runs document extraction as a service; Northwind validates extracted payment details. Łódź Analytics " +
		"sp. z o.o. supplies the network-analytics library and feature engineering support for fraud scoring; " +
		"scoring decisions stay with Northwind. Group HR Shared Services operates CV screening for all group companies.",
	Exclusions: []Exclusion{
		{What: "Group HR CV screening service", Justification: "Operated by Group HR Shared Services, a separate " +
			"legal entity with its own governance; Northwind receives shortlists only and neither configures nor trains the system."},
		{What: "Northwind Life closed book", Justification: "The closed life book is run off by an outsourced " +
			"administrator under its own management system; no AI system is used in its administration."},
	},
	Alignment: "Northwind holds ISO/IEC 27001:2022 certification for the Bristol and Leeds operations and the Azure " +
		"tenant. The AIMS reuses the ISMS document control, internal audit and corrective action processes and " +
		"extends the ISMS risk method for AI. The Cork centre lies inside the AIMS scope but outside the ISMS " +
		"scope, a difference to explain at Stage 1. No ISO/IEC 27701 certificate is held; privacy is managed " +
		"under the UK GDPR programme led by the DPO.",
}

// demoHolders are the client's governance role holders; internal audit is left vacant in the
// standard demo, which is one of its findings.
var demoHolders = []RoleHolder{
	{RoleID: "top-management", Name: "Helena Marsh", Contact: "Chief Operating Officer, helena.marsh@northwind-mutual.example"},
	{RoleID: "aims-manager", Name: "Zoë Ångström", Contact: "AI Governance Officer, zoe.angstrom@northwind-mutual.example, +44 117 496 0412"},
	{RoleID: "ml-lead", Name: "Rahul Deshpande", Contact: "Head of Data Science, rahul.deshpande@northwind-mutual.example"},
	{RoleID: "data-owner", Name: "Siobhán Ní Bhriain", Contact: "Head of Data Governance, siobhan.nibhriain@northwind-mutual.example"},
	{RoleID: "ciso", Name: "Tomasz Wróbel", Contact: "Chief Information Security Officer, tomasz.wrobel@northwind-mutual.example"},
	{RoleID: "dpo", Name: "Claire Beaumont", Contact: "Data Protection Officer, dpo@northwind-mutual.example"},
	{RoleID: "legal", Name: "Jonathan Pryce", Contact: "General Counsel, jonathan.pryce@northwind-mutual.example"},
	{RoleID: "business-owner", Name: "Fatima Al-Sayed", Contact: "Director of Claims, fatima.alsayed@northwind-mutual.example"},
}

// roleHolders records who holds each governance role; withAudit fills internal audit too.
func (b *demoBuilder) roleHolders(withAudit bool) {
	holders := demoHolders
	if withAudit {
		holders = append(holders[:len(holders):len(holders)], RoleHolder{RoleID: "internal-audit",
			Name: "Kwabena Owusu", Contact: "Head of Internal Audit, kwabena.owusu@northwind-mutual.example"})
	}
	for _, h := range holders {
		b.a.RoleHolders = append(b.a.RoleHolders, h)
		b.holders[h.RoleID] = h.Name
	}
}

// holder is the name of a role's holder, the AIMS manager when the role is vacant.
func (b *demoBuilder) holder(role string) string {
	if name := b.holders[role]; name != "" {
		return name
	}
	return b.holders["aims-manager"]
}

// demoOwnerRoles says which governance role owns remediation of an item, by item ID or else by
// the item's group.
var demoOwnerRoles = map[string]string{
	"4.2": "legal", "5.1": "top-management", "5.3": "top-management", "6.1.2": "ciso", "6.1.4": "dpo",
	"7.1": "top-management", "7.5.1": "legal", "7.5.2": "legal", "7.5.3": "legal", "9.1": "ml-lead",
	"A.3.3": "legal", "A.4.3": "data-owner", "A.6.2.8": "ciso", "A.9.3": "business-owner",
	"4": "aims-manager", "5": "top-management", "6": "aims-manager", "7": "aims-manager",
	"8": "ml-lead", "9": "aims-manager", "10": "aims-manager",
	"A.2": "aims-manager", "A.3": "aims-manager", "A.4": "ml-lead", "A.5": "dpo", "A.6": "ml-lead",
	"A.7": "data-owner", "A.8": "legal", "A.9": "business-owner", "A.10": "legal",
}

func (b *demoBuilder) ownerOf(itemID string) string {
	if role, ok := demoOwnerRoles[itemID]; ok {
		return b.holder(role)
	}
	return b.holder(demoOwnerRoles[b.cat.GroupOf(itemID)])
}

// demoSystem is one inventory entry of the standard demo; dates are days before the
// assessment date, 0 meaning none.
type demoSystem struct {
	name, purpose, owner, stage string
	roles                       []string
	impact                      Impact
	excluded                    string // exclusion justification; empty when in scope
	suppliers                   string
	assessed, personal, human   bool
	aisiaAgo, changeAgo         int
	groups, harms               string
	trace                       bool
}

var demoSystems = []demoSystem{
	{name: "Claims triage model", purpose: "Routes new motor and home claims to fast-track, standard or specialist handling queues from first notification of loss data.",
		owner: "Fatima Al-Sayed", stage: "operation-monitoring", roles: []string{"producer", "provider"}, impact: ImpactMedium,
		personal: true, human: true, aisiaAgo: 150, changeAgo: 200, trace: true,
		groups: "Claimants, including customers flagged as vulnerable; claims handlers.",
		harms:  "Delay for claimants wrongly routed to the standard queue; unequal service for vulnerable customers; handler over-reliance on the score."},
	{name: "Fraud scoring model", purpose: "Scores motor and home claims for fraud indicators and refers high scores to the Counter-Fraud unit for investigation.",
		owner: "Dmitri Volkov", stage: "operation-monitoring", roles: []string{"producer", "provider"}, impact: ImpactHigh,
		suppliers: "Network-analytics library and feature-engineering support from Łódź Analytics sp. z o.o.",
		personal:  true, human: true, aisiaAgo: 210, changeAgo: 95,
		groups: "Claimants and third parties named in claims; people linked to them through shared addresses or phone numbers.",
		harms:  "Honest claimants investigated or delayed; indirect discrimination through postcode and network features; reputational harm from wrongful fraud markers."},
	{name: "Underwriting pricing model", purpose: "Estimates expected claims cost per motor and home risk as the technical price before commercial adjustments.",
		owner: "Priya Raman", stage: "operation-monitoring", roles: []string{"producer", "provider"}, impact: ImpactHigh,
		personal: true, human: true, aisiaAgo: 60, changeAgo: 120, trace: true,
		groups: "Prospective and renewing policyholders, with attention to young drivers, older customers and low-income postcodes.",
		harms:  "Unaffordable or unfair prices; proxy discrimination by postcode or occupation; price walking contrary to FCA pricing rules."},
	{name: "Customer service chatbot “Ask Nora”", purpose: "Answers policyholder questions on cover, documents and claim status on the website and app, handing over to an agent on request.",
		owner: "Gareth Llewellyn", stage: "deployment", roles: []string{"customer", "provider"}, impact: ImpactMedium,
		suppliers: "Conversation platform from Brightline CX Ltd; third-party large language model contracted by Brightline.",
		assessed:  true, personal: true, aisiaAgo: 40, changeAgo: 55,
		groups: "Policyholders and claimants using digital channels, including customers with accessibility needs.",
		harms:  "Wrong information about cover leading to uninsured losses; disclosure of personal data in prompts; customers not told they are talking to AI."},
	{name: "Document OCR extraction", purpose: "Extracts fields from invoices, repair estimates and bank details in claim documents into the claims system.",
		owner: "Ana Sofía Gutiérrez", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactLow,
		suppliers: "Document extraction service from Vellum Document AI GmbH.",
		assessed:  true, personal: true, human: true, aisiaAgo: 300, changeAgo: 400, trace: true,
		groups: "Claimants and repairers submitting documents.",
		harms:  "Payments sent to the wrong account after mis-read bank details; delay when documents are rejected."},
	{name: "Call-centre sentiment analysis", purpose: "Scores recorded calls for customer sentiment and complaint risk to prioritise quality reviews and call-backs.",
		owner: "Gareth Llewellyn", stage: "verification-validation", roles: []string{"customer", "producer"}, impact: ImpactMedium,
		suppliers: "Speech-to-text and sentiment models from SonaVox Analytics Ltd.",
		personal:  true, changeAgo: 30,
		groups: "Callers, including vulnerable customers; call-centre agents whose calls are scored.",
		harms:  "Processing of voice data without a lawful basis; agents judged on unreliable scores; accents and speech impairments scored unfairly."},
	{name: "HR CV screening", purpose: "Ranks job applicants' CVs against role requirements and proposes shortlists to recruiting managers.",
		owner: "Mei-Ling Chua (Group HR Shared Services)", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactHigh,
		excluded:  "Run by Group HR Shared Services, a separate legal entity, under its own governance; Northwind receives shortlists only.",
		suppliers: "TalentSift recruitment SaaS.", personal: true,
		groups: "Job applicants, including those with career gaps or non-UK qualifications.",
		harms:  "Discriminatory rejection of applicants; opaque decisions applicants cannot challenge."},
	{name: "Marketing propensity model", purpose: "Predicts which existing customers are likely to buy pet or home cover to target cross-sell campaigns.",
		owner: "Oliver Brennan", stage: "operation-monitoring", roles: []string{"producer", "customer"}, impact: ImpactLow,
		personal: true, aisiaAgo: 330, changeAgo: 500, trace: true,
		groups: "Existing policyholders, including customers in financial difficulty.",
		harms:  "Unsuitable products pushed at customers in financial difficulty; unwanted profiling."},
	{name: "Actuarial reserving assistant", purpose: "Drafts commentary on claims reserve movements for the reserving committee from triangles and actuarial notes.",
		owner: "Ingrid Søndergaard", stage: "inception", roles: []string{"producer", "customer"}, impact: ImpactMedium,
		suppliers: "Foundation model available through the Azure tenant.", assessed: true, human: true, aisiaAgo: 20, trace: true,
		groups: "Reserving committee and board members relying on the commentary; indirectly policyholders and regulators.",
		harms:  "Invented figures or reasons in board papers leading to mis-stated reserves."},
	{name: "Developer code assistant", purpose: "Suggests code completions and unit tests to Group IT developers in their editors.",
		owner: "Kwame Mensah", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactLow,
		excluded:  "Used only as a productivity aid by Group IT developers; generated code passes the same peer review and test gates as other code, and no customer or employee decision depends on it.",
		suppliers: "Commercial code assistant licensed per seat.", assessed: true,
		groups: "Developers.", harms: "Insecure or licence-encumbered code reaching production."},
	{name: "Subrogation recovery predictor", purpose: "Predicted which paid claims were worth pursuing against third parties; being decommissioned in favour of rules in the claims platform.",
		owner: "Fatima Al-Sayed", stage: "retirement", roles: []string{"producer", "customer"}, impact: ImpactLow,
		human: true, aisiaAgo: 340, changeAgo: 700, trace: true,
		groups: "Third parties and their insurers from whom recoveries are sought.",
		harms:  "Missed recoveries raising premiums; legacy jobs still calling the retired model."},
	{name: "Telematics driving score", purpose: "Combines a partner's driving-behaviour score with claims history to adjust young drivers' motor premiums at renewal.",
		owner: "Priya Raman", stage: "design-development", roles: []string{"partner", "customer"}, impact: ImpactHigh,
		suppliers: "Driving-behaviour data and scores from Kestrel Telematics Ltd.",
		personal:  true, aisiaAgo: 75, changeAgo: 90,
		groups: "Young and newly qualified drivers; named drivers sharing a vehicle; night-shift workers.",
		harms:  "Premium rises from scores drivers cannot see or challenge; location data exposure; indirect discrimination against night-shift workers."},
}

// systems records the inventory, numbering the systems from 1.
func (b *demoBuilder) systems(list []demoSystem) {
	for i, d := range list {
		s := AISystem{ID: int64(i + 1), Name: d.name, Purpose: d.purpose, Owner: d.owner, Stage: d.stage,
			Roles: append([]string(nil), d.roles...), Impact: d.impact, InScope: d.excluded == "",
			ExclusionJustification: d.excluded, Suppliers: d.suppliers, SupplierAssessed: d.assessed,
			PersonalData: d.personal, HumanOversight: d.human, AffectedGroups: d.groups, Harms: d.harms,
			ImpactToRiskTrace: d.trace}
		if d.aisiaAgo > 0 {
			s.AISIADate = b.on(-d.aisiaAgo)
		}
		if d.changeAgo > 0 {
			s.LastChange = b.on(-d.changeAgo)
		}
		b.a.Systems = append(b.a.Systems, s)
	}
}

// demoJudgement is the assessor's judgement of one item in the standard demo. An empty finding
// or recommendation is written from the item's typical evidence; bare records a conformity
// judged on verbal assurance alone, with no evidence item yet.
type demoJudgement struct {
	id               string
	status           Status
	maturity, target int
	bare             bool
	finding, rec     string
}

// demoJudgements leaves communication, the later management-review inputs, continual
// improvement and a handful of controls unassessed, as fieldwork would at this point.
var demoJudgements = []demoJudgement{
	{id: "4.1", status: Conformant, maturity: 3},
	{id: "4.2", status: Partial, maturity: 2,
		finding: "The interested-party register lists regulators, reinsurers and brokers but not the policyholders, claimants and applicants affected by AI outputs, and no party's requirements are recorded.",
		rec:     "Add affected individuals and the FCA Consumer Duty expectations to the register, record which requirements the AIMS will meet for each party, and link them to the scope and risk criteria."},
	{id: "4.3", status: Partial, maturity: 3,
		finding: "The approved scope statement (v1.2) is reconciled to the inventory, but the exclusion of HR CV screening rests on group ownership alone although Northwind managers act on its shortlists.",
		rec:     "Bring CV screening into scope, or document the interface with Group HR Shared Services and obtain evidence that its impact assessment covers Northwind applicants."},
	{id: "4.4", status: Partial, maturity: 2,
		finding: "The AIMS framework document (v0.9, draft) lists eleven processes but does not show how risk assessment, impact assessment and monitoring feed one another; four processes have no named owner.",
		rec:     "Draw a process interaction map, name an owner for every AIMS process and have the AI Governance Committee approve the framework."},
	{id: "5.1", status: Conformant, maturity: 3},
	{id: "5.2", status: Conformant, maturity: 4,
		finding: "AI policy v2.1 was approved by the board, is published on the intranet and, since NC-006 was closed, summarised on the corporate website; 94% of staff have acknowledged it."},
	{id: "5.3", status: Partial, maturity: 2,
		finding: "The AI RACI is still in draft, nobody is appointed to plan and run internal audits of the AIMS, and four of the nine business owners have not accepted their role descriptions.",
		rec:     "Approve the RACI, appoint an AIMS internal audit lead and obtain signed role acceptances from every system owner."},
	{id: "6.1.1", status: Partial, maturity: 3,
		finding: "AIMS-level risks sit in the enterprise risk system, but opportunities are not recorded and nothing shows whether last year's planned actions worked.",
		rec:     "Record opportunities alongside risks and add an effectiveness review of planned actions to the quarterly risk cycle."},
	{id: "6.1.2", status: Partial, maturity: 2,
		finding: "The AI risk method (NWM-RSK-004) reuses the ISMS 5×5 matrix without consequence criteria for fairness, explainability or robustness; two assessors scored the same fraud-model bias risk at 6 and at 15.",
		rec:     "Add AI-specific consequence criteria and acceptance thresholds to the method, calibrate assessors on a worked example and re-score the open risks."},
	{id: "6.1.3", status: Partial, maturity: 2,
		finding: "Treatment plans exist for ten of fourteen registered risks; the SoA was not reconciled with them, so excluded control A.7.3 is still cited as treatment for the telematics data risk.",
		rec:     "Reconcile the SoA with every treatment plan, record the risk owner's acceptance of residual risk, and reconsider the A.7.3 exclusion."},
	{id: "6.1.4", status: Partial, maturity: 2, target: 4,
		finding: "An impact assessment template exists, but the procedure sets no refresh triggers, so the fraud scoring model was retrained with new network features without a fresh assessment.",
		rec:     "Define triggers (new system, significant change, new data source, annual review) and the approval route in the procedure, and gate model changes on them."},
	{id: "6.2", status: Partial, maturity: 2,
		finding: "AI objectives appear in the policy only as aspirations (“fair and transparent AI”), with no measures, owners or dates.",
		rec:     "Set three to five measurable AI objectives with owners, targets and review dates, and report progress to the AI Governance Committee each quarter."},
	{id: "6.3", status: Conformant, maturity: 3},
	{id: "7.1", status: Conformant, maturity: 3},
	{id: "7.2", status: Partial, maturity: 2,
		finding: "The competency matrix now covers claims handlers and fraud investigators (NC-005), but competence checks on contractors are missing and training records exist for 61% of the target population.",
		rec:     "Add contractor competence checks at onboarding and close the training gap before Stage 1; report completion monthly."},
	{id: "7.3", status: Partial, maturity: 2,
		finding: "Responsible-AI e-learning has reached 61% of staff; contractors and the Cork centre are not enrolled, and three of five handlers interviewed did not know where to raise an AI concern.",
		rec:     "Enrol contractors and Cork staff, and add the concerns channel to team briefings and the e-learning."},
	{id: "7.5.1", status: Conformant, maturity: 3},
	{id: "7.5.2", status: Conformant, maturity: 4},
	{id: "7.5.3", status: Conformant, maturity: 3},
	{id: "8.1", status: Partial, maturity: 3,
		finding: "Operational controls in the model risk standard are applied to in-house models; bought-in AI (chatbot, OCR, sentiment analysis) bypasses the same change control.",
		rec:     "Extend the model change procedure to externally provided AI services, including supplier-initiated model updates."},
	{id: "8.2", status: Partial, maturity: 2,
		finding: "Risk assessments were done at go-live for five models but not repeated at the planned annual interval; the claims triage assessment predates its last two releases.",
		rec:     "Schedule reassessments in the GRC tool, tie them to the change log and clear the backlog before Stage 1."},
	{id: "8.3", status: Partial, maturity: 2,
		finding: "Treatment actions are tracked in Jira, but three actions past their due date were neither escalated nor re-planned, and residual risk acceptance is recorded for only half of the treated risks.",
		rec:     "Escalate overdue treatments to the AI Governance Committee and obtain signed residual-risk acceptance from each risk owner."},
	{id: "8.4", status: Nonconformant, maturity: 2,
		finding: "Impact assessments are not performed when planned: the call-centre sentiment analysis entered validation with none, and the fraud scoring assessment predates the model's last retraining.",
		rec:     "Complete and approve impact assessments for sentiment analysis and fraud scoring before Stage 1; tracked as NC-001."},
	{id: "9.1", status: Partial, maturity: 2,
		finding: "Model performance is watched on dashboards, but the AIMS itself has no monitoring plan; the KPI pack has been produced once and has no targets.",
		rec:     "Write a monitoring and measurement plan naming what is measured, by whom and when, and set targets for the ten AIMS KPIs."},
	{id: "9.2.1", status: Partial, maturity: 2,
		finding: "The group audit charter mentions AI, but the only AI review so far was carried out by the model owners' own team, so its objectivity cannot be shown.",
		rec:     "Have an auditor independent of the data-science function audit the AIMS, and record the audit conclusions on its effectiveness."},
	{id: "9.2.2", status: Nonconformant, maturity: 2,
		finding: "No internal audit programme covers the AIMS: no plan, criteria, scope or frequency, and no auditor assigned.",
		rec:     "Approve a risk-based programme covering every clause and included control within the certification cycle, and complete one full audit before Stage 1; tracked as NC-003."},
	{id: "9.3.1", status: Partial, maturity: 2,
		finding: "The last management review took AI under “any other business”; none of the inputs the standard requires was tabled.",
		rec:     "Hold a dedicated AIMS management review before Stage 1 with the full set of inputs and a minuted decision log."},
	{id: "10.2", status: Partial, maturity: 3,
		finding: "AI findings use the ISMS corrective-action procedure; root causes are recorded for major findings only, and NC-005 was closed without an effectiveness check.",
		rec:     "Require root-cause analysis for every nonconformity and an effectiveness check before verification."},
	{id: "A.2.2", status: Conformant, maturity: 4},
	{id: "A.2.3", status: Partial, maturity: 3,
		finding: "The AI policy cross-refers to the security and privacy policies, but the procurement policy still lets IT approve third-party AI without the AIMS manager, contradicting the AI policy.",
		rec:     "Amend the procurement policy so that every AI purchase passes the AI intake review, and record the conflict and its resolution."},
	{id: "A.2.4", status: Conformant, maturity: 3},
	{id: "A.3.2", status: Conformant, maturity: 3},
	{id: "A.3.3", status: Conformant, maturity: 3},
	{id: "A.4.2", status: Partial, maturity: 2,
		finding: "Resources are recorded in the model registry for in-house models only; nothing documents the resources behind the chatbot, OCR or sentiment analysis services.",
		rec:     "Add resource fields for externally provided AI to the inventory and have owners sign them off."},
	{id: "A.4.3", status: Partial, maturity: 2,
		finding: "Dataset catalogue entries exist for the pricing and fraud models; the claims triage training data has no entry, owner or retention period.",
		rec:     "Catalogue every dataset used by in-scope systems with owner, content, known gaps and retention."},
	{id: "A.4.4", status: Conformant, maturity: 3, bare: true,
		finding: "Judged conformant on the ML lead's account of the approved tooling list and licence records; the evidence was promised but has not been received.",
		rec:     "Obtain the tooling inventory and a dependency manifest for one production model, or downgrade the judgement."},
	{id: "A.5.2", status: Partial, maturity: 2,
		finding: "The impact assessment process is a template with guidance notes; it is not built into the model change workflow and has no severity scale.",
		rec:     "Embed the process in the change workflow with a severity scale and a register of assessed systems."},
	{id: "A.5.3", status: Partial, maturity: 2,
		finding: "Completed impact assessments are kept in personal folders; two of the nine could not be found with a version and approver.",
		rec:     "File assessments in the controlled AIMS library with version, approver and retention metadata."},
	{id: "A.5.4", status: Nonconformant, maturity: 2, target: 4,
		finding: "No assessment of effects on individuals has been done for the pricing, fraud or telematics models; fairness testing covers only characteristics held in the data and no proxy analysis.",
		rec:     "Assess effects on individuals and groups for the three high-impact systems, including proxy discrimination (postcode, occupation, shift patterns) and vulnerable customers, with DPO and Legal sign-off."},
	{id: "A.5.5", status: Partial, maturity: 2,
		finding: "Societal effects are considered for the chatbot (accessibility) only; pricing affordability and the effect of telematics on young drivers are not.",
		rec:     "Add a societal-impact section to the template and complete it for pricing and telematics."},
	{id: "A.6.1.2", status: Partial, maturity: 3,
		finding: "Responsible-development objectives are set in the model development standard but have no measures and do not apply to externally sourced systems.",
		rec:     "Give each objective a measure and apply the standard to configured third-party AI."},
	{id: "A.6.1.3", status: Conformant, maturity: 3},
	{id: "A.6.2.2", status: Partial, maturity: 3,
		finding: "Requirements specifications exist for in-house models, but two of five lack explainability and fairness requirements.",
		rec:     "Add non-functional requirements to the specification template and complete them for the pricing and triage models."},
	{id: "A.6.2.3", status: Conformant, maturity: 3},
	{id: "A.6.2.4", status: Conformant, maturity: 4,
		finding: "Independent validation by the model risk team is well established: all fifteen sampled promotions had signed validation reports with bias and robustness results before release."},
	{id: "A.6.2.5", status: Conformant, maturity: 3},
	{id: "A.6.2.6", status: Partial, maturity: 2,
		finding: "Monthly drift reviews are defined, but the control test found a month with no fraud-model review and a drift alert unacknowledged for 19 days.",
		rec:     "Name a deputy reviewer, route unacknowledged alerts to the model owner after five working days, and report review completion; tracked as NC-002."},
	{id: "A.6.2.7", status: Partial, maturity: 2,
		finding: "Model cards exist for four of the seven in-house models; the telematics scoring model has none and two cards omit known limitations.",
		rec:     "Complete model cards for every in-scope model, including known limitations, versioned with the model."},
	{id: "A.7.2", status: Partial, maturity: 3,
		finding: "Training data use is approved for in-house models, but privacy reviews are missing for the claims triage and marketing datasets.",
		rec:     "Complete privacy reviews of the two datasets and make the review a precondition of approval."},
	{id: "A.7.4", status: Partial, maturity: 3,
		finding: "Weekly data-quality checks run on the pricing and claims training tables; the control test is half done (nine of fifteen weeks tested, no exceptions so far).",
		rec:     "Finish the control test and add representativeness analysis for young drivers to the quality requirements."},
	{id: "A.7.5", status: Nonconformant, maturity: 2,
		finding: "No provenance records exist for the external data used by the fraud and telematics models; lineage cannot be traced from source to training set.",
		rec:     "Record origin, licence, transformations and version for every external dataset at onboarding and backfill the telematics feed; tracked as NC-004."},
	{id: "A.7.6", status: Conformant, maturity: 3},
	{id: "A.9.2", status: Partial, maturity: 2,
		finding: "Responsible-use guidance exists for the chatbot only; claims handlers using triage and fraud scores have no guidance on when to override them, and overrides are not logged.",
		rec:     "Issue responsible-use rules for each operational model, log overrides, and train handlers on their oversight duties."},
	{id: "A.9.3", status: Partial,
		finding: "Interview held; responsible-use objectives exist for the chatbot only. Maturity to be rated once the human-review metrics requested are received."},
	{id: "A.10.3", status: Partial, maturity: 2,
		finding: "Supplier due diligence uses the generic IT security questionnaire, which asks nothing about training data, model changes or AI incident notification; Łódź Analytics and SonaVox have not been assessed.",
		rec:     "Add an AI supplement to the supplier questionnaire and assess Łódź Analytics, SonaVox and Kestrel before Stage 1."},
}

// demoExclusions are the standard demo's SoA exclusions: one sound, one contradicted by the
// risk register, one a placeholder.
var demoExclusions = []struct{ id, why, finding, rec string }{
	{id: "A.7.3", why: "All training and validation data comes from Northwind's own policy, claims and contact-centre systems; no data is bought or licensed from third parties.",
		finding: "Exclusion not supported: Kestrel Telematics data is acquired from a third party for the telematics driving score, and risk R-7 relies on this control.",
		rec:     "Include A.7.3 and record acquisition details, licences and lawful basis for the Kestrel feed."},
	{id: "A.8.3", why: "Not relevant to our business.",
		finding: "The justification is a placeholder; policyholders and third parties affected by pricing and fraud decisions need a way to report problems.",
		rec:     "Either include A.8.3 or give a reasoned justification that the complaints process covers AI-related reports."},
	{id: "A.10.4", why: "Northwind does not supply AI systems, components or AI-based services to other organisations; policyholders meet AI only as users or subjects, which the A.8 and A.9 controls cover."},
}

// judgements records the assessor's judgements in the order the table gives them.
func (b *demoBuilder) judgements(list []demoJudgement) {
	for _, j := range list {
		item, ok := b.item(j.id)
		if !ok {
			continue
		}
		r := NewResult(item)
		r.Status, r.Maturity, r.Target = j.status, j.maturity, j.target
		if !j.bare {
			r.Evidence = b.evidence(item, b.kindsFor(j.status, j.maturity))
		}
		r.Finding, r.Recommendation = j.finding, j.rec
		b.complete(item, r)
		b.a.Results[item.ID] = r
	}
}

// exclusions records the SoA exclusions.
func (b *demoBuilder) exclusions() {
	for _, x := range demoExclusions {
		item, ok := b.item(x.id)
		if !ok {
			continue
		}
		r := NewResult(item)
		r.Decision, r.Status, r.Justification = Excluded, NotApplicable, x.why
		r.Finding, r.Recommendation = x.finding, x.rec
		if x.finding != "" {
			r.Owner, r.Priority, r.Due = b.ownerOf(item.ID), Medium, b.on(56)
		}
		b.a.Results[item.ID] = r
	}
}

// kindsFor chooses the kinds of evidence an assessor would hold for a judgement.
func (b *demoBuilder) kindsFor(s Status, maturity int) []string {
	switch {
	case maturity == 0:
		return []string{"interview"}
	case s == Nonconformant:
		return []string{"interview"}
	case s == Partial:
		return [][]string{{"document", "interview"}, {"record", "interview"}, {"document", "observation"}}[b.rng.IntN(3)]
	}
	return [][]string{{"document", "record", "interview"}, {"document", "system", "observation"}, {"document", "record", "system"}}[b.rng.IntN(3)]
}

// complete fills what the table leaves out: texts written from the item's typical evidence,
// the owner, the priority and the due date.
func (b *demoBuilder) complete(item checklists.Item, r *Result) {
	if r.Finding == "" {
		r.Finding = b.text(item, demoFindings[r.Status])
	}
	if r.Recommendation == "" {
		r.Recommendation = b.text(item, demoRecommendations[r.Status])
	}
	r.Owner = b.ownerOf(item.ID)
	switch {
	case r.Status == Nonconformant:
		r.Priority, r.Due = High, b.on(42)
	case r.Status == Partial && r.Maturity <= 2 && b.rng.IntN(5) < 2:
		r.Priority, r.Due = High, b.on(49)
	case r.Status == Partial:
		r.Priority, r.Due = Medium, b.on(84+7*b.rng.IntN(4))
	case r.Status == Conformant:
		r.Priority = Low
	}
}

// demoFindings and demoRecommendations are the templates for texts the tables leave out.
// {e1} and {e2} are typical evidence of the item, {title} its title, {owner} its owner.
var demoFindings = map[Status][]string{
	Conformant: {
		"Conforms. We inspected the {e1} and the {e2}; both are approved, current and used in practice.",
		"Operating as described: we were given the {e1} on request, and the {e2} matched what {owner} told us in interview.",
		"Conformity is supported by the {e1}; a walk-through of the {e2} showed the requirement applied to the in-scope systems we sampled.",
		"In place for the period reviewed: {owner} maintains the {e1}, and our sample of the {e2} showed it followed.",
		"Good position for Stage 1: we found the {e1} complete and the {e2} covering at least two cycles of operation.",
	},
	Partial: {
		"Partly in place: we saw a draft of the {e1}, not yet approved, and could not obtain the {e2} for every in-scope AI system.",
		"Designed but not operating consistently: what we saw of the {e1} is limited to in-house models; for bought-in AI we found nothing equivalent to the {e2}.",
		"For {title}, we saw only a draft of the {e1}, and nothing like the {e2} shows it was applied in the last twelve months.",
		"We were given the {e1}, but it predates the current inventory, and the {e2} we sampled mentioned systems since retired.",
	},
	Nonconformant: {
		"Not in place: the {e1} could not be produced, and interviewees could not describe how the requirement is met.",
		"Requirement not addressed: we asked for the {e1} and the {e2}; neither exists and no alternative arrangement was shown.",
		"Work on {title} has not started; {owner} confirmed that nothing like the {e1} exists yet.",
	},
}

var demoRecommendations = map[Status][]string{
	Conformant: {
		"No action before Stage 1; keep the {e1} under version control with an annual review.",
		"Maintain. Expect the certification auditor to sample the {e2}; file the latest version in the AIMS library.",
		"None required. Consider reporting this area in the quarterly KPI pack so that slippage shows early.",
	},
	Partial: {
		"Approve the {e1} and extend the arrangement to every in-scope AI system; keep records of use from now until Stage 1.",
		"Assign {owner} to close the gap and keep the {e2} for at least one full cycle before Stage 1.",
		"Update the {e1}, reconcile it with the current inventory and have the AI Governance Committee approve it.",
	},
	Nonconformant: {
		"Define and approve the {e1}, operate it for at least one cycle and keep the records; raise a nonconformity.",
		"Make {owner} accountable for producing the {e1} and the {e2} before Stage 1; this is on the critical path.",
	},
}

// text fills a template chosen at random with the item's own details.
func (b *demoBuilder) text(item checklists.Item, templates []string) string {
	if len(templates) == 0 {
		return ""
	}
	phrases := demoPhrases(item)
	e2 := phrases[min(1, len(phrases)-1)]
	return strings.NewReplacer(
		"{e1}", demoLower(phrases[0]),
		"{e2}", demoLower(e2),
		"{title}", item.ID+" "+item.Title,
		"{owner}", b.ownerOf(item.ID),
	).Replace(templates[b.rng.IntN(len(templates))])
}

// demoPhrases splits an item's typical evidence into its phrases; an item without any gets
// one phrase made from its title.
func demoPhrases(item checklists.Item) []string {
	var out []string
	for _, p := range strings.Split(item.Evidence, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = append(out, "records of "+demoLower(item.Title))
	}
	return out
}

// demoLower lower-cases the first letter, unless the word is an acronym ("AI policy" stays).
func demoLower(s string) string { return demoCase(s, unicode.ToLower) }

// demoUpper upper-cases the first letter.
func demoUpper(s string) string { return demoCase(s, unicode.ToUpper) }

func demoCase(s string, to func(rune) rune) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r) && unicode.IsUpper(next) {
		return s
	}
	return string(to(r)) + s[n:]
}

// demoSystemsOfRecord are the client tools where system evidence was viewed.
var demoSystemsOfRecord = []string{"MLflow model registry (prod workspace)", "ServiceNow GRC", "AIMS SharePoint library",
	"Jira project AIGOV", "Databricks Unity Catalog", "Azure Monitor workbook"}

// evidence records one evidence item of each given kind, seen during fieldwork.
func (b *demoBuilder) evidence(item checklists.Item, kinds []string) []Evidence {
	phrases := demoPhrases(item)
	out := make([]Evidence, 0, len(kinds))
	next := 0
	for i, kind := range kinds {
		e := Evidence{Kind: kind, AttachedAt: b.on(-1 - b.rng.IntN(20))}
		seen := e.AttachedAt.Format("2 Jan 2006")
		switch kind {
		case "interview":
			e.Title = "Interview: " + item.ID + " " + item.Title
			e.Reference = fmt.Sprintf("Interview notes with %s, %s", b.ownerOf(item.ID), seen)
		case "observation":
			e.Title = "Walk-through: " + item.ID + " " + item.Title
			e.Reference = fmt.Sprintf("Working paper WP-%s-%02d", strings.ReplaceAll(item.ID, ".", ""), i+1)
		default:
			e.Title = demoUpper(phrases[next%len(phrases)])
			next++
			e.Reference = b.reference(kind, seen)
		}
		out = append(out, e)
	}
	return out
}

// reference is where a document, record or system screen can be found again.
func (b *demoBuilder) reference(kind, seen string) string {
	switch kind {
	case "record":
		return fmt.Sprintf("GRC export REC-%05d, %s", 10000+b.rng.IntN(90000), seen)
	case "system":
		return fmt.Sprintf("%s, viewed %s", demoSystemsOfRecord[b.rng.IntN(len(demoSystemsOfRecord))], seen)
	}
	return fmt.Sprintf("NWM-AIMS-%03d v%d.%d", 1+b.rng.IntN(250), 1+b.rng.IntN(3), b.rng.IntN(10))
}

// demoRisk is one risk of the standard demo's register; system is the inventory number.
type demoRisk struct {
	title             string
	system            int64
	source, objective string
	l, i, rl, ri      int
	treatment         string
	controls          []string
	ownerRole, status string
	raisedAgo         int
}

var demoRisks = []demoRisk{
	{title: "Fraud score discriminates indirectly through postcode and network features", system: 2, source: "C.3.4", objective: "C.2.5",
		l: 4, i: 4, rl: 3, ri: 3, treatment: "modify", controls: []string{"A.5.4", "A.6.2.4", "A.7.4"}, ownerRole: "ml-lead", status: "open", raisedAgo: 140},
	{title: "Pricing model drifts as claims inflation changes repair and theft costs", system: 3, source: "C.3.6", objective: "C.2.8",
		l: 3, i: 4, rl: 2, ri: 3, treatment: "modify", controls: []string{"A.6.2.6", "A.6.2.4"}, ownerRole: "ml-lead", status: "treated", raisedAgo: 200},
	{title: "Chatbot gives customers wrong information about their cover", system: 4, source: "C.3.2", objective: "C.2.11",
		l: 3, i: 4, rl: 2, ri: 3, treatment: "modify", controls: []string{"A.6.2.5", "A.8.2", "A.9.4"}, ownerRole: "business-owner", status: "open", raisedAgo: 90},
	{title: "Chatbot conversations kept by the model vendor beyond the contract period", system: 4, source: "C.3.1", objective: "C.2.7",
		l: 2, i: 4, rl: 2, ri: 2, treatment: "share", controls: []string{"A.10.2", "A.10.3"}, ownerRole: "dpo", status: "open", raisedAgo: 75},
	{title: "OCR misreads bank details and claim payments go to the wrong account", system: 5, source: "C.3.4", objective: "C.2.8",
		l: 2, i: 4, rl: 1, ri: 4, treatment: "modify", controls: []string{"A.6.2.4", "A.9.2"}, ownerRole: "business-owner", status: "treated", raisedAgo: 260},
	{title: "Call recordings analysed for sentiment without a lawful basis or notice", system: 6, source: "C.3.3", objective: "C.2.7",
		l: 3, i: 4, rl: 3, ri: 4, treatment: "modify", controls: []string{"A.5.4", "A.7.2", "A.8.5"}, ownerRole: "dpo", status: "open", raisedAgo: 30},
	{title: "Telematics partner data used without provenance or licence checks", system: 12, source: "C.3.6", objective: "C.2.3",
		l: 3, i: 3, rl: 2, ri: 3, treatment: "modify", controls: []string{"A.7.3", "A.7.5", "A.10.3"}, ownerRole: "data-owner", status: "open", raisedAgo: 120},
	{title: "Claims triage routes vulnerable customers to the slower standard queue", system: 1, source: "C.3.3", objective: "C.2.5",
		l: 3, i: 3, rl: 2, ri: 3, treatment: "modify", controls: []string{"A.9.2", "A.5.4"}, ownerRole: "business-owner", status: "treated", raisedAgo: 180},
	{title: "Propensity model targets customers in financial difficulty with cross-sell offers", system: 8, source: "C.3.4", objective: "C.2.5",
		l: 2, i: 3, rl: 2, ri: 3, treatment: "retain", controls: []string{"A.9.3"}, ownerRole: "business-owner", status: "accepted", raisedAgo: 300},
	{title: "Reserving assistant invents figures in board reserving commentary", system: 9, source: "C.3.7", objective: "C.2.1",
		l: 3, i: 4, rl: 2, ri: 2, treatment: "modify", controls: []string{"A.6.2.4", "A.9.4"}, ownerRole: "ml-lead", status: "open", raisedAgo: 45},
	{title: "Departure of two senior data scientists leaves models unmaintainable", source: "C.3.6", objective: "C.2.6",
		l: 3, i: 3, rl: 2, ri: 3, treatment: "modify", controls: []string{"A.4.6", "A.6.2.7"}, ownerRole: "ml-lead", status: "open", raisedAgo: 220},
	{title: "Compromised registry credentials allow an unapproved model into production", source: "C.3.1", objective: "C.2.10",
		l: 2, i: 5, rl: 1, ri: 5, treatment: "modify", controls: []string{"A.6.2.5", "A.6.2.8"}, ownerRole: "ciso", status: "treated", raisedAgo: 160},
	{title: "Legacy batch job still calls the retired subrogation model", system: 11, source: "C.3.6", objective: "C.2.6",
		l: 2, i: 2, rl: 1, ri: 2, treatment: "modify", controls: []string{"A.6.2.6"}, ownerRole: "ml-lead", status: "closed", raisedAgo: 330},
	{title: "CV screening rejects applicants with career gaps", system: 7, source: "C.3.4", objective: "C.2.5",
		l: 3, i: 4, rl: 3, ri: 4, treatment: "share", controls: []string{"A.10.3"}, ownerRole: "legal", status: "open", raisedAgo: 60},
}

// risks records the register, numbering the risks from 1.
func (b *demoBuilder) risks(list []demoRisk) {
	for i, d := range list {
		b.a.Risks = append(b.a.Risks, Risk{ID: int64(i + 1), Title: d.title, SystemID: d.system,
			Source: d.source, Objective: d.objective, Likelihood: d.l, Impact: d.i, Treatment: d.treatment,
			Controls: append([]string(nil), d.controls...), ResidualLikelihood: d.rl, ResidualImpact: d.ri,
			Owner: b.holder(d.ownerRole), Status: d.status, Raised: b.on(-d.raisedAgo)})
	}
}

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
		description: "No internal audit programme covers the AIMS: there is no plan, criteria, scope or frequency, and no auditor is assigned.",
		cause:       "Internal audit capacity is committed to the ISMS and Solvency II programmes, and nobody owns AIMS audit planning.",
		action:      "Appoint an AIMS internal audit lead, approve a risk-based programme and complete one full audit before Stage 1."},
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
var demoRequestStatus = map[string]RequestStatus{
	"EV-RISK-05": Received, "EV-DATA-04": NotAvailable, "EV-TRANS-04": NotAvailable, "EV-ASSUR-01": NotAvailable,
	"EV-ASSUR-02": Requested, "EV-ASSUR-03": Received, "EV-COMP-02": Received, "EV-SUPP-02": Requested,
}

// requests records where each evidence request stands, leaving a few not yet requested.
func (b *demoBuilder) requests() {
	n := 0
	for _, c := range b.cat.EvidenceRequests {
		for _, e := range c.Items {
			n++
			if s, ok := demoRequestStatus[e.ID]; ok {
				b.a.Requests[e.ID] = s
				continue
			}
			switch v := b.rng.IntN(10); {
			case n%11 == 10:
			case v < 7:
				b.a.Requests[e.ID] = Received
			default:
				b.a.Requests[e.ID] = Requested
			}
		}
	}
}

// demoKPIValues are the manual KPI readings the client supplied, by KPI ID; a date is days
// before the assessment date.
type demoKPI struct {
	value, target string
	ago           int
}

var demoKPIValues = map[string]demoKPI{
	"KPI-04": {"2 drift alerts in the quarter; 1 retraining triggered (pricing model)", "every alert triaged within 5 working days", 14},
	"KPI-05": {"3 AI incidents in 12 months; mean time to detect 2.5 days, to respond 6 days", "detect within 1 day, respond within 5 days", 14},
	"KPI-07": {"61%", "95% before Stage 1", 7},
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
	"KPI-05": {"27 AI incidents in 12 months; mean time to detect 1.4 days, to respond 3.8 days", "detect within 1 day, respond within 5 days", 14},
	"KPI-06": {"97.2% of production records pass completeness and validity checks", "99%", 10},
	"KPI-07": {"88%", "95%", 7},
}

// demoPortfolios are the group's portfolios; with the twelve system kinds of the standard demo
// they name the large demo's inventory.
var demoPortfolios = []string{"UK Motor", "UK Home", "UK Pet", "Ireland Motor", "Ireland Home", "Commercial Fleet",
	"Travel", "Landlord", "Small Business", "Caravan", "Motorcycle", "Van", "Breakdown", "Legal Expenses", "Gadget",
	"Bicycle", "Equine", "Event", "Income Protection", "Dental", "Marine", "Nordics Motor", "Nordics Home",
	"Iberia Motor", "Iberia Home"}

// largeSystems records n systems, one of each kind per portfolio.
func (b *demoBuilder) largeSystems(n int) {
	for i := range n {
		d := demoSystems[i%len(demoSystems)]
		d.name = fmt.Sprintf("%s — %s", d.name, demoPortfolios[(i/len(demoSystems))%len(demoPortfolios)])
		d.aisiaAgo, d.changeAgo = 20+b.rng.IntN(300), 60+b.rng.IntN(400)
		b.systems([]demoSystem{d})
		b.a.Systems[len(b.a.Systems)-1].ID = int64(i + 1)
	}
}

// largeResults judges every assessable item, each with five evidence items; no control is
// excluded so that every control can be tested.
func (b *demoBuilder) largeResults() {
	for _, item := range b.cat.Assessable() {
		r := NewResult(item)
		switch v := b.rng.IntN(100); {
		case v < 55:
			r.Status, r.Maturity = Conformant, 3+b.rng.IntN(3)
		case v < 87:
			r.Status, r.Maturity = Partial, 2+b.rng.IntN(2)
		default:
			r.Status, r.Maturity = Nonconformant, 1+b.rng.IntN(2)
		}
		r.Evidence = b.evidence(item, []string{"document", "record", "interview", "observation", "system"})
		b.complete(item, r)
		b.a.Results[item.ID] = r
	}
}

// largeRisks records n risks, cycling through the standard register's risks across portfolios.
func (b *demoBuilder) largeRisks(n int) {
	jitter := func(v int) int { return max(1, min(5, v+b.rng.IntN(3)-1)) }
	for i := range n {
		d := demoRisks[i%len(demoRisks)]
		p := (i / len(demoRisks)) % len(demoPortfolios)
		d.title = fmt.Sprintf("%s (%s)", d.title, demoPortfolios[p])
		if d.system > 0 {
			d.system = int64(p*len(demoSystems)) + d.system
		}
		d.l, d.i = jitter(d.l), jitter(d.i)
		d.rl, d.ri = min(d.rl, d.l), min(d.ri, d.i)
		d.status = []string{"open", "treated", "accepted", "closed", "open"}[b.rng.IntN(5)]
		d.raisedAgo = 10 + b.rng.IntN(500)
		b.risks([]demoRisk{d})
		b.a.Risks[len(b.a.Risks)-1].ID = int64(i + 1)
	}
}

// largeTests tests every control with the largest sample the table suggests.
func (b *demoBuilder) largeTests() {
	for i, item := range b.cat.Assessable() {
		if !item.IsControl() {
			continue
		}
		t := ControlTest{ControlID: item.ID, Methods: []string{"inspection", "reperformance"}, Nature: "manual",
			Procedure: fmt.Sprintf("Across all portfolios, select operations of %s %s and inspect the %s for each; re-perform the check where the record allows.",
				item.ID, item.Title, demoLower(demoPhrases(item)[0])),
			Frequency: "multiple-daily", PeriodStart: b.on(-379), PeriodEnd: b.on(-15), Population: 1200 + 37*i, Elevated: true}
		if err := t.DrawSamples(b.cat.Sampling, nil, 9001+uint64(i)*104729); err != nil {
			b.err = fmt.Errorf("drawing the demo sample for %s: %w", item.ID, err)
			return
		}
		for k := range t.Samples {
			s := &t.Samples[k]
			switch {
			case i%7 == 3 && k >= len(t.Samples)-10:
			case i%5 == 1 && k == i%len(t.Samples):
				s.Result, s.Note = Exception, "Operation not evidenced: no approval or review record could be found for this occurrence."
			default:
				s.Result, s.Evidence = Pass, "Record inspected in the GRC tool"
			}
		}
		b.a.Tests = append(b.a.Tests, t)
	}
}

// demoCauses and demoActions vary the large demo's nonconformity texts.
var demoCauses = []string{
	"The process was designed for in-house models and never extended to bought-in AI.",
	"Nobody was given ownership when the activity moved from the project team to operations.",
	"The procedure exists but staff were not trained on it after the last reorganisation.",
	"The tooling does not enforce the step, so it is skipped under deadline pressure.",
}

var demoActions = []string{
	"Extend the procedure to every in-scope AI system and train the owners concerned.",
	"Name an owner in the RACI and add the activity to the quarterly governance calendar.",
	"Build the step into the workflow tool so that it cannot be skipped, and report exceptions monthly.",
	"Review the control design with the AI Governance Committee and re-test after two cycles.",
}

// largeNCs records n nonconformities spread over the items, sources, grades and states.
func (b *demoBuilder) largeNCs(n int) {
	items := b.cat.Assessable()
	sources := []string{"gap", "test", "internal_audit", "other"}
	grades := []Grade{MajorNC, MinorNC, MinorNC, Observation, OFI}
	for i := range n {
		item := items[(i*17)%len(items)]
		raised := 5 + b.rng.IntN(400)
		nc := Nonconformity{Number: i + 1, ItemID: item.ID, Source: sources[i%len(sources)],
			Grade: grades[(i/3)%len(grades)], Status: NCStatuses[i%len(NCStatuses)],
			Description: b.text(item, demoFindings[Nonconformant]),
			RootCause:   demoCauses[b.rng.IntN(len(demoCauses))], CorrectiveAction: demoActions[b.rng.IntN(len(demoActions))],
			Owner: b.ownerOf(item.ID), Raised: b.on(-raised), Due: b.on(60 - raised + b.rng.IntN(120))}
		if nc.Status != NCOpen {
			nc.Correction = "Immediate correction made for the occurrences found; see the linked change ticket."
		}
		done := -raised + min(raised-1, 20+b.rng.IntN(90)) // closure, before the assessment date
		if nc.Status == NCClosed || nc.Status == NCVerified {
			nc.Closed = b.on(done)
		}
		if nc.Status == NCVerified || nc.Status == NCReopened {
			nc.CheckDate, nc.CheckBy = b.on(done+b.rng.IntN(max(1, -done))), b.holder("internal-audit")
			nc.CheckResult = map[bool]string{true: "Effective: re-sampled operations showed no recurrence.",
				false: "Not effective: the same gap recurred in the re-sample."}[nc.Status == NCVerified]
		}
		b.a.NCs = append(b.a.NCs, nc)
	}
}

// demoCheckReferences makes sure every ID the demo refers to exists in the catalogue, so a
// demo can never be saved with references another screen cannot resolve.
func demoCheckReferences(cat *checklists.Catalogue, a *Assessment) error {
	ids := demoCatalogueIDs(cat)
	check := func(kind, id string) error {
		if !ids[kind][id] {
			return demoMissing(cat, kind, id)
		}
		return nil
	}
	var refs [][2]string
	add := func(kind string, list ...string) {
		for _, id := range list {
			refs = append(refs, [2]string{kind, id})
		}
	}
	add("item", slices.Sorted(maps.Keys(a.Results))...)
	for _, h := range a.RoleHolders {
		add("governance role", h.RoleID)
	}
	for _, s := range a.Systems {
		add("life-cycle stage", s.Stage)
		add("AI role", s.Roles...)
	}
	for _, r := range a.Risks {
		add("Annex C risk source", r.Source)
		add("Annex C objective", r.Objective)
		add("control", r.Controls...)
	}
	for _, t := range a.Tests {
		add("control", t.ControlID)
		add("sampling frequency", t.Frequency)
	}
	for _, nc := range a.NCs {
		add("item", nc.ItemID)
	}
	for _, ref := range refs {
		if err := check(ref[0], ref[1]); err != nil {
			return err
		}
	}
	return nil
}

// demoCatalogueIDs indexes the catalogue's IDs by the kind of reference that may use them.
func demoCatalogueIDs(cat *checklists.Catalogue) map[string]map[string]bool {
	ids := map[string]map[string]bool{}
	put := func(kind, id string) {
		if ids[kind] == nil {
			ids[kind] = map[string]bool{}
		}
		ids[kind][id] = true
	}
	for _, it := range cat.Items {
		if it.Assessable() {
			put("item", it.ID)
		}
		if it.IsControl() {
			put("control", it.ID)
		}
	}
	for kind, terms := range map[string][]checklists.Term{"AI role": cat.AIRoles, "life-cycle stage": cat.LifecycleStages,
		"Annex C risk source": cat.AnnexCRiskSources, "Annex C objective": cat.AnnexCObjectives} {
		for _, t := range terms {
			put(kind, t.ID)
		}
	}
	for _, r := range cat.GovernanceRoles {
		put("governance role", r.ID)
	}
	put("sampling frequency", EventDriven)
	for _, f := range cat.Sampling.Frequencies {
		put("sampling frequency", f.ID)
	}
	return ids
}

// ScaleDemo multiplies an assessment's inventory and nonconformities by factor, each copy
// under new system IDs and NC numbers, so stress tests and benchmarks can show how costs grow
// with the size of an engagement.
func ScaleDemo(a *Assessment, factor int) {
	systems, ncs := a.Systems, a.NCs
	for copy := 1; copy < factor; copy++ {
		for _, s := range systems {
			s.ID += int64(copy * len(systems))
			s.Name = fmt.Sprintf("%s #%d", s.Name, copy+1)
			a.Systems = append(a.Systems, s)
		}
		for _, nc := range ncs {
			nc.Number += copy * len(ncs)
			a.NCs = append(a.NCs, nc)
		}
	}
}

package assessment

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

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
	b.interviews(demoInterviews)
	b.judgements(demoJudgements)
	b.exclusions()
	b.risks(demoRisks)
	b.tests(demoTests)
	b.nonconformities(demoNCs)
	b.requests()
	b.kpis(demoKPIValues)
	b.audits(demoAudits)
	b.reviews(demoReviews)
	b.suppliers(demoSuppliers)
	b.training(demoTrainingRecords)
	b.incidents(demoIncidents)
}

// large builds a complete group-wide assessment of benchmark size.
func (b *demoBuilder) large() {
	b.organisation()
	b.a.Title += " — group-wide (large demo)"
	b.a.Organisation.Size = "31,000 employees in 14 countries; gross written premium £9.6bn"
	b.roleHolders(true)
	b.largeSystems(300)
	b.largeInterviews()
	b.largeResults()
	b.largeRisks(150)
	b.largeTests()
	b.largeNCs(200)
	b.a.RiskCriteria = RiskCriteria{Appetite: 9, Acceptance: 4}
	b.requests()
	b.kpis(demoLargeKPIValues)
	b.largeAudits(50)
	b.largeCycleConformant()
	b.largeReviews(20)
	b.largeSuppliers(100)
	b.largeTraining()
	b.largeIncidents(500)
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

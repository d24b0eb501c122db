package assessment

import (
	"fmt"
	"slices"
	"time"
)

// The large demo's field records: a group whose internal audit function runs a full programme
// (50 audits over three years, each clause heading and Annex A objective audited once in the
// last 12 months), quarterly management reviews (20, the latest considering every input), 100
// suppliers, a year of training records, 500 AI incidents over two years and the interview log
// of the fieldwork. Its internal audit and management review requirements are judged
// conformant, so the management cycle is complete until an audit is taken away.

// demoAuditors are the group's internal auditors.
var demoAuditors = []string{"Kwabena Owusu", "Aleksandra Nowak", "Tiago Ferreira", "Hannah Lindqvist", "Oluwaseun Adeyemi"}

// largeAudits records n internal audits, oldest first, about 23 days apart up to a week
// before the assessment date; the 16 most recent cover one clause heading or Annex A
// objective each, so every item of R is audited once in the cycle.
func (b *demoBuilder) largeAudits(n int) {
	groups := b.cat.Groups()
	for k := 1; k <= n; k++ {
		g := groups[k%len(groups)]
		if k > n-len(groups) {
			g = groups[k-(n-len(groups))-1]
		}
		held := -(n-k)*23 - 6
		x := InternalAudit{Number: k, Title: fmt.Sprintf("Group audit of %s %s (%s)", g.ID, g.Title, demoPortfolios[k%len(demoPortfolios)]),
			Planned: b.on(held - 7), Held: b.on(held), Auditor: demoAuditors[k%len(demoAuditors)], AuditorArea: "Group Internal Audit",
			Areas: []string{demoAuditArea(g.ID)}, Items: []string{g.ID},
			Conclusion: "Programme audit completed; findings raised in the nonconformity register where the sample showed gaps."}
		if k > n-len(groups) && g.ID == "A.6" {
			x.Auditor, x.AuditorArea = b.holder("ml-lead"), "Data Science" // a lapse of independence the warnings show
		}
		b.a.Audits = append(b.a.Audits, x)
	}
	b.linkAuditFindings()
}

// demoAuditArea is the business area an audit of a group visits.
func demoAuditArea(group string) string {
	switch group {
	case "A.6", "A.4", "8":
		return "Data Science"
	case "A.7":
		return "Data Governance"
	case "A.8", "A.10":
		return "Legal and Procurement"
	case "A.9":
		return "Claims and Customer Service"
	}
	return "AI Governance Office"
}

// linkAuditFindings names, for each nonconformity raised by an internal audit, the last audit
// of its item's group held before it was raised.
func (b *demoBuilder) linkAuditFindings() {
	for _, nc := range b.a.NCs {
		if nc.Source != "internal_audit" {
			continue
		}
		group := b.cat.GroupOf(nc.ItemID)
		found := -1
		for i, x := range b.a.Audits {
			if x.Items[0] == group && !x.Held.After(nc.Raised) {
				found = i
			}
		}
		if found >= 0 {
			b.a.Audits[found].Findings = append(b.a.Audits[found].Findings, nc.Number)
		}
	}
}

// largeReviews records n quarterly management reviews, the latest three weeks ago; the
// earlier ones considered fewer inputs, the latest all of them.
func (b *demoBuilder) largeReviews(n int) {
	var inputs []string
	for _, in := range b.cat.ManagementReviewInputs {
		inputs = append(inputs, in.ID)
	}
	for k := 1; k <= n; k++ {
		considered := inputs
		if k < n {
			considered = inputs[:len(inputs)-k%3]
		}
		b.a.Reviews = append(b.a.Reviews, ManagementReview{Number: k, Date: b.on(-(n-k)*91 - 20),
			Attendees: []string{b.holder("top-management") + " (chair)", b.holder("aims-manager"), b.holder("ciso"), b.holder("internal-audit")},
			Inputs:    slices.Clone(considered),
			Decisions: fmt.Sprintf("Quarterly AIMS review %d: KPI pack and audit results noted; actions assigned with owners and dates in the governance tracker.", k)})
	}
}

// largeSuppliers records n suppliers, each serving the systems of one kind across two
// portfolios; most had their due diligence in the last year, some are overdue or never assessed.
func (b *demoBuilder) largeSuppliers(n int) {
	var kinds []int
	for i, d := range demoSystems {
		if d.suppliers != "" {
			kinds = append(kinds, i)
		}
	}
	for k := range n {
		kind := kinds[k%len(kinds)]
		s := Supplier{Number: k + 1, Name: fmt.Sprintf("%s %s", demoSupplierNames[k%len(demoSupplierNames)], demoPortfolios[k%len(demoPortfolios)]),
			Provides: demoSystems[kind].suppliers}
		for p := (k / len(kinds)) * 2; p < (k/len(kinds))*2+2 && p < len(demoPortfolios); p++ {
			if id := int64(p*len(demoSystems) + kind + 1); id <= int64(len(b.a.Systems)) {
				s.Systems = append(s.Systems, id)
			}
		}
		switch v := b.rng.IntN(20); {
		case v < 17:
			s.Assessed, s.Result = b.on(-10-b.rng.IntN(340)), []DueDiligence{Satisfactory, Satisfactory, Conditional}[v%3]
		case v < 19:
			s.Assessed, s.Result, s.Note = b.on(-380-b.rng.IntN(200)), Satisfactory, "Due diligence overdue for renewal."
		default:
			s.Note = "Onboarded by a portfolio team before the group supplier policy; not assessed."
		}
		b.a.Suppliers = append(b.a.Suppliers, s)
	}
}

// demoSupplierNames vary the large demo's supplier names.
var demoSupplierNames = []string{"Brightline CX", "Vellum Document AI", "Łódź Analytics", "SonaVox Analytics", "Kestrel Telematics",
	"Azure AI Services", "Codewright", "TalentSift"}

// largeTraining records a year of training figures per group of people and country.
func (b *demoBuilder) largeTraining() {
	groups := []string{"Data Science and ML engineering", "Claims handlers", "Fraud investigators", "Customer service agents",
		"Underwriters", "AI Governance Committee members", "All staff", "Procurement and vendor managers", "Internal auditors",
		"Model risk validators", "Marketing analysts", "IT operations"}
	countries := []string{"United Kingdom", "Ireland", "Sweden", "Spain", "Portugal"}
	n := 0
	for _, g := range groups {
		for _, c := range countries {
			n++
			due := 20 + b.rng.IntN(400)
			b.a.Training = append(b.a.Training, TrainingRecord{Number: n, Group: g + ", " + c,
				Training: "Role-based responsible AI training", Due: due, Completed: due * (85 + b.rng.IntN(16)) / 100,
				Date: b.on(-5 - b.rng.IntN(60))})
		}
	}
}

// largeIncidents records n AI incidents over two years across the inventory; one in twenty is
// still open.
func (b *demoBuilder) largeIncidents(n int) {
	for k := range n {
		sys := b.a.Systems[b.rng.IntN(len(b.a.Systems))]
		began := -(k*730)/n - 1 - b.rng.IntN(5)
		x := Incident{Number: k + 1, SystemID: sys.ID, Title: fmt.Sprintf("%s: %s", sys.Name, demoIncidentKinds[k%len(demoIncidentKinds)]),
			Occurred: b.on(began - 3), Description: "Logged by the system owner; see the incident ticket for the timeline."}
		x.Detected = x.Occurred.AddDate(0, 0, b.rng.IntN(5))
		x.Reported = x.Detected.AddDate(0, 0, b.rng.IntN(3))
		if k%20 != 7 {
			x.Resolved = x.Detected.AddDate(0, 0, 1+b.rng.IntN(20))
			if x.Resolved.After(b.today) {
				x.Resolved = b.today
			}
		}
		if x.Reported.After(b.today) {
			x.Reported = b.today
		}
		b.a.Incidents = append(b.a.Incidents, x)
	}
}

// demoIncidentKinds vary the large demo's incident titles.
var demoIncidentKinds = []string{"drift past threshold", "wrong output reached a customer", "data feed failure", "unexpected bias in a segment",
	"override rate spiked", "supplier model changed without notice", "latency breach", "personal data in logs"}

// largeInterviews records the fieldwork's interviews: each role holder on each clause heading
// and Annex A objective they own.
func (b *demoBuilder) largeInterviews() {
	n := 0
	for _, g := range b.cat.Groups() {
		for d := range 6 {
			n++
			b.a.Interviews = append(b.a.Interviews, Interview{Number: n, Name: b.ownerOf(g.ID),
				Role: "owner of " + g.ID + " " + g.Title, Date: b.on(-20 + d), Items: []string{g.ID},
				Notes: fmt.Sprintf("Walk-through of %s in the %s portfolio.", g.Title, demoPortfolios[d])})
		}
	}
}

// largeCycleConformant judges the internal audit and management review requirements
// conformant: the records show the cycle complete.
func (b *demoBuilder) largeCycleConformant() {
	for _, item := range b.cat.Assessable() {
		if slices.Contains(managementCycle, item.Parent) {
			r := b.a.Results[item.ID]
			r.Status, r.Maturity, r.Priority, r.Due = Conformant, 4, Low, time.Time{}
			r.Finding = b.text(item, demoFindings[Conformant])
			r.Recommendation = b.text(item, demoRecommendations[Conformant])
		}
	}
}

package assessment

import (
	"fmt"
	"maps"
	"slices"

	"aimsbench/checklists"
)

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
				item.ID, item.Title, lowerFirst(demoPhrases(item)[0])),
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
	for _, x := range a.Audits {
		add("catalogue entry", x.Items...)
	}
	for _, x := range a.Interviews {
		add("catalogue entry", x.Items...)
	}
	for _, x := range a.Reviews {
		add("management-review input", x.Inputs...)
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
		put("catalogue entry", it.ID)
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
	for _, in := range cat.ManagementReviewInputs {
		put("management-review input", in.ID)
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

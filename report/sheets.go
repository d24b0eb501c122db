package report

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// summaryTables are the blocks of the workbook's summary sheet: the verdict's key figures,
// what holds the level down, and the roll-ups by clause and Annex A objective.
func summaryTables(f *facts) []register {
	s := f.sum
	state := "FINAL"
	if f.draft() {
		state = "DRAFT: " + joinAnd(f.draftWhy)
	}
	key := register{name: "Readiness summary", cols: []sheetColumn{textCol("", 30), textCol("", 60)}}
	for _, kv := range [][2]any{
		{"Organisation", f.a.Organisation.Name}, {"Assessment", f.a.Title}, {"Report date", f.asOf},
		{"Verdict", s.Verdict}, {"Readiness level", s.Level}, {"Level name", s.LevelName}, {"Complete", yesNo(s.Complete)},
		{"Items assessed", s.Assessed}, {"Items that count towards the verdict", s.Total}, {"Floor maturity", level(s.Floor)},
		{"Mean maturity", float64(s.Mean)}, {"Blockers", len(f.capping)}, {"Items below level 3", len(f.low)},
		{"Roadmap actions", len(f.plan.Actions)}, {"Open nonconformities", f.ncs.Open}, {"Report status", state},
		{"Data fingerprint", f.opts.Fingerprint},
	} {
		key.rows = append(key.rows, []any{kv[0], kv[1]})
	}
	blockers := register{name: "What holds the level down", cols: []sheetColumn{textCol("Kind", 26), textCol("Effect on the level", 18),
		textCol("Item", 9), textCol("AI system", 24), textCol("What", 80)}}
	for _, b := range s.Blockers {
		blockers.rows = append(blockers.rows, []any{b.Kind, fmt.Sprintf("level %d at most", b.Cap), b.Item, b.System, capitalise(b.Detail)})
	}
	for _, r := range s.BelowLevel3 {
		blockers.rows = append(blockers.rows, []any{"below_level_3", "holds the floor", r.Item, "",
			fmt.Sprintf("%s %s is rated at maturity %d, below the defined level 3", r.Item, r.Title, r.Maturity)})
	}
	groups := register{name: "Roll-ups", cols: []sheetColumn{textCol("Group", 8), textCol("Title", 40), numberCol("Assessed", 9),
		numberCol("Total", 8), numberCol("Conformant", 10), numberCol("Partial", 8), numberCol("Nonconformant", 12),
		numberCol("Not assessed", 10), numberCol("Mean", 7), numberCol("Lowest", 7), numberCol("Target", 7)}}
	for _, g := range append(append([]assessment.Group{}, s.Groups...), s.Overall) {
		var mean any
		if g.Min > 0 {
			mean = float64(g.Mean)
		}
		by := g.ByStatus
		target := any(float64(assessment.GroupTarget(f.cat, f.a, g.ID)))
		if g.ID == "overall" {
			target = nil
		}
		groups.rows = append(groups.rows, []any{g.ID, g.Title, g.Assessed, g.Total, by[assessment.Conformant], by[assessment.Partial],
			by[assessment.Nonconformant], by[assessment.NotAssessed], mean, level(g.Min), target})
	}
	path := register{name: "Certification path", cols: []sheetColumn{textCol("Audit", 30), dateCol("Date"), textCol("Where the date comes from", 60)}}
	for _, m := range assessment.CertificationPath(f.a.Certification) {
		path.rows = append(path.rows, []any{m.Title, m.Date, capitalise(m.Basis)})
	}
	if body := strings.TrimSpace(f.a.Certification.Body); body != "" {
		path.name += " with " + body
	}
	return []register{key, blockers, groups, path}
}

// riskTable is the AI risk register with its ratings before and after treatment.
func riskTable(f *facts) register {
	reg := register{name: "Risks", cols: []sheetColumn{textCol("Ref", 7), textCol("Risk", 40), textCol("AI system", 24),
		textCol("Risk source", 20), textCol("Objective", 20), numberCol("Likelihood", 10), numberCol("Impact", 8), numberCol("Score", 7),
		statusCol("Severity", 10), textCol("Treatment", 10), textCol("Annex A controls", 18), numberCol("Residual likelihood", 10),
		numberCol("Residual impact", 10), numberCol("Residual score", 9), statusCol("Residual severity", 10), textCol("Owner", 20),
		textCol("Status", 10), dateCol("Raised")}}
	rating := func(l, i int) (any, any, any, string) {
		if l < 1 || i < 1 {
			return level(l), level(i), nil, "not rated"
		}
		return l, i, l * i, assessment.Severity(l, i)
	}
	for _, r := range f.a.Risks {
		l, i, score, sev := rating(r.Likelihood, r.Impact)
		rl, ri, rscore, rsev := rating(r.ResidualLikelihood, r.ResidualImpact)
		reg.rows = append(reg.rows, []any{riskLabel(r), r.Title, systemName(f.a, r.SystemID), termTitle(f.cat.AnnexCRiskSources, r.Source),
			termTitle(f.cat.AnnexCObjectives, r.Objective), l, i, score, sev, r.Treatment, strings.Join(r.Controls, ", "), rl, ri, rscore, rsev,
			r.Owner, r.Status, r.Raised})
	}
	return reg
}

// testTable lists the operating-effectiveness tests with their sample sizes and seeds.
func testTable(f *facts) register {
	reg := register{name: "Control tests", cols: []sheetColumn{textCol("Control", 9), textCol("Procedure", 50), textCol("Methods", 24),
		textCol("Nature", 10), textCol("Frequency", 16), dateCol("Period from"), dateCol("Period to"), numberCol("Population", 10),
		textCol("Risk", 9), numberCol("Suggested sample", 10), numberCol("Sample size", 9), textCol("Size override reason", 30),
		textCol("Seed", 22), numberCol("Tested", 8), numberCol("Exceptions", 10), statusCol("Conclusion", 14), textCol("Conclusion override justification", 40)}}
	for i := range f.a.Tests {
		t := &f.a.Tests[i]
		risk := "normal"
		if t.Elevated {
			risk = "elevated"
		}
		reg.rows = append(reg.rows, []any{t.ControlID, t.Procedure, strings.Join(t.Methods, ", "), t.Nature, t.Frequency, t.PeriodStart,
			t.PeriodEnd, level(t.Population), risk, t.SuggestedSize(f.cat.Sampling), t.Size(f.cat.Sampling), t.OverrideReason,
			fmt.Sprint(t.Seed), t.Tested(), t.Exceptions(), strings.ToLower(conclusionLabel(t.Conclusion(f.cat.Sampling))), t.OverrideJustification})
	}
	return reg
}

// sampleTable lists every sample of every test.
func sampleTable(f *facts) register {
	reg := register{name: "Samples", cols: []sheetColumn{textCol("Control", 9), numberCol("Sample", 8), textCol("Reference", 30),
		statusCol("Result", 12), textCol("Note", 50), textCol("Evidence", 40)}}
	for _, t := range f.a.Tests {
		for i, s := range t.Samples {
			reg.rows = append(reg.rows, []any{t.ControlID, i + 1, s.Ref, strings.ReplaceAll(string(s.Result), "_", " "), s.Note, s.Evidence})
		}
	}
	return reg
}

// ncTable lists the nonconformities.
func ncTable(a *assessment.Assessment, asOf time.Time) register {
	reg := register{name: "Nonconformities", cols: []sheetColumn{textCol("NC", 8), textCol("Item", 9), textCol("Source", 10),
		statusCol("Grade", 16), textCol("Description", 50), textCol("Root cause", 40), textCol("Correction", 36), textCol("Corrective action", 40),
		textCol("Owner", 20), dateCol("Raised"), dateCol("Due"), statusCol("Overdue", 8), statusCol("Status", 14), dateCol("Closed"),
		dateCol("Check date"), textCol("Checked by", 16), textCol("Check result", 36)}}
	for _, nc := range a.NCs {
		reg.rows = append(reg.rows, []any{nc.Label(), nc.ItemID, nc.Source, nc.Grade.Label(), nc.Description, nc.RootCause,
			nc.Correction, nc.CorrectiveAction, nc.Owner, nc.Raised, nc.Due, overdueWord(nc.Overdue(asOf)), nc.Status.Label(), nc.Closed,
			nc.CheckDate, nc.CheckBy, nc.CheckResult})
	}
	return reg
}

// overdueWord marks an overdue record; nothing when it is not.
func overdueWord(overdue bool) string {
	if overdue {
		return "overdue"
	}
	return ""
}

// requestTable is the evidence request working list.
func requestTable(f *facts) register {
	reg := register{name: "Evidence requests", cols: []sheetColumn{textCol("Request", 12), textCol("Category", 24), textCol("Document or record", 36),
		textCol("Supports", 20), statusCol("Status", 14), dateCol("Requested"), dateCol("Received"), dateCol("Reviewed"),
		dateCol("Not available"), textCol("Contact", 20), textCol("Note", 40)}}
	for _, c := range f.cat.EvidenceRequests {
		for _, e := range c.Items {
			r := f.a.Requests[e.ID]
			reg.rows = append(reg.rows, []any{e.ID, c.Title, e.Title, strings.Join(e.Supports, ", "), r.Current().Label(),
				r.Requested, r.Received, r.Reviewed, r.Unavailable, r.Contact, r.Note})
		}
	}
	return reg
}

// roadmapTable lists every action of the roadmap with its phase, owner and due date.
func roadmapTable(f *facts) register {
	reg := register{name: "Roadmap", cols: []sheetColumn{numberCol("Phase", 7), textCol("Phase title", 26), textCol("Concerns", 34),
		textCol("Action", 60), textCol("From the catalogue's guidance", 12), textCol("Owner", 20), textCol("Owner proposed", 10),
		dateCol("Due"), textCol("Due date proposed", 10), statusCol("Priority", 9), statusCol("Overdue", 8)}}
	titles := map[int]string{}
	for _, p := range f.plan.Phases {
		titles[p.Phase.ID] = p.Phase.Title
	}
	for _, act := range f.plan.Actions {
		reg.rows = append(reg.rows, []any{level(act.Phase), titles[act.Phase], act.Subject, act.Do, yesNo(act.FromGuidance), act.Owner,
			yesNo(act.OwnerProposed), act.Due, yesNo(act.DueProposed), string(act.Priority), overdueWord(act.Overdue)})
	}
	return reg
}

// kpiTable lists the key performance indicators with their source.
func kpiTable(f *facts) register {
	reg := register{name: "KPIs", cols: []sheetColumn{textCol("KPI", 8), textCol("Indicator", 40), textCol("Value", 40),
		textCol("Target", 20), textCol("Source", 10), dateCol("As of"), textCol("How it is measured", 60)}}
	for _, k := range f.sum.KPIs {
		source := "computed"
		if k.Source == "manual" {
			source = "reported"
		}
		reg.rows = append(reg.rows, []any{k.ID, k.Title, k.Value, k.Target, source, k.Date, k.Formula})
	}
	return reg
}

// inventoryTable lists the AI systems.
func inventoryTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "AI systems", cols: []sheetColumn{textCol("Name", 30), textCol("Purpose", 50), textCol("Owner", 20),
		textCol("Life-cycle stage", 18), textCol("AI roles", 22), statusCol("Impact", 8), textCol("In scope", 8),
		textCol("Exclusion justification", 36), textCol("Suppliers", 36), textCol("Personal data", 8), textCol("Human oversight", 8),
		dateCol("Impact assessment"), dateCol("Last significant change"), textCol("EU AI Act class (indicative, not legal advice)", 36)}}
	for _, s := range a.Systems {
		var roles []string
		for _, r := range s.Roles {
			roles = append(roles, termTitle(cat.AIRoles, r))
		}
		reg.rows = append(reg.rows, []any{s.Name, s.Purpose, s.Owner, termTitle(cat.LifecycleStages, s.Stage), strings.Join(roles, "; "),
			string(s.Impact), yesNo(s.InScope), s.ExclusionJustification, s.Suppliers, yesNo(s.PersonalData), yesNo(s.HumanOversight),
			s.AISIADate, s.LastChange, s.EUAIAct.Describe(cat)})
	}
	return reg
}

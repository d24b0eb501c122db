package assessment

import (
	"fmt"
	"strings"

	"aimsbench/checklists"
)

// demoJudgement is the assessor's judgement of one item in the standard demo. An empty finding
// or recommendation is written from the item's typical evidence; bare records a conformity
// judged on verbal assurance alone, with no evidence item yet; lapsed records one judged on a
// single document whose validity has since run out.
type demoJudgement struct {
	id               string
	status           Status
	maturity, target int
	bare, lapsed     bool
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
	{id: "7.1", status: Conformant, maturity: 3, lapsed: true,
		finding: "Judged conformant on the AIMS budget and headcount approval, which covered the last financial year only and lapsed at its end; this year's approval was promised but not shown.",
		rec:     "Obtain the approved AIMS budget for the current financial year before Stage 1; until then the judgement rests on expired evidence."},
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
		finding: "Three AIMS audits were held this year, two by the ISMS auditor of Group Internal Audit; the third, of the model life cycle and data controls, was carried out by the Head of Data Science on his own team's work, so its objectivity cannot be shown.",
		rec:     "Have an auditor from outside Data Science audit the life-cycle and data controls again, and record conclusions on the effectiveness of the AIMS as a whole."},
	{id: "9.2.2", status: Nonconformant, maturity: 2,
		finding: "The audit programme was drawn up piecemeal: it has no criteria or risk basis, nobody owns it while the internal audit lead post is vacant, and clauses 9 and 10 and the A.5, A.8, A.9 and A.10 controls are left to one audit planned a week after Stage 1.",
		rec:     "Approve a risk-based programme that covers every clause and included control within the cycle, and hold the remaining audit before Stage 1; tracked as NC-003."},
	{id: "9.3.1", status: Partial, maturity: 2,
		finding: "The first dedicated AIMS management review was held five weeks ago; it did not table the internal audit results or improvement opportunities, and the review before it took AI under any other business.",
		rec:     "Table every input the standard requires at the review planned before Stage 1, including the audit results, and minute the decisions with owners and dates."},
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
// risk register, one with a reason too thin to convince while high-impact systems are in scope.
var demoExclusions = []struct{ id, why, finding, rec string }{
	{id: "A.7.3", why: "All training and validation data comes from Northwind's own policy, claims and contact-centre systems; no data is bought or licensed from third parties.",
		finding: "Exclusion not supported: Kestrel Telematics data is acquired from a third party for the telematics driving score, and risk R-7 relies on this control.",
		rec:     "Include A.7.3 and record acquisition details, licences and lawful basis for the Kestrel feed."},
	{id: "A.8.3", why: "Not relevant to our business.",
		finding: "The justification states a conclusion, not a reason, while high-impact systems are in scope: policyholders and third parties affected by pricing and fraud decisions need a way to report problems.",
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
		switch {
		case j.lapsed:
			r.Evidence = []Evidence{b.lapsedEvidence()}
		case !j.bare:
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
		"{e1}", lowerFirst(phrases[0]),
		"{e2}", lowerFirst(e2),
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
		out = append(out, "records of "+lowerFirst(item.Title))
	}
	return out
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
		e.Collected = e.AttachedAt
		seen := e.AttachedAt.Format("2 Jan 2006")
		switch kind {
		case "interview":
			e = b.interviewEvidence(item.ID, "Interview: "+item.ID+" "+item.Title, e.AttachedAt)
		case "observation":
			e.Title = "Walk-through: " + item.ID + " " + item.Title
			e.Reference = fmt.Sprintf("Working paper WP-%s-%02d", strings.ReplaceAll(item.ID, ".", ""), i+1)
		default:
			e.Title = upperFirst(phrases[next%len(phrases)])
			next++
			e.Reference = b.reference(kind, seen)
			b.dateDocument(&e)
		}
		out = append(out, e)
	}
	return out
}

// dateDocument dates a document or record from before the fieldwork; one in three documents is
// reviewed yearly, so it is valid for a year from its date.
func (b *demoBuilder) dateDocument(e *Evidence) {
	switch e.Kind {
	case "document":
		e.Collected = b.on(-30 - b.rng.IntN(300))
		if b.rng.IntN(3) == 0 {
			e.ValidUntil = e.Collected.AddDate(1, 0, 0)
		}
	case "record":
		e.Collected = e.AttachedAt.AddDate(0, 0, -b.rng.IntN(60))
	}
}

// lapsedEvidence is the one document of the standard demo whose validity has run out: last
// financial year's AIMS budget approval, a teaching example of expired evidence.
func (b *demoBuilder) lapsedEvidence() Evidence {
	return Evidence{Title: "AIMS budget and headcount approval, last financial year", Kind: "document",
		Reference: "Board minute BM-117, item 6", AttachedAt: b.on(-12), Collected: b.on(-380), ValidUntil: b.on(-16)}
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

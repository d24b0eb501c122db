package assessment

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
	act                         EUAIActClass // indicative EU AI Act classification
}

var demoSystems = []demoSystem{
	{name: "Claims triage model", purpose: "Routes new motor and home claims to fast-track, standard or specialist handling queues from first notification of loss data.",
		owner: "Fatima Al-Sayed", stage: "operation-monitoring", roles: []string{"producer"}, impact: ImpactMedium,
		personal: true, human: true, aisiaAgo: 150, changeAgo: 200, trace: true,
		groups: "Claimants, including customers flagged as vulnerable; claims handlers.",
		harms:  "Delay for claimants wrongly routed to the standard queue; unequal service for vulnerable customers; handler over-reliance on the score.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Routes motor and home claims to handling queues; no Annex III use and nobody is told anything by the system itself."}},
	{name: "Fraud scoring model", purpose: "Scores motor and home claims for fraud indicators and refers high scores to the Counter-Fraud unit for investigation.",
		owner: "Dmitri Volkov", stage: "operation-monitoring", roles: []string{"producer"}, impact: ImpactHigh,
		suppliers: "Network-analytics library and feature-engineering support from Łódź Analytics sp. z o.o.",
		personal:  true, human: true, aisiaAgo: 210, changeAgo: 95,
		groups: "Claimants and third parties named in claims; people linked to them through shared addresses or phone numbers.",
		harms:  "Honest claimants investigated or delayed; indirect discrimination through postcode and network features; reputational harm from wrongful fraud markers.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Claims fraud scoring in motor and home insurance is not an Annex III use (point 5 covers life and health insurance pricing and credit scoring, and leaves fraud detection out); its high impact is managed under the AIMS, not the Act."}},
	{name: "Underwriting pricing model", purpose: "Estimates expected claims cost per motor and home risk as the technical price before commercial adjustments.",
		owner: "Priya Raman", stage: "continuous-validation", roles: []string{"producer"}, impact: ImpactHigh,
		personal: true, human: true, aisiaAgo: 60, changeAgo: 120, trace: true,
		groups: "Prospective and renewing policyholders, with attention to young drivers, older customers and low-income postcodes.",
		harms:  "Unaffordable or unfair prices; proxy discrimination by postcode or occupation; price walking contrary to FCA pricing rules.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Prices motor and home cover; Annex III point 5(c) lists only life and health insurance, so the Act sets no high-risk duties here. Confirm with Legal if the model is reused for the pet or any health product."}},
	{name: "Customer service chatbot “Ask Nora”", purpose: "Answers policyholder questions on cover, documents and claim status on the website and app, handing over to an agent on request.",
		owner: "Gareth Llewellyn", stage: "deployment", roles: []string{"customer"}, impact: ImpactMedium,
		suppliers: "Conversation platform from Brightline CX Ltd; third-party large language model contracted by Brightline.",
		assessed:  true, personal: true, aisiaAgo: 40, changeAgo: 55,
		groups: "Policyholders and claimants using digital channels, including customers with accessibility needs.",
		harms:  "Wrong information about cover leading to uninsured losses; disclosure of personal data in prompts; customers not told they are talking to AI.",
		act:    EUAIActClass{Category: "transparency", Rationale: "Talks directly to policyholders, so they must be told they are dealing with an AI system (Article 50(1)); Brightline is the provider, Northwind the deployer."}},
	{name: "Document OCR extraction", purpose: "Extracts fields from invoices, repair estimates and bank details in claim documents into the claims system.",
		owner: "Ana Sofía Gutiérrez", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactLow,
		suppliers: "Document extraction service from Vellum Document AI GmbH.",
		assessed:  true, personal: true, human: true, aisiaAgo: 300, changeAgo: 400, trace: true,
		groups: "Claimants and repairers submitting documents.",
		harms:  "Payments sent to the wrong account after mis-read bank details; delay when documents are rejected.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Extracts fields from documents for staff to validate; no Annex III use."}},
	{name: "Call-centre sentiment analysis", purpose: "Scores recorded calls for customer sentiment and complaint risk to prioritise quality reviews and call-backs.",
		owner: "Gareth Llewellyn", stage: "verification-validation", roles: []string{"customer", "producer"}, impact: ImpactMedium,
		suppliers: "Speech-to-text and sentiment models from SonaVox Analytics Ltd.",
		personal:  true, changeAgo: 30,
		groups: "Callers, including vulnerable customers; call-centre agents whose calls are scored.",
		harms:  "Processing of voice data without a lawful basis; agents judged on unreliable scores; accents and speech impairments scored unfairly.",
		act:    EUAIActClass{Category: "high-risk", Area: "biometrics", Rationale: "Infers callers' emotions from their voices, which reads as emotion recognition (Annex III point 1(c)); scoring agents' own calls may be emotion recognition at work, which Article 5(1)(f) bans. Legal to confirm before go-live."}},
	{name: "HR CV screening", purpose: "Ranks job applicants' CVs against role requirements and proposes shortlists to recruiting managers.",
		owner: "Mei-Ling Chua (Group HR Shared Services)", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactHigh,
		excluded:  "Run by Group HR Shared Services, a separate legal entity, under its own governance; Northwind receives shortlists only.",
		suppliers: "TalentSift recruitment SaaS.", personal: true,
		groups: "Job applicants, including those with career gaps or non-UK qualifications.",
		harms:  "Discriminatory rejection of applicants; opaque decisions applicants cannot challenge.",
		act:    EUAIActClass{Category: "high-risk", Area: "employment", Rationale: "Ranks job applicants, a use Annex III point 4(a) lists; Group HR Shared Services is the deployer, Northwind managers act on the shortlists."}},
	{name: "Marketing propensity model", purpose: "Predicts which existing customers are likely to buy pet or home cover to target cross-sell campaigns; under re-evaluation since a Consumer Duty review questioned its targeting.",
		owner: "Oliver Brennan", stage: "re-evaluation", roles: []string{"producer", "customer"}, impact: ImpactLow,
		personal: true, aisiaAgo: 330, changeAgo: 500, trace: true,
		groups: "Existing policyholders, including customers in financial difficulty.",
		harms:  "Unsuitable products pushed at customers in financial difficulty; unwanted profiling.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Targets cross-sell campaigns; no Annex III use. Consumer Duty, not the Act, drives its re-evaluation."}},
	{name: "Actuarial reserving assistant", purpose: "Drafts commentary on claims reserve movements for the reserving committee from triangles and actuarial notes.",
		owner: "Ingrid Søndergaard", stage: "inception", roles: []string{"producer", "customer"}, impact: ImpactMedium,
		suppliers: "Foundation model available through the Azure tenant.", assessed: true, human: true, aisiaAgo: 20, trace: true,
		groups: "Reserving committee and board members relying on the commentary; indirectly policyholders and regulators.",
		harms:  "Invented figures or reasons in board papers leading to mis-stated reserves.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Drafts internal commentary for the reserving committee, which reviews it; not published to the public, so Article 50(4) does not apply."}},
	{name: "Developer code assistant", purpose: "Suggests code completions and unit tests to Group IT developers in their editors.",
		owner: "Kwame Mensah", stage: "operation-monitoring", roles: []string{"customer"}, impact: ImpactLow,
		excluded:  "Used only as a productivity aid by Group IT developers; generated code passes the same peer review and test gates as other code, and no customer or employee decision depends on it.",
		suppliers: "Commercial code assistant licensed per seat.", assessed: true,
		groups: "Developers.", harms: "Insecure or licence-encumbered code reaching production.",
		act: EUAIActClass{Category: "minimal", Rationale: "A productivity aid for developers; no Annex III use."}},
	{name: "Subrogation recovery predictor", purpose: "Predicted which paid claims were worth pursuing against third parties; being decommissioned in favour of rules in the claims platform.",
		owner: "Fatima Al-Sayed", stage: "retirement", roles: []string{"producer", "customer"}, impact: ImpactLow,
		human: true, aisiaAgo: 340, changeAgo: 700, trace: true,
		groups: "Third parties and their insurers from whom recoveries are sought.",
		harms:  "Missed recoveries raising premiums; legacy jobs still calling the retired model.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Prioritises recovery cases against other insurers; no Annex III use, and the system is being retired."}},
	{name: "Telematics driving score", purpose: "Combines a partner's driving-behaviour score with claims history to adjust young drivers' motor premiums at renewal.",
		owner: "Priya Raman", stage: "design-development", roles: []string{"partner", "customer"}, impact: ImpactHigh,
		suppliers: "Driving-behaviour data and scores from Kestrel Telematics Ltd.",
		personal:  true, aisiaAgo: 75, changeAgo: 90,
		groups: "Young and newly qualified drivers; named drivers sharing a vehicle; night-shift workers.",
		harms:  "Premium rises from scores drivers cannot see or challenge; location data exposure; indirect discrimination against night-shift workers.",
		act:    EUAIActClass{Category: "minimal", Rationale: "Adjusts motor premiums; Annex III point 5(c) lists only life and health insurance. Kestrel, as provider of the score, is asked to confirm its own reading."}},
}

// systems records the inventory, numbering the systems from 1.
func (b *demoBuilder) systems(list []demoSystem) {
	for i, d := range list {
		s := AISystem{ID: int64(i + 1), Name: d.name, Purpose: d.purpose, Owner: d.owner, Stage: d.stage,
			Roles: append([]string(nil), d.roles...), Impact: d.impact, InScope: d.excluded == "",
			ExclusionJustification: d.excluded, Suppliers: d.suppliers, SupplierAssessed: d.assessed,
			PersonalData: d.personal, HumanOversight: d.human, AffectedGroups: d.groups, Harms: d.harms,
			ImpactToRiskTrace: d.trace, EUAIAct: d.act}
		if d.aisiaAgo > 0 {
			s.AISIADate = b.on(-d.aisiaAgo)
		}
		if d.changeAgo > 0 {
			s.LastChange = b.on(-d.changeAgo)
		}
		b.a.Systems = append(b.a.Systems, s)
	}
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

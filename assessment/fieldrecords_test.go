package assessment

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// warningsOf lists the warnings of the given kinds as "kind item: detail".
func warningsOf(s Summary, kinds ...string) []Warning {
	var out []Warning
	for _, w := range s.Warnings {
		if slices.Contains(kinds, w.Kind) {
			out = append(out, w)
		}
	}
	return out
}

// An internal auditor must not audit their own area (9.2.2): the warning names the audit and
// why, one row per way the data shows it.
func TestAuditorIndependenceWarning(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		want   string // "" for no warning
	}{
		{"an auditor from outside the area audited", func(*Assessment) {}, ""},
		{"an auditor whose function is among the areas audited", func(a *Assessment) {
			a.Audits[0].AuditorArea, a.Audits[0].Areas = "claims division ", []string{"Claims Division"}
		}, "IA-01 (The whole AIMS) is audited by Sam Okoro, who belongs to claims division, one of the areas audited"},
		{"an auditor who owns items the audit covers", func(a *Assessment) {
			a.Results["8.2"].Owner, a.Results["A.7.4"].Owner = "sam okoro", "Sam Okoro"
		}, "owns 8.2, A.7.4 among the items audited"},
		{"a planned audit is checked before it is held", func(a *Assessment) {
			a.Audits[0].Held, a.Audits[0].AuditorArea = time.Time{}, "Claims division"
		}, "who belongs to Claims division"},
		{"an audit held before the cycle is history, not a warning", func(a *Assessment) {
			a.Audits[0].Held, a.Audits[0].AuditorArea = ruleDay.AddDate(0, -13, 0), "Claims division"
		}, ""},
		{"an audit without an auditor named yet", func(a *Assessment) {
			a.Audits[0].Held, a.Audits[0].Auditor, a.Audits[0].AuditorArea = time.Time{}, "", "Claims division"
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			got := warningsOf(Evaluate(cat, a, ruleDay), "auditor_not_independent")
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("warned: %+v", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Detail, tt.want) || got[0].Item != "9.2.2"):
				t.Errorf("warnings %+v, want one against 9.2.2 saying %q", got, tt.want)
			}
		})
	}
}

// The certification path warns for each thing due after the audit it must precede.
func TestCertificationTimingWarnings(t *testing.T) {
	stage1, stage2 := daysBefore(-130), daysBefore(-200) // after every phase counted from today
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		want   []string // "kind item" of each warning
	}{
		{"no plan, no warning", func(a *Assessment) { a.Certification.Stage1, a.Certification.Stage2 = time.Time{}, time.Time{} }, nil},
		{"nothing due late", func(*Assessment) {}, nil},
		{"a phase with work in it ending after Stage 1", func(a *Assessment) {
			a.Results["5.2"].Status = Partial // phase 3, weeks 8 to 18, ends in 125 days
			a.Certification.Stage1 = daysBefore(-100)
		}, []string{"phase_after_certification_audit "}},
		{"a phase with no work left is not late", func(a *Assessment) { a.Certification.Stage1 = daysBefore(-5) }, nil},
		{"an open NC due after the Stage 1 audit its phase must precede", func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "6.1.2", Grade: MinorNC, Status: NCOpen, Due: daysBefore(-131)})
		}, []string{"nc_due_after_certification_audit 6.1.2"}},
		{"boundary: an open NC due on the day of Stage 1", func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "6.1.2", Grade: MinorNC, Status: NCOpen, Due: daysBefore(-130)})
		}, nil},
		{"an open NC of the last phase is due by Stage 2", func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "10.1", Grade: MinorNC, Status: NCOpen, Due: daysBefore(-150)})
		}, nil},
		{"an open NC of the last phase due after Stage 2", func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "10.1", Grade: MinorNC, Status: NCOpen, Due: daysBefore(-201)})
		}, []string{"nc_due_after_certification_audit 10.1"}},
		{"an internal audit the cycle needs, planned after Stage 1", func(a *Assessment) {
			a.Audits[0].Items = a.Audits[0].Items[1:] // clause 4 left to the planned audit
			a.Audits = append(a.Audits, InternalAudit{Number: 2, Title: "Context", Planned: daysBefore(-135), Items: []string{"4"}})
		}, []string{"audit_after_stage1 9.2.2"}},
		{"an internal audit the cycle needs, planned before Stage 1", func(a *Assessment) {
			a.Audits[0].Items = a.Audits[0].Items[1:]
			a.Audits = append(a.Audits, InternalAudit{Number: 2, Title: "Context", Planned: daysBefore(-125), Items: []string{"4"}})
		}, nil},
		{"a follow-up audit after Stage 1 the cycle does not need", func(a *Assessment) {
			a.Audits = append(a.Audits, InternalAudit{Number: 2, Title: "Follow-up", Planned: daysBefore(-135), Items: []string{"8.2"}})
		}, nil},
		{"a management review the cycle needs, planned after Stage 1", func(a *Assessment) {
			a.Reviews[0].Inputs = a.Reviews[0].Inputs[1:]
			a.Reviews = append(a.Reviews, ManagementReview{Number: 2, Date: daysBefore(-131)})
		}, []string{"review_after_stage1 9.3.1"}},
		{"a routine review after Stage 1 once one has considered every input", func(a *Assessment) {
			a.Reviews = append(a.Reviews, ManagementReview{Number: 2, Date: daysBefore(-131)})
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			a.Certification.Stage1, a.Certification.Stage2 = stage1, stage2
			tt.mutate(a)
			var got []string
			for _, w := range warningsOf(Evaluate(cat, a, ruleDay), "phase_after_certification_audit", "nc_due_after_certification_audit", "audit_after_stage1", "review_after_stage1") {
				got = append(got, w.Kind+" "+w.Item)
			}
			if !sameStrings(got, tt.want) {
				t.Errorf("warnings %q, want %q", got, tt.want)
			}
		})
	}
}

// The roadmap says which audit each phase must precede and whether it ends after it.
func TestRoadmapPhasesKnowTheirDeadline(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Certification.Stage1, a.Certification.Stage2 = daysBefore(-100), daysBefore(-150)
	phases, _, _ := Roadmap(cat, a, ruleDay)
	want := []struct {
		precede string
		late    bool
	}{{"Stage 1 audit", false}, {"Stage 1 audit", false}, {"Stage 1 audit", true}, {"Stage 2 audit", true}}
	for i, p := range phases {
		if p.MustPrecede != want[i].precede || p.Late() != want[i].late {
			t.Errorf("phase %d precedes %q (late %v), want %q (late %v)", p.Phase.ID, p.MustPrecede, p.Late(), want[i].precede, want[i].late)
		}
	}
}

// The readiness step shows the internal-audit coverage of clauses and controls over the cycle
// and the last management review's inputs (issue 15 acceptance).
func TestDemoReadinessShowsAuditCoverageAndTheLastReview(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	c := InternalAuditCoverage(cat, a, demoAsOf)
	if !slices.Equal(c.Held, []string{"IA-01", "IA-02", "IA-03"}) || !c.To.Equal(day(demoAsOf)) || !c.From.Equal(day(demoAsOf).AddDate(-1, 0, 0)) {
		t.Errorf("cycle %v to %v with audits %v", c.From, c.To, c.Held)
	}
	if c.Clauses != (CoverageCount{Total: 32, Audited: 24, Planned: 8}) || c.Controls != (CoverageCount{Total: 35, Audited: 23, Planned: 12}) {
		t.Errorf("clauses %+v, controls %+v", c.Clauses, c.Controls)
	}
	if got := len(c.Uncovered()); got != 20 || !slices.Equal(c.Uncovered()[0].PlannedIn, []string{"IA-04"}) {
		t.Errorf("%d items uncovered, the first planned in %v; want 20, IA-04", got, c.Uncovered()[0].PlannedIn)
	}
	r := LastManagementReview(cat, a, demoAsOf)
	var missing []string
	for _, in := range r.Missing() {
		missing = append(missing, in.ID)
	}
	if r.Review == nil || r.Review.Label() != "MR-02" || len(r.Inputs) != 7 || !slices.Equal(missing, []string{"MRI-D3", "MRI-E"}) {
		t.Errorf("last review %v with %d inputs, missing %v; want MR-02, 7, [MRI-D3 MRI-E]", r.Review, len(r.Inputs), missing)
	}
	if none := LastManagementReview(cat, &Assessment{}, demoAsOf); none.Review != nil || len(none.Missing()) != 7 {
		t.Errorf("without reviews: %+v", none)
	}
}

// Removing the demo's last internal audit brings the verdict down with
// management_cycle_incomplete naming what is no longer audited (issue 15 acceptance). The
// large demo is the one whose management cycle is complete.
func TestRemovingTheDemosLastAuditBreaksTheManagementCycle(t *testing.T) {
	cat, a := demoBuild(t, DemoLarge)
	cycle := func(a *Assessment) []Blocker {
		var out []Blocker
		for _, b := range Evaluate(cat, a, demoAsOf).Blockers {
			if b.Kind == "management_cycle_incomplete" {
				out = append(out, b)
			}
		}
		return out
	}
	if got := cycle(a); len(got) != 0 {
		t.Fatalf("the large demo's cycle is already incomplete: %+v", got)
	}
	last := a.Audits[len(a.Audits)-1]
	a.Audits = a.Audits[:len(a.Audits)-1]
	got := cycle(a)
	if len(got) != 1 || got[0].Item != "9.2.2" || got[0].Cap != 2 || !strings.Contains(got[0].Detail, "A.10.2, A.10.3, A.10.4") {
		t.Errorf("after removing %s (%s): %+v; want one blocker naming the A.10 controls no longer audited", last.Label(), last.Title, got)
	}
}

// The standard demo's roadmap warns that its internal audit falls after Stage 1 (issue 15
// acceptance).
func TestDemoRoadmapWarnsTheInternalAuditFallsAfterStage1(t *testing.T) {
	cat, a := demoBuild(t, DemoStandard)
	got := warningsOf(Evaluate(cat, a, demoAsOf), "audit_after_stage1")
	if len(got) != 1 || !strings.Contains(got[0].Detail, "IA-04") || !strings.Contains(got[0].Detail, "after the Stage 1 audit on "+a.Certification.Stage1.Format(time.DateOnly)) {
		t.Errorf("warnings %+v, want one that IA-04 falls after Stage 1", got)
	}
}

// Evidence may cite an interview of the log by its number; the judgement path and an import
// refuse a citation the log cannot back.
func TestInterviewCitedAsEvidence(t *testing.T) {
	cat, a := readyAssessment(t)
	iv := Interview{Number: 3, Name: "Dana Lee", Role: "Claims director", Date: daysBefore(4), Items: []string{"A.9"}}
	a.Interviews = []Interview{iv}
	ev := InterviewEvidence(iv, daysBefore(2))
	if ev.Kind != "interview" || ev.Interview != 3 || !ev.Collected.Equal(iv.Date) || !strings.Contains(ev.Title, "INT-03 with Dana Lee, Claims director") {
		t.Errorf("evidence %+v", ev)
	}
	item := ruleItem(t, cat, "A.9.2")
	r, err := Judgement{AddEvidence: []Evidence{ev}}.Apply(item, a.Results["A.9.2"])
	if err != nil {
		t.Fatalf("citing the interview was refused: %v", err)
	}
	a.Results["A.9.2"] = r
	if !r.SupportedOn(ruleDay) || CheckCitations(a.Interviews, r.Evidence) != nil {
		t.Error("an interview of the log does not support a conformant judgement")
	}
	if got := a.InterviewCitations(3); !slices.Equal(got, []string{"A.9.2"}) {
		t.Errorf("citations %v, want [A.9.2]", got)
	}
	if err := CheckDeleteInterview(a.Results, 3); err == nil || !strings.Contains(err.Error(), "cited as evidence for A.9.2") {
		t.Errorf("deleting a cited interview: %v", err)
	}
	if err := CheckDeleteInterview(a.Results, 4); err != nil {
		t.Errorf("deleting an interview nobody cites: %v", err)
	}
	wrongKind := ev
	wrongKind.Kind = "document"
	if _, err := (Judgement{AddEvidence: []Evidence{wrongKind}}).Apply(item, a.Results["A.9.2"]); err == nil || !strings.Contains(err.Error(), "must be of kind interview") {
		t.Errorf("a document citing an interview: %v", err)
	}
	a.Interviews = nil
	var inv *Invalid
	if err := Validate(cat, a); !errors.As(err, &inv) || !strings.Contains(err.Error(), "cites interview INT-03, which is not in the interview log") {
		t.Errorf("a bundle citing a missing interview: %v", err)
	}
}

func TestEUAIActClassification(t *testing.T) {
	cat := ruleCatalogue(t)
	tests := []struct {
		in       string
		want     EUAIActClass
		refusal  string
		describe string
	}{
		{in: "minimal", want: EUAIActClass{Category: "minimal"}, describe: "Minimal risk"},
		{in: "Transparency obligations", want: EUAIActClass{Category: "transparency"}, describe: "Transparency obligations"},
		{in: "high-risk: employment", want: EUAIActClass{Category: "high-risk", Area: "employment"},
			describe: "High-risk: a use listed in Annex III — point 4, Employment and workers management"},
		{in: "High-Risk : 5", want: EUAIActClass{Category: "high-risk", Area: "essential-services"}},
		{in: "high-risk", refusal: `needs its Annex III area after a colon, e.g. "high-risk: biometrics"`},
		{in: "minimal: employment", refusal: "has no Annex III area"},
		{in: "high-risk: space travel", refusal: `Annex III area "space travel" is not known`},
		{in: "limited", refusal: `EU AI Act category "limited" is not known; use prohibited, high-risk, high-risk-product, transparency or minimal`},
		{in: "", want: EUAIActClass{}, describe: "not classified"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseEUAIActClass(cat, tt.in)
			switch {
			case tt.refusal != "":
				if err == nil || !strings.Contains(err.Error(), tt.refusal) {
					t.Errorf("err = %v, want %q", err, tt.refusal)
				}
				return
			case err != nil:
				t.Fatalf("refused: %v", err)
			case got != tt.want:
				t.Errorf("parsed %+v, want %+v", got, tt.want)
			}
			if tt.describe != "" && got.Describe(cat) != tt.describe {
				t.Errorf("described %q, want %q", got.Describe(cat), tt.describe)
			}
		})
	}
	employment := EUAIActClass{Category: "high-risk", Area: "employment"}
	var articles []string
	for _, o := range employment.Obligations(cat) {
		articles = append(articles, o.Article)
	}
	if !slices.Contains(articles, "Article 9") || articles[len(articles)-1] != "Article 26(7)" {
		t.Errorf("obligations %v: want the high-risk ones, then the employment area's", articles)
	}
}

func TestInventoryCSVReadsTheEUAIActClassification(t *testing.T) {
	cat := ruleCatalogue(t)
	systems, err := ParseInventoryCSV(cat, []byte("name;EU AI Act classification\nCV screening;high-risk: employment\nChatbot;transparency\nOCR;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if systems[0].EUAIAct != (EUAIActClass{Category: "high-risk", Area: "employment"}) || systems[1].EUAIAct.Category != "transparency" || systems[2].EUAIAct.Classified() {
		t.Errorf("classifications %+v, %+v, %+v", systems[0].EUAIAct, systems[1].EUAIAct, systems[2].EUAIAct)
	}
	_, err = ParseInventoryCSV(cat, []byte("name,eu ai act classification\nCV screening,high-risk\n"))
	if err == nil || !strings.Contains(err.Error(), `line 2: a system classified "High-risk: a use listed in Annex III" needs its Annex III area after a colon`) {
		t.Errorf("a high-risk row without its area: %v", err)
	}
}

// An assessment arriving from outside is refused for every register problem, all listed.
func TestValidateRefusesBadFieldRecords(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Audits = append(a.Audits, InternalAudit{Number: 1, Title: "Duplicate", Planned: daysBefore(1), Items: []string{"11.1"}, Findings: []int{9}})
	a.Reviews[0].Inputs = append(a.Reviews[0].Inputs, "MRI-Z")
	a.Suppliers = []Supplier{{Number: 1, Name: "Vendor", Systems: []int64{42}}}
	a.Incidents = []Incident{{Number: 1, Title: "Late", SystemID: 7, Detected: daysBefore(5), Resolved: daysBefore(6)}}
	a.Training = []TrainingRecord{{Number: 0, Group: "All", Training: "Awareness", Due: 1, Completed: 1, Date: daysBefore(1)}}
	a.Interviews = []Interview{{Number: 1, Name: "Dana", Date: daysBefore(1), Items: []string{"Z.1"}}}
	a.Systems[0].EUAIAct = EUAIActClass{Category: "high-risk"}
	a.Certification.Stage1, a.Certification.Stage2 = daysBefore(-50), daysBefore(-10)
	err := Validate(cat, a)
	var inv *Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("accepted: %v", err)
	}
	for _, want := range []string{
		"internal audit number 1 is not unique and positive",
		`IA-01 names "11.1", which is not in the catalogue`,
		"IA-01 names finding NC-009, which is not in the nonconformity register",
		`MR-01 names input "MRI-Z"`,
		"SUP-01 names AI system 42, which is not in the inventory",
		"AI incident INC-001 was resolved on",
		"INC-001 names AI system 7",
		"training record number 0 is not unique and positive",
		`INT-01 names "Z.1"`,
		`AI system 1 ("Claims triage"): a system classified "High-risk: a use listed in Annex III" needs the Annex III area`,
		"the planned Stage 2 audit",
	} {
		if !slices.ContainsFunc(inv.Problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("no problem saying %q among %q", want, inv.Problems)
		}
	}
}

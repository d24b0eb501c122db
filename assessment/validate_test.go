package assessment

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateAcceptsDemosAndTheFixture(t *testing.T) {
	cat, a := readyAssessment(t)
	if err := Validate(cat, a); err != nil {
		t.Errorf("fixture refused: %v", err)
	}
	for _, size := range []DemoSize{DemoStandard, DemoLarge} {
		demo, err := Demo(cat, size, ruleDay)
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(cat, demo); err != nil {
			t.Errorf("%s demo refused: %v", size, err)
		}
	}
}

func TestValidateRefusals(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		want   string
	}{
		{name: "unknown item", mutate: func(a *Assessment) { a.Results["A.99"] = &Result{ItemID: "A.99", Status: NotAssessed} },
			want: `result "A.99" names an item the catalogue`},
		{name: "result filed under another item", mutate: func(a *Assessment) { a.Results["4.1"].ItemID = "4.2" },
			want: `result 4.1 carries the item ID "4.2"`},
		{name: "unknown status", mutate: func(a *Assessment) { a.Results["4.1"].Status = "great" },
			want: `4.1 has the unknown status "great"`},
		{name: "clause requirement not applicable", mutate: func(a *Assessment) { a.Results["4.1"].Status = NotApplicable },
			want: "4.1 is a mandatory clause requirement"},
		{name: "maturity off the scale", mutate: func(a *Assessment) { a.Results["4.1"].Maturity = 7 },
			want: "4.1: maturity 7 is outside the scale"},
		{name: "exclusion without justification", mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", " ") },
			want: "excluding A.10.4 from the Statement of Applicability needs a justification"},
		{name: "SoA decision on a clause", mutate: func(a *Assessment) { a.Results["4.1"].Decision = Included },
			want: "4.1 is a clause requirement; only Annex A controls"},
		{name: "evidence without a title", mutate: func(a *Assessment) { a.Results["4.1"].Evidence = []Evidence{{Kind: "document"}} },
			want: "4.1: an evidence item needs a title"},
		{name: "duplicate system ID", mutate: func(a *Assessment) { a.Systems = append(a.Systems, readySystem()) },
			want: "AI system 1 (\"Claims triage\") needs a unique positive ID"},
		{name: "unknown AI role", mutate: func(a *Assessment) { a.Systems[0].Roles = []string{"overlord"} },
			want: `unknown AI role "overlord"`},
		{name: "risk names a missing system", mutate: func(a *Assessment) { a.Risks[0].SystemID = 42 },
			want: "risk 1 names AI system 42"},
		{name: "risk names a clause as control", mutate: func(a *Assessment) { a.Risks[0].Controls = []string{"6.1.3"} },
			want: `risk 1 names "6.1.3", which is not an Annex A control`},
		{name: "two tests of one control", mutate: func(a *Assessment) { a.Tests = []ControlTest{{ControlID: "A.7.4"}, {ControlID: "A.7.4"}} },
			want: `control test "A.7.4" must name an Annex A control with no other test`},
		{name: "unjustified conclusion override", mutate: func(a *Assessment) {
			a.Tests = []ControlTest{{ControlID: "A.7.4", ConclusionOverride: Effective}}
		}, want: "overriding the test conclusion of A.7.4 needs a justification"},
		{name: "placeholder sample-size reason", mutate: func(a *Assessment) {
			a.Tests = []ControlTest{{ControlID: "A.7.4", SizeOverride: 3, OverrideReason: "tbd"}}
		}, want: `overriding the suggested sample size of A.7.4 needs a justification that says why in at least 20 characters and 3 words; "tbd" is a placeholder`},
		{name: "exclusion with a placeholder", mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "N/A") },
			want: `excluding A.8.3 from the Statement of Applicability needs a justification that says why in at least 20 characters and 3 words; "N/A" is a placeholder, not a reason`},
		{name: "system out of scope with a placeholder", mutate: func(a *Assessment) {
			a.Systems[0].InScope, a.Systems[0].ExclusionJustification = false, "TBD"
		}, want: `taking AI system 1 ("Claims triage") out of scope needs a justification`},
		{name: "included control with a placeholder justification", mutate: func(a *Assessment) { a.Results["A.8.3"].Justification = "todo" },
			want: `"todo" is a placeholder, not a reason; say why A.8.3 is included`},
		{name: "evidence that expires before it was collected", mutate: func(a *Assessment) {
			a.Results["4.1"].Evidence[0].Collected, a.Results["4.1"].Evidence[0].ValidUntil = daysBefore(10), daysBefore(20)
		}, want: "is valid until 2025-06-10, before it was collected on 2025-06-20"},
		{name: "risk appetite off the scale", mutate: func(a *Assessment) { a.RiskCriteria.Appetite = 30 },
			want: "must be scores from 1 to 25"},
		{name: "acceptance above the appetite", mutate: func(a *Assessment) { a.RiskCriteria = RiskCriteria{Appetite: 6, Acceptance: 9} },
			want: "the acceptance threshold 9 is above the risk appetite 6"},
		{name: "duplicate NC number", mutate: func(a *Assessment) {
			a.NCs = []Nonconformity{{Number: 1, Grade: MinorNC, Status: NCOpen}, {Number: 1, Grade: MinorNC, Status: NCOpen}}
		}, want: "nonconformity number 1 is not unique"},
		{name: "unknown NC status", mutate: func(a *Assessment) { a.NCs = []Nonconformity{{Number: 1, Grade: MinorNC, Status: "done"}} },
			want: `NC-001: nonconformity status "done" is not known`},
		{name: "assessment ending before it starts", mutate: func(a *Assessment) { a.StartDate, a.EndDate = daysBefore(1), daysBefore(5) },
			want: "the end date 2025-06-25 is before the start date 2025-06-29"},
		{name: "Stage 2 before Stage 1", mutate: func(a *Assessment) { a.Certification.Stage1, a.Certification.Stage2 = daysBefore(-60), daysBefore(-30) },
			want: "the planned Stage 2 audit 2025-07-30 is before the planned Stage 1 audit 2025-08-29"},
		{name: "test period ending before it starts", mutate: func(a *Assessment) {
			a.Tests = []ControlTest{{ControlID: "A.7.4", PeriodStart: daysBefore(10), PeriodEnd: daysBefore(40)}}
		}, want: "control test A.7.4: the end of the test period 2025-05-21 is before its start 2025-06-20"},
		{name: "NC due before it was raised", mutate: func(a *Assessment) { a.NCs[0].Due = daysBefore(300) },
			want: "NC-001: the due date 2024-09-03 is before the day it was raised 2024-12-12"},
		{name: "NC checked before it was raised", mutate: func(a *Assessment) { a.NCs[0].CheckDate = daysBefore(201) },
			want: "NC-001: the effectiveness check 2024-12-11 is before the day it was raised"},
		{name: "NC withdrawn without a reason", mutate: func(a *Assessment) {
			a.NCs[0].Status, a.NCs[0].Withdrawn, a.NCs[0].WithdrawnReason = NCWithdrawn, daysBefore(10), "n/a"
		}, want: `withdrawing NC-001 needs a justification that says why in at least 20 characters and 3 words; "n/a" is a placeholder`},
		{name: "major NC verified without its effectiveness check", mutate: func(a *Assessment) {
			a.NCs[0].Grade, a.NCs[0].Status, a.NCs[0].CheckBy = MajorNC, NCVerified, ""
		}, want: "NC-001 is verified effective: keep its effectiveness check"},
		{name: "NC closed with nothing done", mutate: func(a *Assessment) {
			a.NCs[0].Status, a.NCs[0].Correction, a.NCs[0].CorrectiveAction = NCClosed, "", ""
		}, want: "NC-001 is closed: keep its correction or corrective action"},
		{name: "NC without a description", mutate: func(a *Assessment) { a.NCs[0].Description = " " },
			want: "NC-001: describe the nonconformity"},
		{name: "NC withdrawn without a date", mutate: func(a *Assessment) {
			a.NCs[0].Status, a.NCs[0].WithdrawnReason = NCWithdrawn, "Raised against the wrong clause by mistake"
		}, want: "NC-001 is withdrawn but carries no date of withdrawal"},
		{name: "unknown evidence request", mutate: func(a *Assessment) { a.Requests["EV-XX-01"] = RequestStatus{State: Received} },
			want: `evidence request "EV-XX-01"`},
		{name: "unknown KPI", mutate: func(a *Assessment) { a.KPIValues["KPI-99"] = KPIValue{Value: "1"} },
			want: `KPI value "KPI-99"`},
		{name: "unknown governance role", mutate: func(a *Assessment) { a.RoleHolders[0].RoleID = "ceo" },
			want: `role holder "ceo"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			err := Validate(cat, a)
			var inv *Invalid
			if !errors.As(err, &inv) {
				t.Fatalf("accepted; want a refusal containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestInvalidErrorShortensLongLists(t *testing.T) {
	err := &Invalid{Problems: make([]string, 20)}
	if msg := err.Error(); !strings.HasPrefix(msg, "20 problem(s)") || !strings.HasSuffix(msg, "and 8 more") {
		t.Errorf("error = %q", msg)
	}
}

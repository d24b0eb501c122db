package assessment

import (
	"strings"
	"testing"
	"time"
)

// Each register entry refuses, on its own, what no screen, command or bundle may store; one
// row per rule, each with the sentence's telling words.
func TestRegisterEntriesRefuse(t *testing.T) {
	audit := func(edit func(x *InternalAudit)) Entry {
		x := InternalAudit{Number: 1, Title: "Clause 8", Planned: daysBefore(10), Held: daysBefore(8), Auditor: "Sam Okoro", Items: []string{"8"}}
		edit(&x)
		return &x
	}
	incident := func(edit func(x *Incident)) Entry {
		x := Incident{Number: 3, Title: "Wrong quote", Occurred: daysBefore(10), Detected: daysBefore(8), Reported: daysBefore(8), Resolved: daysBefore(2)}
		edit(&x)
		return &x
	}
	training := func(edit func(x *TrainingRecord)) Entry {
		x := TrainingRecord{Number: 2, Group: "Claims handlers", Training: "Triage score", Due: 10, Completed: 4, Date: daysBefore(3)}
		edit(&x)
		return &x
	}
	supplier := func(edit func(x *Supplier)) Entry {
		x := Supplier{Number: 4, Name: "Vendor", Assessed: daysBefore(30), Result: Satisfactory}
		edit(&x)
		return &x
	}
	tests := []struct {
		name  string
		entry Entry
		want  string // "" when accepted
	}{
		{"an audit as planned and held is accepted", audit(func(*InternalAudit) {}), ""},
		{"an audit only planned needs no auditor yet", audit(func(x *InternalAudit) { x.Held, x.Auditor = time.Time{}, "" }), ""},
		{"an audit without a title", audit(func(x *InternalAudit) { x.Title = " " }), "IA-01 needs a title"},
		{"an audit without any date", audit(func(x *InternalAudit) { x.Planned, x.Held = time.Time{}, time.Time{} }), "needs the date it is planned for"},
		{"an audit held without its auditor", audit(func(x *InternalAudit) { x.Auditor = "" }), "needs the name of its auditor"},
		{"an audit that covers nothing", audit(func(x *InternalAudit) { x.Items = nil }), "covers no clause or control"},
		{"a review without a date", &ManagementReview{Number: 2}, "MR-02 needs the date"},
		{"a review listing an input twice", &ManagementReview{Number: 2, Date: daysBefore(1), Inputs: []string{"MRI-A", "MRI-A"}}, "lists input MRI-A twice"},
		{"a supplier without a name", supplier(func(x *Supplier) { x.Name = "" }), "SUP-04 needs a name"},
		{"a supplier with a result but no date", supplier(func(x *Supplier) { x.Assessed = time.Time{} }), "has a due-diligence result but no date"},
		{"a supplier with a date but no result", supplier(func(x *Supplier) { x.Result = "" }), "has a due-diligence date but no result"},
		{"a supplier with an unknown result", supplier(func(x *Supplier) { x.Result = "fine" }), `result "fine"`},
		{"a supplier not assessed yet is accepted", supplier(func(x *Supplier) { x.Result, x.Assessed = "", time.Time{} }), ""},
		{"training without a group", training(func(x *TrainingRecord) { x.Group = "" }), "TR-02 needs the role or group"},
		{"training with nobody due", training(func(x *TrainingRecord) { x.Due, x.Completed = 0, 0 }), "at least one person must be due"},
		{"training with more completed than due", training(func(x *TrainingRecord) { x.Completed = 11 }), "11 people completed out of 10 due"},
		{"training with every person done is accepted", training(func(x *TrainingRecord) { x.Completed = 10 }), ""},
		{"training without the date of its figures", training(func(x *TrainingRecord) { x.Date = time.Time{} }), "needs the date its figures were taken"},
		{"an incident without a title", incident(func(x *Incident) { x.Title = "" }), "INC-003 needs a title"},
		{"an incident without a detection date", incident(func(x *Incident) { x.Detected = time.Time{} }), "needs the date it was detected"},
		{"an incident detected before it began", incident(func(x *Incident) { x.Occurred = daysBefore(5) }), "was detected on 2025-06-22, before it began on 2025-06-25"},
		{"an incident resolved before it was detected", incident(func(x *Incident) { x.Resolved = daysBefore(9) }), "was resolved on 2025-06-21, before it was detected on 2025-06-22"},
		{"an incident reported before it was detected", incident(func(x *Incident) { x.Reported = daysBefore(9) }), "was reported on 2025-06-21"},
		{"an incident detected and resolved the same day is accepted", incident(func(x *Incident) { x.Resolved = x.Detected }), ""},
		{"an open incident without a start date is accepted", incident(func(x *Incident) { x.Occurred, x.Resolved = time.Time{}, time.Time{} }), ""},
		{"an interview without a name", &Interview{Number: 6, Date: daysBefore(1), Items: []string{"5.2"}}, "INT-06 needs the name"},
		{"an interview without items", &Interview{Number: 6, Name: "Dana Lee", Date: daysBefore(1)}, "lists no item discussed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.entry.Check()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want one saying %q", err, tt.want)
			case err != nil && strings.Count(strings.TrimSuffix(err.Error(), "."), ". ") > 0:
				t.Errorf("%q is more than one sentence", err)
			}
		})
	}
}

func TestCertificationPlanRefusesStage2BeforeStage1(t *testing.T) {
	plan := CertificationPlan{Stage1: daysBefore(-60), Stage2: daysBefore(-30)}
	if err := plan.Check(); err == nil || !strings.Contains(err.Error(), "is before the planned Stage 1 audit") {
		t.Errorf("err = %v, want the two dates refused", err)
	}
	plan.Stage2 = plan.Stage1
	if err := plan.Check(); err != nil {
		t.Errorf("Stage 1 and Stage 2 on the same day refused: %v", err)
	}
}

// The certification path counts surveillance and recertification from the planned Stage 2.
func TestCertificationPath(t *testing.T) {
	stage2 := time.Date(2027, 2, 28, 15, 0, 0, 0, time.UTC)
	path := CertificationPath(CertificationPlan{Stage1: time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC), Stage2: stage2})
	want := map[string]string{"stage1": "2027-01-10", "stage2": "2027-02-28", "surveillance1": "2028-02-28",
		"surveillance2": "2029-02-28", "recertification": "2029-11-28"} // three months before the certificate expires on 2030-02-28
	for _, m := range path {
		if got := m.Date.Format(time.DateOnly); got != want[m.ID] {
			t.Errorf("%s on %s, want %s", m.ID, got, want[m.ID])
		}
		if m.Title == "" || m.Basis == "" {
			t.Errorf("%s has no title or basis", m.ID)
		}
	}
	if len(path) != len(want) {
		t.Errorf("%d milestones, want %d", len(path), len(want))
	}
	for _, m := range CertificationPath(CertificationPlan{}) {
		if !m.Date.IsZero() || !strings.Contains(m.Basis, "not planned") {
			t.Errorf("without a plan %s is dated %v (%q)", m.ID, m.Date, m.Basis)
		}
	}
}

// KPI-05 reads the AI incident register: three incidents with their dates give the mean
// times to detect and to resolve without anything typed in (issue 15 acceptance).
func TestIncidentResponseKPI(t *testing.T) {
	three := []Incident{
		{Number: 1, Title: "A", Occurred: daysBefore(30), Detected: daysBefore(28), Resolved: daysBefore(20)},
		{Number: 2, Title: "B", Occurred: daysBefore(60), Detected: daysBefore(57), Resolved: daysBefore(55)},
		{Number: 3, Title: "C", Occurred: daysBefore(10), Detected: daysBefore(9), Resolved: daysBefore(4)},
	}
	tests := []struct {
		name     string
		edit     func(list []Incident) []Incident
		measured bool
		want     string
	}{
		{"three incidents give MTTD and MTTR", func(l []Incident) []Incident { return l }, true,
			"3 AI incidents in 12 months (0 open); mean time to detect 2.0 days over 3, to resolve 5.0 days over 3 resolved"},
		{"an open incident counts towards detection only", func(l []Incident) []Incident { l[2].Resolved = time.Time{}; return l }, true,
			"3 AI incidents in 12 months (1 open); mean time to detect 2.0 days over 3, to resolve 5.0 days over 2 resolved"},
		{"an incident detected 13 months ago is left out", func(l []Incident) []Incident {
			l[1].Occurred, l[1].Detected, l[1].Resolved = ruleDay.AddDate(0, -13, -3), ruleDay.AddDate(0, -13, 0), ruleDay.AddDate(0, -13, 2)
			return l
		}, true, "2 AI incidents in 12 months (0 open); mean time to detect 1.5 days over 2, to resolve 6.5 days over 2 resolved"},
		{"an incident detected 11 months ago counts", func(l []Incident) []Incident {
			l[1].Occurred, l[1].Detected, l[1].Resolved = ruleDay.AddDate(0, -11, -3), ruleDay.AddDate(0, -11, 0), ruleDay.AddDate(0, -11, 2)
			return l
		}, true, "3 AI incidents in 12 months (0 open); mean time to detect 2.0 days over 3, to resolve 5.0 days over 3 resolved"},
		{"no incident records when it began", func(l []Incident) []Incident {
			for i := range l {
				l[i].Occurred = time.Time{}
			}
			return l
		}, false, "not measured: none of the 3 incidents of the last 12 months records when it began, so the time to detect cannot be measured"},
		{"no incident resolved yet", func(l []Incident) []Incident {
			for i := range l {
				l[i].Resolved = time.Time{}
			}
			return l
		}, false, "not measured: none of the 3 incidents of the last 12 months is resolved yet, so the time to resolve cannot be measured"},
		{"an incident resolved after the evaluation date is still open then", func(l []Incident) []Incident {
			l = l[2:]
			l[0].Resolved = daysBefore(-3)
			return l
		}, false, "not measured: the one incident of the last 12 months is not resolved yet, so the time to resolve cannot be measured"},
		{"an empty register", func([]Incident) []Incident { return nil }, false,
			"not measured: no AI incident is recorded, so detection and resolution times cannot be measured"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := strongAssessment(t)
			a.Incidents = tt.edit(append([]Incident(nil), three...))
			got := kpiByID(t, KPIs(cat, a, ruleDay), "KPI-05")
			if got.Value != tt.want || got.Measured != tt.measured || got.Source != "computed" {
				t.Errorf("KPI-05 %q (measured %v, %s), want %q (measured %v, computed)", got.Value, got.Measured, got.Source, tt.want, tt.measured)
			}
		})
	}
}

func TestTrainingCompletionKPI(t *testing.T) {
	tests := []struct {
		name     string
		records  []TrainingRecord
		measured bool
		want     string
	}{
		{"completion over the records of the last 12 months", []TrainingRecord{
			{Group: "Handlers", Training: "Triage", Due: 30, Completed: 24, Date: daysBefore(10)},
			{Group: "Developers", Training: "Responsible AI", Due: 10, Completed: 10, Date: ruleDay.AddDate(0, -11, 0)},
			{Group: "Underwriters", Training: "Pricing", Due: 60, Completed: 0, Date: ruleDay.AddDate(0, -13, 0)},
		}, true, "85% (34 of 40 people due) over 2 training records"},
		{"the latest figures of a group's training count, not every reading", []TrainingRecord{
			{Group: "Handlers", Training: "Triage", Due: 30, Completed: 10, Date: daysBefore(200)},
			{Group: "handlers ", Training: "Triage", Due: 30, Completed: 27, Date: daysBefore(10)},
		}, true, "90% (27 of 30 people due) over 1 training record"},
		{"only records older than 12 months", []TrainingRecord{
			{Group: "Underwriters", Training: "Pricing", Due: 60, Completed: 60, Date: ruleDay.AddDate(0, -13, 0)},
		}, false, "not measured: no training record dates from the last 12 months (the latest is from 2024-05-30)"},
		{"no records", nil, false, "not measured: no competence and training record is entered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			a.Training = tt.records
			got := kpiByID(t, KPIs(cat, a, ruleDay), "KPI-07")
			if got.Value != tt.want || got.Measured != tt.measured || got.Source != "computed" {
				t.Errorf("KPI-07 %q (measured %v, %s), want %q (measured %v, computed)", got.Value, got.Measured, got.Source, tt.want, tt.measured)
			}
		})
	}
}

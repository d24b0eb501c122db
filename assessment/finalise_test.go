package assessment

import (
	"strings"
	"testing"
	"time"
)

func TestFinaliseRefusalsFollowTheFinalReportRule(t *testing.T) {
	signOff := SignOff{By: "Priya Shah", Role: "Lead assessor", Date: ruleDay}
	tests := []struct {
		name   string
		mutate func(a *Assessment, so *SignOff)
		want   string
	}{
		{"complete, named, signed by someone, dated: may be finalised", func(*Assessment, *SignOff) {}, ""},
		{"an item not assessed", func(a *Assessment, _ *SignOff) { a.Results["4.1"].Status = NotAssessed }, "the assessment is not complete (69 of 70 items assessed)"},
		{"no assessor", func(a *Assessment, _ *SignOff) { a.Assessor = "" }, "no assessor is named"},
		{"no one to sign", func(_ *Assessment, so *SignOff) { so.By = " " }, "no one is named to sign it off"},
		{"no date", func(_ *Assessment, so *SignOff) { so.Date = time.Time{} }, "the sign-off has no date"},
		{"dated after today", func(_ *Assessment, so *SignOff) { so.Date = ruleDay.AddDate(0, 0, 1) }, "the sign-off is dated 2025-07-01, after today"},
		{"dated before the assessment began", func(a *Assessment, so *SignOff) {
			a.StartDate, so.Date = ruleDay.AddDate(0, -1, 0), ruleDay.AddDate(-30, 0, 0)
		},
			"the sign-off is dated 1995-06-30, before the assessment began"},
		{"finalised already", func(a *Assessment, _ *SignOff) { a.SignOff = signOff }, "it is finalised already (signed off by Priya Shah, Lead assessor, on 2025-06-30)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			a.Assessor = "Priya Shah"
			so := signOff
			tt.mutate(a, &so)
			got := strings.Join(FinaliseRefusals(cat, a, so, ruleDay), "; ")
			if got != tt.want {
				t.Errorf("refusals %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReportVersionsOfFinalisingAndReopening(t *testing.T) {
	tests := []struct{ version, final, reopened string }{
		{"0.1", "1.0", "0.2"},
		{"0.9", "1.0", "0.10"},
		{"", "1.0", "1.1"},
		{"draft", "1.0", "draft.1"},
		{"1.0", "1.0", "1.1"},
		{"1.9", "1.9", "1.10"},
		{"2", "2", "2.1"},
		{" 3.4 ", "3.4", "3.5"},
	}
	for _, tt := range tests {
		if got := FinalVersion(tt.version); got != tt.final {
			t.Errorf("FinalVersion(%q) = %q, want %q", tt.version, got, tt.final)
		}
		if got := ReopenedVersion(tt.version); got != tt.reopened {
			t.Errorf("ReopenedVersion(%q) = %q, want %q", tt.version, got, tt.reopened)
		}
	}
}

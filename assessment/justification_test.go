package assessment

import (
	"strings"
	"testing"
	"time"
)

func TestCheckJustification(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" when accepted
	}{
		{"empty", "", "none was given"},
		{"blank", " \t\n", "none was given"},
		{"n/a", "n/a", `"n/a" is a placeholder`},
		{"N/A in capitals", "N/A", `"N/A" is a placeholder`},
		{"none", "None.", "placeholder"},
		{"tbd", "TBD", "placeholder"},
		{"todo", "todo", "placeholder"},
		{"later", "later", "placeholder"},
		{"a dash", "-", "placeholder"},
		{"a full stop", ".", "placeholder"},
		{"an ellipsis", "…", "placeholder"},
		{"placeholders repeated to pass the length", "tbd tbd tbd tbd tbd tbd", "placeholder"},
		{"placeholders mixed to pass the length", "n/a - todo - later, pending", "placeholder"},
		{"19 characters and three words", "No public reporting", "too short"},
		{"20 characters and three words", "No public reporting.", ""},
		{"two words of 29 characters", "Outsourced-entirely elsewhere", "too short"},
		{"three words of 29 characters", "Outsourced entirely elsewhere", ""},
		{"twenty characters counted as letters, not bytes", "Zoë’s team ré-used…x", ""},
		{"three letters padded with spaces", "a           b            c", "too short"},
		{"a placeholder padded with zero-width spaces", "n/a" + strings.Repeat("\u200b", 18) + " x y", "too short"},
		{"a reason that mentions a placeholder word", "Not applicable: we supply no AI to anyone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckJustification("excluding A.8.3 from the Statement of Applicability", tt.text)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want one saying %q", err, tt.want)
			case err != nil && (!strings.HasPrefix(err.Error(), "excluding A.8.3") || strings.Count(err.Error(), ". ") > 0):
				t.Errorf("%q is not one sentence naming what is justified", err)
			}
			if AcceptableJustification(tt.text) != (tt.want == "") {
				t.Errorf("AcceptableJustification disagrees with CheckJustification")
			}
		})
	}
}

func TestEvidenceExpiry(t *testing.T) {
	tests := []struct {
		name    string
		e       Evidence
		expired bool
	}{
		{"no valid-until date never expires", Evidence{Title: "Policy"}, false},
		{"valid until today is still valid", Evidence{Title: "Policy", ValidUntil: ruleDay}, false},
		{"valid until yesterday has expired", Evidence{Title: "Policy", ValidUntil: daysBefore(1)}, true},
		{"the clock time of the day does not matter", Evidence{Title: "Policy", ValidUntil: ruleDay.Add(time.Hour)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Expired(ruleDay.Add(23 * time.Hour)); got != tt.expired {
				t.Errorf("expired = %v, want %v", got, tt.expired)
			}
		})
	}
}

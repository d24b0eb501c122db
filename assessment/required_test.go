package assessment

import (
	"slices"
	"testing"
)

func TestRequiredControlsSayWhy(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(a *Assessment)
		control  string
		want     []string // the reasons as the SoA shows them; nil when not required
		notAlsoA []string // controls that must not be required
	}{
		{name: "the AI provider role requires A.8.2 and A.10.4", mutate: func(*Assessment) {}, control: "A.10.4",
			want: []string{"required because an in-scope system has the AI provider role (Claims triage)"}},
		{name: "a system in operation requires the deployment and monitoring controls", mutate: func(*Assessment) {}, control: "A.6.2.6",
			want: []string{"required because an in-scope system is in deployment, operation and monitoring, continuous validation or re-evaluation (Claims triage)"}},
		{name: "the AI producer role requires the development controls",
			mutate:  func(a *Assessment) { a.Systems[0].Roles = []string{"producer"} },
			control: "A.6.2.4", want: []string{"required because an in-scope system has the AI producer role (Claims triage)"},
			notAlsoA: []string{"A.10.4", "A.8.2"}},
		{name: "third-party components require A.10.3",
			mutate:  func(a *Assessment) { a.Systems[0].Suppliers = "Hosted model from Example AI" },
			control: "A.10.3", want: []string{"required because an in-scope system has third-party components or has the AI customer role (Claims triage)"}},
		{name: "the AI customer role requires A.10.3 too",
			mutate:  func(a *Assessment) { a.Systems[0].Roles = []string{"customer"} },
			control: "A.10.3", want: []string{"required because an in-scope system has third-party components or has the AI customer role (Claims triage)"}},
		{name: "a high-impact system requires the impact and use controls, naming every such system",
			mutate: func(a *Assessment) {
				a.Systems[0].Impact = ImpactHigh
				secondSystem(a, "Pricing", func(s *AISystem) { s.Impact = ImpactHigh })
			},
			control: "A.9.2", want: []string{"required because an in-scope system is high-impact (Claims triage, Pricing)"}},
		{name: "an out-of-scope system requires nothing",
			mutate: func(a *Assessment) {
				secondSystem(a, "Hiring screener", func(s *AISystem) {
					s.Impact, s.InScope, s.ExclusionJustification = ImpactHigh, false, "Run by the group HR company under its own AIMS"
				})
			},
			control: "A.9.2", want: nil},
		{name: "a system in design requires no operation controls",
			mutate: func(a *Assessment) { a.Systems[0].Stage = "design-development" }, control: "A.6.2.6", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			required := RequiredControls(cat, a)
			var got []string
			for _, r := range required[tt.control] {
				got = append(got, r.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s: %q, want %q", tt.control, got, tt.want)
			}
			for _, c := range tt.notAlsoA {
				if len(required[c]) > 0 {
					t.Errorf("%s is required too: %v", c, required[c])
				}
			}
		})
	}
}

// TestExcludingEveryControlIsNeverReady: with one low-impact system in its first stage and no
// role that calls for life-cycle controls, the situation table alone requires nothing; the
// catalogue's any-system row still requires the policy, roles and impact assessment controls
// that clauses 5.2, 5.3 and 6.1.4 ask of every AI management system.
func TestExcludingEveryControlIsNeverReady(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Systems[0].Roles, a.Systems[0].Stage, a.Systems[0].Impact, a.Systems[0].Suppliers = []string{"partner"}, "inception", ImpactLow, ""
	a.Risks = nil
	for _, item := range cat.Assessable() {
		if item.IsControl() {
			r := a.Results[item.ID]
			r.Decision, r.Status, r.Justification, r.Evidence = Excluded, NotApplicable, "Not relevant to our business model", nil
		}
	}
	s := Evaluate(cat, a, ruleDay)
	var excluded []string
	for _, b := range s.Blockers {
		if b.Kind == "required_control_excluded" {
			excluded = append(excluded, b.Item)
		}
	}
	if s.Level > 2 || !slices.Equal(excluded, []string{"A.2.2", "A.3.2", "A.5.2"}) {
		t.Errorf("every control excluded: level %d (%s), required controls excluded %v; want level 2 at most, naming A.2.2, A.3.2 and A.5.2", s.Level, s.Verdict, excluded)
	}
}

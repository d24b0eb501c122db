package assessment

import (
	"slices"
	"strings"
	"testing"
)

// names lists the names of systems, in order.
func names(list []AISystem) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.Name)
	}
	return out
}

func TestPlanInventoryImportMatchesSystemsByName(t *testing.T) {
	cat := ruleCatalogue(t)
	stored := []AISystem{
		{ID: 1, Name: "Claims triage", Owner: "Dana Lee", Impact: ImpactMedium, InScope: true, Harms: "unfair delays", Roles: []string{"provider"}},
		{ID: 2, Name: "Fraud  Scoring", Owner: "Ravi", Impact: ImpactHigh, InScope: true},
		{ID: 3, Name: "Chatbot", Impact: ImpactLow, InScope: false, ExclusionJustification: "Pilot only, switched off in May 2026"},
	}
	tests := []struct {
		name                        string
		csv                         string
		newOnes, unchanged, missing []string
		changed                     map[string][]string // name → changed columns
		check                       func(t *testing.T, p InventoryPlan)
		wantErr                     string
	}{
		{name: "the same file again changes nothing", csv: "name,owner,impact level\nClaims triage,Dana Lee,medium\nFraud Scoring,Ravi,high\nChatbot,,low\n",
			unchanged: []string{"Claims triage", "Fraud  Scoring", "Chatbot"}},
		{name: "names match ignoring case and spaces", csv: "name\nCLAIMS TRIAGE\nfraud scoring\n",
			unchanged: []string{"Claims triage", "Fraud  Scoring"}, missing: []string{"Chatbot"}},
		{name: "a changed cell updates the system and keeps what the file does not hold", csv: "name,owner\nClaims triage,Priya Shah\n",
			changed: map[string][]string{"Claims triage": {"owner"}}, missing: []string{"Fraud  Scoring", "Chatbot"},
			check: func(t *testing.T, p InventoryPlan) {
				next := p.Changed[0].Next
				if next.ID != 1 || next.Owner != "Priya Shah" || next.Harms != "unfair delays" || next.Impact != ImpactMedium || !slices.Equal(next.Roles, []string{"provider"}) {
					t.Errorf("updated system %+v", next)
				}
			}},
		{name: "an empty cell keeps the stored value", csv: "name,owner,purpose\nClaims triage,,Route claims\n",
			changed: map[string][]string{"Claims triage": {"purpose"}}, missing: []string{"Fraud  Scoring", "Chatbot"},
			check: func(t *testing.T, p InventoryPlan) {
				if p.Changed[0].Next.Owner != "Dana Lee" {
					t.Errorf("the owner was blanked: %+v", p.Changed[0].Next)
				}
			}},
		{name: "a system brought into scope drops its exclusion justification", csv: "name,in scope\nChatbot,yes\n",
			changed: map[string][]string{"Chatbot": {"in scope"}}, missing: []string{"Claims triage", "Fraud  Scoring"},
			check: func(t *testing.T, p InventoryPlan) {
				if n := p.Changed[0].Next; !n.InScope || n.ExclusionJustification != "" {
					t.Errorf("system brought into scope: %+v", n)
				}
			}},
		{name: "a name not in the inventory is new", csv: "name,roles\nClaims triage,provider\nPricing engine,producer\n",
			newOnes: []string{"Pricing engine"}, unchanged: []string{"Claims triage"}, missing: []string{"Fraud  Scoring", "Chatbot"}},
		{name: "a file naming a system twice is refused with both lines", csv: "name\nPricing\nClaims triage\npricing\n",
			wantErr: `line 4: the AI system "pricing" is already on line 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := ReadInventoryCSV(cat, []byte(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			plan, err := PlanInventoryImport(stored, rows)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			changed := map[string][]string{}
			for _, u := range plan.Changed {
				changed[u.Stored.Name] = u.Fields
			}
			if !slices.Equal(names(plan.New), tt.newOnes) || !slices.Equal(names(plan.Unchanged), tt.unchanged) ||
				!slices.Equal(names(plan.Missing), tt.missing) || len(changed) != len(tt.changed) {
				t.Fatalf("plan new %q changed %v unchanged %q missing %q", names(plan.New), changed, names(plan.Unchanged), names(plan.Missing))
			}
			for name, fields := range tt.changed {
				if !slices.Equal(changed[name], fields) {
					t.Errorf("%s changes %q, want %q", name, changed[name], fields)
				}
			}
			if tt.check != nil {
				tt.check(t, plan)
			}
		})
	}
}

package store

import (
	"errors"
	"slices"
	"testing"

	"aimsbench/assessment"
)

// importCSV plans and applies an inventory file against the assessment as stored.
func importCSV(t *testing.T, s *Store, id, csv string, deleteMissing bool) (InventoryImported, error) {
	t.Helper()
	rows, err := assessment.ReadInventoryCSV(catalogue(t), []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := assessment.PlanInventoryImport(a.Systems, rows)
	if err != nil {
		t.Fatal(err)
	}
	return s.ImportInventory(id, plan, deleteMissing)
}

func systemNames(t *testing.T, s *Store, id string) []string {
	t.Helper()
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, sys := range a.Systems {
		out = append(out, sys.Name+"/"+sys.Owner)
	}
	return out
}

func TestAnInventoryImportedTwiceHoldsEachSystemOnce(t *testing.T) {
	const file = "name,owner\nTriage,Ana\nPricing,Bo\nChatbot,Cy\n"
	tests := []struct {
		name          string
		second        string
		deleteMissing bool
		want          []string
	}{
		{"the same file twice", file, false, []string{"Triage/Ana", "Pricing/Bo", "Chatbot/Cy"}},
		{"an updated file updates in place", "name,owner\nTriage,Dee\npricing,Bo\nChatbot,Cy\nVision,Eve\n", false,
			[]string{"Triage/Dee", "Pricing/Bo", "Chatbot/Cy", "Vision/Eve"}},
		{"a system missing from the file is kept", "name\nPricing\n", false, []string{"Triage/Ana", "Pricing/Bo", "Chatbot/Cy"}},
		{"a system missing from the file is deleted when asked", "name\nPricing\n", true, []string{"Pricing/Bo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			a := sample()
			a.Systems = nil
			id, _ := s.Create(a)
			if _, err := importCSV(t, s, id, file, false); err != nil {
				t.Fatal(err)
			}
			if _, err := importCSV(t, s, id, tt.second, tt.deleteMissing); err != nil {
				t.Fatal(err)
			}
			if got := systemNames(t, s, id); !slices.Equal(got, tt.want) {
				t.Errorf("inventory %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnInventoryImportIsAllOrNothing(t *testing.T) {
	workbench, cli, id := twoWriters(t)
	rows, _ := assessment.ReadInventoryCSV(catalogue(t), []byte("name,owner\nTriage,Dee\nVision,Eve\n"))
	a, _ := workbench.Load(id)
	plan, err := assessment.PlanInventoryImport(a.Systems, rows)
	if err != nil {
		t.Fatal(err)
	}
	// Another writer changes the owner of Triage after the plan was made.
	sys := a.Systems[0]
	next := sys
	next.Owner = "Fay"
	if _, err := cli.SaveSystem(id, &sys, next); err != nil {
		t.Fatal(err)
	}
	before := systemNames(t, cli, id)
	if _, err := workbench.ImportInventory(id, plan, false); !errors.Is(err, ErrConflict) {
		t.Fatalf("the import over a changed owner gave %v, want a conflict", err)
	}
	if after := systemNames(t, cli, id); !slices.Equal(after, before) {
		t.Errorf("a refused import wrote something: %q, was %q", after, before)
	}
}

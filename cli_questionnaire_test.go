package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/store"
)

// clientFills opens the questionnaire as the client's spreadsheet program would and writes
// the given cells (sheet → cell → text), then saves it.
func clientFills(t *testing.T, path string, cells map[string]map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, values := range cells {
		for cell, v := range values {
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// stored loads an assessment straight from the database file.
func (c *cli) stored(id string) *assessment.Assessment {
	c.t.Helper()
	s, err := store.Open(c.db)
	if err != nil {
		c.t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Load(id)
	if err != nil {
		c.t.Fatal(err)
	}
	return a
}

func TestQuestionnaireFromExportToAcceptedEvidence(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	before := c.stored(id)
	path := filepath.Join(t.TempDir(), "for-client.xlsx")
	if out := c.ok("export", id, "--format", "questionnaire", "--out", path); !strings.Contains(out, "wrote "+path) {
		t.Fatalf("export said %q", out)
	}
	clientFills(t, path, map[string]map[string]string{
		"5 Leadership": {
			"E3": "The board approved AI policy v2 in March.", "F3": "POL-AI-002 v2.1 (intranet)", "G3": "Jane Roe, CISO",
			"E4": "_x001B_[2JRoles are in the RACI.", "G4": "HR", // an escape character as Excel writes it
		},
		"A.2 Policies related to AI": {"E2": "=cmd|' /C calc'!A0"},
	})

	var imported questionnaireImportJSON
	if err := json.Unmarshal([]byte(c.ok("import", "--format", "questionnaire", "--into", id, path, "--json")), &imported); err != nil {
		t.Fatal(err)
	}
	if imported.Assessment != id || imported.Answered != 3 || imported.Questions != 67 || len(imported.Imported) != 3 ||
		imported.Imported[0] != (assessment.ProposalReceipt{ItemID: "5.2", Sheet: "5 Leadership", Row: 3, Outcome: assessment.ProposalAdded}) {
		t.Fatalf("import --json: %+v", imported)
	}
	again := c.ok("import", "--format", "questionnaire", "--into", id, path)
	if !strings.Contains(again, "read 3 answers") || !strings.Contains(again, "5.2      sheet \"5 Leadership\", row 3: same answer already pending") || !strings.Contains(again, "3 unchanged;") {
		t.Errorf("the same workbook again:\n%s", again)
	}

	list := c.ok("proposals", id)
	if strings.ContainsRune(list, 0x1b) || !strings.Contains(list, "⟨ESC⟩[2JRoles are in the RACI.") || !strings.Contains(list, "=cmd|' /C calc'!A0") || !strings.Contains(list, "3 proposals waiting") {
		t.Errorf("proposals:\n%s", list)
	}
	var listed []proposalJSON
	json.Unmarshal([]byte(c.ok("proposals", id, "--json")), &listed)
	if len(listed) != 3 || listed[0].Item != "5.2" || listed[0].Title != "AI policy" || listed[0].Contact != "Jane Roe, CISO" || listed[0].State != "pending" || listed[2].Item != "A.2.2" {
		t.Errorf("proposals --json: %+v", listed)
	}

	if out := c.ok("proposals", id, "5.2", "--accept", "--to-finding"); !strings.Contains(out, "accepted the client's answer on 5.2") {
		t.Errorf("accept said %q", out)
	}
	if out := c.ok("proposals", id, "5.3", "--reject", "--reason", "Contradicts the RACI we were shown."); !strings.Contains(out, "rejected the client's answer on 5.3") {
		t.Errorf("reject said %q", out)
	}
	if list := c.ok("proposals", id); !strings.Contains(list, "A.2.2") || strings.Contains(list, "5.2 AI policy") || !strings.Contains(list, "1 proposal waiting") {
		t.Errorf("after deciding two:\n%s", list)
	}

	after := c.stored(id)
	r := after.Results["5.2"]
	added := r.Evidence[len(r.Evidence)-1]
	if added.Kind != "questionnaire" || added.Reference != "POL-AI-002 v2.1 (intranet)" || !strings.Contains(r.Finding, "The board approved AI policy v2 in March.") {
		t.Errorf("5.2 after accepting: %+v", r)
	}
	for itemID, b := range before.Results {
		a := after.Results[itemID]
		if a.Status != b.Status || a.Maturity != b.Maturity || a.Target != b.Target {
			t.Errorf("%s: status or maturity changed by the questionnaire: %s %d → %s %d", itemID, b.Status, b.Maturity, a.Status, a.Maturity)
		}
		if itemID != "5.2" && !reflect.DeepEqual(a, b) {
			t.Errorf("%s changed although only 5.2 was accepted", itemID)
		}
	}
	c.ok("verify")
}

func TestQuestionnaireRefusalsOnTheCommandLine(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	other := strings.TrimSpace(c.ok("new", "--org", "Contoso"))
	dir := t.TempDir()
	mine, theirs := filepath.Join(dir, "mine.xlsx"), filepath.Join(dir, "theirs.xlsx")
	c.ok("export", id, "--format", "questionnaire", "--out", mine)
	c.ok("export", other, "--format", "questionnaire", "--out", theirs)
	clientFills(t, mine, map[string]map[string]string{"6 Planning": {"C3": "Do you plan?", "E3": "Yes."}})
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"another assessment's workbook", []string{"import", "--format", "questionnaire", "--into", id, theirs}, 1, "is the questionnaire of assessment " + other + " (Contoso)"},
		{"a changed question", []string{"import", "--format", "questionnaire", "--into", id, mine}, 1, `sheet "6 Planning", row 3 (item 6.1.2): the question was changed`},
		{"no assessment named", []string{"import", "--format", "questionnaire", theirs}, 2, "--into is required"},
		{"--json for another import", []string{"import", "--format", "inventory-csv", "--into", id, theirs, "--json"}, 2, "--json goes with --format questionnaire"},
		{"accept without an item", []string{"proposals", id, "--accept"}, 2, "name the item to decide"},
		{"accept and reject at once", []string{"proposals", id, "5.2", "--accept", "--reject"}, 2, "exclude each other"},
		{"a reason without rejecting", []string{"proposals", id, "5.2", "--reason", "no"}, 2, "--reason goes with --reject"},
		{"an item the client did not answer", []string{"proposals", id, "5.2", "--accept"}, 1, "no proposal from the client on 5.2"},
		{"an item that does not exist", []string{"proposals", id, "5.99"}, 1, `"5.99" is not a clause or control`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := c.run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, errs, tt.code, tt.want)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("the error is more than one line: %q", errs)
			}
		})
	}
	if ps := c.ok("proposals", id, "--json"); strings.TrimSpace(ps) != "[]" {
		t.Errorf("a refused import left proposals: %s", ps)
	}
}

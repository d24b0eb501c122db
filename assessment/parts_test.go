package assessment

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestPartsSplitAnAssessmentIntoItsRecordsAndBack(t *testing.T) {
	cat := ruleCatalogue(t)
	a, err := Demo(cat, DemoStandard, ruleDay)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "3f9c2a1b"
	parts, err := PartsOf(a)
	if err != nil {
		t.Fatal(err)
	}
	want := 1 + len(a.RoleHolders) + len(a.Systems) + len(a.Results) + len(a.Risks) + len(a.Tests) + len(a.NCs) + len(a.Requests) + len(a.KPIValues) +
		len(a.Audits) + len(a.Reviews) + len(a.Suppliers) + len(a.Training) + len(a.Incidents) + len(a.Interviews)
	if len(parts) != want {
		t.Errorf("%d parts, want %d: the header and one per entry", len(parts), want)
	}
	for _, name := range []string{"header", "system/1", "result/4.1", "risk/1", "nc/1", "role/aims-manager", "request/EV-GOV-01",
		"internal_audit/1", "review/1", "supplier/1", "training/1", "incident/1", "interview/1"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("no part %s", name)
		}
	}
	if strings.Contains(string(parts["header"]), `"systems"`) || strings.Contains(string(parts["header"]), `"internal_audits"`) {
		t.Error("the header part holds the collections")
	}
	back, err := AssembleParts(parts) // entries come in the order of their keys
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := PartsOf(back); !reflect.DeepEqual(again, parts) || back.Title != a.Title || len(back.Results) != len(a.Results) {
		t.Error("assembling the parts does not give the assessment back")
	}
}

func TestPartsAreTheSameHoweverTheJSONIsWritten(t *testing.T) {
	compact := []byte(`{"title":"R&D <AI>","results":{"4.1":{"item_id":"4.1","finding":"Zoë – ok"}},"risks":[{"id":7,"title":"x"}]}`)
	rewritten := []byte("{\n\t\"risks\": [ {\"title\": \"x\", \"id\": 7} ],\n\t\"results\": {\"4.1\": {\"finding\": \"Zo\\u00eb \\u2013 ok\", \"item_id\": \"4.1\"}},\n\t\"title\": \"R\\u0026D \\u003cAI\\u003e\"\n}")
	a, err := Parts(compact)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parts(rewritten)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the same values written differently give other parts:\n%s\n%s", a, b)
	}
}

func TestPartsNameWhatCannotBeRead(t *testing.T) {
	tests := []struct{ name, json, part string }{
		{"a broken result", `{"results":{"4.1":{"item_id":"4.1",}}}`, "result/4.1"},
		{"a system without its ID", `{"systems":[{"name":"x"}]}`, "systems, entry 1"},
		{"an entry given twice", `{"risks":[{"id":1},{"id":1}]}`, "risk/1"},
		{"a broken header field", `{"title": tru}`, "header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parts([]byte(tt.json))
			var pe *PartError
			if !errors.As(err, &pe) || pe.Part != tt.part {
				t.Errorf("got %v, want the part %q named", err, tt.part)
			}
		})
	}
}

func TestPartLabelsSayWhatARecordIs(t *testing.T) {
	for name, want := range map[string]string{
		"header": "the assessment details", "result/4.1": "the judgement of 4.1", "system/3": "AI system 3",
		"risk/7": "risk R-07", "nc/12": "NC-012", "test/A.6.2.4": "the control test of A.6.2.4",
		"request/EV-GOV-01": "evidence request EV-GOV-01", "kpi/KPI-03": "the reading of KPI-03",
		"role/ciso": "the holder of role ciso", "unknown/1": "unknown/1",
	} {
		if got := PartLabel(name); got != want {
			t.Errorf("PartLabel(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCanonicalJSONRefusesTwoValues(t *testing.T) {
	if _, err := CanonicalJSON([]byte(`{} {}`)); err == nil {
		t.Error("two values were taken as one")
	}
	if got, _ := CanonicalJSON([]byte(`{"b": 1.50, "a": [true]}`)); string(got) != `{"a":[true],"b":1.50}` {
		t.Errorf("canonical form %s", got)
	}
	var v any
	if json.Unmarshal([]byte(`{"a":[true],"b":1.50}`), &v) != nil {
		t.Error("the canonical form is not JSON")
	}
}

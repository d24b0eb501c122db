package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// The bundle carries every field register of SPEC §11 under its own key, and the systems'
// EU AI Act classifications with them.
func TestBundleCarriesTheFieldRecords(t *testing.T) {
	var b struct {
		Assessment map[string]json.RawMessage `json:"assessment"`
	}
	if err := json.Unmarshal(encode(t, demo(t, assessment.DemoStandard)), &b); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"internal_audits", "management_reviews", "suppliers", "training", "incidents", "interviews"} {
		if list := b.Assessment[key]; len(list) < 3 || list[0] != '[' {
			t.Errorf("the bundle has no %s register: %.60s", key, list)
		}
	}
	if !bytes.Contains(b.Assessment["systems"], []byte(`"eu_ai_act": {`)) {
		t.Error("the systems carry no EU AI Act classification")
	}
}

// A bundle written before the field records (format version 1, no registers) still imports.
func TestVersion1BundleWithoutRegistersDecodes(t *testing.T) {
	data, err := os.ReadFile("../testdata/v1-bundle.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := DecodeBundle(bytes.NewReader(data), catalogue(t), ImportOptions{AnyCatalogueVersion: true}) // made with the previous catalogue
	if err != nil {
		t.Fatalf("the version-1 bundle was refused: %v", err)
	}
	if len(a.Systems) == 0 || a.Audits != nil || a.Incidents != nil {
		t.Errorf("decoded %d systems, audits %v, incidents %v", len(a.Systems), a.Audits, a.Incidents)
	}
}

// Bad register data is refused with every problem listed, like the rest of the bundle.
func TestDecodeBundleRefusesBadRegisters(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(encode(t, demo(t, assessment.DemoStandard)), &m); err != nil {
		t.Fatal(err)
	}
	a := m["assessment"].(map[string]any)
	entry := func(key string, i int) map[string]any { return a[key].([]any)[i].(map[string]any) }
	entry("incidents", 1)["resolved"] = "2020-01-01T00:00:00Z"
	entry("suppliers", 0)["systems"] = []any{99}
	entry("management_reviews", 1)["inputs"] = []any{"MRI-Q"}
	entry("internal_audits", 0)["number"] = 2
	data, _ := json.Marshal(m)
	_, err := DecodeBundle(bytes.NewReader(data), catalogue(t), ImportOptions{})
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{"4 problem(s)", "INC-002 was resolved on 2020-01-01", "SUP-01 names AI system 99",
		`MR-02 names input "MRI-Q"`, "internal audit number 2 is not unique"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal %q does not say %q", err, want)
		}
	}
}

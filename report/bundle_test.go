package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"aimsbench/assessment"
)

func encode(t *testing.T, a *assessment.Assessment) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := EncodeBundle(&buf, a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBundleRoundTripIsLossless(t *testing.T) {
	cat := catalogue(t)
	for _, size := range []assessment.DemoSize{assessment.DemoStandard, assessment.DemoLarge} {
		a := demo(t, size)
		first := encode(t, a)
		back, err := DecodeBundle(bytes.NewReader(first), cat, ImportOptions{})
		if err != nil {
			t.Fatalf("%s demo: %v", size, err)
		}
		if back.ID != "" {
			t.Errorf("decoded bundle keeps the ID %q; an import is a new assessment", back.ID)
		}
		back.ID = a.ID
		if second := encode(t, back); !bytes.Equal(first, second) {
			t.Errorf("%s demo: the bundle changed in a round trip (%d and %d bytes)", size, len(first), len(second))
		}
	}
}

func TestBundleStartsWithFormatAndVersion(t *testing.T) {
	data := encode(t, demo(t, assessment.DemoStandard))
	if !bytes.HasPrefix(data, []byte("{\n  \"format\": \"aimsbench-assessment\",\n  \"version\": 1,\n  \"assessment\": {")) {
		t.Errorf("bundle starts %q", data[:80])
	}
}

func TestDecodeBundleRefusals(t *testing.T) {
	cat := catalogue(t)
	valid := encode(t, demo(t, assessment.DemoStandard))
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(valid, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		out, _ := json.Marshal(m)
		return out
	}
	results := func(m map[string]any) map[string]any {
		return m["assessment"].(map[string]any)["results"].(map[string]any)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not JSON", []byte("name,purpose\n"), "not an aimsbench assessment bundle"},
		{"another JSON file", []byte(`{"id": "iso42001-2023", "items": []}`), "not an aimsbench assessment bundle"},
		{"newer version", edit(func(m map[string]any) { m["version"] = BundleVersion + 1 }), "import it with a newer aimsbench"},
		{"unknown field", edit(func(m map[string]any) { m["assessment"].(map[string]any)["colour"] = "red" }), "damaged or was edited by hand"},
		{"no assessment", edit(func(m map[string]any) { delete(m, "assessment") }), "holds no assessment"},
		{"other catalogue", edit(func(m map[string]any) { m["assessment"].(map[string]any)["catalogue_id"] = "nist-ai-rmf" }), "--catalogue"},
		{"unknown item", edit(func(m map[string]any) {
			results(m)["A.99.9"] = map[string]any{"item_id": "A.99.9", "status": "conformant"}
		}), `"A.99.9" names an item the catalogue`},
		{"refused judgement", edit(func(m map[string]any) { results(m)["4.1"].(map[string]any)["status"] = "na" }),
			"4.1 is a mandatory clause requirement"},
		{"another catalogue version", edit(func(m map[string]any) { m["assessment"].(map[string]any)["catalogue_version"] = "1999.1" }),
			"was made with version 1999.1 of catalogue \"" + cat.ID + "\" but version " + cat.Version + " is loaded; load that version with --catalogue, or import it into this one with --any-catalogue-version"},
		{"invalid UTF-8", bytes.Replace(valid, []byte("Northwind"), []byte("North\xffwind"), 1), "not UTF-8 text"},
		{"larger than the limit", append(bytes.Clone(valid), bytes.Repeat([]byte(" "), MaxBundleSize)...), "the bundle is larger than 64 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := DecodeBundle(bytes.NewReader(tt.data), cat, ImportOptions{})
			if err == nil {
				t.Fatalf("accepted: %+v", a.Title)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestVersion1BundleWithRequestStatesStillImports(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	a.Requests = map[string]assessment.RequestStatus{}
	data := encode(t, a)
	old := bytes.Replace(data, []byte(`"evidence_requests": {}`),
		[]byte(`"evidence_requests": {"EV-GOV-01": "received", "EV-GOV-02": "not_available"}`), 1)
	if bytes.Equal(old, data) {
		t.Fatal("the bundle has no empty evidence request list to replace")
	}
	back, err := DecodeBundle(bytes.NewReader(old), cat, ImportOptions{})
	if err != nil {
		t.Fatalf("a version-1 bundle with bare request states: %v", err)
	}
	if back.Requests["EV-GOV-01"].State != assessment.Received || back.Requests["EV-GOV-02"].State != assessment.NotAvailable {
		t.Errorf("requests read as %+v", back.Requests)
	}
	bad := bytes.Replace(data, []byte(`"evidence_requests": {}`), []byte(`"evidence_requests": {"EV-GOV-01": "lost"}`), 1)
	if _, err := DecodeBundle(bytes.NewReader(bad), cat, ImportOptions{}); err == nil || !strings.Contains(err.Error(), `status "lost" is not known`) {
		t.Errorf("an unknown request state: %v", err)
	}
}

func TestDecodeBundleAcceptsWhatItWasToldTo(t *testing.T) {
	cat := catalogue(t)
	valid := encode(t, demo(t, assessment.DemoStandard))
	otherVersion := bytes.Replace(valid, []byte(`"catalogue_version": "`+cat.Version+`"`), []byte(`"catalogue_version": "1999.1"`), 1)
	if bytes.Equal(otherVersion, valid) {
		t.Fatal("the bundle carries no catalogue version to change")
	}
	for _, tc := range []struct {
		name string
		data []byte
		opts ImportOptions
	}{
		{"a byte-order mark", append([]byte("\xef\xbb\xbf"), valid...), ImportOptions{}},
		{"another catalogue version, when allowed", otherVersion, ImportOptions{AnyCatalogueVersion: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeBundle(bytes.NewReader(tc.data), cat, tc.opts); err != nil {
				t.Error(err)
			}
		})
	}
}

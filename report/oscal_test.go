package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/defenseunicorns/go-oscal/src/pkg/validation"
	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/report"
)

// oscalSchema is the OSCAL JSON schema go-oscal embeds for the version the export writes,
// compiled once (go-oscal's own Validate compiles it on every call) with format assertions
// on, so dates and URIs are checked as well as the structure.
var oscalSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	v, err := validation.NewValidatorDesiredVersion(map[string]any{"catalog": map[string]any{}}, report.OSCALVersion)
	if err != nil {
		return nil, err
	}
	params, err := v.GetValidationParams()
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(params.SchemaPath, params.SchemaData); err != nil {
		return nil, err
	}
	return c.Compile(params.SchemaPath)
})

// exportOSCAL writes an assessment's OSCAL export into a new folder and returns it.
func exportOSCAL(t testing.TB, cat *checklists.Catalogue, a *assessment.Assessment) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "oscal")
	if err := report.ExportFile(dir, "oscal", cat, a, report.Options{AsOf: fuzzDay}); err != nil {
		t.Fatalf("export: %v", err)
	}
	return dir
}

// readOSCAL checks one exported file against the OSCAL schema and decodes it.
func readOSCAL(t testing.TB, dir, name string) oscal.OscalModels {
	t.Helper()
	schema, err := oscalSchema()
	if err != nil {
		t.Fatalf("the OSCAL %s schema: %v", report.OSCALVersion, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	if err := schema.Validate(doc); err != nil {
		msg := err.Error()
		if len(msg) > 3000 {
			msg = msg[:3000] + " …"
		}
		t.Fatalf("%s does not validate against OSCAL %s: %s", name, report.OSCALVersion, msg)
	}
	var m oscal.OscalModels
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("%s does not decode into go-oscal's types: %v", name, err)
	}
	return m
}

// exported is the four documents of one export, each checked against the schema.
type exported struct {
	catalog *oscal.Catalog
	plan    *oscal.AssessmentPlan
	results *oscal.AssessmentResults
	poam    *oscal.PlanOfActionAndMilestones
}

func readAll(t testing.TB, dir string) exported {
	t.Helper()
	return exported{
		catalog: readOSCAL(t, dir, report.OSCALCatalogFile).Catalog,
		plan:    readOSCAL(t, dir, report.OSCALPlanFile).AssessmentPlan,
		results: readOSCAL(t, dir, report.OSCALResultsFile).AssessmentResults,
		poam:    readOSCAL(t, dir, report.OSCALPOAMFile).PlanOfActionAndMilestones,
	}
}

func demoOf(t testing.TB, size assessment.DemoSize) (*checklists.Catalogue, *assessment.Assessment) {
	t.Helper()
	cat := builtin(t)
	a, err := assessment.Demo(cat, size, fuzzDay)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "demo0001"
	return cat, a
}

// conformantEverywhere is a complete assessment with nothing left to do: every item of R
// conformant at its target with evidence, no nonconformity, no assessor, no dates.
func conformantEverywhere(cat *checklists.Catalogue) *assessment.Assessment {
	a := &assessment.Assessment{ID: "calm0001", Organisation: assessment.Organisation{Name: "Calm Ltd"}, Results: map[string]*assessment.Result{}}
	for _, item := range cat.Assessable() {
		r := assessment.NewResult(item)
		r.Status, r.Maturity = assessment.Conformant, 3
		r.Evidence = []assessment.Evidence{{Title: "Procedure", Kind: "document"}}
		a.Results[item.ID] = r
	}
	return a
}

func TestOSCALExportValidatesAgainstTheSchema(t *testing.T) {
	cat := builtin(t)
	_, standard := demoOf(t, assessment.DemoStandard)
	tests := []struct {
		name string
		a    *assessment.Assessment
	}{
		{"standard demo", standard},
		{"new assessment, nothing judged", &assessment.Assessment{ID: "new00001", Organisation: assessment.Organisation{Name: "New Ltd"}}},
		{"no organisation name, no assessor, no dates", &assessment.Assessment{ID: "bare0001"}},
		{"conformant everywhere, nothing to plan", conformantEverywhere(cat)},
	}
	if !testing.Short() {
		_, large := demoOf(t, assessment.DemoLarge)
		tests = append(tests, struct {
			name string
			a    *assessment.Assessment
		}{"large demo", large})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := exportOSCAL(t, cat, tt.a)
			entries, _ := os.ReadDir(dir)
			if len(entries) != len(report.OSCALFiles) {
				t.Errorf("the folder holds %d files, want %v", len(entries), report.OSCALFiles)
			}
			docs := readAll(t, dir)
			for name, md := range map[string]oscal.Metadata{"catalog": docs.catalog.Metadata, "plan": docs.plan.Metadata,
				"results": docs.results.Metadata, "poam": docs.poam.Metadata} {
				if md.OscalVersion != report.OSCALVersion || !md.LastModified.Equal(fuzzDay) {
					t.Errorf("%s: oscal-version %q, last-modified %v; want %s dated with the export's date", name, md.OscalVersion, md.LastModified, report.OSCALVersion)
				}
			}
		})
	}
}

func TestOSCALSameDataGivesTheSameBytes(t *testing.T) {
	cat, a := demoOf(t, assessment.DemoStandard)
	first, second := exportOSCAL(t, cat, a), exportOSCAL(t, cat, a)
	for _, name := range report.OSCALFiles {
		x, _ := os.ReadFile(filepath.Join(first, name))
		y, _ := os.ReadFile(filepath.Join(second, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("two exports of the same data give different %s (%d and %d bytes)", name, len(x), len(y))
		}
	}
}

// exportHostile exports an assessment with text in every field, checks every file against
// the schema and that no control character or bidirectional override reaches a file, raw or
// as a JSON escape.
func exportHostile(t *testing.T, cat *checklists.Catalogue, text string) exported {
	t.Helper()
	dir := exportOSCAL(t, cat, hostile(cat, text))
	for _, name := range report.OSCALFiles {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		for _, raw := range []string{`\u001b`, `\u0000`, `\u0007`, "\u202e", "\x7f"} {
			if bytes.Contains(data, []byte(raw)) {
				t.Errorf("%s of %q holds %q", name, text, raw)
			}
		}
	}
	return readAll(t, dir)
}

func TestOSCALHostileTextStaysText(t *testing.T) {
	cat := builtin(t)
	t.Run("escape sequences are shown, not sent", func(t *testing.T) {
		text := hostileSeeds[1]
		if org := (*exportHostile(t, cat, text).results.Metadata.Parties)[0].Name; !strings.Contains(org, "⟨ESC⟩[2J") {
			t.Errorf("the organisation %q reads %q, want its escape sequences made visible", text, org)
		}
	})
	t.Run("Markdown and HTML are escaped", func(t *testing.T) {
		text := "<script>alert(1)</script> [click](javascript:alert(1)) *bold* `code`"
		want := `\<script\>alert(1)\</script\> \[click\](javascript:alert(1)) \*bold\* \` + "`code\\`"
		if got := findingFor(t, exportHostile(t, cat, text), "4.1").Description; got != want {
			t.Errorf("the finding reads %q, want the Markdown escaped: %q", got, want)
		}
	})
}

// FuzzExportOSCAL feeds the OSCAL export hostile text in every field: it must never fail or
// panic, every file must validate and no control character may get through.
func FuzzExportOSCAL(f *testing.F) {
	cat := builtin(f)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		exportHostile(t, cat, text)
	})
}

// walkControls calls fn for every control of a catalog, nested ones included.
func walkControls(c *oscal.Catalog, fn func(oscal.Control)) {
	var controls func([]oscal.Control)
	controls = func(list []oscal.Control) {
		for _, ctl := range list {
			fn(ctl)
			controls(deref(ctl.Controls))
		}
	}
	var groups func([]oscal.Group)
	groups = func(list []oscal.Group) {
		for _, g := range list {
			controls(deref(g.Controls))
			groups(deref(g.Groups))
		}
	}
	controls(deref(c.Controls))
	groups(deref(c.Groups))
}

// deref reads one of go-oscal's optional arrays.
func deref[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

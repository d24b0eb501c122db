package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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
		{"hostile text in every field", hostile(cat, hostileSeeds[1])},
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

func TestOSCALFindingsAreTheItemsOfR(t *testing.T) {
	cat, a := demoOf(t, assessment.DemoStandard)
	docs := readAll(t, exportOSCAL(t, cat, a))
	findings := *docs.results.Results[0].Findings
	if sum := assessment.Evaluate(cat, a, fuzzDay); len(findings) != sum.Total {
		t.Fatalf("%d findings, want one per item of R (%d)", len(findings), sum.Total)
	}
	objectives := map[string]bool{}
	walkControls(docs.catalog, func(c oscal.Control) {
		for _, p := range deref(c.Parts) {
			if p.Name == "assessment-objective" {
				objectives[p.ID] = true
			}
		}
	})
	titles := map[string]bool{}
	for _, f := range findings {
		titles[f.Title] = true
		if f.Target.Type != "objective-id" || !objectives[f.Target.TargetId] {
			t.Errorf("finding %q targets %s %q, which is no objective of the catalog", f.Title, f.Target.Type, f.Target.TargetId)
		}
	}
	for _, item := range cat.Assessable() {
		title := item.ID + " " + item.Title
		if want := a.InReadinessScope(item); titles[title] != want {
			t.Errorf("finding for %s present: %v, want %v (in R: %v)", item.ID, titles[title], want, want)
		}
	}
	if got := len(*docs.plan.ReviewedControls.ControlSelections[0].IncludeControls); got != len(findings) {
		t.Errorf("the plan reviews %d controls, the results hold %d findings", got, len(findings))
	}
}

func TestOSCALFindingStateFollowsTheStatus(t *testing.T) {
	tests := []struct {
		status                        assessment.Status
		state, reason, implementation string
	}{
		{assessment.Conformant, "satisfied", "pass", "implemented"},
		{assessment.Partial, "not-satisfied", "fail", "partial"},
		{assessment.Nonconformant, "not-satisfied", "fail", "not-implemented"},
		{assessment.NotAssessed, "not-satisfied", "other", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.status), func(t *testing.T) {
			cat, a := demoOf(t, assessment.DemoStandard)
			a.Results["4.1"].Status = tt.status
			f := findingFor(t, readAll(t, exportOSCAL(t, cat, a)), "4.1")
			got := f.Target.Status
			impl := ""
			if f.Target.ImplementationStatus != nil {
				impl = f.Target.ImplementationStatus.State
			}
			if got.State != tt.state || got.Reason != tt.reason || impl != tt.implementation || got.Remarks != tt.status.Label() {
				t.Errorf("%s gives %s/%s/%q (%q), want %s/%s/%q (%q)", tt.status, got.State, got.Reason, impl, got.Remarks,
					tt.state, tt.reason, tt.implementation, tt.status.Label())
			}
		})
	}
}

func findingFor(t *testing.T, docs exported, itemID string) oscal.Finding {
	t.Helper()
	for _, f := range *docs.results.Results[0].Findings {
		if strings.HasPrefix(f.Title, itemID+" ") {
			return f
		}
	}
	t.Fatalf("no finding for %s", itemID)
	return oscal.Finding{}
}

func TestOSCALObservationsCarryTheirMethod(t *testing.T) {
	tests := []struct{ kind, method string }{
		{"document", "EXAMINE"},
		{"record", "EXAMINE"},
		{"observation", "EXAMINE"},
		{"system", "EXAMINE"},
		{"interview", "INTERVIEW"},
	}
	cat, a := demoOf(t, assessment.DemoStandard)
	a.Results["4.1"].Evidence = nil
	for _, tt := range tests {
		a.Results["4.1"].Evidence = append(a.Results["4.1"].Evidence, assessment.Evidence{Title: "Evidence " + tt.kind, Kind: tt.kind})
	}
	docs := readAll(t, exportOSCAL(t, cat, a))
	observations := map[string]oscal.Observation{}
	for _, o := range *docs.results.Results[0].Observations {
		observations[o.Title] = o
	}
	for _, tt := range tests {
		if o := observations["Evidence "+tt.kind]; len(o.Methods) != 1 || o.Methods[0] != tt.method {
			t.Errorf("%s evidence is observed by %v, want %s", tt.kind, o.Methods, tt.method)
		}
	}
	for _, test := range a.Tests {
		item, _ := cat.Item(test.ControlID)
		o, ok := observations["Operating-effectiveness test of "+item.ID+" "+item.Title]
		if !ok || !slices.Contains(o.Methods, "TEST") || len(deref(o.RelevantEvidence)) != len(test.Samples) {
			t.Errorf("the test of %s: observed %v (%v) with %d samples, want TEST and %d samples", test.ControlID, ok, o.Methods, len(deref(o.RelevantEvidence)), len(test.Samples))
		}
	}
}

func TestOSCALPOAMTracksEveryNonconformity(t *testing.T) {
	states := []struct {
		nc   assessment.NCStatus
		risk string
	}{
		{assessment.NCOpen, "open"},
		{assessment.NCInProgress, "remediating"},
		{assessment.NCClosed, "closed"},
		{assessment.NCVerified, "closed"},
		{assessment.NCReopened, "open"},
	}
	cat, a := demoOf(t, assessment.DemoStandard)
	for i, s := range states {
		a.NCs[i].Status = s.nc
	}
	poam := readAll(t, exportOSCAL(t, cat, a)).poam
	risks := map[string]oscal.Risk{}
	for _, r := range deref(poam.Risks) {
		risks[r.UUID] = r
	}
	byNC := map[string]oscal.Risk{}
	for _, item := range poam.PoamItems {
		for _, p := range deref(item.Props) {
			if p.Name == "nonconformity" {
				byNC[p.Value] = risks[deref(item.RelatedRisks)[0].RiskUuid]
			}
		}
	}
	for i, nc := range a.NCs {
		risk, ok := byNC[nc.Label()]
		if !ok {
			t.Errorf("%s is not in the POA&M", nc.Label())
			continue
		}
		if i < len(states) && risk.Status != states[i].risk {
			t.Errorf("%s is %s, its risk reads %q, want %q", nc.Label(), nc.Status, risk.Status, states[i].risk)
		}
	}
	want := map[string]bool{"Complete the assessment": len(assessment.Unassessed(cat, a)) > 0}
	for _, item := range poam.PoamItems {
		if strings.HasPrefix(item.Title, "Close the gap in ") {
			want["gap"] = true
		}
		delete(want, item.Title)
	}
	if len(want) != 1 || !want["gap"] {
		t.Errorf("the POA&M lacks %v (it should plan the gaps no open NC covers and the fieldwork left)", want)
	}

	calm := readAll(t, exportOSCAL(t, cat, conformantEverywhere(cat))).poam
	if len(calm.PoamItems) != 1 || calm.PoamItems[0].Title != "No open action" {
		t.Errorf("with nothing to do the POA&M holds %d items, the first %q; want the single item saying so", len(calm.PoamItems), calm.PoamItems[0].Title)
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

func TestOSCALHostileTextStaysText(t *testing.T) {
	cat := builtin(t)
	markup := "<script>alert(1)</script> [click](javascript:alert(1)) *bold* `code`"
	for _, text := range append(hostileSeeds, markup) {
		dir := exportOSCAL(t, cat, hostile(cat, text))
		docs := readAll(t, dir)
		for _, name := range report.OSCALFiles {
			data, _ := os.ReadFile(filepath.Join(dir, name))
			for _, raw := range []string{`\u001b`, `\u0000`, "\u202e", `\u0007`} {
				if bytes.Contains(data, []byte(raw)) {
					t.Errorf("%s of %q holds %q raw", name, text, raw)
				}
			}
		}
		org := (*docs.results.Metadata.Parties)[0].Name
		if strings.ContainsRune(text, 0x1b) && !strings.Contains(org, "⟨ESC⟩") {
			t.Errorf("the organisation %q shows its escape sequences as %q", text, org)
		}
		if text == markup {
			want := `\<script\>alert(1)\</script\> \[click\](javascript:alert(1)) \*bold\* \` + "`code\\`"
			if got := findingFor(t, docs, "4.1").Description; got != want {
				t.Errorf("the finding reads %q, want the Markdown escaped: %q", got, want)
			}
		}
	}
}

// TestOSCALReferencesResolve follows every reference of the export, as a platform importing
// it would: each UUID is defined once in its document and every UUID, fragment, control ID,
// objective ID and file a document names exists.
func TestOSCALReferencesResolve(t *testing.T) {
	cat, a := demoOf(t, assessment.DemoStandard)
	dir := exportOSCAL(t, cat, a)
	docs := readAll(t, dir)
	ids := map[string]bool{}
	walkControls(docs.catalog, func(c oscal.Control) {
		ids["control:"+c.ID] = true
		for _, p := range deref(c.Parts) {
			ids["part:"+p.ID] = true
		}
	})
	for _, name := range report.OSCALFiles[1:] {
		var doc any
		data, _ := os.ReadFile(filepath.Join(dir, name))
		json.Unmarshal(data, &doc)
		defined, refs := map[string]int{}, []string{}
		walkJSON(doc, func(key string, value string) {
			switch {
			case key == "uuid":
				defined[value]++
			case strings.HasSuffix(key, "-uuid") || key == "party-uuids":
				refs = append(refs, value)
			case key == "href" && strings.HasPrefix(value, "#"):
				refs = append(refs, value[1:])
			case key == "href" && !strings.Contains(value, ":"):
				if _, err := os.Stat(filepath.Join(dir, value)); err != nil {
					t.Errorf("%s names the file %s, which the export did not write", name, value)
				}
			case key == "control-id" && !ids["control:"+value], key == "target-id" && !ids["part:"+value]:
				t.Errorf("%s names %s %q, which the catalog does not define", name, key, value)
			}
		})
		for id, n := range defined {
			if n > 1 {
				t.Errorf("%s defines UUID %s %d times", name, id, n)
			}
		}
		for _, id := range refs {
			if defined[id] == 0 {
				t.Errorf("%s refers to UUID %s, which it does not define", name, id)
			}
		}
	}
}

// walkJSON calls fn for every string in a decoded JSON document with the key it sits under
// (the array's key for strings in an array).
func walkJSON(v any, fn func(key, value string)) {
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, child := range v {
				walk(k, child)
			}
		case []any:
			for _, child := range v {
				walk(key, child)
			}
		case string:
			fn(key, v)
		}
	}
	walk("", v)
}

// FuzzExportOSCAL feeds the OSCAL export hostile text in every field: it must never fail or
// panic, and every file must still validate.
func FuzzExportOSCAL(f *testing.F) {
	cat := builtin(f)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		readAll(t, exportOSCAL(t, cat, hostile(cat, text)))
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

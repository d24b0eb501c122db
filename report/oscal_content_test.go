package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
	"aimsbench/report"
)

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
	cat, a := demoOf(t, assessment.DemoStandard)
	items := []string{"4.1", "4.2", "4.3", "4.4"}
	for i, tt := range tests {
		a.Results[items[i]].Status = tt.status
	}
	docs := readAll(t, exportOSCAL(t, cat, a))
	for i, tt := range tests {
		t.Run(string(tt.status), func(t *testing.T) {
			f := findingFor(t, docs, items[i])
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
	withdrawn := &a.NCs[len(states)] // raised in error: kept in the register, not a planned action
	withdrawn.Status = assessment.NCOpen
	if err := withdrawn.Withdraw("Raised against the wrong clause by mistake", fuzzDay); err != nil {
		t.Fatal(err)
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
	if _, ok := byNC[withdrawn.Label()]; ok {
		t.Errorf("withdrawn %s is planned in the POA&M", withdrawn.Label())
	}
	for i, nc := range a.NCs {
		risk, ok := byNC[nc.Label()]
		if nc.IsWithdrawn() {
			continue
		}
		if !ok {
			t.Errorf("%s is not in the POA&M", nc.Label())
			continue
		}
		if i < len(states) && risk.Status != states[i].risk {
			t.Errorf("%s is %s, its risk reads %q, want %q", nc.Label(), nc.Status, risk.Status, states[i].risk)
		}
	}
	gaps, fieldwork := 0, 0
	for _, item := range poam.PoamItems {
		switch {
		case strings.HasPrefix(item.Title, "Close the gap in "):
			gaps++
		case item.Title == "Complete the assessment":
			fieldwork++
		}
	}
	wantGaps := 0
	for _, g := range assessment.GapRegister(cat, a, fuzzDay) {
		if !slices.ContainsFunc(a.NCs, func(nc assessment.Nonconformity) bool { return nc.IsOpen() && nc.ItemID == g.Item.ID }) {
			wantGaps++
		}
	}
	if gaps != wantGaps || fieldwork != 1 {
		t.Errorf("the POA&M plans %d gaps and %d fieldwork items, want %d (the gaps no open NC covers) and 1", gaps, fieldwork, wantGaps)
	}

	calm := readAll(t, exportOSCAL(t, cat, conformantEverywhere(cat))).poam
	if len(calm.PoamItems) != 1 || calm.PoamItems[0].Title != "No open action" {
		t.Errorf("with nothing to do the POA&M holds %d items, the first %q; want the single item saying so", len(calm.PoamItems), calm.PoamItems[0].Title)
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

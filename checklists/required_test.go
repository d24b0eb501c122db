package checklists

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestRequiredControlsTableIsValidated(t *testing.T) {
	row := func(c map[string]any, i int) map[string]any { return obj(c, "required_controls", i) }
	cases := []struct {
		name   string
		change func(c map[string]any)
		want   string
	}{
		{"unknown AI role", func(c map[string]any) { row(c, 0)["roles"] = []any{"builder"} },
			`required_controls[0].roles[0]: unknown AI role "builder"`},
		{"unknown life-cycle stage", func(c map[string]any) { row(c, 1)["stages"] = []any{"running"} },
			`required_controls[1].stages[0]: unknown life-cycle stage "running"`},
		{"unknown impact level", func(c map[string]any) { row(c, 4)["impacts"] = []any{"severe"} },
			`unknown impact level "severe"`},
		{"a clause where a control belongs", func(c map[string]any) { row(c, 2)["controls"] = []any{"8.2"} },
			`required_controls[2].controls[0]: reference to "8.2", which is a clause requirement, not an Annex A control`},
		{"a control that does not exist", func(c map[string]any) { row(c, 2)["controls"] = []any{"A.6.1.1"} },
			`reference to "A.6.1.1", which is not an item of the catalogue`},
		{"no control", func(c map[string]any) { row(c, 3)["controls"] = []any{} }, `"RQ-04" requires no control`},
		{"no situation", func(c map[string]any) {
			r := row(c, 3)
			delete(r, "roles")
			delete(r, "suppliers")
		}, `"RQ-04" names no situation`},
		{"duplicate ID", func(c map[string]any) { row(c, 1)["id"] = "RQ-01" }, `required_controls[1].id: duplicate ID "RQ-01"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantLocatedProblem(t, tc.change, tc.want) })
	}
}

func TestBuiltinRequiresTheControlsOfTheSituationTable(t *testing.T) {
	c := builtin(t)
	type want struct {
		roles, stages, impacts []string
		suppliers, anySystem   bool
		controls               []string
	}
	rows := []want{
		{roles: []string{"producer"}, controls: []string{"A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.7"}},
		{stages: []string{"deployment", "operation-monitoring", "continuous-validation", "re-evaluation"}, controls: []string{"A.6.2.5", "A.6.2.6", "A.6.2.8"}},
		{roles: []string{"provider"}, controls: []string{"A.8.2", "A.10.4"}},
		{roles: []string{"customer"}, suppliers: true, controls: []string{"A.10.3"}},
		{impacts: []string{"high"}, controls: []string{"A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.9.2", "A.9.3", "A.9.4"}},
		// Beyond SPEC §4.4's table: what clauses 5.2, 5.3 and 6.1.4 require of every AI
		// management system, so excluding all 38 controls can never pass for ready.
		{anySystem: true, controls: []string{"A.2.2", "A.3.2", "A.5.2"}},
	}
	if len(c.RequiredControls) != len(rows) {
		t.Fatalf("%d rows, want %d", len(c.RequiredControls), len(rows))
	}
	for i, w := range rows {
		got := c.RequiredControls[i]
		if !slices.Equal(got.Roles, w.roles) || !slices.Equal(got.Stages, w.stages) || !slices.Equal(got.Impacts, w.impacts) ||
			got.Suppliers != w.suppliers || got.AnySystem != w.anySystem || !slices.Equal(got.Controls, w.controls) {
			t.Errorf("row %s = %+v, want %+v", got.ID, got, w)
		}
	}
}

func TestCrossReferenceSourcesAreLabelled(t *testing.T) {
	c := builtin(t)
	if !strings.HasPrefix(c.Sources.EUAIAct, "Indicative only") {
		t.Errorf("EU AI Act note %q does not open by saying the alignment is indicative", c.Sources.EUAIAct)
	}
	// The reference marks two crosswalk entries as anomalies: they stay out of the catalogue,
	// and the catalogue says so where it cites the crosswalk.
	for _, left := range []struct{ nist, item string }{{"GOVERN 3.2", "A.3.2"}, {"MAP 1.4", "A.2.2"}} {
		it, _ := c.Item(left.item)
		if slices.Contains(it.NIST, left.nist) {
			t.Errorf("%s carries %s, which the reference marks as an anomaly", left.item, left.nist)
		}
		if !strings.Contains(c.Sources.NISTAIRMF, left.nist+" against "+left.item) {
			t.Errorf("sources.nist_ai_rmf does not document that %s → %s is left out", left.nist, left.item)
		}
	}
	untagged := mutate(t, func(m map[string]any) { delete(m, "sources") })
	tailored, err := Load(untagged, "firm.json")
	if err != nil {
		t.Fatal(err)
	}
	if tailored.Sources.EUAIAct != IndicativeEUAIAct {
		t.Errorf("a catalogue without a note on its EU AI Act alignment is shown as %q, want the indicative label", tailored.Sources.EUAIAct)
	}
}

// The guidance says what the clause asks, no more and no less (review against the standard).
func TestGuidanceCorrections(t *testing.T) {
	c := builtin(t)
	text := func(id string) string {
		it, _ := c.Item(id)
		return strings.ToLower(it.Verify + " " + it.Evidence)
	}
	cases := []struct {
		name, item  string
		has, hasNot []string
	}{
		{name: "6.3 asks for planned changes, not another standard's change elements", item: "6.3",
			has: []string{"planned"}, hasNot: []string{"resources", "responsibilit", "consequences", "purpose"}},
		{name: "7.4 has no element for who speaks for the organisation", item: "7.4",
			has: []string{"what is communicated", "when", "to whom", "channel"}, hasNot: []string{"speaks for", "who communicates"}},
		{name: "6.1.3 names the designated management, not risk owners", item: "6.1.3",
			has: []string{"designated management"}, hasNot: []string{"risk owner"}},
		{name: "6.1.2 weighs consequences for individuals and society and follows the AI policy and objectives", item: "6.1.2",
			has: []string{"individuals", "society", "organisation", "ai policy", "ai objectives"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := text(tc.item)
			for _, w := range tc.has {
				if !strings.Contains(got, w) {
					t.Errorf("%s guidance lacks %q", tc.item, w)
				}
			}
			for _, w := range tc.hasNot {
				if strings.Contains(got, w) {
					t.Errorf("%s guidance still has %q", tc.item, w)
				}
			}
		})
	}
}

func TestLifecycleStagesFollowISO22989(t *testing.T) {
	var ids []string
	for _, s := range builtin(t).LifecycleStages {
		ids = append(ids, s.ID)
	}
	want := []string{"inception", "design-development", "verification-validation", "deployment", "operation-monitoring",
		"continuous-validation", "re-evaluation", "retirement"}
	if !slices.Equal(ids, want) {
		t.Errorf("stages %q, want %q", ids, want)
	}
}

// wantLocatedProblem loads the built-in catalogue changed one way and expects it refused with
// a problem saying want, every problem located at a line of the file.
func wantLocatedProblem(t *testing.T, change func(c map[string]any), want string) {
	t.Helper()
	_, err := Load(mutate(t, change), "firm.json")
	var ps *Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), want) {
		t.Fatalf("want a problem saying %q, got %v", want, err)
	}
	for _, p := range ps.List {
		if p.Line < 1 {
			t.Errorf("problem not located in the file: %+v", p)
		}
	}
}

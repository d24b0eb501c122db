package checklists

import (
	"slices"
	"strings"
	"testing"
)

func TestFieldRecordTablesAreValidated(t *testing.T) {
	table := func(c map[string]any) map[string]any { return c["eu_ai_act_classification"].(map[string]any) }
	category := func(c map[string]any, i int) map[string]any { return obj(table(c), "categories", i) }
	cases := []struct {
		name   string
		change func(c map[string]any)
		want   string
	}{
		{"a management-review input without a title", func(c map[string]any) { obj(c, "management_review_inputs", 2)["title"] = "" },
			`management_review_inputs[2].title: entry "MRI-C" has no title`},
		{"a duplicate management-review input", func(c map[string]any) { obj(c, "management_review_inputs", 1)["id"] = "MRI-A" },
			`management_review_inputs[1].id: duplicate ID "MRI-A"`},
		{"a category pointing to no obligation", func(c map[string]any) { category(c, 4)["obligations"] = []any{} },
			`categories[4].obligations: EU AI Act category "minimal" points to no obligation`},
		{"an obligation without its article", func(c map[string]any) {
			obj(category(c, 0), "obligations", 0)["article"] = ""
		}, `categories[0].obligations[0]: an obligation needs the article and the duty in words`},
		{"a duplicate category", func(c map[string]any) { category(c, 3)["id"] = "minimal" },
			`categories[4].id: duplicate ID "minimal"`},
		{"a category needing an area while none is listed", func(c map[string]any) { table(c)["annex_iii_areas"] = []any{} },
			`a category needs an Annex III area, but the table lists none`},
		{"a phase due before an unknown audit", func(c map[string]any) { obj(c, "phases", 0)["before"] = "stage3" },
			`phases[0].before: unknown certification audit "stage3"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantLocatedProblem(t, tc.change, tc.want) })
	}
}

func TestBuiltinFieldRecordTables(t *testing.T) {
	c := builtin(t)
	var inputs []string
	for _, in := range c.ManagementReviewInputs {
		inputs = append(inputs, in.ID)
	}
	if want := []string{"MRI-A", "MRI-B", "MRI-C", "MRI-D1", "MRI-D2", "MRI-D3", "MRI-E"}; !slices.Equal(inputs, want) {
		t.Errorf("management-review inputs %v, want the seven of 9.3.2 %v", inputs, want)
	}
	var categories []string
	for _, k := range c.EUAIAct.Categories {
		categories = append(categories, k.ID)
	}
	if want := []string{"prohibited", "high-risk", "high-risk-product", "transparency", "minimal"}; !slices.Equal(categories, want) {
		t.Errorf("EU AI Act categories %v, want %v", categories, want)
	}
	if len(c.EUAIAct.AnnexIII) != 8 {
		t.Errorf("%d Annex III areas, want the Act's 8", len(c.EUAIAct.AnnexIII))
	}
	if high, _ := c.EUAIActCategory("high-risk"); !high.NeedsArea {
		t.Error("a high-risk classification under Annex III does not ask for its area")
	}
	if !strings.HasPrefix(c.EUAIAct.Note, "Indicative only, not legal advice") {
		t.Errorf("the classification note %q does not open by saying it is indicative and not legal advice", c.EUAIAct.Note)
	}
	for _, ph := range c.Phases {
		want := "stage1"
		if ph.ID == len(c.Phases) {
			want = "stage2" // the last phase ends with the certification audits themselves
		}
		if ph.Before != want {
			t.Errorf("phase %d must be done before %q, want %q", ph.ID, ph.Before, want)
		}
	}
	untagged := mutate(t, func(m map[string]any) { delete(m["eu_ai_act_classification"].(map[string]any), "note") })
	tailored, err := Load(untagged, "firm.json")
	if err != nil {
		t.Fatal(err)
	}
	if tailored.EUAIAct.Note != IndicativeClassification {
		t.Errorf("a catalogue without a note on its classification table shows %q, want the indicative label", tailored.EUAIAct.Note)
	}
}

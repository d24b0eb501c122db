package checklists

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reference is the shared fact file the catalogue's IDs and titles must match.
type reference struct {
	ClauseHeadings []struct{ ID, Title string } `json:"clause_headings"`
	Clauses        []struct {
		ID, Title, Parent string
		HasSubclauses     bool `json:"has_subclauses"`
	} `json:"clauses"`
	Objectives []struct {
		ID, Title string
		Parent    *string
	} `json:"annex_a_objectives"`
	Controls []struct {
		ID, Title, Objective string
		SubObjective         string `json:"sub_objective"`
	} `json:"annex_a_controls"`
	Crosswalk struct {
		Rows []struct {
			NIST string   `json:"nist_subcategory"`
			ISO  []string `json:"iso42001"`
		}
	} `json:"crosswalk_nist_ai_rmf_to_iso42001"`
}

func loadReference(t *testing.T) reference {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "reference", "iso42001-structure.json")
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the reference file must be beside the checkout in CI: %v", err)
		}
		t.Skipf("reference file not beside the checkout: %v", err)
	}
	var ref reference
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

func builtin(t *testing.T) *Catalogue {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatalf("built-in catalogue refused: %v", err)
	}
	return c
}

func TestBuiltinMatchesReference(t *testing.T) {
	ref, c := loadReference(t), builtin(t)
	type entry struct{ title, parent string }
	want := map[string]entry{}
	for _, h := range ref.ClauseHeadings {
		want[h.ID] = entry{h.Title, ""}
	}
	leaves := 0
	for _, cl := range ref.Clauses {
		want[cl.ID] = entry{cl.Title, cl.Parent}
		if !cl.HasSubclauses {
			leaves++
		}
	}
	for _, o := range ref.Objectives {
		p := ""
		if o.Parent != nil {
			p = *o.Parent
		}
		want[o.ID] = entry{o.Title, p}
	}
	for _, ctl := range ref.Controls {
		p := ctl.Objective
		if ctl.SubObjective != "" {
			p = ctl.SubObjective
		}
		want[ctl.ID] = entry{ctl.Title, p}
	}
	if len(c.Items) != len(want) {
		t.Errorf("catalogue has %d entries, reference %d", len(c.Items), len(want))
	}
	for _, it := range c.Items {
		w, ok := want[it.ID]
		switch {
		case !ok:
			t.Errorf("%s is not in the reference", it.ID)
		case it.Title != w.title:
			t.Errorf("%s title %q, reference %q", it.ID, it.Title, w.title)
		case it.Parent != w.parent:
			t.Errorf("%s parent %q, reference %q", it.ID, it.Parent, w.parent)
		}
	}
	var clauses, controls, clauseEntries int
	for _, it := range c.Items {
		switch {
		case it.Kind == KindClause:
			clauses++
		case it.Kind == KindControl:
			controls++
		}
		if it.Kind != KindControl && it.Kind != KindObjective && it.Parent != "" {
			clauseEntries++
		}
	}
	if clauses != 32 || leaves != 32 || controls != 38 || clauseEntries != 36 {
		t.Errorf("got %d clause leaves (reference %d), %d controls, %d clause sub-entries; want 32, 38, 36", clauses, leaves, controls, clauseEntries)
	}
}

func TestBuiltinHasNoInventedControls(t *testing.T) {
	c := builtin(t)
	for _, id := range []string{"A.1", "A.2.1", "A.6.1.1", "A.6.2.1", "A.6.2.9", "A.4.7", "A.6.6", "6.1.5", "A.11"} {
		if _, ok := c.Item(id); ok {
			t.Errorf("%s does not exist in the standard but is in the catalogue", id)
		}
	}
}

func TestNISTMappingFollowsCrosswalk(t *testing.T) {
	ref, c := loadReference(t), builtin(t)
	for _, row := range ref.Crosswalk.Rows {
		for _, id := range row.ISO {
			it, ok := c.Item(id)
			if !ok {
				t.Errorf("crosswalk names %s, missing from catalogue", id)
				continue
			}
			if !strings.Contains(strings.Join(it.NIST, "|")+"|", row.NIST+"|") {
				t.Errorf("%s lacks NIST %s", id, row.NIST)
			}
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.;]\s+`)

// Each assessable item must carry its own guidance: no text, and no sentence, reused between
// two items.
func TestAssessableTextsAreDistinct(t *testing.T) {
	c := builtin(t)
	if n := len(c.Assessable()); n != 70 {
		t.Fatalf("%d assessable items, want 70", n)
	}
	seen := map[string]string{}
	for _, it := range c.Assessable() {
		texts := map[string]string{"verify": it.Verify, "evidence": it.Evidence}
		if it.IsControl() {
			texts["hint"] = it.Hint
		}
		for field, text := range texts {
			if len(strings.Fields(text)) < 8 {
				t.Errorf("%s %s is too thin to guide an assessor: %q", it.ID, field, text)
			}
			for _, s := range sentenceEnd.Split(text, -1) {
				s = strings.ToLower(strings.TrimSpace(s))
				if len(strings.Fields(s)) < 4 {
					continue
				}
				if other, dup := seen[s]; dup && other != it.ID {
					t.Errorf("%s and %s share the text %q", other, it.ID, s)
				}
				seen[s] = it.ID
			}
		}
	}
}

func TestSupportingTablesAreComplete(t *testing.T) {
	c := builtin(t)
	counts := map[string][2]int{
		"evidence request categories": {len(c.EvidenceRequests), 10},
		"maturity levels":             {len(c.MaturityLevels), 5},
		"readiness checklist entries": {len(c.ReadinessChecklist), 15},
		"common gaps":                 {len(c.CommonGaps), 10},
		"KPIs":                        {len(c.KPIs), 10},
		"governance roles":            {len(c.GovernanceRoles), 9},
		"phases":                      {len(c.Phases), 4},
		"framework mapping rows":      {len(c.FrameworkMapping), 8},
		"Annex C objectives":          {len(c.AnnexCObjectives), 11},
		"Annex C risk sources":        {len(c.AnnexCRiskSources), 7},
		"AI roles":                    {len(c.AIRoles), 6},
		"lifecycle stages":            {len(c.LifecycleStages), 8}, // ISO/IEC 22989, with continuous validation and re-evaluation
	}
	for what, n := range counts {
		if n[0] != n[1] {
			t.Errorf("%d %s, want %d", n[0], what, n[1])
		}
	}
	inPhase := map[string]int{}
	for _, ph := range c.Phases {
		for _, id := range ph.Items {
			inPhase[id]++
		}
	}
	for _, it := range c.Assessable() {
		if inPhase[it.ID] != 1 {
			t.Errorf("%s is in %d roadmap phases, want exactly 1", it.ID, inPhase[it.ID])
		}
	}
}

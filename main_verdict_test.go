package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
)

// daysAgo is a date n days before today, as the command line takes it.
func daysAgo(n int) string { return time.Now().AddDate(0, 0, -n).Format(time.DateOnly) }

// twoSystems is an inventory of two in-scope AI systems with current impact assessments.
var twoSystems = "name,owner,lifecycle stage,roles,impact level,in scope,aisia date,last significant change\n" +
	"Claims triage,Ana,operation-monitoring,provider,medium,yes," + daysAgo(60) + "," + daysAgo(200) + "\n" +
	"Fraud scoring,Bo,operation-monitoring,producer,high,yes," + daysAgo(90) + "," + daysAgo(120) + "\n"

// acceptance is the complete assessment of the acceptance criteria, built once through the
// command line and exported as a bundle that each case imports as its own copy.
type acceptance struct {
	*cli
	bundle string
}

func newAcceptance(t *testing.T) *acceptance {
	c := newCLI(t)
	id := readyAssessment(t, c, twoSystems)
	bundle := filepath.Join(t.TempDir(), "ready.json")
	c.ok("export", id, "--format", "json", "--out", bundle)
	return &acceptance{cli: c, bundle: bundle}
}

// copy imports the bundle as a new assessment, after letting edit change it as a file from
// another laptop or an older aimsbench might.
func (ac *acceptance) copy(edit func(a *assessment.Assessment)) string {
	ac.t.Helper()
	path := ac.bundle
	if edit != nil {
		data, err := os.ReadFile(ac.bundle)
		if err != nil {
			ac.t.Fatal(err)
		}
		var b report.Bundle
		if err := json.Unmarshal(data, &b); err != nil {
			ac.t.Fatal(err)
		}
		edit(b.Assessment)
		if data, err = json.Marshal(b); err != nil {
			ac.t.Fatal(err)
		}
		path = filepath.Join(ac.t.TempDir(), "edited.json")
		os.WriteFile(path, data, 0o600)
	}
	return strings.TrimSpace(ac.ok("import", "--format", "json", path))
}

// kinds lists the blocker kinds of a summary, each once, in the order they come.
func kinds(s map[string]any) []string {
	var out []string
	for _, b := range s["blockers"].([]any) {
		if k := b.(map[string]any)["kind"].(string); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// TestAcceptanceVerdict tries the verdict's acceptance criteria as a new user would, on one
// complete assessment built through the command line and imported afresh for each case.
func TestAcceptanceVerdict(t *testing.T) {
	ac := newAcceptance(t)
	for name, fn := range map[string]func(t *testing.T, ac *acceptance){
		"complete assessment is level 3 until tested and measured": completeIsLevel3,
		"each cap-2 rule brings it to level 2":                     eachCap2Rule,
		"an unjustified exclusion from an older database":          unjustifiedFromOlderDatabase,
		"a partial control with a planned corrective action":       partialWithPlannedAction,
	} {
		t.Run(name, func(t *testing.T) { fn(t, &acceptance{cli: &cli{t: t, db: ac.db}, bundle: ac.bundle}) })
	}
}

func completeIsLevel3(t *testing.T, ac *acceptance) {
	id := ac.copy(nil)
	s := ac.summary(id)
	if s["level"] != 3.0 || s["verdict"] != "Certification-ready" || !slices.Equal(kinds(s), []string{"controls_not_tested", "kpis_not_measured"}) {
		t.Fatalf("conformant at 3: level %v, verdict %v, blocker kinds %v", s["level"], s["verdict"], kinds(s))
	}
	for _, b := range s["blockers"].([]any) {
		if b.(map[string]any)["cap"] != 3.0 {
			t.Errorf("blocker %v does not cap the level at 3", b)
		}
	}
	id = ac.copy(func(a *assessment.Assessment) {
		for _, r := range a.Results {
			r.Maturity = 4
		}
	})
	s = ac.summary(id)
	if s["level"] != 3.0 || !slices.Equal(kinds(s), []string{"controls_not_tested", "kpis_not_measured"}) {
		t.Errorf("at maturity 4 with no test and no KPI: level %v, blocker kinds %v; want 3 naming controls_not_tested and kpis_not_measured", s["level"], kinds(s))
	}
}

func eachCap2Rule(t *testing.T, ac *acceptance) {
	inventory := func(c *cli, id, csv string) {
		path := filepath.Join(c.t.TempDir(), "more.csv")
		os.WriteFile(path, []byte(csv), 0o600)
		c.ok("import", "--format", "inventory-csv", "--into", id, path)
	}
	header := "name,owner,lifecycle stage,roles,impact level,in scope,aisia date,last significant change,exclusion justification\n"
	tests := []struct {
		kind  string
		edit  func(a *assessment.Assessment) // on the bundle, for what no command records
		setup func(c *cli, id string)        // through the command line
	}{
		{kind: "no_ai_system_in_scope", edit: func(a *assessment.Assessment) { a.Systems = nil }},
		{kind: "missing_impact_assessment", setup: func(c *cli, id string) { inventory(c, id, header+"Chatbot,Cy,deployment,customer,low,yes,,,\n") }},
		{kind: "stale_impact_assessment", setup: func(c *cli, id string) {
			inventory(c, id, header+"Pricing,Di,operation-monitoring,producer,high,yes,"+daysAgo(400)+",,\n")
		}},
		{kind: "high_impact_out_of_scope", edit: func(a *assessment.Assessment) {
			for i := range a.Systems {
				a.Systems[i].InScope, a.Systems[i].Impact, a.Systems[i].ExclusionJustification = i > 0, assessment.ImpactHigh, "Operated by the group HR company under its own AIMS"
			}
			a.Systems[1].Impact = assessment.ImpactMedium
		}},
		{kind: "nonconformant", setup: func(c *cli, id string) { c.ok("assess", id, "8.2", "--status", "nonconformant") }},
		{kind: "partial_without_action", setup: func(c *cli, id string) { c.ok("assess", id, "A.6.2.4", "--status", "partial") }},
		{kind: "management_cycle_incomplete", setup: func(c *cli, id string) { c.ok("assess", id, "9.3.2", "--status", "partial") }},
		{kind: "open_major_nc", edit: func(a *assessment.Assessment) {
			a.NCs = []assessment.Nonconformity{{Number: 1, ItemID: "8.2", Grade: assessment.MajorNC, Status: assessment.NCClosed,
				Description: "No risk criteria", Correction: "Criteria drafted", Raised: time.Now().AddDate(0, -1, 0)}}
		}},
		{kind: "unsupported_conformity", edit: func(a *assessment.Assessment) { a.Results["7.2"].Evidence = nil },
			setup: func(c *cli, id string) {
				c.ok("assess", id, "7.2", "--evidence", "Training records 2025", "--evidence-valid-until", daysAgo(1))
			}},
		{kind: "required_control_excluded", setup: func(c *cli, id string) {
			c.ok("assess", id, "A.10.4", "--soa", "excluded", "--justification", "We do not sell AI products to other organisations")
		}},
		{kind: "exclusion_contradicts_risk_treatment", edit: func(a *assessment.Assessment) {
			a.Risks = []assessment.Risk{{ID: 1, Title: "Biased training data", Likelihood: 3, Impact: 3, Treatment: "modify", Controls: []string{"A.7.4"}, Status: "open"}}
			r := a.Results["A.7.4"]
			r.Decision, r.Status, r.Justification, r.Evidence = assessment.Excluded, assessment.NotApplicable, "All data is generated in house by our own systems", nil
		}},
		{kind: "ineffective_control", edit: func(a *assessment.Assessment) {
			a.Tests = []assessment.ControlTest{{ControlID: "A.5.2", Frequency: "annual", Population: 1, Seed: 7,
				Samples: []assessment.Sample{{Ref: "2026", Result: assessment.Exception}}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			sub := &acceptance{cli: &cli{t: t, db: ac.db}, bundle: ac.bundle}
			id := sub.copy(tt.edit)
			if tt.setup != nil {
				tt.setup(sub.cli, id)
			}
			s := sub.summary(id)
			if s["level"] != 2.0 || !slices.Contains(kinds(s), tt.kind) {
				t.Errorf("level %v, blocker kinds %v; want level 2 naming %s", s["level"], kinds(s), tt.kind)
			}
		})
	}
}

// An older database can hold a placeholder justification that today's rules refuse at entry;
// the verdict still names it.
func unjustifiedFromOlderDatabase(t *testing.T, ac *acceptance) {
	id := ac.copy(nil)
	st, err := store.Open(ac.db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	r := a.Results["A.8.3"]
	r.Decision, r.Status, r.Justification = assessment.Excluded, assessment.NotApplicable, "n/a"
	old, err := st.Create(a)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s := ac.summary(old); s["level"] != 2.0 || !slices.Contains(kinds(s), "unjustified_exclusion") {
		t.Errorf("level %v, blocker kinds %v; want level 2 naming unjustified_exclusion", s["level"], kinds(s))
	}
}

func partialWithPlannedAction(t *testing.T, ac *acceptance) {
	withNC := ac.copy(func(a *assessment.Assessment) {
		a.Results["A.6.2.4"].Status = assessment.Partial
		a.NCs = []assessment.Nonconformity{{Number: 1, ItemID: "A.6.2.4", Grade: assessment.MinorNC, Status: assessment.NCOpen,
			Description: "Bias tests missing from validation", CorrectiveAction: "Add bias tests to the validation template",
			Raised: time.Now().AddDate(0, 0, -7), Due: time.Now().AddDate(0, 1, 0)}}
	})
	s := ac.summary(withNC)
	if s["level"] != 3.0 || !slices.Contains(kinds(s), "partial_conformity") || slices.Contains(kinds(s), "partial_without_action") {
		t.Errorf("with an open minor NC carrying the action: level %v, kinds %v; want 3 naming partial_conformity", s["level"], kinds(s))
	}
	without := ac.copy(func(a *assessment.Assessment) { a.Results["A.6.2.4"].Status = assessment.Partial })
	if s := ac.summary(without); s["level"] != 2.0 || !slices.Contains(kinds(s), "partial_without_action") {
		t.Errorf("without the NC: level %v, kinds %v; want 2 naming partial_without_action", s["level"], kinds(s))
	}
}

package main

import (
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
)

func TestAssessJustificationsAreHeldToTheRule(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	refusals := []struct {
		name string
		args []string
		want string
	}{
		{"an exclusion justified with n/a", []string{"--soa", "excluded", "--justification", "n/a"}, `"n/a" is a placeholder, not a reason`},
		{"an exclusion justified with 19 characters", []string{"--soa", "excluded", "--justification", "No public reporting"}, "is too short to be a reason"},
		{"an exclusion justified with two words", []string{"--soa", "excluded", "--justification", "Outsourced-entirely elsewhere"}, "is too short to be a reason"},
		{"an inclusion justified with a placeholder", []string{"--soa", "included", "--justification", "TBD"}, `"TBD" is a placeholder`},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			out, errs, code := c.run(append([]string{"assess", id, "A.8.3"}, r.args...)...)
			if code != 1 || out != "" || !strings.Contains(errs, r.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and one line saying %q", code, out, errs, r.want)
			}
		})
	}
	c.ok("assess", id, "A.8.3", "--soa", "excluded", "--justification", "No public reporting.")
	if r := c.stored(id).Results["A.8.3"]; r.Decision != assessment.Excluded || r.Justification != "No public reporting." {
		t.Errorf("a 20-character exclusion was stored as %s %q", r.Decision, r.Justification)
	}
	c.ok("assess", id, "A.8.3", "--soa", "included", "--justification", "Treats risk R-07")
	if r := c.stored(id).Results["A.8.3"]; r.Decision != assessment.Included || r.Justification != "Treats risk R-07" {
		t.Errorf("the inclusion and its justification were stored as %s %q", r.Decision, r.Justification)
	}
	c.ok("assess", id, "A.8.3", "--soa", "excluded", "--justification", "Reports go through the group complaints process")
	c.ok("assess", id, "A.8.3", "--soa", "included")
	if r := c.stored(id).Results["A.8.3"]; r.Justification != "" {
		t.Errorf("re-including kept the exclusion's justification %q as if it justified the inclusion", r.Justification)
	}
}

func TestAssessRecordsRemediationAndEvidenceDates(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	c.ok("assess", id, "6.1.2", "--status", "partial", "--maturity", "2", "--note", "No consequence criteria",
		"--recommendation", "Add criteria for individuals and society", "--owner", "Zoë Ångström", "--due", "2027-02-28", "--priority", "high",
		"--evidence", "Risk method v0.3", "--evidence-ref", "RM-003", "--evidence", "Risk register export", "--evidence-collected", "2026-11-20", "--evidence-valid-until", "2027-11-19")
	r := c.stored(id).Results["6.1.2"]
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	if r.Recommendation != "Add criteria for individuals and society" || r.Owner != "Zoë Ångström" || !r.Due.Equal(day("2027-02-28")) || r.Priority != assessment.High {
		t.Errorf("remediation stored as %q, %q, %v, %q", r.Recommendation, r.Owner, r.Due, r.Priority)
	}
	if len(r.Evidence) != 2 {
		t.Fatalf("%d evidence items, want 2", len(r.Evidence))
	}
	if r.Evidence[0].Reference != "RM-003" || r.Evidence[1].Reference != "" {
		t.Errorf("references stored as %q and %q; want the first title's only", r.Evidence[0].Reference, r.Evidence[1].Reference)
	}
	for _, e := range r.Evidence {
		if !e.Collected.Equal(day("2026-11-20")) || !e.ValidUntil.Equal(day("2027-11-19")) {
			t.Errorf("evidence %q dated %v – %v", e.Title, e.Collected, e.ValidUntil)
		}
	}
	c.ok("assess", id, "6.1.2", "--due", "", "--priority", "")
	if r := c.stored(id).Results["6.1.2"]; !r.Due.IsZero() || r.Priority != "" {
		t.Errorf("an empty --due and --priority did not clear them: %v %q", r.Due, r.Priority)
	}
	refusals := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"a due date in another spelling", []string{"--due", "28/02/2027"}, `--due "28/02/2027" is not a date written as YYYY-MM-DD`, 1},
		{"an unknown priority", []string{"--priority", "urgent"}, `priority "urgent" is not known`, 1},
		{"evidence valid until before it was collected", []string{"--evidence", "Policy", "--evidence-collected", "2026-11-20", "--evidence-valid-until", "2026-11-01"}, "before it was collected", 1},
		{"a validity date without evidence", []string{"--evidence-valid-until", "2027-01-01"}, "describe the --evidence items of the same call", 2},
		{"year 1, which would be stored as no date", []string{"--evidence", "Policy", "--evidence-valid-until", "0001-01-01"}, "outside the years 1900 to 2199", 1},
		{"a due date in year 1", []string{"--due", "0001-01-01"}, "outside the years 1900 to 2199", 1},
		{"evidence collected in the future", []string{"--evidence", "Policy", "--evidence-collected", "2099-01-01"}, "is after today", 1},
		{"more references than evidence titles", []string{"--evidence", "Policy", "--evidence-ref", "POL-1", "--evidence-ref", "POL-2"}, "2 --evidence-ref given for 1 --evidence", 2},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			out, errs, code := c.run(append([]string{"assess", id, "6.1.2"}, r.args...)...)
			if code != r.code || out != "" || !strings.Contains(errs, r.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d saying %q", code, out, errs, r.code, r.want)
			}
		})
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testdata/v1-bundle.json was exported by the aimsbench before the second-edition verdict: its
// evidence has no collected or valid-until date and the assessment no risk criteria. It must
// keep importing, judged by today's rules. It was made with the previous version of the
// built-in catalogue, so import asks for that to be accepted first (issue 11: a bundle of
// another catalogue version is imported only when the user says so).
func TestVersion1BundleKeepsImporting(t *testing.T) {
	c := newCLI(t)
	old := filepath.Join("testdata", "v1-bundle.json")
	if _, errs, code := c.run("import", "--format", "json", old); code != 1 || !strings.Contains(errs, "--any-catalogue-version") {
		t.Errorf("an older catalogue version: exit %d, %q; want a refusal naming --any-catalogue-version", code, errs)
	}
	id := strings.TrimSpace(c.ok("import", "--format", "json", "--any-catalogue-version", old))
	r := c.stored(id).Results["5.2"]
	if len(r.Evidence) != 1 || r.Evidence[0].Title != "AI policy v2.1" || !r.Evidence[0].Collected.IsZero() || !r.Evidence[0].ValidUntil.IsZero() {
		t.Errorf("5.2's evidence imported as %+v", r.Evidence)
	}
	s := c.summary(id)
	// A.10.4 was excluded while an in-scope system has the AI provider role: today's rules say so.
	if !slices.Contains(kinds(s), "required_control_excluded") || s["level"] != 2.0 {
		t.Errorf("level %v, blocker kinds %v; want level 2 naming required_control_excluded", s["level"], kinds(s))
	}
	again := filepath.Join(t.TempDir(), "again.json")
	c.ok("export", id, "--format", "json", "--out", again)
	data, err := os.ReadFile(again)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"collected"`, `"valid_until"`, `"risk_criteria"`} {
		if strings.Contains(string(data), field) {
			t.Errorf("re-exported bundle carries an empty %s; a field never set must stay out", field)
		}
	}
	c.ok("import", "--format", "json", "--any-catalogue-version", again)
}

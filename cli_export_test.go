package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func (c *cli) demo() string {
	c.t.Helper()
	return strings.TrimSpace(c.ok("demo"))
}

func TestJSONExportImportExportIsLossless(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	c.ok("export", id, "--format", "json", "--out", first)
	newID := strings.TrimSpace(c.ok("import", "--format", "json", first))
	if newID == "" || newID == id {
		t.Fatalf("import printed %q", newID)
	}
	second := filepath.Join(dir, "second.json")
	c.ok("export", newID, "--format", "json", "--out", second)
	a, b := bundledAssessment(t, first), bundledAssessment(t, second) // the origins differ: each says where its copy started
	a = bytes.Replace(a, []byte(`"id": "`+id+`"`), []byte(`"id": "ID"`), 1)
	b = bytes.Replace(b, []byte(`"id": "`+newID+`"`), []byte(`"id": "ID"`), 1)
	if !bytes.Equal(a, b) {
		t.Errorf("export → import → export changed the bundle (%d and %d bytes)", len(a), len(b))
	}
	if c.summary(id)["verdict"] != c.summary(newID)["verdict"] {
		t.Error("the imported assessment has another verdict")
	}
}

// bundledAssessment is the "assessment" of a bundle file, as written.
func bundledAssessment(t *testing.T, path string) []byte {
	t.Helper()
	data, _ := os.ReadFile(path)
	var b struct{ Assessment json.RawMessage }
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	return b.Assessment
}

func TestJSONImportIsAllOrNothing(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	path := filepath.Join(t.TempDir(), "bundle.json")
	c.ok("export", id, "--format", "json", "--out", path)
	data, _ := os.ReadFile(path)
	bad := bytes.Replace(data, []byte(`"item_id": "4.1",`), []byte(`"item_id": "4.1", "status": "na",`), 1)
	bad = bytes.Replace(bad, []byte(`"maturity": 2,`), []byte(`"maturity": 9,`), 1)
	os.WriteFile(path, bad, 0o600)
	_, errs, code := c.run("import", "--format", "json", path)
	if code != 1 || !strings.Contains(errs, "was not imported") || !strings.Contains(errs, "maturity 9 is outside the scale") {
		t.Errorf("bad bundle: exit %d, %q", code, errs)
	}
	var list []map[string]any
	json.Unmarshal([]byte(c.ok("list", "--json")), &list)
	if len(list) != 1 {
		t.Errorf("a refused import left %d assessments, want 1", len(list))
	}
	if _, errs, code := c.run("import", "--format", "json", "--into", id, path); code != 2 || !strings.Contains(errs, "leave out --into") {
		t.Errorf("--into with a bundle: exit %d, %q", code, errs)
	}
}

func TestExportWritesEachFormat(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	dir := t.TempDir()
	for _, f := range []string{"pdf", "docx", "xlsx", "csv"} {
		out := filepath.Join(dir, "report."+f)
		stdout := c.ok("export", id, "--format", f, "--out", out)
		if !strings.Contains(stdout, "wrote "+out) {
			t.Errorf("%s: printed %q", f, stdout)
		}
		if info, err := os.Stat(out); err != nil || info.Size() == 0 || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v", f, info, err)
		}
	}
	for _, annex := range []string{"report-soa.csv", "report-results.csv"} {
		if _, err := os.Stat(filepath.Join(dir, annex)); err != nil {
			t.Errorf("csv export did not write %s: %v", annex, err)
		}
	}
	c.ok("export", id, "--format", "docx", "--gap-only", "--draft", "--out", filepath.Join(dir, "gaps.docx"))
	pdf, _ := os.ReadFile(filepath.Join(dir, "report.pdf"))
	again := filepath.Join(dir, "again.pdf")
	c.ok("export", id, "--format", "pdf", "--out", again)
	if second, _ := os.ReadFile(again); !bytes.Equal(pdf, second) {
		t.Error("two PDF exports of the same data on the same day differ")
	}
	for _, args := range [][]string{
		{"export", id, "--format", "csv", "--draft", "--out", filepath.Join(dir, "x.csv")},
		{"export", id, "--format", "odt", "--out", filepath.Join(dir, "x.odt")},
		{"export", id, "--format", "pdf", "--as-of", "26/11/2026", "--out", filepath.Join(dir, "x.pdf")},
	} {
		if _, errs, code := c.run(args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want a usage error", args, code, errs)
		}
	}
}

func TestCompareTwoCycles(t *testing.T) {
	c := newCLI(t)
	old := c.demo()
	next := strings.TrimSpace(c.ok("copy", old))
	c.ok("assess", next, "8.4", "--status", "conformant", "--maturity", "3", "--evidence", "AISIA procedure v2")
	var p struct {
		Previous struct{ ID, Verdict string }
		Current  struct{ ID string }
		Groups   []struct {
			ID      string   `json:"id"`
			Current *float64 `json:"current_mean"`
		}
		NCsStillOpen []struct{ ID string } `json:"ncs_still_open"`
	}
	if err := json.Unmarshal([]byte(c.ok("compare", old, next, "--json")), &p); err != nil {
		t.Fatal(err)
	}
	if p.Previous.ID != old || p.Current.ID != next || len(p.Groups) != 16 || len(p.NCsStillOpen) == 0 {
		t.Errorf("compare --json = %+v", p)
	}
	text := c.ok("compare", old, next)
	if !strings.Contains(text, "Still open") || !strings.Contains(text, p.Previous.Verdict) {
		t.Errorf("compare prints %q", text)
	}
	out := filepath.Join(t.TempDir(), "next.pdf")
	c.ok("export", next, "--format", "pdf", "--out", out)
}

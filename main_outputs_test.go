package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingIsWrittenOverTheDatabase runs every command that writes a file with its output
// naming the database or a companion file, spelled every way a user might: each is refused
// with one sentence, even with --force, and afterwards the database opens with every
// assessment.
func TestNothingIsWrittenOverTheDatabase(t *testing.T) {
	c := newCLI(t)
	first, second := c.demo(), strings.TrimSpace(c.ok("new", "--org", "Second Client"))
	dir := filepath.Dir(c.db)
	os.Symlink(c.db, filepath.Join(dir, "report.pdf"))
	t.Chdir(dir)
	before := fileSum(t, c.db)
	for _, out := range []string{c.db, "a.db", "./sub/../a.db", filepath.Join(dir, "report.pdf"), c.db + "-wal", c.db + "-shm", c.db + "-lock"} {
		for _, args := range [][]string{
			{"export", first, "--format", "pdf", "--out", out},
			{"export", first, "--format", "json", "--out", out, "--force"},
			{"export", first, "--format", "xlsx", "--out", out, "--force"},
			{"export", first, "--format", "csv", "--out", out, "--force"},
			{"backup", "--out", out, "--force"},
		} {
			stdout, errs, code := c.run(args...)
			msg := strings.TrimSpace(errs)
			if code != 1 || stdout != "" || strings.Contains(msg, "\n") || !strings.Contains(msg, ", and writing there would ") || !strings.HasSuffix(msg, "; choose another file name") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, msg)
			}
		}
	}
	// OSCAL writes a folder: one named like the journal or the lock would stop the database
	// from opening at all.
	for _, out := range []string{c.db + "-journal", c.db + "-lock", "a.db-journal"} {
		if stdout, errs, code := c.run("export", first, "--format", "oscal", "--out", out); code != 1 || stdout != "" || !strings.Contains(errs, ", and writing there would ") {
			t.Errorf("export --format oscal --out %s: exit %d, stdout %q, stderr %q", out, code, stdout, errs)
		}
		if _, err := os.Lstat(out); err == nil {
			t.Errorf("export --format oscal --out %s left something at that path", out)
		}
	}
	if fileSum(t, c.db) != before {
		t.Error("the database file changed")
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &list); err != nil || len(list) != 2 {
		t.Fatalf("after the refusals the database lists %v (%v), want both assessments", list, err)
	}
	c.ok("summary", first)
	c.ok("summary", second)
}

// TestAnExistingFileIsReplacedOnlyWithForce exports and backs up twice to the same name: the
// second time is refused, with the file untouched, until --force is given.
func TestAnExistingFileIsReplacedOnlyWithForce(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", id, "--format", "pdf", "--out", filepath.Join(dir, "report.pdf")},
		{"export", id, "--format", "csv", "--out", filepath.Join(dir, "gaps.csv")},
		{"backup", "--out", filepath.Join(dir, "copy.db")},
	} {
		out := args[len(args)-1]
		os.WriteFile(out, []byte("the client's signed copy"), 0o600)
		_, errs, code := c.run(args...)
		if data, _ := os.ReadFile(out); code != 1 || string(data) != "the client's signed copy" ||
			strings.TrimSpace(errs) != "aimsbench: "+out+" already exists; choose another file name, or replace it with --force" {
			t.Errorf("%v over an existing file: exit %d, %q, file now %.30q", args[:2], code, errs, data)
		}
		c.ok(append(args, "--force")...)
		if data, _ := os.ReadFile(out); string(data) == "the client's signed copy" {
			t.Errorf("%v --force did not replace the file", args[:2])
		}
	}
}

// TestDefaultExportNamesDifferPerAssessment exports two cycles of one organisation on one
// day without --out: two files, neither replacing the other.
func TestDefaultExportNamesDifferPerAssessment(t *testing.T) {
	c := newCLI(t)
	first := c.demo()
	next := strings.TrimSpace(c.ok("copy", first))
	t.Chdir(t.TempDir())
	for _, id := range []string{first, next} {
		if out := c.ok("export", id, "--format", "pdf"); !strings.Contains(out, id+".pdf") {
			t.Errorf("export %s wrote %q; want a name with the ID", id, out)
		}
	}
	if files, _ := filepath.Glob("*.pdf"); len(files) != 2 {
		t.Errorf("two cycles exported on one day gave %v", files)
	}
}

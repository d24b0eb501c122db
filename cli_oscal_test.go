package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportOSCALWritesAFolderOfFourFiles(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	t.Chdir(t.TempDir())
	out := c.ok("export", id, "--format", "oscal", "--as-of", "2026-11-26")
	folder := "Northwind-Mutual-Insurance-iso42001-readiness-2026-11-26-" + id + "-oscal"
	var want string
	for _, name := range []string{"catalog.json", "assessment-plan.json", "assessment-results.json", "poam.json"} {
		path := filepath.Join(folder, name)
		want += "wrote " + path + "\n"
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v; want a private file", path, err, info.Mode().Perm())
		}
	}
	if out != want {
		t.Errorf("export printed %q, want %q", out, want)
	}
	if info, err := os.Stat(folder); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v, mode %v; want a private folder", err, info.Mode().Perm())
	}

	os.WriteFile("plan.json", nil, 0o600)
	if _, errs, code := c.run("export", id, "--format", "oscal", "--out", "plan.json"); code != 1 ||
		strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "give --out a folder") {
		t.Errorf("--out naming a file: exit %d, %q; want one sentence asking for a folder", code, errs)
	}
	if _, errs, code := c.run("export", id, "--format", "oscal", "--draft"); code != 2 || !strings.Contains(errs, "PDF report only") {
		t.Errorf("--draft with oscal: exit %d, %q", code, errs)
	}
}

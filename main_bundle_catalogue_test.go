package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/checklists"
)

// TestBundleOfAnotherCatalogueVersionNeedsConsent exports a bundle and marks it as made with
// another version of the catalogue: import refuses it with one sentence naming both versions
// and the two ways forward, and takes it with --any-catalogue-version. A byte-order mark, as
// an editor may add, is accepted.
func TestBundleOfAnotherCatalogueVersionNeedsConsent(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	cat, _ := checklists.Builtin()
	path := filepath.Join(t.TempDir(), "bundle.json")
	c.ok("export", id, "--format", "json", "--out", path)
	data, _ := os.ReadFile(path)
	older := bytes.Replace(data, []byte(`"catalogue_version": "`+cat.Version+`"`), []byte(`"catalogue_version": "2025.1"`), 1)
	os.WriteFile(path, append([]byte("\xef\xbb\xbf"), older...), 0o600)
	_, errs, code := c.run("import", "--format", "json", path)
	want := "the bundle was made with version 2025.1 of catalogue \"" + cat.ID + "\" but version " + cat.Version + " is loaded; load that version with --catalogue, or import it into this one with --any-catalogue-version"
	if msg := strings.TrimSpace(errs); code != 1 || !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
		t.Errorf("exit %d, %q", code, msg)
	}
	if newID := strings.TrimSpace(c.ok("import", "--format", "json", "--any-catalogue-version", path)); newID == "" || newID == id {
		t.Errorf("import with --any-catalogue-version printed %q", newID)
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/report"
	"aimsbench/store"
)

// exportBundle writes the assessment id of s as the JSON bundle the other laptop hands over.
func exportBundle(t *testing.T, s *store.Store, id, path string) {
	t.Helper()
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	origin, err := s.Origin(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.ExportBundle(path, a, report.BundleOptions{Origin: origin}, nil); err != nil {
		t.Fatal(err)
	}
}

// secondLaptop gives the demo to a colleague: it is exported from the harness's database and
// imported into another one, where the colleague changes the title (a change made there
// only) and the owner of the first AI system, which this laptop changes too (a conflict).
// It returns the colleague's bundle.
func secondLaptop(t *testing.T, h *harness) string {
	t.Helper()
	dir := t.TempDir()
	handed := filepath.Join(dir, "handed-over.json")
	exportBundle(t, h.s, h.id, handed)
	other, err := store.Open(filepath.Join(dir, "colleague.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	b, _, _, err := report.OpenBundle(handed, h.cat, report.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	theirID, err := other.Import(b.Assessment, b.Origin)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := other.Load(theirID)
	if err != nil {
		t.Fatal(err)
	}
	head := *theirs
	head.Title = "Readiness as the colleague titled it"
	must(t, func() error { _, err := other.SaveHeader(nil, &head); return err })
	sys := theirs.Systems[0]
	sys.Owner = "Owner per the colleague"
	must(t, func() error { _, err := other.SaveSystem(theirID, nil, sys); return err })

	ours, err := h.s.Load(h.id)
	if err != nil {
		t.Fatal(err)
	}
	sys = ours.Systems[0]
	sys.Owner = "Owner per this laptop"
	must(t, func() error { _, err := h.s.SaveSystem(h.id, nil, sys); return err })

	path := filepath.Join(dir, "colleague.json")
	exportBundle(t, other, theirID, path)
	return path
}

func must(t *testing.T, do func() error) {
	t.Helper()
	if err := do(); err != nil {
		t.Fatal(err)
	}
}

// TestAMergeShowsTheConflictAndWritesWhatWasSettled: one change made on the other laptop only
// is taken, the field both changed is shown side by side, and once settled for theirs and
// confirmed both are stored.
func TestAMergeShowsTheConflictAndWritesWhatWasSettled(t *testing.T) {
	h := newHarness(t)
	path := secondLaptop(t, h)
	h.Keys("m")
	h.contains("Merge another laptop's copy", "Bundle")
	h.Keys("text:"+path, "enter")
	h.contains("Taken from the bundle", "Readiness as the colleague titled it",
		"Conflict 1 of 1", "Owner per this laptop", "Owner per the colleague", "OURS", "THEIRS")
	if strings.Contains(h.screen(), "Conflict 1 of 2") {
		t.Fatalf("more than one conflict:\n%s", h.screen())
	}
	h.Keys("enter") // nothing happens while a conflict is open
	if strings.Contains(h.screen(), "Please confirm") {
		t.Fatalf("a merge was offered with a conflict unsettled:\n%s", h.screen())
	}
	h.Keys("t")
	h.contains("✓ t  THEIRS (the bundle) — chosen", "all settled")
	h.Keys("enter")
	h.contains("Please confirm", "[ No ]")
	h.Keys("y")
	h.contains("Merged colleague.json", "taken 1, conflicts settled 1", "ORGANISATION")
	got, err := h.s.Load(h.id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Readiness as the colleague titled it" || got.Systems[0].Owner != "Owner per the colleague" {
		t.Fatalf("stored title %q, owner %q", got.Title, got.Systems[0].Owner)
	}
	h.contains("Readiness as the colleague") // the home list was read again
}

// TestLeavingAMergeWritesNothing: a No at the confirmation, then esc, leave the database as
// it was.
func TestLeavingAMergeWritesNothing(t *testing.T) {
	h := newHarness(t)
	path := secondLaptop(t, h)
	before, err := h.s.LastChange()
	if err != nil {
		t.Fatal(err)
	}
	h.Keys("m", "text:"+path, "enter", "o", "enter")
	h.contains("Please confirm")
	h.Keys("enter") // No is the default
	h.contains("Nothing was merged yet")
	h.Keys("esc")
	h.contains("Merge cancelled; nothing was written.", "ORGANISATION")
	after, err := h.s.LastChange()
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("the audit trail moved from %d to %d", before, after)
	}
	if got, _ := h.s.Load(h.id); got.Systems[0].Owner != "Owner per this laptop" {
		t.Fatalf("the owner is %q after a cancelled merge", got.Systems[0].Owner)
	}
}

// TestAFileThatIsNotABundleIsOneSentence: the screen says why in one sentence and keeps the
// path to correct.
func TestAFileThatIsNotABundleIsOneSentence(t *testing.T) {
	h := newHarness(t)
	path := filepath.Join(t.TempDir(), "notes.json")
	if err := os.WriteFile(path, []byte(`{"minutes": "of the kick-off"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	h.Keys("m", "text:"+path, "enter")
	h.contains("is not an aimsbench assessment", "Bundle")
	if h.app.merge == nil || !h.app.merge.Typing() {
		t.Fatal("the path is no longer there to correct")
	}
}

// TestABundleOfAnotherAssessmentOrTamperedWithIsOneSentence: a bundle that is not a copy of
// this assessment, and a sealed one changed since, are refused in one sentence each and
// nothing is written.
func TestABundleOfAnotherAssessmentOrTamperedWithIsOneSentence(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	other, err := store.Open(filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	a, err := h.s.Load(h.id)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = ""
	otherID, err := other.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	stranger := filepath.Join(dir, "stranger.json")
	exportBundle(t, other, otherID, stranger)

	key, _, err := report.LoadOrCreateKey(filepath.Join(dir, "keys"))
	if err != nil {
		t.Fatal(err)
	}
	origin, err := h.s.Origin(h.id)
	if err != nil {
		t.Fatal(err)
	}
	a, _ = h.s.Load(h.id)
	sealed := filepath.Join(dir, "sealed.json")
	if err := report.ExportBundle(sealed, a, report.BundleOptions{Origin: origin, Key: key, SealedAt: testDay, SealedBy: "ana"}, nil); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(sealed)
	data = []byte(strings.Replace(string(data), a.Title, "A title changed after sealing", 1))
	if err := os.WriteFile(sealed, data, 0o600); err != nil {
		t.Fatal(err)
	}

	before, _ := h.s.LastChange()
	h.Keys("m", "text:"+stranger, "enter")
	h.contains("cannot be merged into this assessment", "are not copies of one assessment")
	h.Keys("ctrl+u", "text:"+sealed, "enter")
	h.contains("sealed.json was changed after it was sealed", "ask your colleague to export it again")
	if strings.Contains(h.screen(), "accept-broken-seal") {
		t.Errorf("the workbench points to a command-line flag:\n%s", h.screen())
	}
	if after, _ := h.s.LastChange(); after != before {
		t.Fatalf("a refused bundle wrote to the database (%d → %d)", before, after)
	}
}

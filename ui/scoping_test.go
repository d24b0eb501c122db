package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// press types keys; kept as a name for the scoping tests' readability.
func press(h *harness, keys ...string) {
	h.t.Helper()
	h.keys(keys...)
}

// scopingOf is the scoping step of the open assessment.
func scopingOf(h *harness) *scoping { return h.app.work.Step(0).(*scoping) }

// inventory opens step 1 on the AI system inventory (one section back from the first).
func inventory(t *testing.T) *harness {
	h := newHarness(t).open(1)
	press(h, "[")
	if s := scopingOf(h); s.section != secInventory {
		t.Fatalf("[ from the first section went to section %d", s.section)
	}
	return h
}

func storedSystem(h *harness, name string) (assessment.AISystem, bool) {
	for _, s := range h.stored().Systems {
		if s.Name == name {
			return s, true
		}
	}
	return assessment.AISystem{}, false
}

func TestAddingAnAISystemThroughTheFormStoresIt(t *testing.T) {
	h := inventory(t)
	before := len(h.stored().Systems)
	press(h, "a", "text:Quote assistant", "enter", "text:Answers quote questions", "enter", "text:Head of Sales", "enter")
	press(h, "down", "down", "enter") // stage: design and development
	press(h, "space", "enter")        // roles: AI provider
	press(h, "enter")                 // impact: medium
	press(h, "y", "enter", "n", "y")  // in scope, no suppliers, not assessed, personal data
	press(h, "y", "text:2026-10-01", "enter", "enter", "enter", "enter", "n")
	if scopingOf(h).form != nil {
		t.Fatalf("the form is still open:\n%s", h.screen())
	}
	got, ok := storedSystem(h, "Quote assistant")
	if !ok || len(h.stored().Systems) != before+1 {
		t.Fatalf("the new system was not stored:\n%s", h.screen())
	}
	if got.Purpose != "Answers quote questions" || got.Owner != "Head of Sales" || got.Stage != "design-development" ||
		!slices.Equal(got.Roles, []string{"provider"}) || got.Impact != assessment.ImpactMedium || !got.InScope ||
		!got.PersonalData || !got.HumanOversight || got.SupplierAssessed || got.AISIADate.Format("2006-01-02") != "2026-10-01" {
		t.Errorf("stored %+v", got)
	}
	if got.ID == 0 || got.ID != h.app.work.Assessment().Systems[len(h.app.work.Assessment().Systems)-1].ID {
		t.Errorf("memory and store disagree on the new system's ID: %d", got.ID)
	}
	h.contains("Quote assistant", "Added Quote assistant")
}

func TestEditingAnAISystemChangesIt(t *testing.T) {
	h := inventory(t)
	first := h.stored().Systems[0]
	press(h, "enter", "ctrl+u", "text:Renamed triage", "enter")
	for i := 0; i < 30 && scopingOf(h).form != nil; i++ {
		press(h, "enter")
	}
	got, ok := storedSystem(h, "Renamed triage")
	if !ok || got.ID != first.ID {
		t.Fatalf("the edit was not stored on system %d:\n%s", first.ID, h.screen())
	}
	if got.Owner != first.Owner || got.Stage != first.Stage || !slices.Equal(got.Roles, first.Roles) || !got.AISIADate.Equal(first.AISIADate) {
		t.Errorf("fields not touched changed: before %+v after %+v", first, got)
	}
	h.contains("Renamed triage")
}

func TestOutOfScopeSystemNeedsAJustification(t *testing.T) {
	h := inventory(t)
	press(h, "a", "text:Shadow tool", "enter", "enter", "enter", "enter", "enter", "enter")
	press(h, "n", "enter", "n", "n") // out of scope: the exclusion page follows
	press(h, "enter")
	h.contains("an out-of-scope system needs an exclusion justification")
	press(h, "text:Pilot in a sandbox with no customer data", "enter")
	for i := 0; i < 10 && scopingOf(h).form != nil; i++ {
		press(h, "enter")
	}
	got, ok := storedSystem(h, "Shadow tool")
	if !ok || got.InScope || got.ExclusionJustification != "Pilot in a sandbox with no customer data" {
		t.Fatalf("stored %+v (found %v)", got, ok)
	}
}

func TestDeletingASystemNeedsConfirmationAndDefaultsToNo(t *testing.T) {
	h := inventory(t)
	n := len(h.stored().Systems)
	first := h.stored().Systems[0]
	press(h, "d")
	h.contains("Please confirm", first.Name)
	press(h, "enter") // the highlighted answer is No
	if len(h.stored().Systems) != n || len(h.app.work.Assessment().Systems) != n {
		t.Fatal("enter on the dialog deleted the system")
	}
	press(h, "d", "y")
	if _, ok := storedSystem(h, first.Name); ok || len(h.stored().Systems) != n-1 {
		t.Fatal("y did not delete the system")
	}
}

func TestQTypedInAFormIsText(t *testing.T) {
	h := inventory(t)
	press(h, "a", "q", "text:uick")
	if h.app.quitting {
		t.Fatal("q in a form field quit the application")
	}
	h.contains("quick")
	press(h, "esc")
	h.contains("Discard what you typed?")
	press(h, "enter") // the default answer is No: the text stays
	h.contains("quick")
	press(h, "esc", "y")
	if scopingOf(h).form != nil || h.app.work == nil {
		t.Fatal("esc and yes did not cancel the form alone")
	}
}

func writeCSV(t *testing.T, text string) string {
	path := filepath.Join(t.TempDir(), "inventory.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportWithABadRowShowsTheLineAndImportsNothing(t *testing.T) {
	h := inventory(t)
	n := len(h.stored().Systems)
	path := writeCSV(t, "name,impact level,aisia date\nGood one,low,2026-01-02\nBad one,extreme,2026-01-02\nAlso bad,high,02/03/2026\n")
	press(h, "i", "text:"+path, "enter")
	h.contains("nothing was imported", "line 3:", "extreme", "line 4:")
	if len(h.stored().Systems) != n || len(h.app.work.Assessment().Systems) != n {
		t.Fatal("a refused import changed the inventory")
	}
	press(h, "x")
	if scopingOf(h).importFail != nil {
		t.Error("x did not dismiss the import errors")
	}
}

func TestImportOfAMalformedFileIsRefusedWithoutCrashing(t *testing.T) {
	h := inventory(t)
	n := len(h.stored().Systems)
	path := writeCSV(t, "name,impact level\nGood,low\n\"unterminated,low\n")
	press(h, "i", "text:"+path, "enter")
	h.contains("nothing was imported")
	if len(h.stored().Systems) != n {
		t.Fatal("a malformed file changed the inventory")
	}
}

func TestImportOfAGoodFileAddsEveryRow(t *testing.T) {
	h := inventory(t)
	n := len(h.stored().Systems)
	path := writeCSV(t, "\ufeffname;roles;lifecycle stage;in scope;exclusion justification\n"+
		"Imported A;provider|customer;deployment;yes;\nImported B;customer;inception;no;Vendor pilot only\n")
	press(h, "i", "text:"+path, "enter")
	stored := h.stored().Systems
	if len(stored) != n+2 {
		t.Fatalf("stored %d systems, want %d:\n%s", len(stored), n+2, h.screen())
	}
	b, _ := storedSystem(h, "Imported B")
	if b.InScope || b.ExclusionJustification != "Vendor pilot only" || b.Stage != "inception" {
		t.Errorf("Imported B stored as %+v", b)
	}
	for i, sys := range h.app.work.Assessment().Systems {
		if sys.ID != stored[i].ID || sys.Name != stored[i].Name {
			t.Errorf("row %d: memory has %d %q, the store %d %q", i, sys.ID, sys.Name, stored[i].ID, stored[i].Name)
		}
	}
	h.contains("Imported 2 AI systems", "Imported A", "Imported B")
}

func TestScopeStatementEditIsStored(t *testing.T) {
	h := newHarness(t).open(1)
	before := h.stored().Scope.Statement
	press(h, "down", "down", "enter", "text: Pet insurance in Ireland is included from 2027.", "enter")
	want := before + " Pet insurance in Ireland is included from 2027."
	if got := h.stored().Scope.Statement; got != want {
		t.Fatalf("stored statement %q, want %q", got, want)
	}
	if h.app.work.Assessment().Scope.Statement != want {
		t.Error("the statement in memory differs from the stored one")
	}
	h.contains("Pet insurance in Ireland")
}

// sgr matches the colour and style sequences the screen itself draws with.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

func TestExclusionNeedsAJustificationAndDeleteDefaultsToNo(t *testing.T) {
	h := newHarness(t).open(1)
	n := len(h.stored().Scope.Exclusions)
	press(h, "]", "a", "text:Pet insurance written by a partner", "enter", "enter")
	h.contains("an exclusion needs its justification")
	press(h, "text:Underwritten and administered by Pawsure Ltd under its own governance.", "enter")
	ex := h.stored().Scope.Exclusions
	if len(ex) != n+1 || ex[n].What != "Pet insurance written by a partner" || !strings.HasPrefix(ex[n].Justification, "Underwritten") {
		t.Fatalf("stored exclusions %+v", ex)
	}
	press(h, "d", "enter")
	if len(h.stored().Scope.Exclusions) != n+1 {
		t.Fatal("enter on the dialog deleted the exclusion")
	}
	press(h, "d", "y")
	if ex := h.stored().Scope.Exclusions; len(ex) != n || slices.ContainsFunc(ex, func(e assessment.Exclusion) bool { return e.What == "Pet insurance written by a partner" }) {
		t.Fatalf("y did not delete the exclusion: %+v", ex)
	}
}

func TestNamingAVacantGovernanceRoleIsStoredAndCounted(t *testing.T) {
	h := newHarness(t).open(1)
	done, total := scopingOf(h).Progress()
	press(h, "]", "]")
	for range 7 {
		press(h, "down")
	}
	h.contains("Vacant")
	press(h, "enter", "text:Kwabena Owusu", "enter", "text:Head of Internal Audit", "enter")
	var got assessment.RoleHolder
	for _, r := range h.stored().RoleHolders {
		if r.RoleID == "internal-audit" {
			got = r
		}
	}
	if got.Name != "Kwabena Owusu" || got.Contact != "Head of Internal Audit" {
		t.Fatalf("stored holder %+v", got)
	}
	if d, tt := scopingOf(h).Progress(); d != done+1 || tt != total {
		t.Errorf("progress %d/%d after naming the role, was %d/%d", d, tt, done, total)
	}
}

func TestCertificationDatesAreValidated(t *testing.T) {
	h := newHarness(t).open(1)
	press(h, "]", "]", "]", "enter", "enter", "ctrl+u", "text:2027-02-30", "enter")
	h.contains("not a date written as YYYY-MM-DD")
	press(h, "ctrl+u", "text:2027-05-01", "enter", "ctrl+u", "text:2027-04-01", "enter")
	h.contains("this date is before Stage 1")
	press(h, "ctrl+u", "text:2027-06-01", "enter")
	c := h.stored().Certification
	if c.Stage1.Format("2006-01-02") != "2027-05-01" || c.Stage2.Format("2006-01-02") != "2027-06-01" {
		t.Fatalf("stored plan %+v", c)
	}
}

func TestStoredEscapeSequencesAreShownVisibly(t *testing.T) {
	h := newHarness(t)
	a := h.stored()
	a.Organisation.Name = "Evil\x1b]0;pwned\x07 Ltd"
	a.Scope.Statement = "Scope \x1b[31mred\x1b[0m"
	a.Systems[0].Name = "Bot\x1b]0;pwned\x07"
	if _, err := h.s.SaveHeader(nil, a); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.SaveSystem(a.ID, nil, a.Systems[0]); err != nil {
		t.Fatal(err)
	}
	h.open(1)
	for _, keys := range [][]string{nil, {"down", "down"}, {"["}, {"enter"}} {
		press(h, keys...)
		scr := h.app.content() // the frame as sent, before any stripping
		if strings.Contains(sgr.ReplaceAllString(scr, ""), "\x1b") {
			t.Fatalf("an escape other than the screen's own colours after %v:\n%q", keys, scr)
		}
		if strings.Contains(scr, "\x1b]") || strings.Contains(scr, "\x07") || strings.Contains(scr, "\x1b[31mred") {
			t.Fatalf("raw escape sequence on screen after %v:\n%q", keys, scr)
		}
		if !strings.Contains(scr, "⟨ESC⟩") {
			t.Fatalf("no visible stand-in after %v:\n%s", keys, scr)
		}
	}
	for i := 0; i < 30 && scopingOf(h).form != nil; i++ {
		press(h, "enter") // submit every page unchanged
	}
	if got := h.stored().Systems[0].Name; got != "Bot\x1b]0;pwned\x07" {
		t.Errorf("an unchanged field rewrote the stored name to %q", got)
	}
	if !strings.Contains(h.screen(), "Bot⟨ESC⟩]0;pwned⟨U+0007⟩") {
		t.Errorf("the table lost the visible stand-ins:\n%s", h.screen())
	}
}

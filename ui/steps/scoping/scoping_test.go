package scoping

import (
	"cmp"
	"database/sql"
	_ "modernc.org/sqlite"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// press types keys; kept as a name for the scoping tests' readability.
func press(h *uitest.Harness, keys ...string) {
	h.T.Helper()
	h.Keys(keys...)
}

// scopingOf is the scoping step of the open assessment.
func scopingOf(h *uitest.Harness) *scoping { return h.Work.Step(steps.Scoping).(*scoping) }

// inventory opens step 1 on the AI system inventory (one section back from the first).
func inventory(t *testing.T) *uitest.Harness {
	h := uitest.New(t).Open(steps.Scoping, New)
	press(h, "[")
	if s := scopingOf(h); s.section != secInventory {
		t.Fatalf("[ from the first section went to section %d", s.section)
	}
	return h
}

func storedSystem(h *uitest.Harness, name string) (assessment.AISystem, bool) {
	for _, s := range h.Stored().Systems {
		if s.Name == name {
			return s, true
		}
	}
	return assessment.AISystem{}, false
}

func TestAddingAnAISystemThroughTheFormStoresIt(t *testing.T) {
	h := inventory(t)
	before := len(h.Stored().Systems)
	press(h, "a", "text:Quote assistant", "enter", "text:Answers quote questions", "enter", "text:Head of Sales", "enter")
	press(h, "down", "down", "enter") // stage: design and development
	press(h, "space", "enter")        // roles: AI provider
	press(h, "enter")                 // impact: medium
	press(h, "enter", "enter")        // EU AI Act: not classified yet
	press(h, "y", "enter", "n", "y")  // in scope, no suppliers, not assessed, personal data
	press(h, "y", "text:2026-10-01", "enter", "enter", "enter", "enter", "n")
	if scopingOf(h).form != nil {
		t.Fatalf("the form is still open:\n%s", h.Screen())
	}
	got, ok := storedSystem(h, "Quote assistant")
	if !ok || len(h.Stored().Systems) != before+1 {
		t.Fatalf("the new system was not stored:\n%s", h.Screen())
	}
	if got.Purpose != "Answers quote questions" || got.Owner != "Head of Sales" || got.Stage != "design-development" ||
		!slices.Equal(got.Roles, []string{"provider"}) || got.Impact != assessment.ImpactMedium || !got.InScope ||
		!got.PersonalData || !got.HumanOversight || got.SupplierAssessed || got.AISIADate.Format("2006-01-02") != "2026-10-01" {
		t.Errorf("stored %+v", got)
	}
	if got.ID == 0 || got.ID != h.Work.Assessment().Systems[len(h.Work.Assessment().Systems)-1].ID {
		t.Errorf("memory and store disagree on the new system's ID: %d", got.ID)
	}
	h.Contains("Quote assistant", "Added Quote assistant")
}

func TestEditingAnAISystemChangesIt(t *testing.T) {
	h := inventory(t)
	first := h.Stored().Systems[0]
	h.Press("edit")
	press(h, "ctrl+u", "text:Renamed triage", "ctrl+s")
	got, ok := storedSystem(h, "Renamed triage")
	if !ok || got.ID != first.ID {
		t.Fatalf("the edit was not stored on system %d:\n%s", first.ID, h.Screen())
	}
	if got.Owner != first.Owner || got.Stage != first.Stage || !slices.Equal(got.Roles, first.Roles) || !got.AISIADate.Equal(first.AISIADate) {
		t.Errorf("fields not touched changed: before %+v after %+v", first, got)
	}
	h.Contains("Renamed triage")
}

func TestOutOfScopeSystemNeedsAJustification(t *testing.T) {
	h := inventory(t)
	press(h, "a", "text:Shadow tool", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	press(h, "n", "enter", "n", "n") // out of scope: the exclusion page follows
	press(h, "enter")
	h.Contains("taking Shadow tool out of scope needs a justification")
	press(h, "text:n/a", "ctrl+s")
	h.Contains("a placeholder, not a reason")
	press(h, "backspace", "backspace", "backspace", "text:Pilot in a sandbox with no customer data", "ctrl+s")
	got, ok := storedSystem(h, "Shadow tool")
	if !ok || got.InScope || got.ExclusionJustification != "Pilot in a sandbox with no customer data" {
		t.Fatalf("stored %+v (found %v)", got, ok)
	}
}

func TestDeletingASystemNeedsConfirmationAndDefaultsToNo(t *testing.T) {
	h := inventory(t)
	n := len(h.Stored().Systems)
	first := h.Stored().Systems[0]
	press(h, "d")
	h.Contains("Please confirm", first.Name)
	press(h, "enter") // the highlighted answer is No
	if len(h.Stored().Systems) != n || len(h.Work.Assessment().Systems) != n {
		t.Fatal("enter on the dialog deleted the system")
	}
	press(h, "d", "y")
	if _, ok := storedSystem(h, first.Name); ok || len(h.Stored().Systems) != n-1 {
		t.Fatal("y did not delete the system")
	}
}

func TestQTypedInAFormIsText(t *testing.T) {
	h := inventory(t)
	press(h, "a", "q", "text:uick")
	if !h.Work.Typing() {
		t.Fatal("q in a form field quit the application")
	}
	h.Contains("quick")
	press(h, "esc")
	h.Contains("Discard what you typed?")
	press(h, "enter") // the default answer is No: the text stays
	h.Contains("quick")
	press(h, "esc", "y")
	if scopingOf(h).form != nil || h.Work == nil {
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
	n := len(h.Stored().Systems)
	path := writeCSV(t, "name,impact level,aisia date\nGood one,low,2026-01-02\nBad one,extreme,2026-01-02\nAlso bad,high,02/03/2026\n")
	press(h, "i", "text:"+path, "enter")
	h.Contains("nothing was imported", "line 3:", "extreme", "line 4:")
	if len(h.Stored().Systems) != n || len(h.Work.Assessment().Systems) != n {
		t.Fatal("a refused import changed the inventory")
	}
	press(h, "x")
	if scopingOf(h).importFail != nil {
		t.Error("x did not dismiss the import errors")
	}
}

func TestImportOfAMalformedFileIsRefusedWithoutCrashing(t *testing.T) {
	h := inventory(t)
	n := len(h.Stored().Systems)
	path := writeCSV(t, "name,impact level\nGood,low\n\"unterminated,low\n")
	press(h, "i", "text:"+path, "enter")
	h.Contains("nothing was imported")
	if len(h.Stored().Systems) != n {
		t.Fatal("a malformed file changed the inventory")
	}
}

func TestImportOfAGoodFileAddsEveryRow(t *testing.T) {
	h := inventory(t)
	n := len(h.Stored().Systems)
	path := writeCSV(t, "\ufeffname;roles;lifecycle stage;in scope;exclusion justification\n"+
		"Imported A;provider|customer;deployment;yes;\nImported B;customer;inception;no;Vendor pilot only\n")
	press(h, "i", "text:"+path, "enter")
	h.Contains("2 new systems, added: Imported A, Imported B", "nothing is written until you press enter")
	if len(h.Stored().Systems) != n {
		t.Fatal("the import wrote before it was confirmed")
	}
	h.Press("import these changes")
	stored := h.Stored().Systems
	if len(stored) != n+2 {
		t.Fatalf("stored %d systems, want %d:\n%s", len(stored), n+2, h.Screen())
	}
	b, _ := storedSystem(h, "Imported B")
	if b.InScope || b.ExclusionJustification != "Vendor pilot only" || b.Stage != "inception" {
		t.Errorf("Imported B stored as %+v", b)
	}
	for i, sys := range h.Work.Assessment().Systems {
		if sys.ID != stored[i].ID || sys.Name != stored[i].Name {
			t.Errorf("row %d: memory has %d %q, the store %d %q", i, sys.ID, sys.Name, stored[i].ID, stored[i].Name)
		}
	}
	h.Contains("2 added, 0 updated", "Imported A", "Imported B")
}

func TestScopeStatementEditIsStored(t *testing.T) {
	h := uitest.New(t).Open(steps.Scoping, New)
	before := h.Stored().Scope.Statement
	press(h, "down", "down", "enter", "text: Pet insurance in Ireland is included from 2027.", "enter")
	want := before + " Pet insurance in Ireland is included from 2027."
	if got := h.Stored().Scope.Statement; got != want {
		t.Fatalf("stored statement %q, want %q", got, want)
	}
	if h.Work.Assessment().Scope.Statement != want {
		t.Error("the statement in memory differs from the stored one")
	}
	h.Contains("Pet insurance in Ireland")
}

// sgr matches the colour and style sequences the screen itself draws with.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

func TestExclusionNeedsAJustificationAndDeleteDefaultsToNo(t *testing.T) {
	h := uitest.New(t).Open(steps.Scoping, New)
	n := len(h.Stored().Scope.Exclusions)
	press(h, "]", "a", "text:Pet insurance written by a partner", "enter", "enter")
	h.Contains("an exclusion needs its justification")
	press(h, "text:Underwritten and administered by Pawsure Ltd under its own governance.", "enter")
	ex := h.Stored().Scope.Exclusions
	if len(ex) != n+1 || ex[n].What != "Pet insurance written by a partner" || !strings.HasPrefix(ex[n].Justification, "Underwritten") {
		t.Fatalf("stored exclusions %+v", ex)
	}
	press(h, "d", "enter")
	if len(h.Stored().Scope.Exclusions) != n+1 {
		t.Fatal("enter on the dialog deleted the exclusion")
	}
	press(h, "d", "y")
	if ex := h.Stored().Scope.Exclusions; len(ex) != n || slices.ContainsFunc(ex, func(e assessment.Exclusion) bool { return e.What == "Pet insurance written by a partner" }) {
		t.Fatalf("y did not delete the exclusion: %+v", ex)
	}
}

func TestNamingAVacantGovernanceRoleIsStoredAndCounted(t *testing.T) {
	h := uitest.New(t).Open(steps.Scoping, New)
	done, total := scopingOf(h).Progress()
	press(h, "]", "]")
	for range 7 {
		press(h, "down")
	}
	h.Contains("Vacant")
	press(h, "enter", "text:Kwabena Owusu", "enter", "text:Head of Internal Audit", "enter")
	var got assessment.RoleHolder
	for _, r := range h.Stored().RoleHolders {
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
	h := uitest.New(t).Open(steps.Scoping, New)
	press(h, "]", "]", "]", "enter", "enter", "ctrl+u", "text:2027-02-30", "enter")
	h.Contains("not a date written as YYYY-MM-DD")
	press(h, "ctrl+u", "text:2027-05-01", "enter", "ctrl+u", "text:2027-04-01", "enter")
	h.Contains("is before the planned Stage 1 audit")
	press(h, "ctrl+u", "text:2027-06-01", "enter")
	c := h.Stored().Certification
	if c.Stage1.Format("2006-01-02") != "2027-05-01" || c.Stage2.Format("2006-01-02") != "2027-06-01" {
		t.Fatalf("stored plan %+v", c)
	}
}

func TestStoredEscapeSequencesAreShownVisibly(t *testing.T) {
	h := uitest.New(t)
	a := h.Stored()
	a.Organisation.Name = "Evil\x1b]0;pwned\x07 Ltd"
	a.Scope.Statement = "Scope \x1b[31mred\x1b[0m"
	a.Systems[0].Name = "Bot\x1b]0;pwned\x07"
	if _, err := h.Store.SaveHeader(nil, a); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Store.SaveSystem(a.ID, nil, a.Systems[0]); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.Scoping, New)
	for _, keys := range [][]string{nil, {"down", "down"}, {"["}, {"enter"}} {
		press(h, keys...)
		scr := h.Work.View() // the frame as sent, before any stripping
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
	press(h, "ctrl+s") // save every page unchanged
	if got := h.Stored().Systems[0].Name; got != "Bot\x1b]0;pwned\x07" {
		t.Errorf("an unchanged field rewrote the stored name to %q", got)
	}
	if !strings.Contains(h.Screen(), "Bot⟨ESC⟩]0;pwned⟨U+0007⟩") {
		t.Errorf("the table lost the visible stand-ins:\n%s", h.Screen())
	}
}

// rowsOnDisk counts the stored records of one kind, straight from the database file.
func rowsOnDisk(t *testing.T, h *uitest.Harness, kind string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+h.Store.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM records WHERE assessment_id = ? AND kind = ?", h.ID, kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTheStoreNumbersImportedSystemsAndTheScreenShowsThatNumber(t *testing.T) {
	h := inventory(t)
	systems := h.Stored().Systems
	last := slices.MaxFunc(systems, func(a, b assessment.AISystem) int { return cmp.Compare(a.ID, b.ID) })
	// Delete the highest-numbered system: its number is never given again.
	scopingOf(h).cursor[secInventory] = slices.IndexFunc(h.Work.Assessment().Systems, func(s assessment.AISystem) bool { return s.ID == last.ID })
	h.Press("delete")
	h.Keys("y")
	path := writeCSV(t, "name,impact level\nImported bot,low\n")
	h.Press("import CSV")
	h.Keys("text:"+path, "enter")
	h.Press("import these changes")
	imported, ok := storedSystem(h, "Imported bot")
	if !ok || imported.ID <= last.ID {
		t.Fatalf("the imported system got number %d after %d was deleted", imported.ID, last.ID)
	}
	shown := h.Work.Assessment().Systems[scopingOf(h).row()]
	if shown.ID != imported.ID || shown.Name != "Imported bot" {
		t.Fatalf("the screen shows system %d %q, the store gave %d", shown.ID, shown.Name, imported.ID)
	}
	h.Press("edit")
	h.Keys("ctrl+u", "text:Imported bot v2", "ctrl+s")
	if got := rowsOnDisk(t, h, "system"); got != len(systems) {
		t.Fatalf("%d system rows on disk, want one per system (%d)", got, len(systems))
	}
	if got, ok := storedSystem(h, "Imported bot v2"); !ok || got.ID != imported.ID {
		t.Fatalf("the edit went to system %d, not to the imported %d", got.ID, imported.ID)
	}
}

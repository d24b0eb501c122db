package store

import (
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aimsbench/assessment"
)

// v1Fixture is a database written by the first released schema (user_version 1), kept so
// every later aimsbench proves it still opens and upgrades it. Regenerate it only if it is
// lost: go test ./store -run TestV1Fixture -write-v1-fixture.
const v1Fixture = "testdata/v1.sqlite"

var writeV1Fixture = flag.Bool("write-v1-fixture", false, "write "+v1Fixture+" (only while the schema is version 1)")

// v1Content is what the fixture holds: the sample assessment and one judgement of 6.1.2.
func v1Content(t *testing.T) *assessment.Assessment {
	a := sample()
	a.Results["6.1.2"] = &assessment.Result{ItemID: "6.1.2", Status: assessment.Partial, Maturity: 2, Target: 3, Decision: assessment.Included,
		Finding: "Risk criteria not approved", Evidence: []assessment.Evidence{{Title: "Risk method v0.3", Kind: "document"}}}
	return a
}

// copyFixture copies the v1 fixture to a private file and returns its path.
func copyFixture(t *testing.T) string {
	t.Helper()
	if *writeV1Fixture {
		if schemaVersion() != 1 {
			t.Fatal("the v1 fixture can only be written by a schema-1 aimsbench; it is a released file, keep it")
		}
		os.Remove(v1Fixture)
		s, err := Open(v1Fixture)
		if err != nil {
			t.Fatal(err)
		}
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) })
		if _, err := s.Create(v1Content(t)); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	data, err := os.ReadFile(v1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v1.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// onlyAssessment loads the single assessment of a database.
func onlyAssessment(t *testing.T, s *Store) *assessment.Assessment {
	t.Helper()
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %v, %v; want one assessment", list, err)
	}
	a, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// withExtraMigration adds a test-only migration step, as a future aimsbench would, for the
// duration of the test.
func withExtraMigration(t *testing.T, step string) {
	released := migrations
	migrations = append(migrations[:len(migrations):len(migrations)], step)
	t.Cleanup(func() { migrations = released })
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func upgradeCopies(t *testing.T, path string) []string {
	t.Helper()
	copies, _ := filepath.Glob(path + ".before-v*")
	return copies
}

func TestV1FixtureOpensWithItsDataIntact(t *testing.T) {
	path := copyFixture(t)
	if v := userVersion(t, path); v != 1 {
		t.Fatalf("the fixture has schema %d, want 1", v)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := onlyAssessment(t, s)
	want := v1Content(t)
	want.ID, want.Created, want.Updated = got.ID, got.Created, got.Updated
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the v1 fixture reads back differently:\n got %+v\nwant %+v", got, want)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK || rep.AuditRows == 0 {
		t.Errorf("verify of the v1 fixture: %+v %v", rep, err)
	}
	if copies := upgradeCopies(t, path); schemaVersion() == 1 && len(copies) != 0 {
		t.Errorf("a copy was taken though no upgrade ran: %v", copies)
	}
}

func TestUpgradeKeepsACopyAndTheData(t *testing.T) {
	path := copyFixture(t)
	before := func() (*assessment.Assessment, string) {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		head, _ := s.ChainHead()
		return onlyAssessment(t, s), head
	}
	a1, head1 := before()
	withExtraMigration(t, `ALTER TABLE assessments ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
		CREATE TABLE upgrade_probe (note TEXT NOT NULL); INSERT INTO upgrade_probe VALUES ('v2');`)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a2 := onlyAssessment(t, s)
	head2, _ := s.ChainHead()
	var probe string
	if err := s.db.QueryRow("SELECT note FROM upgrade_probe").Scan(&probe); err != nil || probe != "v2" {
		t.Errorf("the upgrade step did not run: %q %v", probe, err)
	}
	rep, err := s.Verify()
	s.Close()
	if !reflect.DeepEqual(a1, a2) || head1 != head2 {
		t.Errorf("the upgrade changed the data: chain head %s → %s", head1, head2)
	}
	if err != nil || !rep.OK {
		t.Errorf("verify after the upgrade: %+v %v", rep, err)
	}
	if v := userVersion(t, path); v != 2 {
		t.Errorf("schema after the upgrade is %d, want 2", v)
	}
	copies := upgradeCopies(t, path)
	if len(copies) != 1 {
		t.Fatalf("copies before the upgrade: %v, want one", copies)
	}
	if info, _ := os.Stat(copies[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("the copy has mode %v, want 0600", info.Mode().Perm())
	}
	if v := userVersion(t, copies[0]); v != 1 {
		t.Errorf("the copy has schema %d, want the schema before the upgrade (1)", v)
	}
	s, err = Open(path) // a second open upgrades nothing and copies nothing
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if n := len(upgradeCopies(t, path)); n != 1 {
		t.Errorf("reopening an upgraded database made another copy (%d)", n)
	}

	migrations = migrations[:1] // the copy opens in the aimsbench that wrote it, with the same data
	c, err := Open(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := onlyAssessment(t, c); !reflect.DeepEqual(got, a1) {
		t.Error("the copy kept before the upgrade does not hold the data")
	}
}

func TestFailedUpgradeLeavesTheFileAsItWas(t *testing.T) {
	path := copyFixture(t)
	sum := checksum(t, path)
	withExtraMigration(t, `ALTER TABLE assessments ADD COLUMN archived INTEGER; CREATE TABLE records (x)`)
	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("a failing upgrade step was accepted")
	}
	if !strings.Contains(err.Error(), "cannot upgrade "+path+" from schema 1 (it is unchanged)") {
		t.Errorf("error %q", err)
	}
	if checksum(t, path) != sum || userVersion(t, path) != 1 {
		t.Error("a failed upgrade changed the database")
	}
	migrations = migrations[:1]
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after a failed upgrade: %+v %v", rep, err)
	}
}

// TestConcurrentOpensUpgradeOnce opens a new file and an old-schema file from eight
// goroutines at once. A new database is set up in a private file and linked into place whole,
// and an upgrade takes the write lock before it reads the version, so there is nothing to race
// on: every open succeeds, exactly one of them creates the new database, and an old one is
// upgraded once, with one copy.
func TestConcurrentOpensUpgradeOnce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T) string
		created int
	}{
		{"new file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "new.db") }, 1},
		{"old schema", func(t *testing.T) string {
			withExtraMigration(t, `CREATE TABLE upgrade_probe (note TEXT)`)
			return copyFixture(t)
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.setup(t)
			var wg sync.WaitGroup
			errs := make([]error, 8)
			var created atomic.Int32
			for i := range errs {
				wg.Go(func() {
					s, err := Open(path)
					if err == nil {
						if s.Created() {
							created.Add(1)
						}
						err = s.Close()
					}
					errs[i] = err
				})
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Errorf("concurrent open: %v", err)
				}
			}
			if n := created.Load(); int(n) != tc.created {
				t.Errorf("%d opens created the database, want %d", n, tc.created)
			}
			if v := userVersion(t, path); v != schemaVersion() {
				t.Errorf("schema %d, want %d", v, schemaVersion())
			}
			if n := len(upgradeCopies(t, path)); n > 1 {
				t.Errorf("%d copies taken for one upgrade", n)
			}
			if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.new*")); len(leftovers) > 0 {
				t.Errorf("set-up files left behind: %v", leftovers)
			}
		})
	}
}

func TestOldSchemaIsNotUpgradedReadOnly(t *testing.T) {
	path := copyFixture(t)
	sum := checksum(t, path)
	withExtraMigration(t, `CREATE TABLE upgrade_probe (note TEXT)`)
	_, err := OpenReadOnly(path)
	if err == nil || !strings.Contains(err.Error(), "must be upgraded before use") {
		t.Errorf("an old schema opened read-only: %v", err)
	}
	if checksum(t, path) != sum || len(upgradeCopies(t, path)) != 0 {
		t.Error("a read-only open changed the file or copied it")
	}
}

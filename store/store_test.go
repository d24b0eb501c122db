package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

func catalogue(t *testing.T) *checklists.Catalogue {
	t.Helper()
	c, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sample() *assessment.Assessment {
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	return &assessment.Assessment{
		Title:        "Readiness 2026",
		Organisation: assessment.Organisation{Name: "Zoë Ångström Łódź Ωmega"},
		Created:      day,
		Scope:        assessment.Scope{Statement: "Claims AI", Exclusions: []assessment.Exclusion{{What: "HR", Justification: "No AI used"}}},
		RoleHolders:  []assessment.RoleHolder{{RoleID: "aims-manager", Name: "Ana"}},
		Systems:      []assessment.AISystem{{ID: 1, Name: "Triage", InScope: true, Roles: []string{"provider"}, AISIADate: day}},
		Results: map[string]*assessment.Result{
			"4.1": {ItemID: "4.1", Status: assessment.Conformant, Maturity: 3, Evidence: []assessment.Evidence{{Title: "Context analysis"}}},
		},
		Risks:     []assessment.Risk{{ID: 1, Title: "Bias", Likelihood: 3, Impact: 4, Controls: []string{"A.5.4"}}},
		Tests:     []assessment.ControlTest{{ControlID: "A.6.2.4", Frequency: "monthly", Samples: []assessment.Sample{{Ref: "#1", Result: assessment.Pass}}}},
		NCs:       []assessment.Nonconformity{{Number: 1, ItemID: "6.1.4", Grade: assessment.MajorNC, Status: assessment.NCOpen}},
		Requests:  map[string]assessment.RequestStatus{"EV-GOV-01": {State: assessment.Received}},
		KPIValues: map[string]assessment.KPIValue{"KPI-04": {Value: "0.91 AUC"}},
	}
}

func checksum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestNewDatabaseIsPrivateAndAnnounced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Created() {
		t.Error("a new file was not reported as created")
	}
	s.Close()
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", info.Mode().Perm())
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Created() {
		t.Error("an existing database was reported as created")
	}
}

func TestOpenRefusesFilesItMustNotTouch(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(sample()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	goodBytes, _ := os.ReadFile(good)

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := write("newer.db", goodBytes)
	func() {
		db, _ := sql.Open("sqlite", newer)
		defer db.Close()
		db.Exec("PRAGMA user_version = 99")
	}()
	other := filepath.Join(dir, "other.db")
	func() {
		db, _ := sql.Open("sqlite", other)
		defer db.Close()
		db.Exec("CREATE TABLE t(x)")
	}()
	flipped := append([]byte(nil), goodBytes...)
	for i := 4096 * 2; i < 4096*2+200 && i < len(flipped); i++ {
		flipped[i] ^= 0xff
	}
	cases := []struct {
		name, path, want string
	}{
		{"text file", write("notes.txt", []byte("meeting notes\n")), "not a SQLite file"},
		{"newer schema", newer, "written by a newer aimsbench"},
		{"another program's database", other, "another program"},
		{"truncated", write("truncated.db", goodBytes[:len(goodBytes)/3]), "damaged"},
		{"flipped bytes in a page", write("flipped.db", flipped), "damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := checksum(t, tc.path)
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatal("opened a file it must refuse")
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("want one sentence mentioning %q, got %q", tc.want, err)
			}
			if checksum(t, tc.path) != before {
				t.Error("the refused file was changed")
			}
		})
	}
}

func TestOpenExplainsBadPaths(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing", "x.db")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("a missing folder: %v", err)
	}
}

func TestCreateAndLoadRoundTrip(t *testing.T) {
	s := openTemp(t)
	a := sample()
	id, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	a.ID, a.Updated = id, got.Updated
	if !reflect.DeepEqual(got, a) {
		t.Errorf("loaded assessment differs:\n got %+v\nwant %+v", got, a)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].Organisation != "Zoë Ångström Łódź Ωmega" {
		t.Errorf("list = %+v, %v", list, err)
	}
}

func TestJudgementIsDurableAndRefusalsWriteNothing(t *testing.T) {
	cat := catalogue(t)
	path := filepath.Join(t.TempDir(), "t.db")
	s, _ := Open(path)
	id, _ := s.Create(sample())
	item, _ := cat.Item("A.6.2.4")
	st, m := assessment.Partial, 2
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{Status: &st, Maturity: &m}); err != nil {
		t.Fatal(err)
	}
	rows := auditCount(t, s)
	clause, _ := cat.Item("6.1.2")
	na := assessment.NotApplicable
	if _, err := s.SaveJudgement(id, clause, assessment.Judgement{Status: &na}); err == nil {
		t.Error("N/A on a clause was accepted")
	}
	excl := assessment.Excluded
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{Decision: &excl}); err == nil {
		t.Error("exclusion without justification was accepted")
	}
	if auditCount(t, s) != rows {
		t.Error("a refused judgement wrote to the audit trail")
	}
	s.Close()

	s, _ = Open(path)
	defer s.Close()
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if r := a.Results["A.6.2.4"]; r == nil || r.Status != assessment.Partial || r.Maturity != 2 {
		t.Errorf("judgement not on disk after reopening: %+v", r)
	}
	if _, ok := a.Results["6.1.2"]; ok {
		t.Error("refused judgement was stored")
	}
}

func auditCount(t *testing.T, s *Store) int {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM audit").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestVerifyDetectsTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper string
		want   string
	}{
		{"record edited", `UPDATE records SET body = replace(body, '"maturity":3', '"maturity":5') WHERE kind = 'result' AND key = '4.1'`, "judgement of 4.1 of assessment"},
		{"record deleted", `DELETE FROM records WHERE kind = 'risk'`, "risk 1 of assessment"},
		{"audit row edited", `UPDATE audit SET actor = 'mallory' WHERE seq = 3`, "audit row 3"},
		{"audit row deleted", `DELETE FROM audit WHERE seq = 2`, "audit rows 2 to 2 are missing"},
		{"audit rows reordered", `UPDATE audit SET seq = seq + 1000 WHERE seq = 1; UPDATE audit SET seq = 1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 1001`, "audit row 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			if _, err := s.Create(sample()); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Verify()
			if err != nil || !rep.OK {
				t.Fatalf("clean database fails verify: %+v %v", rep, err)
			}
			if _, err := s.db.Exec(tc.tamper); err != nil {
				t.Fatal(err)
			}
			rep, err = s.Verify()
			if err != nil {
				t.Fatal(err)
			}
			found := strings.Join(append(rep.Tampered, rep.BrokenLink), "\n")
			if rep.OK || !strings.Contains(found, tc.want) {
				t.Errorf("verify did not name %q; found:\n%s", tc.want, found)
			}
		})
	}
}

func TestVerifyRehashesEvidence(t *testing.T) {
	cat := catalogue(t)
	s := openTemp(t)
	id, _ := s.Create(sample())
	dir := t.TempDir()
	changed, gone := filepath.Join(dir, "policy.pdf"), filepath.Join(dir, "minutes.pdf")
	for _, p := range []string{changed, gone} {
		os.WriteFile(p, []byte("original "+p), 0o600)
	}
	item, _ := cat.Item("5.2")
	var ev []assessment.Evidence
	for _, p := range []string{changed, gone} {
		size, sum, err := HashFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ev = append(ev, assessment.Evidence{Title: filepath.Base(p), Path: p, Size: size, SHA256: sum})
	}
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{AddEvidence: ev}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(changed, []byte("edited"), 0o600)
	os.Remove(gone)
	rep, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || len(rep.EvidenceFail) != 2 || rep.EvidenceFail[0].Problem != "changed since it was attached" || rep.EvidenceFail[1].Problem != "missing or unreadable" {
		t.Errorf("evidence problems: %+v", rep.EvidenceFail)
	}
}

func TestBackupIsAConsistentPrivateCopy(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample())
	out := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(out, false); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	if err := s.Backup(out, false); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("overwriting a backup: %v", err)
	}
	if err := s.Backup(out, true); err != nil {
		t.Errorf("replacing a backup when told to: %v", err)
	}
	b, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if a, err := b.Load(id); err != nil || a.Organisation.Name != "Zoë Ångström Łódź Ωmega" {
		t.Errorf("backup does not hold the assessment: %v", err)
	}
	if rep, err := b.Verify(); err != nil || !rep.OK {
		t.Errorf("backup fails verify: %+v %v", rep, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if bytes.Contains([]byte(e.Name()), []byte("partial")) {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestDeleteRemovesEverythingButTheTrail(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample())
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(id); err == nil {
		t.Error("deleted assessment still loads")
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after delete: %+v %v", rep, err)
	}
}

func TestDeletedIDsAreNeverReused(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample()) // holds system 1
	sys, err := s.SaveSystem(id, nil, assessment.AISystem{Name: "Second"})
	if err != nil || sys.ID != 2 {
		t.Fatalf("new system got ID %d, %v", sys.ID, err)
	}
	s.DeleteSystem(id, 2)
	again, _ := s.SaveSystem(id, nil, assessment.AISystem{Name: "Third"})
	if again.ID != 3 {
		t.Errorf("a deleted system's ID was reused: %d", again.ID)
	}
}

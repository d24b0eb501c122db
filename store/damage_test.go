package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/store/storetest"
)

func TestIndexDamageOpensReadOnlyAndCanBeBackedUp(t *testing.T) {
	dir := t.TempDir()
	path, id := goodDatabase(t, dir)
	storetest.DamageIndex(t, path)
	sum := checksum(t, path)

	s, err := Open(path)
	if err != nil {
		t.Fatalf("a database with a damaged index is refused instead of opened read-only: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() || !s.Damaged() {
		t.Fatalf("read-only %v, damaged %v", s.ReadOnly(), s.Damaged())
	}
	reason := s.ReadOnlyReason()
	if !strings.Contains(reason, "SQLite's integrity check finds it damaged") || !strings.Contains(reason, "restore it from a backup") || strings.Contains(reason, "\n") {
		t.Errorf("reason %q", reason)
	}
	if a, err := s.Load(id); err != nil || a.Organisation.Name != sample().Organisation.Name {
		t.Errorf("the damaged database cannot be read: %v", err)
	}
	item, _ := catalogue(t).Item("4.2")
	st := assessment.Conformant
	_, err = s.SaveJudgement(id, item, assessment.Judgement{Status: &st})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "restore it from a backup") {
		t.Errorf("a save on a damaged database: %v", err)
	}
	backup := filepath.Join(dir, "rescue.db")
	if err := s.Backup(backup, false); err != nil {
		t.Fatalf("a damaged database cannot be backed up: %v", err)
	}
	if got := storetest.IntegrityCheck(t, backup); got != "ok" {
		t.Errorf("the backup of a damaged index is not sound: %s", got)
	}
	rescued, err := Open(backup)
	if err != nil || rescued.ReadOnly() {
		t.Fatalf("the backup does not open for editing: %v", err)
	}
	defer rescued.Close()
	if _, err := rescued.Load(id); err != nil {
		t.Errorf("the backup lost the assessment: %v", err)
	}
	s.Close()
	if checksum(t, path) != sum {
		t.Error("the damaged database was written to")
	}
}

func TestRefusedFilesKeepNoCompanions(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "browser-history.sqlite")
	db, err := sql.Open("sqlite", foreign+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE visits (url TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newer, _ := goodDatabase(t, t.TempDir())
	db, _ = sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	for _, path := range []string{foreign, newer} {
		for _, suffix := range sqliteCompanions {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Fatalf("%s exists before the test", path+suffix)
			}
		}
		for _, opener := range []func(string) (*Store, error){Open, OpenReadOnly} {
			if s, err := opener(path); err == nil {
				s.Close()
				t.Fatalf("%s was opened", path)
			}
			for _, suffix := range sqliteCompanions {
				if _, err := os.Stat(path + suffix); err == nil {
					t.Errorf("refusing %s left %s beside it", filepath.Base(path), suffix)
				}
			}
		}
	}
}

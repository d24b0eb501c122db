package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// goodDatabase writes a closed database holding the sample assessment and returns its path
// and the assessment's ID.
func goodDatabase(t *testing.T, dir string) (string, string) {
	t.Helper()
	path := filepath.Join(dir, "good.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, id
}

// oneSentence fails the test unless err is one line mentioning want.
func oneSentence(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one mentioning %q", want)
	}
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("want one sentence mentioning %q, got %q", want, err)
	}
}

func TestOneFlippedByte(t *testing.T) {
	good, _ := goodDatabase(t, t.TempDir())
	data, _ := os.ReadFile(good)
	write := func(name string, data []byte) string {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, data, 0o600)
		return p
	}
	t.Run("in a page header: refused unchanged", func(t *testing.T) {
		flipped := bytes.Clone(data)
		flipped[2*4096] ^= 0xff // the b-tree page type of page 3
		path := write("header.db", flipped)
		sum := checksum(t, path)
		_, err := Open(path)
		oneSentence(t, err, "is damaged and cannot be used safely")
		if checksum(t, path) != sum {
			t.Error("the refused file was changed")
		}
	})
	t.Run("in a record's text: verify names it", func(t *testing.T) {
		at := bytes.Index(data, []byte("Claims AI"))
		if at < 0 {
			t.Fatal("sample text not found in the file")
		}
		flipped := bytes.Clone(data)
		flipped[at] ^= 0x01 // "Claims" → "Blaims": the file stays sound, the data does not
		s, err := Open(write("text.db", flipped))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		rep, err := s.Verify()
		if err != nil {
			t.Fatal(err)
		}
		found := strings.Join(append(rep.Tampered, rep.BrokenLink), "; ")
		if rep.OK || !strings.Contains(found, "outside aimsbench") && !strings.Contains(found, "was altered") {
			t.Errorf("verify missed a flipped byte: %+v", rep)
		}
	})
}

func TestOpenReadOnlyNeverWrites(t *testing.T) {
	dir := t.TempDir()
	path, id := goodDatabase(t, dir)
	sum := checksum(t, path)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() || !strings.Contains(s.ReadOnlyReason(), "opened for reading only") {
		t.Errorf("ReadOnly %v, reason %q", s.ReadOnly(), s.ReadOnlyReason())
	}
	if a, err := s.Load(id); err != nil || a.Organisation.Name != sample().Organisation.Name {
		t.Errorf("load read-only: %v", err)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify read-only: %+v %v", rep, err)
	}
	item, _ := catalogue(t).Item("4.2")
	st := assessment.Conformant
	_, err = s.SaveJudgement(id, item, assessment.Judgement{Status: &st})
	oneSentence(t, err, "the database is open read-only because it was opened for reading only, so changes cannot be saved")
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("the refusal is not ErrReadOnly: %v", err)
	}
	if _, err := s.Create(sample()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("create on a read-only database: %v", err)
	}
	if err := s.Claim(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("claim on a read-only database: %v", err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(backup, false); err != nil {
		t.Errorf("a read-only database cannot be backed up: %v", err)
	}
	s.Close()
	if checksum(t, path) != sum {
		t.Error("a read-only session changed the file")
	}
	if _, err := os.Stat(holderPath(path)); err == nil {
		t.Error("a read-only session left a holder file")
	}

	missing := filepath.Join(dir, "missing.db")
	_, err = OpenReadOnly(missing)
	oneSentence(t, err, "does not exist")
	if _, err := os.Stat(missing); err == nil {
		t.Error("OpenReadOnly created a file")
	}
}

func TestEmptyFileBecomesANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o644) // made with `touch`: readable by everyone
	os.Chmod(path, 0o644)
	if _, err := OpenReadOnly(path); err == nil || !strings.Contains(err.Error(), "is empty") {
		t.Errorf("an empty file opened read-only: %v", err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Created() || s.ReadOnly() {
		t.Errorf("created %v, read-only %v", s.Created(), s.ReadOnly())
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("an empty file used as a new database has mode %v, want 0600", info.Mode().Perm())
	}
}

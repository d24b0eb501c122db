package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// schemaVersion is the PRAGMA user_version this aimsbench writes: one per migration step.
func schemaVersion() int { return len(migrations) }

// migrations[i] takes a database from user_version i to i+1. Forward only: never edit a
// released step, add a new one. Version 1 is the first released schema; testdata/v1.sqlite
// is a database written by it, which the migration tests open.
var migrations = []string{
	// 0 → 1: the first schema. Assessment content is kept as one JSON document per record
	// (header, system, result, risk, test, nc, request, kpi, role), which lets the audit trail
	// diff any record field by field with one mechanism.
	`CREATE TABLE assessments (
		id      TEXT PRIMARY KEY,
		created TEXT NOT NULL,
		updated TEXT NOT NULL
	);
	CREATE TABLE records (
		assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
		kind          TEXT NOT NULL,
		key           TEXT NOT NULL,
		body          TEXT NOT NULL,
		PRIMARY KEY (assessment_id, kind, key)
	) WITHOUT ROWID;
	CREATE TABLE audit (
		seq           INTEGER PRIMARY KEY,
		at            TEXT NOT NULL,
		actor         TEXT NOT NULL,
		assessment_id TEXT NOT NULL,
		kind          TEXT NOT NULL,
		key           TEXT NOT NULL,
		field         TEXT NOT NULL,
		old           TEXT NOT NULL,
		new           TEXT NOT NULL,
		record_hash   TEXT NOT NULL,
		prev          TEXT NOT NULL,
		hash          TEXT NOT NULL
	);
	CREATE INDEX audit_record ON audit (assessment_id, kind, key, seq);`,
}

// migrate brings the schema up to date in one transaction, keeping a copy of the file
// (PATH.before-vN-TIME, mode 0600) before changing an existing database. The write lock is
// taken before the version is read, so two aimsbench processes opening an old or new file at
// the same moment upgrade it once.
func (s *Store) migrate() error {
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return damaged(s.path, err)
	}
	if version == schemaVersion() {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return s.upgradeFailed(version, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return s.upgradeFailed(version, err)
	}
	if version == schemaVersion() {
		return nil // another process upgraded it while we waited for the lock
	}
	if version > 0 {
		if _, err := s.keepCopy(version); err != nil {
			return err
		}
	}
	for v := version; v < schemaVersion(); v++ {
		if _, err := tx.Exec(migrations[v]); err != nil {
			return s.upgradeFailed(v, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", schemaVersion(), applicationID)); err != nil {
		return s.upgradeFailed(version, err)
	}
	if err := tx.Commit(); err != nil {
		return s.upgradeFailed(version, err)
	}
	return nil
}

// keepCopy writes the copy taken before a migration from version and returns
// its path.
func (s *Store) keepCopy(version int) (string, error) {
	stamp := s.now().UTC().Format("20060102T150405.000000000Z")
	out := fmt.Sprintf("%s.before-v%d-%s", s.path, schemaVersion(), stamp)
	if err := s.backupTo(out); err != nil {
		if isNoSpace(err) {
			return "", noSpace(s.path)
		}
		return "", fmt.Errorf("cannot keep a copy of %s before upgrading it from schema %d, so it was not upgraded: %w", s.path, version, err)
	}
	return out, nil
}

// upgradeFailed explains a failed migration; the transaction has changed nothing.
func (s *Store) upgradeFailed(from int, err error) error {
	if isNoSpace(err) {
		return noSpace(s.path)
	}
	if from == 0 {
		return fmt.Errorf("cannot set up the new database %s: %w", s.path, err)
	}
	return fmt.Errorf("cannot upgrade %s from schema %d (it is unchanged): %w", s.path, from, err)
}

// Backup writes a consistent copy of the database to out (mode 0600), through a temporary
// name and a rename, so a failed backup never leaves a half-written file under out. It works
// on a database open read-only, a damaged one included. out must pass CheckOutput: never the
// database or its companions, and an existing file only when replace is true.
func (s *Store) Backup(out string, replace bool) error {
	if err := s.CheckOutput(out, replace); err != nil {
		return err
	}
	return s.backupTo(out)
}

// backupTo writes the copy without checking out, for the copy taken before an upgrade.
func (s *Store) backupTo(out string) error {
	// VACUUM INTO accepts an existing empty file, so the copy is private (0600) from its
	// first byte; the temporary name is new, so nothing that exists is ever overwritten.
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
	}
	tmp := f.Name()
	f.Close()
	if _, err := s.db.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		if isNoSpace(err) {
			return fmt.Errorf("cannot write the backup %s: the disk is full; free some space or choose another place", out)
		}
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
	}
	if s.Damaged() {
		if err := rebuildIndexes(tmp); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("cannot write the backup %s: %w", out, err)
		}
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

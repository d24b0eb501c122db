package store

import (
	"fmt"
	"os"
	"time"
)

// schemaVersion is the PRAGMA user_version this aimsbench writes.
const schemaVersion = 1

// migrations[i] takes a database from user_version i to i+1. Forward only: never edit a
// released step, add a new one.
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

// migrate brings the schema up to date, keeping a copy of the file before changing an
// existing database.
func (s *Store) migrate() error {
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return damaged(s.path, err)
	}
	if version == schemaVersion {
		return nil
	}
	if version > 0 {
		backup := fmt.Sprintf("%s.before-v%d-%s", s.path, schemaVersion, time.Now().UTC().Format("20060102T150405Z"))
		if err := s.Backup(backup); err != nil {
			return fmt.Errorf("cannot keep a copy of %s before upgrading it: %w", s.path, err)
		}
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("cannot upgrade %s: %w", s.path, err)
	}
	defer tx.Rollback()
	for v := version; v < schemaVersion; v++ {
		if _, err := tx.Exec(migrations[v]); err != nil {
			return fmt.Errorf("cannot upgrade %s from schema %d: %w", s.path, v, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", schemaVersion, applicationID)); err != nil {
		return fmt.Errorf("cannot upgrade %s: %w", s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cannot upgrade %s: %w", s.path, err)
	}
	return nil
}

// Backup writes a consistent copy of the database to out (mode 0600), through a temporary
// name and a rename, so a failed backup never leaves a half-written file under out.
func (s *Store) Backup(out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name for the backup", out)
	}
	tmp := out + ".partial"
	os.Remove(tmp)
	// VACUUM INTO accepts an existing empty file, so the copy is private from its first byte.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
	}
	f.Close()
	if _, err := s.db.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write the backup %s: %w", out, err)
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

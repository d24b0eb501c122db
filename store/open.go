// Package store keeps assessments in one SQLite file: every edit in its own durable
// transaction, a hash-chained audit trail of every change, forward-only migrations, and
// refusal to touch a file that is not ours, is damaged, or comes from a newer aimsbench.
package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// applicationID marks a SQLite file as an aimsbench database ("AIMS" in ASCII).
const applicationID = 0x41494d53

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Store is an open aimsbench database.
type Store struct {
	db       *sql.DB
	path     string
	created  bool
	readOnly *ReadOnlyError // why the database is open read-only; nil when it is writable
	claimed  *Holder        // this session's entry in the holder file, once Claim succeeded
	actor    string
	now      func() time.Time
	stmts    statements // the edit statements, prepared at the first edit
	outputCase
}

// Open opens the database at path, creating it (mode 0600) when it does not exist. A file
// that is not an aimsbench database, is damaged, or was written by a newer aimsbench is
// refused and left byte-for-byte as it was. A database aimsbench may not write (a read-only
// file, folder or file system) is opened read-only: ReadOnly says so and every edit fails
// with a *ReadOnlyError.
func Open(path string) (*Store, error) { return open(path, nil) }

// OpenReadOnly opens an existing database for reading only, for example when another
// session is editing it. It never creates, upgrades or writes the file.
func OpenReadOnly(path string) (*Store, error) {
	return open(path, &ReadOnlyError{Path: path, Reason: "it was opened for reading only", Fix: "close it and open it for editing once no other session is editing it"})
}

func open(path string, readOnly *ReadOnlyError) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("the database path %q contains ? or #, which SQLite cannot open; choose another file name", path)
	}
	created, empty, err := prepareFile(path, readOnly != nil)
	if err != nil {
		return nil, err
	}
	if !empty {
		if readOnly == nil {
			readOnly = readOnlyReason(path)
		}
		damage, err := inspect(path)
		if err != nil {
			return nil, err
		}
		if damage != nil {
			readOnly = damage // the damage must not grow: nothing is written
		}
	}
	s := &Store{path: path, created: created, readOnly: readOnly, actor: currentActor(), now: time.Now}
	if readOnly == nil {
		err = s.openWritable()
	} else {
		err = s.openReadOnly()
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openWritable opens the read-write pool and brings the schema up to date. When SQLite finds
// it cannot write after all (a folder it may not create its journal in), it falls back to
// read-only.
func (s *Store) openWritable() error {
	db, err := sql.Open("sqlite", fmt.Sprintf("%s?_txlock=immediate&_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)", s.path, busyTimeout()))
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", s.path, err)
	}
	var version int
	err = db.QueryRow("PRAGMA user_version").Scan(&version)
	switch {
	case err != nil && !s.created && cannotShare(err):
		db.Close()
		s.readOnly = &ReadOnlyError{Path: s.path, Reason: fmt.Sprintf("aimsbench may not write in its folder %s, where SQLite keeps its journal", filepath.Dir(s.path)),
			Fix: "make the folder writable or copy the database to a folder you can write to"}
		return s.openReadOnly()
	case err != nil:
		db.Close()
		return damaged(s.path, err)
	}
	s.db = db
	if err := s.migrate(); err != nil {
		db.Close()
		return err
	}
	return nil
}

// openReadOnly opens a pool that never writes: SQLite's read-only mode, and transactions
// refused with the reason before they start. Where SQLite cannot even keep its shared-memory
// index beside the file (a read-only folder or file system), the file is read as immutable.
func (s *Store) openReadOnly() error {
	var err error
	for _, immutable := range []bool{false, true} {
		if s.db, err = openReadOnlyDB(s.path, immutable, s.readOnly); err != nil {
			return fmt.Errorf("cannot open %s: %w", s.path, err)
		}
		var version int
		if err = s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
			s.db.Close()
			if cannotShare(err) && readOnlyFolder(s.path) {
				continue
			}
			break
		}
		switch {
		case version == 0:
			err = fmt.Errorf("%s holds no aimsbench data yet, and %s; check the path", s.path, s.readOnly.Reason)
		case version < schemaVersion():
			err = fmt.Errorf("%s was written by an older aimsbench and must be upgraded before use, but %s; to upgrade it, %s, then open it again (a copy is kept before the upgrade)", s.path, s.readOnly.Reason, s.readOnly.Fix)
		default:
			return nil
		}
		s.db.Close()
		return err
	}
	return damaged(s.path, err)
}

// openReadOnlyDB opens path with SQLite's read-only mode. immutable additionally tells
// SQLite that nobody changes the file, which it needs where it cannot create its
// shared-memory index; refuse, when non-nil, is returned by any attempt to start a
// transaction.
func openReadOnlyDB(path string, immutable bool, refuse error) (*sql.DB, error) {
	dsn := fmt.Sprintf("%s?mode=ro&_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", fileURI(path), busyTimeout())
	if immutable {
		dsn += "&immutable=1"
	}
	c, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	if refuse == nil {
		return sql.OpenDB(c), nil
	}
	return sql.OpenDB(readOnlyConnector{Connector: c, refuse: refuse}), nil
}

// fileURI turns a file path into the "file:" URI form SQLite needs for open flags such as
// mode=ro. Open has already refused paths containing ? or #.
func fileURI(path string) string {
	p := strings.ReplaceAll(path, "%", "%25")
	if runtime.GOOS == "windows" {
		p = filepath.ToSlash(p)
		if filepath.VolumeName(path) != "" {
			p = "///" + strings.TrimLeft(p, "/")
		}
	}
	return "file:" + p
}

func currentActor() string {
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if u := os.Getenv(v); u != "" {
			return u
		}
	}
	return "assessor"
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Created reports whether Open created a new database.
func (s *Store) Created() bool { return s.created }

// ReadOnly reports whether the database is open for reading only; ReadOnlyReason says why.
func (s *Store) ReadOnly() bool { return s.readOnly != nil }

// Damaged reports whether the database failed SQLite's integrity check at opening; it is
// then open read-only, and ReadOnlyReason says to restore it from a backup.
func (s *Store) Damaged() bool { return s.readOnly != nil && s.readOnly.Damaged }

// ReadOnlyReason is why the database is open read-only and what to do about it, as one
// sentence for a banner ("" when it is writable).
func (s *Store) ReadOnlyReason() string {
	if s.readOnly == nil {
		return ""
	}
	return s.readOnly.Error()
}

// Close releases this session's claim (see Claim) and closes the database.
func (s *Store) Close() error {
	s.release()
	return s.db.Close()
}

// SetClock replaces the clock used for timestamps; tests and deterministic demos use it.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

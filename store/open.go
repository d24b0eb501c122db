// Package store keeps assessments in one SQLite file: every edit in its own durable
// transaction, a hash-chained audit trail of every change, forward-only migrations, and
// refusal to touch a file that is not ours, is damaged, or comes from a newer aimsbench.
package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// applicationID marks a SQLite file as an aimsbench database ("AIMS" in ASCII).
const applicationID = 0x41494d53

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Store is an open aimsbench database.
type Store struct {
	db      *sql.DB
	path    string
	created bool
	actor   string
	now     func() time.Time
}

// DefaultPath is where the database lives when neither --db nor $AIMSBENCH_DB says otherwise:
// the user data directory of the platform (XDG on Linux, Application Support on macOS,
// %LOCALAPPDATA% on Windows).
func DefaultPath() string {
	if p := os.Getenv("AIMSBENCH_DB"); p != "" {
		return p
	}
	return filepath.Join(xdg.DataHome, "aimsbench", "aimsbench.db")
}

// OpenDefault opens the default database, creating its folder (mode 0700) when needed.
func OpenDefault() (*Store, error) {
	path := DefaultPath()
	if os.Getenv("AIMSBENCH_DB") == "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the data folder %s: %w; use --db to choose another place", filepath.Dir(path), err)
		}
	}
	return Open(path)
}

// Open opens the database at path, creating it (mode 0600) when it does not exist. A file
// that is not an aimsbench database, is damaged, or was written by a newer aimsbench is
// refused and left byte-for-byte as it was.
func Open(path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("the database path %q contains ? or #, which SQLite cannot open; choose another file name", path)
	}
	created, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	if !created {
		if err := inspect(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", path+"?_txlock=immediate&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)")
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, created: created, actor: currentActor(), now: time.Now}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepareFile checks the path and creates an empty 0600 file when there is none, so SQLite
// never creates it with a looser mode. It reports whether the file is new.
func prepareFile(path string) (bool, error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return false, fmt.Errorf("%s is a folder, not a database file; give a file path such as %s", path, filepath.Join(path, "aimsbench.db"))
	case err == nil:
		return info.Size() == 0, nil
	case !errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("cannot read %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); err != nil {
		return false, fmt.Errorf("the folder %s does not exist; create it first or choose another --db path", dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, fmt.Errorf("cannot create the database %s: %w", path, err)
	}
	return true, f.Close()
}

// inspect refuses, without writing anything, a file aimsbench must not use.
func inspect(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	head := make([]byte, 100)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head[:16], sqliteMagic) {
		return fmt.Errorf("%s is not an aimsbench database (it is not a SQLite file); check the path, or choose a new file name to start a new database", path)
	}
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer db.Close()
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return damaged(path, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return damaged(path, err)
	}
	if appID != applicationID {
		var tables int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return damaged(path, err)
		}
		if tables > 0 || appID != 0 {
			return fmt.Errorf("%s is a SQLite database of another program, not of aimsbench; choose another file", path)
		}
	}
	if version > schemaVersion {
		return fmt.Errorf("%s was written by a newer aimsbench (schema %d; this version knows up to %d); update aimsbench to open it", path, version, schemaVersion)
	}
	var check string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil {
		return damaged(path, err)
	}
	if check != "ok" {
		return damaged(path, errors.New(check))
	}
	return nil
}

func damaged(path string, err error) error {
	detail := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "*** in database main ***", "")), " ")
	if len(detail) > 160 {
		detail = detail[:160] + "…"
	}
	return fmt.Errorf("%s is damaged and cannot be used safely (%s); restore it from a backup", path, detail)
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

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// SetClock replaces the clock used for timestamps; tests and deterministic demos use it.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

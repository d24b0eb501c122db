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
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/adrg/xdg"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
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
	isNew, madeNow, err := prepareFile(path, readOnly != nil)
	if err != nil {
		return nil, err
	}
	if !isNew {
		if readOnly == nil {
			readOnly = readOnlyReason(path)
		}
		if err := inspect(path); err != nil {
			return nil, err
		}
	}
	s := &Store{path: path, created: isNew, readOnly: readOnly, actor: currentActor(), now: time.Now}
	if readOnly == nil {
		err = s.openWritable()
	} else {
		err = s.openReadOnly()
	}
	if err != nil {
		if madeNow {
			removeDatabase(path)
		}
		return nil, err
	}
	return s, nil
}

// openWritable opens the read-write pool and brings the schema up to date. When SQLite finds
// it cannot write after all (a folder it may not create its journal in), it falls back to
// read-only.
func (s *Store) openWritable() error {
	db, err := sql.Open("sqlite", s.path+"?_txlock=immediate&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)")
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
			if cannotShare(err) {
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

// cannotShare recognises SQLite failing to open or set up its journal and shared-memory
// files beside the database: a folder or file system it may not write.
func cannotShare(err error) bool {
	code := sqliteCode(err)
	return code&0xff == sqlite3.SQLITE_CANTOPEN || code&0xff == sqlite3.SQLITE_READONLY
}

// prepareFile checks the path and creates an empty 0600 file when there is none, so SQLite
// never creates it with a looser mode. It reports whether the database is new (no file, or an
// empty one) and whether this call made the file.
func prepareFile(path string, mustExist bool) (isNew, madeNow bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return false, false, fmt.Errorf("%s is a folder, not a database file; give a file path such as %s", path, filepath.Join(path, "aimsbench.db"))
	case err == nil && info.Size() == 0 && mustExist:
		return false, false, fmt.Errorf("%s is empty, so there is nothing to read; check the path", path)
	case err == nil:
		return info.Size() == 0, false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, false, fmt.Errorf("cannot read %s: %w", path, err)
	case mustExist:
		return false, false, fmt.Errorf("%s does not exist; check the path", path)
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); err != nil {
		return false, false, fmt.Errorf("the folder %s does not exist; create it first or choose another --db path", dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		return prepareFile(path, mustExist) // another aimsbench created it a moment ago
	case isNoSpace(err):
		return false, false, noSpace(path)
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		return false, false, fmt.Errorf("cannot create the database %s because aimsbench may not write in the folder %s; choose another --db path", path, dir)
	case err != nil:
		return false, false, fmt.Errorf("cannot create the database %s: %w", path, err)
	}
	return true, true, f.Close()
}

// readOnlyReason says why an existing file cannot be opened for writing, or nil when it can.
func readOnlyReason(path string) *ReadOnlyError {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
		return nil
	case errors.Is(err, syscall.EROFS):
		return &ReadOnlyError{Path: path, Reason: "it is on a read-only disk or file system", Fix: "copy it to a writable disk and open the copy"}
	case errors.Is(err, fs.ErrPermission):
		return &ReadOnlyError{Path: path, Reason: "the file is read-only for you", Fix: "make the file writable or work on a copy"}
	}
	return nil // any other problem surfaces, with its own explanation, when SQLite opens it
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
	var failure error
	for _, immutable := range []bool{false, true} {
		db, err := openReadOnlyDB(path, immutable, nil)
		if err != nil {
			return fmt.Errorf("cannot open %s: %w", path, err)
		}
		failure = inspectOpen(db, path)
		db.Close()
		if !cannotShare(failure) {
			break // immutable is only for a file SQLite cannot share-lock: a read-only folder
		}
	}
	return failure
}

// inspectOpen checks an open read-only handle: ours, not newer than we know, and sound.
func inspectOpen(db *sql.DB, path string) error {
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
	if version > schemaVersion() {
		return fmt.Errorf("%s was written by a newer aimsbench (schema %d; this version knows up to %d); update aimsbench to open it", path, version, schemaVersion())
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

// openReadOnlyDB opens path with SQLite's read-only mode. immutable additionally tells
// SQLite that nobody changes the file, which it needs where it cannot create its
// shared-memory index; refuse, when non-nil, is returned by any attempt to start a
// transaction.
func openReadOnlyDB(path string, immutable bool, refuse error) (*sql.DB, error) {
	dsn := fileURI(path) + "?mode=ro&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
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

// removeDatabase deletes a database this call created and could not finish, with SQLite's
// companion files, so a failed first run leaves nothing behind.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func damaged(path string, err error) error {
	if isNoSpace(err) {
		return noSpace(path)
	}
	detail := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "*** in database main ***", "")), " ")
	if len(detail) > 160 {
		detail = detail[:160] + "…"
	}
	switch code := sqliteCode(err); {
	case cannotShare(err):
		return &openError{fmt.Sprintf("cannot open %s (%s); check that you may read it and write in its folder", path, detail), err}
	case code&0xff == sqlite3.SQLITE_IOERR:
		return &openError{fmt.Sprintf("a disk error stopped aimsbench from using %s (%s); check that the disk has free space and works, then try again", path, detail), err}
	}
	return &openError{fmt.Sprintf("%s is damaged and cannot be used safely (%s); restore it from a backup", path, detail), err}
}

// openError is a sentence for the user that keeps SQLite's error underneath for callers.
type openError struct {
	msg   string
	cause error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.cause }

// noSpace is the one sentence for a full disk.
func noSpace(path string) error {
	return fmt.Errorf("the disk holding %s is full, so nothing was saved; free some space and try again", path)
}

// isNoSpace recognises a full disk: ENOSPC, SQLITE_FULL, or SQLite failing to grow its
// shared-memory index, which on a full disk is what opening a database runs into first.
func isNoSpace(err error) bool {
	code := sqliteCode(err)
	return errors.Is(err, syscall.ENOSPC) || code&0xff == sqlite3.SQLITE_FULL || code == sqlite3.SQLITE_IOERR_SHMSIZE
}

// sqliteCode is the (extended) SQLite result code carried by err, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
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

package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
)

// inspect checks a file, without writing to it, before aimsbench uses it. It refuses a file
// aimsbench must not use — not SQLite, another program's database, a newer schema, damaged
// in its structure — and removes the -wal and -shm files that reading it made. A file whose
// structure is sound but which fails SQLite's full integrity check (an index that no longer
// matches its table) is returned as damage: aimsbench opens it read-only, so the damage cannot
// grow and a backup can still be taken.
func inspect(path string) (*ReadOnlyError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	head := make([]byte, 100)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head[:16], sqliteMagic) {
		return nil, fmt.Errorf("%s is not an aimsbench database (it is not a SQLite file); check the path, or choose a new file name to start a new database", path)
	}
	absent := absentCompanions(path)
	var damage *ReadOnlyError
	for _, immutable := range []bool{false, true} {
		db, err := openReadOnlyDB(path, immutable, nil)
		if err != nil {
			return nil, fmt.Errorf("cannot open %s: %w", path, err)
		}
		damage, err = inspectOpen(db, path)
		db.Close()
		if err == nil || !cannotShare(err) || !readOnlyFolder(path) {
			if err != nil {
				removeUnshared(path, absent)
			}
			return damage, err
		}
		// A folder SQLite may not create its shared-memory index in: read the file as immutable.
	}
	return nil, fmt.Errorf("cannot open %s; check that you may read it", path)
}

// inspectOpen checks an open read-only handle: ours, not newer than we know, and sound.
func inspectOpen(db *sql.DB, path string) (*ReadOnlyError, error) {
	var appID, version int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return nil, damaged(path, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return nil, damaged(path, err)
	}
	if appID != applicationID {
		var tables int
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return nil, damaged(path, err)
		}
		if tables > 0 || appID != 0 {
			return nil, fmt.Errorf("%s is a SQLite database of another program, not of aimsbench; choose another file", path)
		}
	}
	if version > schemaVersion() {
		return nil, fmt.Errorf("%s was written by a newer aimsbench (schema %d; this version knows up to %d); update aimsbench to open it", path, version, schemaVersion())
	}
	return checkIntegrity(db, path)
}

// checkIntegrity runs SQLite's full integrity check. A file whose pages themselves are
// broken (quick_check fails too) is refused; one whose content is inconsistent — an index
// that no longer matches its table, which quick_check does not look for — is returned as
// damage, to be opened read-only.
func checkIntegrity(db *sql.DB, path string) (*ReadOnlyError, error) {
	var check, quick string
	if err := db.QueryRow("PRAGMA integrity_check(1)").Scan(&check); err != nil {
		return nil, damaged(path, err)
	}
	if check == "ok" {
		return nil, nil
	}
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&quick); err != nil {
		return nil, damaged(path, err)
	}
	if quick != "ok" {
		return nil, damaged(path, errors.New(quick))
	}
	return &ReadOnlyError{Path: path, Damaged: true,
		Reason: fmt.Sprintf("SQLite's integrity check finds it damaged (%s)", sqliteDetail(errors.New(check))),
		Fix:    "restore it from a backup ('aimsbench backup --out FILE' still copies what it holds)"}, nil
}

// rebuildIndexes rebuilds every index of a backup copy from its tables, so the copy of a
// database whose indexes no longer match its tables is sound again. Only the copy is written;
// if its tables are damaged too, the copy is refused.
func rebuildIndexes(copyPath string) error {
	db, err := sql.Open("sqlite", copyPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec("REINDEX"); err != nil {
		return fmt.Errorf("cannot rebuild the copy's indexes: %w", err)
	}
	var check string
	if err := db.QueryRow("PRAGMA integrity_check(1)").Scan(&check); err != nil || check != "ok" {
		return fmt.Errorf("the copy is still damaged after its indexes were rebuilt (%v%s); the database's tables are damaged too, so restore an earlier backup", err, check)
	}
	return nil
}

// sqliteCompanions are the files SQLite may create beside a database while reading it.
var sqliteCompanions = []string{"-wal", "-shm"}

// absentCompanions lists the companion files that do not exist beside path.
func absentCompanions(path string) []string {
	var absent []string
	for _, suffix := range sqliteCompanions {
		if _, err := os.Lstat(path + suffix); errors.Is(err, os.ErrNotExist) {
			absent = append(absent, suffix)
		}
	}
	return absent
}

// removeUnshared removes the companion files of a refused file that were absent before it was
// read, unless another process has the file open (its SQLite would still be using them).
func removeUnshared(path string, absent []string) {
	if len(absent) == 0 {
		return
	}
	release, alone := aloneWith(path)
	if !alone {
		return
	}
	defer release()
	for _, suffix := range absent {
		if info, err := os.Lstat(path + suffix); err == nil && (suffix != "-wal" || info.Size() == 0) {
			os.Remove(path + suffix)
		}
	}
}

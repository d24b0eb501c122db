package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// prepareFile checks the path before SQLite sees it. A missing file becomes a new, complete
// database (createDatabase); an empty file — one the user made to hold the database — is
// made private (0600) and set up in place. It reports whether the database is new, and
// whether it is still empty.
func prepareFile(path string, mustExist bool) (created, empty bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return false, false, fmt.Errorf("%s is a folder, not a database file; give a file path such as %s", path, filepath.Join(path, "aimsbench.db"))
	case err == nil && !info.Mode().IsRegular():
		return false, false, fmt.Errorf("%s is not a regular file (it is a device, pipe or socket); give the path of a database file", path)
	case err == nil && info.Size() == 0 && mustExist:
		return false, false, fmt.Errorf("%s is empty, so there is nothing to read; check the path", path)
	case err == nil && info.Size() == 0:
		if err := os.Chmod(path, 0o600); err != nil {
			return false, false, fmt.Errorf("cannot make %s private (mode 0600) before using it as a database: %w", path, err)
		}
		return true, true, nil
	case err == nil:
		return false, false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, false, fmt.Errorf("cannot read %s: %w", path, err)
	case mustExist:
		return false, false, fmt.Errorf("%s does not exist; check the path", path)
	}
	created, err = createDatabase(path)
	return created, false, err
}

// createDatabase makes a new database at path as one step: the schema is set up in a private
// temporary file beside it, which is then linked to path only if path is still free. A reader
// therefore never sees a half-made database, two processes creating one at the same moment
// both end up using the same file, and a failure (a full disk) leaves nothing behind. It
// reports false when another process created the database first.
func createDatabase(path string) (bool, error) {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); err != nil {
		return false, fmt.Errorf("the folder %s does not exist; create it first or choose another --db path", dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.new") // mode 0600
	switch {
	case isNoSpace(err):
		return false, noSpace(path)
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		return false, fmt.Errorf("cannot create the database %s because aimsbench may not write in the folder %s; choose another --db path", path, dir)
	case err != nil:
		return false, fmt.Errorf("cannot create the database %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer removeFiles(tmp, "", "-wal", "-shm", "-journal")
	setup := &Store{path: tmp, created: true, actor: currentActor(), now: time.Now}
	if err := setup.openWritable(); err != nil {
		if isNoSpace(err) {
			return false, noSpace(path)
		}
		return false, fmt.Errorf("cannot set up the new database %s (%v); check the folder and the disk, then try again", path, err)
	}
	if err := setup.db.Close(); err != nil { // folds the journal into the file and removes it
		return false, fmt.Errorf("cannot set up the new database %s: %w", path, err)
	}
	err = os.Link(tmp, path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return false, nil // another aimsbench created it a moment ago
	case err != nil: // a file system without hard links
		if _, statErr := os.Lstat(path); statErr == nil {
			return false, nil
		}
		if err := os.Rename(tmp, path); err != nil {
			return false, fmt.Errorf("cannot create the database %s: %w", path, err)
		}
	}
	syncFolder(dir)
	return true, nil
}

// syncFolder makes a new name in dir durable, where the platform allows it.
func syncFolder(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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

// removeFiles deletes path+suffix for each suffix.
func removeFiles(path string, suffixes ...string) {
	for _, suffix := range suffixes {
		os.Remove(path + suffix)
	}
}

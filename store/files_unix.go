//go:build unix

package store

import (
	"os"
	"path/filepath"
	"syscall"
)

// readOnlyFolder reports whether this process may not create files in the database's folder
// (a read-only folder or file system). Only there may SQLite read the file as immutable,
// without the shared-memory index that keeps a reader consistent with a writer.
func readOnlyFolder(path string) bool {
	const mayWrite = 2 // W_OK
	return syscall.Access(filepath.Dir(path), mayWrite) != nil
}

// The byte range of a database file on which every SQLite connection holds a shared lock
// for as long as it has a WAL-mode database open (SHARED_FIRST and SHARED_SIZE of SQLite's
// unix VFS).
const (
	sqliteSharedFirst = 0x40000000 + 2
	sqliteSharedSize  = 510
)

// aloneWith reports whether no other process has the database open, by taking exclusively
// the lock SQLite's connections hold shared; release gives it back. Connections of this
// process are not seen.
func aloneWith(path string) (release func(), alone bool) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, false
	}
	lock := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: sqliteSharedFirst, Len: sqliteSharedSize}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lock); err != nil {
		f.Close()
		return nil, false
	}
	return func() {
		lock.Type = syscall.F_UNLCK
		syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lock)
		f.Close()
	}, true
}

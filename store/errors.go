package store

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeoutMS is how long, in milliseconds, SQLite waits for another connection's lock
// before it gives up with SQLITE_BUSY: long enough for any edit another session is making.
// Tests shorten it to see the refusal without waiting.
var busyTimeoutMS atomic.Int64

func init() { busyTimeoutMS.Store(5000) }

func busyTimeout() int64 { return busyTimeoutMS.Load() }

// busyWait is the busy timeout for a person to read: 5s.
func busyWait() time.Duration { return time.Duration(busyTimeout()) * time.Millisecond }

// damaged explains, in one sentence, an error SQLite gave while opening or checking the file:
// a full disk, a lock held too long by someone else, files SQLite may not create beside it, a
// disk error, or damage.
func damaged(path string, err error) error {
	if isNoSpace(err) {
		return noSpace(path)
	}
	if isBusy(err) {
		return &openError{busy(path), err}
	}
	detail := sqliteDetail(err)
	switch code := sqliteCode(err); {
	case cannotShare(err):
		return &openError{fmt.Sprintf("cannot open %s (%s); check that you may read it and write in its folder", path, detail), err}
	case code&0xff == sqlite3.SQLITE_IOERR:
		return &openError{fmt.Sprintf("a disk error stopped aimsbench from using %s (%s); check that the disk has free space and works, then try again", path, detail), err}
	}
	return &openError{fmt.Sprintf("%s is damaged and cannot be used safely (%s); restore it from a backup", path, detail), err}
}

// sqliteDetail is SQLite's own words for err, on one line and cut to a readable length.
func sqliteDetail(err error) string {
	detail := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "*** in database main ***", "")), " ")
	if r := []rune(detail); len(r) > 160 {
		detail = string(r[:160]) + "…"
	}
	return detail
}

// openError is a sentence for the user that keeps SQLite's error underneath for callers.
type openError struct {
	msg   string
	cause error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.cause }

// busy is the one sentence for a database another connection kept locked past the timeout:
// nothing is wrong with the file, and trying again is the remedy.
func busy(path string) string {
	return fmt.Sprintf("%s is busy: another aimsbench session or program has kept it locked for more than %s, so nothing was done; try again in a moment", path, busyWait())
}

// isBusy recognises SQLite giving up on a lock (SQLITE_BUSY, SQLITE_LOCKED and their
// extended codes). It is never damage and never a full disk.
func isBusy(err error) bool {
	code := sqliteCode(err) & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

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

// cannotShare recognises SQLite failing to open or set up its journal and shared-memory
// files beside the database: a folder or file system it may not write.
func cannotShare(err error) bool {
	code := sqliteCode(err)
	return code&0xff == sqlite3.SQLITE_CANTOPEN || code&0xff == sqlite3.SQLITE_READONLY
}

// sqliteCode is the (extended) SQLite result code carried by err, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

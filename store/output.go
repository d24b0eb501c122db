package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
)

// ProtectedOutputError refuses to write an export, backup or bundle over the database or
// one of its companion files: that would destroy every assessment and the audit trail.
type ProtectedOutputError struct {
	Path string // as the user gave it
	What string // "the database", "the database's write-ahead log", …
	Harm string // what writing there would do
}

func (e *ProtectedOutputError) Error() string {
	return fmt.Sprintf("%s is %s, and writing there would %s; choose another file name", e.Path, e.What, e.Harm)
}

// destroysData is the harm of writing over the database or the files SQLite keeps with it.
const destroysData = "destroy the assessments"

// OutputExistsError refuses to replace an existing file the user did not say may be
// replaced (--force on the command line, a confirmation in the workbench).
type OutputExistsError struct{ Path string }

func (e *OutputExistsError) Error() string {
	return fmt.Sprintf("%s already exists; choose another file name, or replace it with --force", e.Path)
}

// companions are the files SQLite and aimsbench keep beside a database, by suffix.
var companions = []struct{ suffix, what, harm string }{
	{"", "the database", destroysData},
	{"-wal", "the database's write-ahead log", destroysData},
	{"-shm", "the database's shared-memory index", destroysData},
	{"-journal", "the database's rollback journal", destroysData},
	{"-lock", "the record of the session editing the database", "hide who is editing it"},
}

// CheckOutput decides whether a file may be written at path as an export, backup or bundle.
// It refuses, whatever the spelling of the path (relative, through a symbolic link, with
// "..", in another letter case on a file system that ignores case), the database and its
// companions — the -wal, -shm, -journal and -lock files and the copies kept before upgrades
// (.before-v…) — with a *ProtectedOutputError; a folder or device; and, unless replace is
// true, an existing file, with an *OutputExistsError so the caller can ask or require
// --force. Every writer of files goes through it.
func (s *Store) CheckOutput(path string, replace bool) error {
	dest, db := resolvePath(path), resolvePath(s.path)
	for _, c := range companions {
		if s.samePath(dest, db+c.suffix) {
			return &ProtectedOutputError{Path: path, What: c.what, Harm: c.harm}
		}
	}
	if s.samePath(filepath.Dir(dest), filepath.Dir(db)) {
		base, ours := filepath.Base(dest), filepath.Base(db)
		switch {
		case s.hasPrefix(base, ours+".before-v"):
			return &ProtectedOutputError{Path: path, What: "a copy of the database kept before an upgrade", Harm: "destroy that copy"}
		case s.hasPrefix(base, ours+"-lock."):
			return &ProtectedOutputError{Path: path, What: "a file aimsbench uses to record the session editing the database", Harm: "hide who is editing it"}
		}
	}
	info, err := os.Stat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot check %s before writing it: %w", path, err)
	case info.IsDir():
		return fmt.Errorf("%s is a folder; give a file name inside it", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (it is a device, pipe or socket); choose another file name", path)
	case !replace:
		return &OutputExistsError{Path: path}
	}
	return nil
}

// OutputGuard is CheckOutput with replace fixed, in the form report.Options.MayWrite takes.
func (s *Store) OutputGuard(replace bool) func(path string) error {
	return func(path string) error { return s.CheckOutput(path, replace) }
}

// samePath reports whether two resolved paths name the same file: equal, equal but for case
// on a file system that ignores it, or the same file reached another way (a hard link).
func (s *Store) samePath(a, b string) bool {
	return a == b || (s.caseInsensitive() && strings.EqualFold(a, b)) || sameFile(a, b)
}

// caseInsensitive reports whether the database's file system ignores letter case, found
// once by looking the database up under its name in another case.
func (s *Store) caseInsensitive() bool {
	s.caseOnce.Do(func() {
		base := filepath.Base(s.path)
		swapped := strings.Map(func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}, base)
		s.ignoresCase = swapped != base && sameFile(s.path, filepath.Join(filepath.Dir(s.path), swapped))
	})
	return s.ignoresCase
}

// sameFile reports whether both paths exist and are the same file.
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// hasPrefix is strings.HasPrefix, ignoring case where the database's file system does.
func (s *Store) hasPrefix(name, prefix string) bool {
	if s.caseInsensitive() {
		return len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix)
	}
	return strings.HasPrefix(name, prefix)
}

// resolvePath turns a path as typed into the absolute path of the file it names: relative to
// the current folder, with symbolic links and ".." resolved as the operating system would
// (the folder's links for a file that does not exist yet).
func resolvePath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			return abs
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	abs, err := filepath.Abs(filepath.Join(dir, base))
	if err != nil {
		return filepath.Clean(path)
	}
	return abs
}

// outputCase is the Store's memory of whether its file system ignores case.
type outputCase struct {
	caseOnce    sync.Once
	ignoresCase bool
}

package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"syscall"
	"time"
)

// Holder is the aimsbench session editing a database. The workbench records itself in a
// small file beside the database (PATH-lock, mode 0600) when it opens it for editing and
// removes it when it closes, so a second session can say who else is editing. It is
// advisory: SQLite's locking already keeps edits from two sessions apart, each saved whole.
type Holder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	User    string    `json:"user"`
	Since   time.Time `json:"since"`
	Program string    `json:"program,omitempty"` // the executable's name, to tell a reused process ID
}

// String names the holder for a person: "ana (process 4242 on laptop) since 2026-11-26 14:02".
func (h Holder) String() string {
	return fmt.Sprintf("%s (process %d on %s) since %s", h.User, h.PID, h.Host, h.Since.Local().Format("2006-01-02 15:04"))
}

// InUseError is Claim's answer when another live session is editing the database. When the
// holder's process ID now belongs to another program (Unrelated names it) the session has
// ended without removing its record, which the user is told how to clear.
type InUseError struct {
	Path      string
	Holder    Holder
	Unrelated string
}

func (e *InUseError) Error() string {
	if e.Unrelated != "" {
		return fmt.Sprintf("%s is marked as being edited by %s, but process %d is now %s, not aimsbench; if no aimsbench session has this database open, delete %s and open it again",
			e.Path, e.Holder, e.Holder.PID, e.Unrelated, holderPath(e.Path))
	}
	return fmt.Sprintf("%s is being edited in another aimsbench session by %s; open it read-only, or close the other session first", e.Path, e.Holder)
}

// holderPath is the file that names the session editing the database at path.
func holderPath(path string) string { return path + "-lock" }

// Claim records this process as the session editing the database. It returns an
// *InUseError naming the other session when a live one already holds it (a holder whose
// process has ended on this machine is stale and replaced), and the *ReadOnlyError of a
// read-only Store. Close removes the record.
func (s *Store) Claim() error { return s.claim(false) }

// TakeOver claims the database even though another session holds it, for a user who chose
// to edit anyway.
func (s *Store) TakeOver() error { return s.claim(true) }

func (s *Store) claim(force bool) error {
	if s.readOnly != nil {
		return s.readOnly
	}
	if s.claimed != nil {
		return nil
	}
	me := Holder{PID: os.Getpid(), Host: hostname(), User: s.actor, Since: time.Now().UTC().Truncate(time.Second), Program: programName(os.Getpid())}
	data, err := json.Marshal(me)
	if err != nil {
		return err
	}
	lock := holderPath(s.path)
	for range 3 {
		err := createWith(lock, data)
		if err == nil {
			s.claimed = &me
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("cannot record this session beside the database (%s): %w", lock, err)
		}
		if h := readHolder(lock); h != nil && !force && !h.stale() && !h.sameProcess(me) {
			return &InUseError{Path: s.path, Holder: *h, Unrelated: h.unrelated()}
		}
		os.Remove(lock) // stale, unreadable, our own process, or taken over
	}
	return fmt.Errorf("cannot record this session beside the database (%s): it keeps changing; try again", lock)
}

// Holder returns the live session, other than this one, that is editing the database, or
// nil when there is none.
func (s *Store) Holder() (*Holder, error) {
	h := readHolder(holderPath(s.path))
	if h == nil || h.stale() || (s.claimed != nil && h.sameProcess(*s.claimed)) {
		return nil, nil
	}
	return h, nil
}

// InUse describes the session, other than this one, recorded as editing the database — nil
// when there is none — as Claim would refuse it; a command that writes warns with it.
func (s *Store) InUse() *InUseError {
	h, _ := s.Holder()
	if h == nil {
		return nil
	}
	return &InUseError{Path: s.path, Holder: *h, Unrelated: h.unrelated()}
}

// release removes this session's record, and only its own.
func (s *Store) release() {
	if s.claimed == nil {
		return
	}
	lock := holderPath(s.path)
	if h := readHolder(lock); h != nil && h.sameProcess(*s.claimed) && h.Since.Equal(s.claimed.Since) {
		os.Remove(lock)
	}
	s.claimed = nil
}

// readHolder reads a holder file; nil when there is none or it cannot be read.
func readHolder(path string) *Holder {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var h Holder
	if json.Unmarshal(data, &h) != nil || h.PID <= 0 {
		return nil
	}
	return &h
}

// createWith creates path holding data, failing with fs.ErrExist when it exists. The data is
// written to a private temporary file first and linked into place, so a reader never sees a
// half-written holder.
func createWith(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	defer os.Remove(tmp)
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links: exclusive create, then write.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (h Holder) sameProcess(o Holder) bool { return h.PID == o.PID && h.Host == o.Host }

// stale reports a holder whose process has ended on this machine. A holder on another
// machine cannot be checked and counts as live.
func (h Holder) stale() bool { return h.Host == hostname() && !processAlive(h.PID) }

// unrelated names the program now running under the holder's process ID when it is not the
// one that recorded itself ("" when it is, or when this computer cannot tell).
func (h Holder) unrelated() string {
	if h.Host != hostname() || h.Program == "" {
		return ""
	}
	if now := programName(h.PID); now != "" && now != h.Program {
		return now
	}
	return ""
}

func hostname() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "this computer"
}

// processAlive reports whether a process with this ID runs on this machine.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // Windows: no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

//go:build linux

package store

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"aimsbench/assessment"
)

// unprivileged reports whether the calling test may go on: true when it runs as an ordinary
// user. Root may write any file whatever its mode, so as root the test is run again, in a
// child process, as the user nobody, and the caller stops.
func unprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return true
	}
	if os.Getenv("AIMSBENCH_TEST_AS_NOBODY") != "" {
		t.Fatal("still root after switching to nobody")
	}
	dir, err := os.MkdirTemp("", "aimsbench-nobody-")
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	exe := filepath.Join(dir, "store.test")
	if err := copyFile(os.Args[0], exe, 0o755); err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, "-test.run", "^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AIMSBENCH_TEST_AS_NOBODY=1", "HOME="+dir, "TMPDIR=/tmp")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	t.Logf("as nobody:\n%s", out)
	if err != nil {
		t.Errorf("the test failed as nobody: %v", err)
	}
	return false
}

func copyFile(from, to string, mode os.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// tmpfs mounts a small tmpfs for the test and returns its folder; it skips unless the tests
// run as root.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a file system needs root")
	}
	dir := filepath.Join(t.TempDir(), "fs")
	os.Mkdir(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fillDisk writes a file until the file system is full.
func fillDisk(t *testing.T, dir, name string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// expectReadOnly opens path, expects it read-only for reason, and checks that it can be read
// and backed up but an edit is refused with one sentence, leaving the file unchanged.
func expectReadOnly(t *testing.T, path, id, reason string) {
	t.Helper()
	sum := checksum(t, path)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a read-only database was refused: %v", err)
	}
	if !s.ReadOnly() || !strings.Contains(s.ReadOnlyReason(), reason) {
		t.Errorf("read-only %v, reason %q; want %q", s.ReadOnly(), s.ReadOnlyReason(), reason)
	}
	if _, err := s.Load(id); err != nil {
		t.Errorf("cannot read a read-only database: %v", err)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify: %+v %v", rep, err)
	}
	item, _ := catalogue(t).Item("4.2")
	st := assessment.Conformant
	_, err = s.SaveJudgement(id, item, assessment.Judgement{Status: &st})
	oneSentence(t, err, "the database is open read-only because "+reason)
	t.Logf("an edit says: %v", err)
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("not ErrReadOnly: %v", err)
	}
	if err := s.Backup(filepath.Join(t.TempDir(), "copy.db"), false); err != nil {
		t.Errorf("backup of a read-only database: %v", err)
	}
	s.Close()
	if checksum(t, path) != sum {
		t.Error("the read-only file was changed")
	}
}

func TestReadOnlyFileOpensReadOnly(t *testing.T) {
	if !unprivileged(t) {
		return
	}
	path, id := goodDatabase(t, t.TempDir())
	os.Chmod(path, 0o400)
	expectReadOnly(t, path, id, "the file is read-only for you")
}

func TestReadOnlyFolderOpensReadOnly(t *testing.T) {
	if !unprivileged(t) {
		return
	}
	dir := t.TempDir()
	path, id := goodDatabase(t, dir)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	expectReadOnly(t, path, id, "aimsbench may not write in its folder")
	_, err := Open(filepath.Join(dir, "new.db"))
	oneSentence(t, err, "may not write in the folder")
}

func TestReadOnlyFileSystemOpensReadOnly(t *testing.T) {
	dir := tmpfs(t, "1m")
	path, id := goodDatabase(t, dir)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	expectReadOnly(t, path, id, "it is on a read-only disk or file system")
	_, err := Open(filepath.Join(dir, "new.db"))
	oneSentence(t, err, "may not write in the folder")
}

func TestFullDisk(t *testing.T) {
	dir := tmpfs(t, "512k")
	path, id := goodDatabase(t, dir)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := s.ChainHead()
	fillDisk(t, dir, "filler")
	cat := catalogue(t)
	for _, item := range cat.Assessable()[:5] {
		note := strings.Repeat("finding ", 4000)
		_, err := s.SaveJudgement(id, item, assessment.Judgement{Finding: &note})
		oneSentence(t, err, "the disk is full; nothing of this edit was written")
	}
	backup := filepath.Join(dir, "backup.db")
	oneSentence(t, s.Backup(backup, false), "the disk is full")
	if _, err := os.Stat(backup + ".partial"); err == nil {
		t.Error("a failed backup left its partial file")
	}
	s.Close()

	fillDisk(t, dir, "filler2") // closing freed the journal's space
	sum := checksum(t, path)
	_, err = Open(path)
	oneSentence(t, err, "is full, so nothing was saved")
	if checksum(t, path) != sum {
		t.Error("opening on a full disk changed the file")
	}
	fresh := filepath.Join(dir, "new.db")
	_, err = Open(fresh)
	oneSentence(t, err, "is full, so nothing was saved; free some space and try again")
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a database that could not be set up was left behind")
	}

	os.Remove(filepath.Join(dir, "filler"))
	os.Remove(filepath.Join(dir, "filler2"))
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Verify()
	if err != nil || !rep.OK || rep.ChainHead != head {
		t.Errorf("after the disk filled up: %+v %v (chain head was %s)", rep, err, head)
	}
}

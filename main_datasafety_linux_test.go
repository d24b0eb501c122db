//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"aimsbench/assessment"
	"aimsbench/store"
)

// smallDisk mounts a tmpfs of the given size for the test; it skips unless run as root.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a file system needs root")
	}
	dir := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// readOnlyCopy puts a copy of a database where aimsbench may not write it: a read-only
// tmpfs when the tests run as root (root may write any file), else a file of mode 0400.
func readOnlyCopy(t *testing.T, data []byte) string {
	t.Helper()
	if os.Geteuid() != 0 {
		path := filepath.Join(t.TempDir(), "read-only.db")
		os.WriteFile(path, data, 0o400)
		return path
	}
	dir := smallDisk(t, "1m")
	path := filepath.Join(dir, "read-only.db")
	os.WriteFile(path, data, 0o600)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	return path
}

func TestReadOnlyDatabaseIsReadButNeverWritten(t *testing.T) {
	_, id, data := closedDatabase(t)
	path := readOnlyCopy(t, data)
	c := &cli{t: t, db: path}
	if out := c.ok("list"); !strings.Contains(out, "Zoë Ångström AG") {
		t.Errorf("list of a read-only database: %q", out)
	}
	c.ok("summary", id)
	c.ok("verify")
	out := t.TempDir()
	c.ok("export", id, "--format", "pdf", "--out", filepath.Join(out, "r.pdf"))
	c.ok("backup", "--out", filepath.Join(out, "copy.db"))
	refusedUnchanged(t, path, "the database is open read-only because", "assess", id, "4.1", "--status", "conformant")
	refusedUnchanged(t, path, "the database is open read-only because", "new", "--org", "Another")
}

func TestFullDiskRefusesWithOneSentence(t *testing.T) {
	disk := smallDisk(t, "512k")
	_, id, data := closedDatabase(t)
	path := filepath.Join(disk, "a.db")
	os.WriteFile(path, data, 0o600)
	c := &cli{t: t, db: path}
	c.ok("list") // leaves the journal files in place while there is still room
	f, _ := os.Create(filepath.Join(disk, "filler"))
	for {
		if _, err := f.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	f.Close()
	refusedUnchanged(t, path, "full", "assess", id, "4.1", "--note", strings.Repeat("a long finding ", 5000))
	fresh := filepath.Join(disk, "new.db")
	refusedUnchanged(t, fresh, "is full, so nothing was saved; free some space and try again", "new", "--org", "Acme")
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a database that could not be set up was left on the full disk")
	}
	os.Remove(filepath.Join(disk, "filler"))
	c.ok("verify")
}

func TestEverythingWrittenIsPrivate(t *testing.T) {
	old := syscall.Umask(0) // modes must come from aimsbench, not from a careful umask
	defer syscall.Umask(old)
	c := newCLI(t)
	id := c.demo()
	out := t.TempDir()
	c.ok("backup", "--out", filepath.Join(out, "backup.db"))
	for _, f := range []string{"pdf", "csv", "xlsx", "json"} {
		c.ok("export", id, "--format", f, "--out", filepath.Join(out, "export."+f))
	}
	s, err := store.Open(c.db) // while open, SQLite's journal and index files exist too
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Claim(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(&assessment.Assessment{Title: "Written while open"}); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, dir := range []string{filepath.Dir(c.db), out} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	s.Close()
	for _, want := range []string{c.db, c.db + "-wal", c.db + "-shm", c.db + "-lock", filepath.Join(out, "export-soa.csv")} {
		if !slices.Contains(files, want) {
			t.Errorf("%s was not written; the test cannot check its mode", want)
		}
	}
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", filepath.Base(f), info.Mode().Perm())
		}
	}

	home := t.TempDir() // the default place: a private folder in the user data directory
	cmd := aimsbench("new", "--org", "Acme")
	cmd.Env = append(withoutEnv(cmd.Env, "AIMSBENCH_DB"), "XDG_DATA_HOME="+home)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("new on the default database: %v %s", err, b)
	}
	for path, mode := range map[string]fs.FileMode{filepath.Join(home, "aimsbench"): 0o700, filepath.Join(home, "aimsbench", "aimsbench.db"): 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != mode {
			t.Errorf("%s: %v %v, want mode %v", path, info, err, mode)
		}
	}
}

// networkFreeSession is every main command, in an order that works on a fresh database.
func networkFreeSession(t *testing.T, dir string) [][]string {
	db := filepath.Join(dir, "n.db")
	csv := filepath.Join(dir, "inventory.csv")
	os.WriteFile(csv, []byte(oneSystem), 0o600)
	return [][]string{
		{"version"}, {"catalogue", "--json"},
		{"new", "--org", "Acme", "--db", db}, {"demo", "--db", db}, {"list", "--db", db},
		{"summary", "ID", "--db", db}, {"assess", "ID", "4.1", "--status", "partial", "--maturity", "2", "--db", db},
		{"import", "--format", "inventory-csv", "--into", "ID", csv, "--db", db},
		{"export", "ID", "--format", "pdf", "--out", filepath.Join(dir, "r.pdf"), "--db", db},
		{"export", "ID", "--format", "xlsx", "--out", filepath.Join(dir, "r.xlsx"), "--db", db},
		{"export", "ID", "--format", "csv", "--out", filepath.Join(dir, "r.csv"), "--db", db},
		{"export", "ID", "--format", "json", "--out", filepath.Join(dir, "r.json"), "--db", db},
		{"import", "--format", "json", filepath.Join(dir, "r.json"), "--db", db},
		{"copy", "ID", "--db", db}, {"verify", "--db", db}, {"backup", "--out", filepath.Join(dir, "b.db"), "--db", db},
	}
}

// runSession runs the session in child processes, each command wrapped by wrap.
func runSession(t *testing.T, wrap func(*exec.Cmd) *exec.Cmd) {
	t.Helper()
	id := ""
	for _, args := range networkFreeSession(t, t.TempDir()) {
		args = slices.Clone(args)
		for i := range args {
			if args[i] == "ID" {
				args[i] = id
			}
		}
		var stdout, stderr bytes.Buffer
		cmd := wrap(aimsbench(args...))
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		if args[0] == "new" {
			id = strings.TrimSpace(stdout.String())
		}
	}
}

func TestCommandsOpenNoSocket(t *testing.T) {
	if testing.Short() {
		t.Skip("traces every command; skipped with -short")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	if exec.Command(strace, "-qq", "-o", os.DevNull, "true").Run() != nil {
		t.Skip("strace cannot trace here (ptrace not permitted)")
	}
	trace := filepath.Join(t.TempDir(), "trace")
	n := 0
	runSession(t, func(cmd *exec.Cmd) *exec.Cmd {
		n++
		out := fmt.Sprintf("%s.%02d", trace, n)
		traced := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=%network", "-e", "signal=none", "-o", out, cmd.Path}, cmd.Args[1:]...)...)
		traced.Env = cmd.Env
		return traced
	})
	traces, _ := filepath.Glob(trace + ".*")
	if len(traces) == 0 {
		t.Fatal("strace wrote nothing")
	}
	network := regexp.MustCompile(`\b(socket|socketpair|connect|bind|listen|accept4?|send(to|msg|mmsg)|recv(from|msg|mmsg)|[gs]etsockopt|shutdown|getsockname|getpeername)\(`)
	for _, f := range traces {
		data, _ := os.ReadFile(f)
		if calls := network.FindAll(data, -1); len(calls) > 0 {
			t.Errorf("a command used the network (%s):\n%s", f, data)
		}
	}
}

func TestCommandsWorkWithoutANetwork(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command; skipped with -short")
	}
	if os.Geteuid() != 0 || exec.Command("unshare", "-n", "true").Run() != nil {
		t.Skip("needs root and unshare to run without a network")
	}
	runSession(t, func(cmd *exec.Cmd) *exec.Cmd {
		isolated := exec.Command("unshare", append([]string{"-n", cmd.Path}, cmd.Args[1:]...)...)
		isolated.Env = cmd.Env
		return isolated
	})
}

// TestNoHTTPClientIsLinked keeps net/http out of aimsbench's own code and new dependencies:
// the only importer allowed is excelize, which calls http.DetectContentType to sniff an
// image's type and opens no connection.
func TestNoHTTPClientIsLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{if not .Standard}}{{.ImportPath}} {{join .Imports " "}}{{end}}`, ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	var importers []string
	for _, line := range strings.Split(string(out), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 1 && slices.ContainsFunc(fields[1:], func(p string) bool { return p == "net/http" || strings.HasPrefix(p, "net/http/") || p == "net/rpc" }) {
			importers = append(importers, fields[0])
		}
	}
	if !slices.Equal(importers, []string{"github.com/xuri/excelize/v2"}) {
		t.Errorf("packages importing net/http: %v; only excelize (http.DetectContentType) is expected", importers)
	}
}

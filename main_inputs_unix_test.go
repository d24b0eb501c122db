//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"aimsbench/assessment"
)

// TestInputFilesMustBeRegularAndBounded names a device, a folder, a named pipe and an
// oversized (sparse) file as each kind of input: every one is refused with one sentence
// before it is read, so an endless input can never be loaded.
func TestInputFilesMustBeRegularAndBounded(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Inputs Ltd"))
	dir := t.TempDir()
	fifo := filepath.Join(dir, "inventory.pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.csv")
	if err := os.WriteFile(huge, []byte("name\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, assessment.MaxInventoryBytes+1); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"/dev/zero as an inventory", []string{"import", "--format", "inventory-csv", "--into", id, "/dev/zero"}, "/dev/zero is a device, not a regular file"},
		{"a named pipe as an inventory", []string{"import", "--format", "inventory-csv", "--into", id, fifo}, "is a named pipe, not a regular file"},
		{"a folder as an inventory", []string{"import", "--format", "inventory-csv", "--into", id, dir}, "is a folder, not a regular file"},
		{"an inventory over the limit", []string{"import", "--format", "inventory-csv", "--into", id, huge}, "is larger than 32 MiB"},
		{"/dev/zero as a bundle", []string{"import", "--format", "json", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
		{"/dev/zero as a catalogue", []string{"list", "--catalogue", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
		{"a named pipe as a catalogue", []string{"list", "--catalogue", fifo}, "is a named pipe, not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := c.run(tc.args...)
			msg := strings.TrimSpace(errs)
			if code != 1 || out != "" || strings.Contains(msg, "\n") || !strings.Contains(msg, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and one sentence with %q", code, out, msg, tc.want)
			}
		})
	}
}

// TestVerifyFinishesWhenEvidenceIsAFIFO attaches a file as evidence, replaces it by a named
// pipe (as a bundle may name any path) and runs verify in a child process: it must end,
// report the path as not a regular file, and never open it (opening a pipe waits for a
// writer). The deadline only keeps a regression from hanging the test run.
func TestVerifyFinishesWhenEvidenceIsAFIFO(t *testing.T) {
	c, id, _ := closedDatabase(t)
	dir := t.TempDir()
	minutes, device := filepath.Join(dir, "minutes.pdf"), filepath.Join(dir, "policy.pdf")
	os.WriteFile(minutes, []byte("minutes"), 0o600)
	os.WriteFile(device, []byte("policy"), 0o600)
	attachEvidence(t, c.db, id, "9.3.2", minutes, device)
	os.Remove(minutes)
	if err := syscall.Mkfifo(minutes, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(device)
	if err := os.Symlink("/dev/zero", device); err != nil {
		t.Fatal(err)
	}
	cmd := aimsbench("verify", "--db", c.db)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	hung := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	cmd.Wait()
	if !hung.Stop() {
		t.Fatal("verify did not finish: it opened the named pipe or read the device")
	}
	for _, want := range []string{
		"minutes.pdf (" + id + ", item 9.3.2): not a regular file (a named pipe), so it was not read",
		"policy.pdf (" + id + ", item 9.3.2): not a regular file (a device), so it was not read",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("verify does not say %q:\n%s", want, out.String())
		}
	}
	if cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("verify exit %d, want 1 (problems found)", cmd.ProcessState.ExitCode())
	}
}

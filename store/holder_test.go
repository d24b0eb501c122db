package store

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHolderChild is not a test: it is the second aimsbench session the holder tests start.
// It opens the database named by AIMSBENCH_HOLDER_CHILD, claims it, says "claimed" and keeps
// it until its standard input closes.
func TestHolderChild(t *testing.T) {
	path := os.Getenv("AIMSBENCH_HOLDER_CHILD")
	if path == "" {
		t.Skip("helper process for the holder tests")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := s.Claim(); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("claimed")
	io.Copy(io.Discard, os.Stdin)
	s.Close()
	os.Exit(0)
}

// otherSession starts a second process that claims the database at path, and returns it with
// the pipe that ends it gracefully when closed.
func otherSession(t *testing.T, path string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestHolderChild$")
	cmd.Env = append(os.Environ(), "AIMSBENCH_HOLDER_CHILD="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "claimed" {
		t.Fatalf("the other session did not claim the database: %q", line)
	}
	return cmd, stdin
}

func TestSecondSessionSeesWhoIsEditing(t *testing.T) {
	path, _ := goodDatabase(t, t.TempDir())
	other, stdin := otherSession(t, path)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.Holder()
	if err != nil || h == nil || h.PID != other.Process.Pid || h.Host != hostname() || time.Since(h.Since) > time.Minute {
		t.Fatalf("holder = %+v, %v; want process %d on %s", h, err, other.Process.Pid, hostname())
	}
	err = s.Claim()
	var inUse *InUseError
	if !errors.As(err, &inUse) || inUse.Holder.PID != other.Process.Pid {
		t.Fatalf("claim while another session edits: %v", err)
	}
	want := fmt.Sprintf("is being edited in another aimsbench session by %s (process %d on %s) since ", h.User, h.PID, h.Host)
	oneSentence(t, err, want)
	if info, err := os.Stat(holderPath(path)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("holder file: %v %v, want mode 0600", info, err)
	}

	stdin.Close() // the other session closes: its record goes with it
	other.Wait()
	if h, _ := s.Holder(); h != nil {
		t.Errorf("holder after the other session closed: %+v", h)
	}
	if _, err := os.Stat(holderPath(path)); err == nil {
		t.Error("a closed session left its holder file")
	}
	if err := s.Claim(); err != nil {
		t.Errorf("claim after the other session closed: %v", err)
	}
}

func TestKilledSessionIsIgnored(t *testing.T) {
	path, _ := goodDatabase(t, t.TempDir())
	other, _ := otherSession(t, path)
	other.Process.Kill()
	other.Wait()
	if _, err := os.Stat(holderPath(path)); err != nil {
		t.Fatal("the killed session's record should still be on disk for this test")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if h, err := s.Holder(); h != nil || err != nil {
		t.Errorf("a dead process counts as holder: %+v %v", h, err)
	}
	if err := s.Claim(); err != nil {
		t.Fatalf("claim over a dead session: %v", err)
	}
	if h := readHolder(holderPath(path)); h == nil || h.PID != os.Getpid() {
		t.Errorf("holder file after the claim: %+v", h)
	}
	s.Close()
	if _, err := os.Stat(holderPath(path)); err == nil {
		t.Error("Close left the holder file")
	}
}

func TestHolderOnAnotherMachine(t *testing.T) {
	path, _ := goodDatabase(t, t.TempDir())
	since := time.Date(2026, 11, 26, 13, 2, 0, 0, time.UTC)
	data, _ := json.Marshal(Holder{PID: 4242, Host: "consultant-laptop", User: "ana", Since: since})
	os.WriteFile(holderPath(path), data, 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h, _ := s.Holder(); h == nil || h.Host != "consultant-laptop" || h.User != "ana" || !h.Since.Equal(since) {
		t.Errorf("a holder on another machine (which cannot be checked) was ignored: %+v", h)
	}
	var inUse *InUseError
	if err := s.Claim(); !errors.As(err, &inUse) {
		t.Fatalf("claim: %v", err)
	}
	if err := s.TakeOver(); err != nil {
		t.Fatalf("take over: %v", err)
	}
	if h := readHolder(holderPath(path)); h == nil || h.PID != os.Getpid() {
		t.Errorf("after taking over the holder is %+v", h)
	}
	if h, _ := s.Holder(); h != nil {
		t.Errorf("Holder names this session itself: %+v", h)
	}
}

func TestUnreadableHolderFileIsReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	os.WriteFile(holderPath(path), []byte("{not json"), 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h, _ := s.Holder(); h != nil {
		t.Errorf("holder from a garbled file: %+v", h)
	}
	if err := s.Claim(); err != nil {
		t.Errorf("claim over a garbled holder file: %v", err)
	}
}

package store

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLockOfAnUnrelatedProcessIsExplained records a holder whose process ID now belongs to
// another program (a `sleep` started for the test): claiming the database tells the user the
// record is stale and which file to delete, instead of naming a session that does not exist.
func TestLockOfAnUnrelatedProcessIsExplained(t *testing.T) {
	sleeper := exec.Command("sleep", "300")
	if err := sleeper.Start(); err != nil {
		t.Skipf("cannot start an unrelated process: %v", err)
	}
	t.Cleanup(func() { sleeper.Process.Kill(); sleeper.Wait() })
	path, _ := goodDatabase(t, t.TempDir())
	data, _ := json.Marshal(Holder{PID: sleeper.Process.Pid, Host: hostname(), User: "ana", Since: time.Now().UTC(), Program: "aimsbench"})
	os.WriteFile(holderPath(path), data, 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var inUse *InUseError
	err = s.Claim()
	if !errors.As(err, &inUse) || inUse.Unrelated != "sleep" {
		t.Fatalf("claim: %v", err)
	}
	want := "but process " + strconv.Itoa(sleeper.Process.Pid) + " is now sleep, not aimsbench; if no aimsbench session has this database open, delete " + holderPath(path) + " and open it again"
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("claim says %q; want it to say %q", err, want)
	}
	if s.InUse() == nil || s.InUse().Unrelated != "sleep" {
		t.Errorf("InUse: %+v", s.InUse())
	}
	os.Remove(holderPath(path))
	if err := s.Claim(); err != nil {
		t.Errorf("claim after deleting the record as told: %v", err)
	}
}

// TestOwnProgramIsRecorded checks that a session records the program it runs, which is what
// tells a reused process ID apart.
func TestOwnProgramIsRecorded(t *testing.T) {
	s := openTemp(t)
	if err := s.Claim(); err != nil {
		t.Fatal(err)
	}
	if h := readHolder(holderPath(s.Path())); h == nil || h.Program == "" || h.Program != programName(os.Getpid()) {
		t.Errorf("holder %+v does not name this program", h)
	}
}

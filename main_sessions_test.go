package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"aimsbench/store"
	"aimsbench/store/storetest"
)

// TestWritingCommandsWarnWhenAWorkbenchHoldsTheFile claims the database as the workbench
// does (in this process) and runs commands in child processes: each command that writes
// says, in one sentence on stderr, whose workbench has the file open, and still writes;
// commands that only read say nothing.
func TestWritingCommandsWarnWhenAWorkbenchHoldsTheFile(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Held Ltd"))
	workbench, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer workbench.Close()
	if err := workbench.Claim(); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "inventory.csv")
	os.WriteFile(csv, []byte("name\nClaims triage\n"), 0o600)
	for _, tc := range []struct {
		args  []string
		warns bool
	}{
		{[]string{"assess", id, "4.1", "--status", "partial"}, true},
		{[]string{"new", "--org", "Another Client"}, true},
		{[]string{"import", "--format", "inventory-csv", "--into", id, csv}, true},
		{[]string{"copy", id}, true},
		{[]string{"list"}, false},
		{[]string{"summary", id}, false},
		{[]string{"verify"}, false},
	} {
		_, errs, code := childOutput(t, append(tc.args, "--db", c.db)...)
		warned := strings.Contains(errs, "aimsbench: warning: the workbench of ") &&
			strings.Contains(errs, "has this database open and shows this change only once it reloads (ctrl+r)")
		if code != 0 || warned != tc.warns || strings.Count(errs, "\n") > 1 {
			t.Errorf("%s: exit %d, stderr %q; want a warning: %v", tc.args[0], code, errs, tc.warns)
		}
	}
}

// TestStaleLockOfAnUnrelatedProgramIsExplained leaves a lock record whose process ID now
// belongs to another program: a command that writes explains how to clear it.
func TestStaleLockOfAnUnrelatedProgramIsExplained(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the program behind a process ID is read from /proc")
	}
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Stale Ltd"))
	sleeper := exec.Command("sleep", "300")
	if err := sleeper.Start(); err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { sleeper.Process.Kill(); sleeper.Wait() })
	host, _ := os.Hostname()
	data, _ := json.Marshal(store.Holder{PID: sleeper.Process.Pid, Host: host, User: "ana", Since: time.Now().UTC(), Program: "aimsbench"})
	os.WriteFile(c.db+"-lock", data, 0o600)
	_, errs, code := c.run("assess", id, "4.1", "--status", "partial")
	if code != 0 || !strings.Contains(errs, "is now sleep, not aimsbench; if no aimsbench session has this database open, delete "+c.db+"-lock and open it again") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestDamagedDatabaseIsReadOnlyAndBacksUp damages the index of a closed database: every
// command says it is damaged and to restore it, reading commands and backup work, a judgement
// is refused, and the backup is sound.
func TestDamagedDatabaseIsReadOnlyAndBacksUp(t *testing.T) {
	c, id, _ := closedDatabase(t)
	storetest.DamageIndex(t, c.db)
	damage := "SQLite's integrity check finds it damaged"
	out, errs, code := c.run("list")
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(errs, damage) || !strings.Contains(errs, "restore it from a backup") {
		t.Errorf("list: exit %d, %q, %q", code, out, errs)
	}
	_, errs, code = c.run("assess", id, "4.2", "--status", "conformant")
	if code != 1 || !strings.Contains(errs, "the database is open read-only because "+damage) {
		t.Errorf("assess on a damaged database: exit %d, %q", code, errs)
	}
	backup := filepath.Join(t.TempDir(), "rescue.db")
	c.ok("backup", "--out", backup)
	if got := storetest.IntegrityCheck(t, backup); got != "ok" {
		t.Errorf("the backup is damaged too: %s", got)
	}
	rescued := &cli{t: t, db: backup}
	rescued.ok("assess", id, "4.2", "--status", "conformant")
}

// TestNoHomeNoGuess runs a command with no --db and no $AIMSBENCH_DB while HOME is unset,
// empty or relative: it refuses with one sentence naming both ways to choose the database,
// and creates nothing in the current folder.
func TestNoHomeNoGuess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows takes the data folder from LOCALAPPDATA")
	}
	for name, home := range map[string][]string{"unset": nil, "empty": {"HOME="}, "relative": {"HOME=ana"}} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			cmd := aimsbench("list")
			cmd.Dir = dir
			cmd.Env = append(withoutEnv(withoutEnv(withoutEnv(cmd.Env, "HOME"), "AIMSBENCH_DB"), "XDG_DATA_HOME"), home...)
			var errs strings.Builder
			cmd.Stderr = &errs
			err := cmd.Run()
			msg := strings.TrimSpace(errs.String())
			if err == nil || strings.Contains(msg, "\n") || !strings.Contains(msg, "--db PATH or $AIMSBENCH_DB") {
				t.Errorf("exit %v, stderr %q", err, msg)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("files were created in the current folder: %v", entries)
			}
		})
	}
}

// withoutEnv is env without the variable name.
func withoutEnv(env []string, name string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, name+"=") })
}

// TestListShowsEveryAssessmentAndNamesTheDamagedOne damages one nonconformity of the demo
// behind aimsbench's back: list still shows both assessments, marks the demo as damaged with
// the record that cannot be read, and says so on stderr; summary of the other still works.
func TestListShowsEveryAssessmentAndNamesTheDamagedOne(t *testing.T) {
	c := newCLI(t)
	demo := c.demo()
	other := strings.TrimSpace(c.ok("new", "--org", "Intact Ltd"))
	raw, err := sql.Open("sqlite", c.db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec("UPDATE records SET body = '{\"grade\": ' WHERE assessment_id = ? AND kind = 'nc' AND key = '2'", demo)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := c.run("list")
	if code != 0 || !strings.Contains(out, other) || !strings.Contains(out, "DAMAGED: nonconformity 2 cannot be read; restore from a backup") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	if want := "aimsbench: nonconformity 2 of assessment " + demo + " cannot be read"; !strings.Contains(errs, want) {
		t.Errorf("list stderr %q; want %q", errs, want)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &list); err != nil || len(list) != 2 {
		t.Fatalf("list --json: %v %v", list, err)
	}
	for _, e := range list {
		if damaged, _ := e["damaged"].(string); (e["id"] == demo) != (damaged == "nonconformity 2 cannot be read") {
			t.Errorf("list --json entry %v", e)
		}
	}
	c.ok("summary", other)
	if _, errs, code := c.run("summary", demo); code != 1 || !strings.Contains(errs, "nonconformity 2 of assessment "+demo+" cannot be read") {
		t.Errorf("summary of the damaged assessment: exit %d, %q", code, errs)
	}
}

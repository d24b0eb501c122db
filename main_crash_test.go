package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"aimsbench/checklists"
	"aimsbench/store"
)

// TestAimsbenchChild is not a test: it is the aimsbench binary that the crash and
// concurrency tests start as a child process (the test binary run again), with the command
// line in AIMSBENCH_CHILD_ARGS as a JSON array.
func TestAimsbenchChild(t *testing.T) {
	raw := os.Getenv("AIMSBENCH_CHILD_ARGS")
	if raw == "" {
		t.Skip("helper process: the aimsbench command line in a child process")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// aimsbench returns a command that runs the aimsbench command line in a child process.
func aimsbench(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestAimsbenchChild$")
	data, _ := json.Marshal(args)
	cmd.Env = append(os.Environ(), "AIMSBENCH_CHILD_ARGS="+string(data))
	return cmd
}

// childOutput runs a child to the end and returns stdout, stderr and the exit code.
func childOutput(t testing.TB, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := aimsbench(args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), errb.String(), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), 0
}

// attempt is one `assess` a worker started, in the order it started them.
type attempt struct {
	note  string
	acked bool // the child printed ok before it ended
}

// crashRun is the shared state of the kill test.
type crashRun struct {
	db, id  string
	typical atomic.Int64 // nanoseconds a write takes to run to the end, under the current load
	target  int64

	kills, acked, failed, afterOK atomic.Int64
	mu                            sync.Mutex
	attempts                      map[string][]attempt // by item
	created                       []string             // assessments whose `new` printed their ID
	problems                      []string
}

// TestKilledWritesLoseNothingAcknowledged runs `aimsbench assess` (and now and then `new`)
// in child processes from four workers at once and kills them with SIGKILL at random
// moments. Afterwards every write that printed ok must be in the database, the file must
// pass PRAGMA integrity_check and `aimsbench verify` must pass. AIMSBENCH_KILLS sets the
// number of kills: 100 by default, so go test ./... stays quick; CI (.ci/run) sets 500 and
// scripts/crash-test runs it longer.
func TestKilledWritesLoseNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test starts hundreds of processes; skipped with -short")
	}
	target := int64(100)
	if n, err := strconv.Atoi(os.Getenv("AIMSBENCH_KILLS")); err == nil && n > 0 {
		target = int64(n)
	}
	c := &crashRun{db: filepath.Join(t.TempDir(), "crash.db"), target: target, attempts: map[string][]attempt{}}
	out, errs, code := childOutput(t, "new", "--org", "Crash Test Ltd", "--db", c.db)
	if code != 0 {
		t.Fatalf("new: %s", errs)
	}
	c.id = strings.TrimSpace(out)
	c.typical.Store(int64(c.measure(t)))

	cat, _ := checklists.Builtin()
	items := cat.Assessable()
	const workers = 4
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), uint64(time.Now().UnixNano())))
			for n := 0; c.kills.Load() < c.target; n++ {
				if n%10 == 9 {
					c.create(rng, w, n)
					continue
				}
				item := items[w+workers*(n%(len(items)/workers))].ID // each worker has its own items
				c.assess(rng, item, fmt.Sprintf("w%d-n%d", w, n))
			}
		})
	}
	wg.Wait()
	t.Logf("%d kills survived (%d of them after ok was printed), %d writes acknowledged, %d refused, in %s (a write takes about %s)",
		c.kills.Load(), c.afterOK.Load(), c.acked.Load(), c.failed.Load(), time.Since(start).Round(time.Second), time.Duration(c.typical.Load()).Round(time.Millisecond))
	for _, p := range c.problems {
		t.Error(p)
	}
	c.check(t)
}

// measure times a few writes that run to the end.
func (c *crashRun) measure(t *testing.T) time.Duration {
	var total time.Duration
	for i := range 5 {
		begin := time.Now()
		if _, errs, code := childOutput(t, "assess", c.id, "4.1", "--note", fmt.Sprint("warm-up ", i), "--db", c.db); code != 0 {
			t.Fatalf("assess: %s", errs)
		}
		total += time.Since(begin)
	}
	return total / 5
}

// killDelay picks when to kill: half the time anywhere in a little more than a whole run
// (start-up, opening, the transaction, the exit), half the time in its last part, where
// the transaction commits.
func (c *crashRun) killDelay(rng *rand.Rand) time.Duration {
	typical := c.typical.Load()
	if rng.IntN(2) == 0 {
		return time.Duration(rng.Int64N(typical * 6 / 5))
	}
	return time.Duration(typical*4/5 + rng.Int64N(typical*3/5))
}

// runKilled starts a child and kills it after a random delay. It returns what the child
// printed and whether the kill ended it.
func (c *crashRun) runKilled(rng *rand.Rand, args ...string) (stdout, stderr string, killed bool, err error) {
	var out, errb bytes.Buffer
	cmd := aimsbench(append(args, "--db", c.db)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return "", "", false, err
	}
	timer := time.AfterFunc(c.killDelay(rng), func() { cmd.Process.Signal(syscall.SIGKILL) })
	err = cmd.Wait()
	timer.Stop()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		c.kills.Add(1)
		if out.Len() > 0 {
			c.afterOK.Add(1)
		}
		return out.String(), errb.String(), true, nil
	}
	if err == nil { // follow the load: a write that ran to the end moves the typical time
		old := c.typical.Load()
		c.typical.Store(old + (int64(time.Since(begin))-old)/8)
	}
	return out.String(), errb.String(), false, err
}

func (c *crashRun) assess(rng *rand.Rand, item, note string) {
	stdout, stderr, killed, err := c.runKilled(rng, "assess", c.id, item, "--note", note, "--evidence", note, "--maturity", fmt.Sprint(1+rng.IntN(5)))
	acked := stdout == "ok\n"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.attempts[item] = append(c.attempts[item], attempt{note, acked})
	switch {
	case acked:
		c.acked.Add(1)
	case !killed && err != nil:
		c.failed.Add(1)
		if !strings.Contains(stderr, "database is locked") {
			c.problems = append(c.problems, fmt.Sprintf("assess %s %s failed without being killed: %v %s", item, note, err, stderr))
		}
	case !killed:
		c.problems = append(c.problems, fmt.Sprintf("assess %s %s ended without ok: %q", item, note, stdout))
	}
}

func (c *crashRun) create(rng *rand.Rand, w, n int) {
	stdout, stderr, killed, err := c.runKilled(rng, "new", "--org", fmt.Sprintf("Org w%d-n%d", w, n))
	c.mu.Lock()
	defer c.mu.Unlock()
	if id := strings.TrimSpace(stdout); len(id) == 8 {
		c.created = append(c.created, id)
		c.acked.Add(1)
	} else if !killed {
		c.problems = append(c.problems, fmt.Sprintf("new failed without being killed: %v %s", err, stderr))
	}
}

// check proves that nothing acknowledged was lost and the file is sound.
func (c *crashRun) check(t *testing.T) {
	t.Helper()
	db, err := sql.Open("sqlite", c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var integrity string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q %v", integrity, err)
	}
	out, errs, code := childOutput(t, "verify", "--json", "--db", c.db)
	if code != 0 {
		t.Errorf("verify failed after the kills: %s %s", out, errs)
	}
	s, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Load(c.id)
	if err != nil {
		t.Fatal(err)
	}
	lost, unacked := 0, 0
	for item, tries := range c.attempts {
		r := a.Results[item]
		var titles []string
		if r != nil {
			for _, e := range r.Evidence {
				titles = append(titles, e.Title)
			}
		}
		last := -1
		for i, try := range tries {
			if !try.acked && slices.Contains(titles, try.note) {
				unacked++
			}
			if try.acked {
				last = i
				if !slices.Contains(titles, try.note) {
					lost++
					t.Errorf("%s: acknowledged write %s is missing from the evidence", item, try.note)
				}
			}
		}
		if last < 0 {
			continue
		}
		// The finding is the last acknowledged write's, or that of a later write that
		// committed but was killed before it could print ok.
		later := slices.IndexFunc(tries[last:], func(x attempt) bool { return r != nil && x.note == r.Finding })
		if later < 0 {
			lost++
			t.Errorf("%s: finding %q, but the last acknowledged write was %s", item, r.Finding, tries[last].note)
		}
	}
	for _, id := range c.created {
		if _, err := s.Load(id); err != nil {
			lost++
			t.Errorf("acknowledged new assessment %s is missing: %v", id, err)
		}
	}
	t.Logf("lost acknowledged writes: %d; writes killed after they committed but before ok: %d", lost, unacked)
}

// TestConcurrentProcessesLoseNoUpdate runs six aimsbench processes at once on one database:
// each records judgements of its own items, and all of them add evidence to one shared item.
// Every write must succeed and be there afterwards; none may overwrite another's.
func TestConcurrentProcessesLoseNoUpdate(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a hundred processes; skipped with -short")
	}
	db := filepath.Join(t.TempDir(), "shared.db")
	out, errs, code := childOutput(t, "new", "--org", "Shared Ltd", "--db", db)
	if code != 0 {
		t.Fatal(errs)
	}
	id := strings.TrimSpace(out)
	cat, _ := checklists.Builtin()
	items := cat.Assessable()
	const workers, writes = 6, 16
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for w := range workers {
		wg.Go(func() {
			for n := range writes {
				args := []string{"assess", id, items[1+w*writes/2+n/2].ID, "--note", fmt.Sprintf("w%d-n%d", w, n), "--db", db}
				if n%2 == 1 {
					args = []string{"assess", id, "4.1", "--evidence", fmt.Sprintf("shared w%d-n%d", w, n), "--db", db}
				}
				stdout, stderr, code := childOutput(t, args...)
				if code != 0 || stdout != "ok\n" {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("%v: exit %d %s", args, code, stderr))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, _ := s.Load(id)
	if n := len(a.Results["4.1"].Evidence); n != workers*writes/2 {
		t.Errorf("the shared item has %d evidence items, want %d: updates were lost", n, workers*writes/2)
	}
	for w := range workers {
		for n := 0; n < writes; n += 2 {
			item := items[1+w*writes/2+n/2].ID
			if r := a.Results[item]; r == nil || r.Finding != fmt.Sprintf("w%d-n%d", w, n) {
				t.Errorf("%s lost its finding: %+v", item, r)
			}
		}
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify: %+v %v", rep, err)
	}
}

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// twoCopiesOfTheDemo makes the demo on laptop A and imports A's bundle on laptop B: each
// laptop has its own database.
func twoCopiesOfTheDemo(t *testing.T) (a, b *cli, ida, idb string) {
	t.Helper()
	a, b = newCLI(t), newCLI(t)
	ida = a.demo()
	handover := filepath.Join(t.TempDir(), "handover.json")
	a.ok("export", ida, "--format", "json", "--out", handover)
	idb = strings.TrimSpace(b.ok("import", "--format", "json", handover))
	return a, b, ida, idb
}

// export writes the assessment's bundle for the other laptop.
func (c *cli) export(id string) string {
	c.t.Helper()
	path := filepath.Join(c.t.TempDir(), "bundle.json")
	c.ok("export", id, "--format", "json", "--out", path)
	return path
}

func (c *cli) chainHead() string {
	c.t.Helper()
	var v struct {
		ChainHead string `json:"chain_head"`
	}
	json.Unmarshal([]byte(c.ok("verify", "--json")), &v)
	return v.ChainHead
}

// The acceptance: two copies of the demo edited differently on the same item and on
// different items merge into one with exactly one conflict to settle.
func TestTwoCopiesOfTheDemoMergeWithOneConflict(t *testing.T) {
	a, b, ida, idb := twoCopiesOfTheDemo(t)
	a.ok("assess", ida, "4.1", "--status", "partial", "--maturity", "2")
	a.ok("assess", ida, "5.2", "--note", "Policy approved by the board in November")
	b.ok("assess", idb, "4.1", "--status", "nonconformant", "--maturity", "2")
	b.ok("assess", idb, "6.2", "--maturity", "4")
	b.ok("request", idb, "EV-GOV-02", "--status", "received")
	bundle := b.export(idb)

	head := a.chainHead()
	out := a.ok("merge", ida, bundle, "--dry-run")
	if strings.Count(out, "settle with --take") != 1 || !strings.Contains(out, "--take theirs=result/4.1/status") || !strings.Contains(out, `"partial"`) || !strings.Contains(out, `"nonconformant"`) {
		t.Errorf("the dry run does not list exactly the one conflict, side by side:\n%s", out)
	}
	for _, taken := range []string{"the judgement of 6.2, maturity → 4", "evidence request EV-GOV-02, state → \"received\""} {
		if !strings.Contains(out, taken) {
			t.Errorf("the dry run does not list %q as taken:\n%s", taken, out)
		}
	}
	if a.chainHead() != head {
		t.Error("--dry-run wrote to the database")
	}
	_, errs, code := a.run("merge", ida, bundle)
	if code != 1 || !strings.Contains(errs, "1 conflict is not settled, so nothing was merged") || a.chainHead() != head {
		t.Errorf("an unsettled merge: exit %d, %q, or it wrote", code, errs)
	}
	out = a.ok("merge", ida, bundle, "--take", "theirs=result/4.1/status", "--json")
	var plan struct {
		Merged    bool
		Conflicts []struct{ Ref, Take string }
		Taken     []struct{ Ref, Action, By string }
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil || !plan.Merged || len(plan.Conflicts) != 1 || plan.Conflicts[0].Take != "theirs" {
		t.Fatalf("merge --json: %v\n%s", err, out)
	}
	var taken []string
	for _, c := range plan.Taken {
		taken = append(taken, c.Ref)
	}
	if got := strings.Join(taken, " "); !strings.Contains(got, "request/EV-GOV-02/state") || !strings.Contains(got, "result/6.2/maturity") || strings.Contains(got, "result/4.1") {
		t.Errorf("taken %v", taken)
	}
	m := a.stored(ida)
	if r := m.Results["4.1"]; r.Status != "nonconformant" || r.Maturity != 2 {
		t.Errorf("4.1 after the merge: %s %d", r.Status, r.Maturity)
	}
	if m.Results["5.2"].Finding != "Policy approved by the board in November" || m.Results["6.2"].Maturity != 4 || m.Requests["EV-GOV-02"].State != "received" {
		t.Error("the merge lost a change of one side")
	}
	if !strings.Contains(a.ok("verify"), "Result        ok") {
		t.Error("verify fails after the merge")
	}
	if out := a.ok("merge", ida, bundle, "--dry-run"); !strings.Contains(out, "Taken from the bundle: nothing") || !strings.Contains(out, "No conflicts") {
		t.Errorf("merging the same bundle again:\n%s", out)
	}
}

func TestMergeRefusesWithOneSentence(t *testing.T) {
	a, b, ida, idb := twoCopiesOfTheDemo(t)
	bundle := b.export(idb)
	other := a.demo()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a copy of another assessment", []string{"merge", other, bundle}, 1, "are not copies of one assessment"},
		{"a take without its side", []string{"merge", ida, bundle, "--take", "result/4.1/status"}, 2, "write --take ours=REF or --take theirs=REF"},
		{"one conflict settled both ways", []string{"merge", ida, bundle, "--take", "theirs=result/4.1/status", "--take", "ours=result/4.1/status"}, 2, "settles result/4.1/status both as theirs and as ours"},
		{"a take of no conflict", []string{"merge", ida, bundle, "--take", "ours=result/9.9/status"}, 1, "there is no conflict on result/9.9/status"},
		{"not a bundle", []string{"merge", ida, a.db}, 1, "not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := a.run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("exit %d (want %d), %q, want %q", code, tt.code, errs, tt.want)
			}
		})
	}
	full := a.completeDemo()
	a.ok("finalise", full)
	if _, errs, code := a.run("merge", full, bundle); code != 1 || !strings.Contains(errs, "is finalised") {
		t.Errorf("merging into a finalised assessment: exit %d, %q", code, errs)
	}
}

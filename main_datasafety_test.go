package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
)

// refusedUnchanged runs a command on a database that must be refused: exit 1, one sentence
// on stderr mentioning want, nothing on stdout, and the file (when there is one) unchanged.
func refusedUnchanged(t *testing.T, path, want string, args ...string) {
	t.Helper()
	var before []byte
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		before, _ = os.ReadFile(path)
	}
	var out, errs bytes.Buffer
	code := run(append(args, "--db", path), &out, &errs)
	msg := strings.TrimSpace(errs.String())
	if code != 1 || out.Len() != 0 || strings.Contains(msg, "\n") || !strings.Contains(msg, want) {
		t.Errorf("%s on %s: exit %d, stdout %q, stderr %q; want exit 1 and one sentence mentioning %q", args[0], filepath.Base(path), code, out.String(), msg, want)
	}
	t.Logf("%s", msg)
	if before != nil {
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("%s was changed", path)
		}
	}
}

// closedDatabase makes a database through the command line and returns its bytes.
func closedDatabase(t *testing.T) (*cli, string, []byte) {
	t.Helper()
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Zoë Ångström AG"))
	c.ok("assess", id, "4.1", "--status", "partial", "--maturity", "2", "--note", "Context analysis is two years old")
	data, err := os.ReadFile(c.db)
	if err != nil {
		t.Fatal(err)
	}
	return c, id, data
}

func TestDamagedFilesAndBadPathsAreRefused(t *testing.T) {
	_, _, good := closedDatabase(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o600)
		return p
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)-4096] ^= 0xff // the page type of the last page
	missing := filepath.Join(dir, "no-such-folder", "a.db")
	for _, tc := range []struct{ name, path, want string }{
		{"truncated", write("truncated.db", good[:len(good)/2]), "is damaged and cannot be used safely"},
		{"truncated inside the header", write("stub.db", good[:60]), "is not an aimsbench database"},
		{"a flipped byte in a page", write("flipped.db", flipped), "is damaged and cannot be used safely"},
		{"a folder", dir, "is a folder, not a database file"},
		{"a missing folder", missing, "does not exist; create it first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			refusedUnchanged(t, tc.path, tc.want, "list")
			refusedUnchanged(t, tc.path, tc.want, "assess", "00000000", "4.1", "--status", "conformant")
		})
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("a missing folder was created")
	}
}

func TestVerifyNamesTheFirstBrokenLinkAndChangedEvidence(t *testing.T) {
	c, id, _ := closedDatabase(t)
	for i, item := range []string{"5.2", "6.1.2", "7.2", "8.2"} {
		c.ok("assess", id, item, "--status", "conformant", "--maturity", "3", "--note", strings.Repeat("x", i+1))
	}
	dir := t.TempDir()
	policy, minutes := filepath.Join(dir, "AI policy.pdf"), filepath.Join(dir, "minutes.docx")
	os.WriteFile(policy, []byte("policy v1"), 0o600)
	os.WriteFile(minutes, []byte("minutes"), 0o600)
	attachEvidence(t, c.db, id, "9.3.2", policy, minutes)
	if out := c.ok("verify"); !strings.Contains(out, "Result        ok") {
		t.Fatalf("clean verify: %s", out)
	}

	os.WriteFile(policy, []byte("policy v2"), 0o600)
	os.Remove(minutes)
	db, _ := sql.Open("sqlite", c.db)
	for _, q := range []string{
		`UPDATE audit SET new = '"softened"' WHERE seq = 3`,
		`UPDATE audit SET actor = 'mallory' WHERE seq = 6`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	out, _, code := c.run("verify", "--json")
	var rep store.VerifyReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != 1 || rep.OK || !strings.HasPrefix(rep.BrokenLink, "audit row 3 ") {
		t.Errorf("exit %d, broken link %q; want audit row 3, the first of two edited rows", code, rep.BrokenLink)
	}
	problems := map[string]string{}
	for _, e := range rep.EvidenceFail {
		problems[e.Path] = e.Problem
	}
	if problems[policy] != "changed since it was attached" || problems[minutes] != "missing or unreadable" {
		t.Errorf("evidence problems: %+v", rep.EvidenceFail)
	}
	text, _, _ := c.run("verify")
	for _, want := range []string{"Broken link   audit row 3", "AI policy.pdf (" + id + ", item 9.3.2): changed since it was attached", "minutes.docx (" + id + ", item 9.3.2): missing or unreadable"} {
		if !strings.Contains(text, want) {
			t.Errorf("verify does not say %q:\n%s", want, text)
		}
	}
}

// attachEvidence attaches files to an item as the workbench does: path, size and SHA-256.
func attachEvidence(t *testing.T, db, id, itemID string, paths ...string) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cat, _ := checklists.Builtin()
	item, _ := cat.Item(itemID)
	var ev []assessment.Evidence
	for _, p := range paths {
		size, sum, err := store.HashFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ev = append(ev, assessment.Evidence{Title: filepath.Base(p), Kind: "document", Path: p, Size: size, SHA256: sum})
	}
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{AddEvidence: ev}); err != nil {
		t.Fatal(err)
	}
}

func TestReportFingerprintIsTheVerifiedChainHead(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read reports back; install poppler-utils (.ci/run does)")
	}
	c := newCLI(t)
	id := c.demo()
	var rep store.VerifyReport
	if err := json.Unmarshal([]byte(c.ok("verify", "--json")), &rep); err != nil || len(rep.ChainHead) != 64 {
		t.Fatalf("verify --json: %+v %v", rep, err)
	}
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	c.ok("export", id, "--format", "pdf", "--out", pdf)
	text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, rep.ChainHead) {
		t.Errorf("the PDF does not carry the chain head %s that verify prints", rep.ChainHead)
	}
	c.ok("assess", id, "4.1", "--note", "changed after the report")
	json.Unmarshal([]byte(c.ok("verify", "--json")), &rep)
	if strings.Contains(flat, rep.ChainHead) {
		t.Error("the chain head did not move with the data")
	}
}

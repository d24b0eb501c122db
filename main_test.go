package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
)

// cli runs one command line in-process against a database and returns stdout, stderr and the
// exit code, as a script calling the binary would see them.
type cli struct {
	t  *testing.T
	db string
}

func newCLI(t *testing.T) *cli {
	return &cli{t: t, db: filepath.Join(t.TempDir(), "a.db")}
}

func (c *cli) run(args ...string) (string, string, int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code := run(append(args, "--db", c.db), &out, &errb)
	return out.String(), errb.String(), code
}

func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errs, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

func (c *cli) summary(id string) map[string]any {
	c.t.Helper()
	var s map[string]any
	if err := json.Unmarshal([]byte(c.ok("summary", id, "--json")), &s); err != nil {
		c.t.Fatal(err)
	}
	return s
}

func TestNewAnnouncesDatabaseAndPrintsID(t *testing.T) {
	c := newCLI(t)
	out, errs, code := c.run("new", "--org", "Zoë Ångström AG", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "created a new database at "+c.db) {
		t.Errorf("new database not announced on stderr: %q", errs)
	}
	var v struct{ ID string }
	if json.Unmarshal([]byte(out), &v) != nil || v.ID == "" {
		t.Fatalf("new --json printed %q", out)
	}
	info, _ := os.Stat(c.db)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", info.Mode().Perm())
	}
	_, errs, _ = c.run("list")
	if strings.Contains(errs, "created") {
		t.Error("an existing database was announced as new")
	}
	var list []map[string]any
	json.Unmarshal([]byte(c.ok("list", "--json")), &list)
	if len(list) != 1 || list[0]["organisation"] != "Zoë Ångström AG" || list[0]["total"] != 70.0 || list[0]["id"] != v.ID {
		t.Errorf("list --json = %v", list)
	}
}

func TestGlobalFlagsBeforeOrAfterCommand(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	var before, after bytes.Buffer
	if code := run([]string{"--db", c.db, "list", "--json"}, &before, os.Stderr); code != 0 {
		t.Fatal("--db before the command failed")
	}
	run([]string{"list", "--json", "--db", c.db}, &after, os.Stderr)
	if before.String() != after.String() || !strings.Contains(before.String(), id) {
		t.Errorf("--db before and after differ:\n%s\n%s", before.String(), after.String())
	}
}

func TestAssessRecordsDurablyAndRefusesWithOneSentence(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	if out := c.ok("assess", id, "A.6.2.4", "--status", "partial", "--maturity", "2", "--note", "No V&V plan", "--evidence", "Test report"); out != "ok\n" {
		t.Errorf("assess printed %q, want ok", out)
	}
	s := c.summary(id)
	if g := group(s, "A.6"); g["assessed"] != 1.0 {
		t.Errorf("A.6 roll-up after one judgement: %v", g)
	}
	refusals := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"N/A on a clause", []string{"assess", id, "6.1.2", "--status", "na"}, "cannot be marked not applicable", 1},
		{"exclusion without justification", []string{"assess", id, "A.7.3", "--soa", "excluded"}, "needs a justification", 1},
		{"unknown item", []string{"assess", id, "A.6.1.1", "--status", "conformant"}, "is not a clause or control", 1},
		{"maturity out of range", []string{"assess", id, "4.1", "--maturity", "7"}, "outside the scale", 1},
		{"unknown status", []string{"assess", id, "4.1", "--status", "maybe"}, "is not known", 1},
		{"unknown assessment", []string{"assess", "ffffffff", "4.1", "--status", "conformant"}, "no such assessment", 1},
		{"nothing to record", []string{"assess", id, "4.1"}, "nothing to record", 2},
		{"missing item", []string{"assess", id}, "accepts 2 arg(s)", 2},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			out, errs, code := c.run(r.args...)
			if code != r.code || out != "" || !strings.Contains(errs, r.want) {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, r.code, out, errs, r.want)
			}
			if r.code == 1 && strings.Count(errs, "\n") != 1 {
				t.Errorf("error is not one line: %q", errs)
			}
		})
	}
	c.ok("assess", id, "A.7.3", "--soa", "excluded", "--justification", "The organisation acquires no external data for any AI system in scope")
	if s := c.summary(id); s["total"] != 69.0 {
		t.Errorf("an excluded control still counts: total %v", s["total"])
	}
}

func group(s map[string]any, id string) map[string]any {
	for _, g := range s["groups"].([]any) {
		if g := g.(map[string]any); g["id"] == id {
			return g
		}
	}
	return nil
}

// readyAssessment builds, through the command line, an assessment with one in-scope AI
// system that has an impact assessment and every clause leaf and control conformant at
// maturity 3 with one evidence item, and records its management cycle.
func readyAssessment(t *testing.T, c *cli, inventory string) string {
	t.Helper()
	id := strings.TrimSpace(c.ok("new", "--org", "Ready Ltd"))
	if inventory != "" {
		csv := filepath.Join(t.TempDir(), "inventory.csv")
		os.WriteFile(csv, []byte(inventory), 0o600)
		c.ok("import", "--format", "inventory-csv", "--into", id, csv)
	}
	cat, _ := checklists.Builtin()
	for _, item := range cat.Assessable() {
		c.ok("assess", id, item.ID, "--status", "conformant", "--maturity", "3", "--evidence", "Evidence for "+item.ID)
	}
	recordManagementCycle(t, c, id, cat)
	return id
}

// recordManagementCycle records, through the store since the command line has no register
// commands, an independent internal audit of the whole AIMS held last month and a management
// review of every 9.3.2 input held last week: the records a complete cycle needs.
func recordManagementCycle(t *testing.T, c *cli, id string, cat *checklists.Catalogue) {
	t.Helper()
	s, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var groups, inputs []string
	for _, g := range cat.Groups() {
		groups = append(groups, g.ID)
	}
	for _, in := range cat.ManagementReviewInputs {
		inputs = append(inputs, in.ID)
	}
	held := time.Now().AddDate(0, -1, 0)
	if _, err := s.SaveAudit(id, nil, assessment.InternalAudit{Title: "The whole AIMS", Planned: held, Held: held,
		Auditor: "Group internal auditor", AuditorArea: "Group Internal Audit", Items: groups}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveReview(id, nil, assessment.ManagementReview{Date: time.Now().AddDate(0, 0, -7),
		Attendees: []string{"Chief executive"}, Inputs: inputs}); err != nil {
		t.Fatal(err)
	}
}

// oneSystem is an inventory of one in-scope system whose impact assessment is two months old.
var oneSystem = "name,owner,lifecycle stage,roles,impact level,in scope,aisia date\nClaims triage,Ana,operation-monitoring,provider,medium,yes," +
	time.Now().AddDate(0, -2, 0).Format(time.DateOnly) + "\n"

func TestVerdictFromTheCommandLine(t *testing.T) {
	c := newCLI(t)
	id := readyAssessment(t, c, oneSystem)
	s := c.summary(id)
	if s["level"] != 3.0 || s["verdict"] != "Certification-ready" || s["complete"] != true {
		t.Fatalf("ready assessment: level %v, verdict %v, complete %v, blockers %v", s["level"], s["verdict"], s["complete"], s["blockers"])
	}
	cases := []struct {
		name  string
		setup func(id string)
		kind  string
	}{
		{"nonconformant item", func(id string) { c.ok("assess", id, "8.2", "--status", "nonconformant") }, "nonconformant"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.setup(id)
			s := c.summary(id)
			if s["level"] != 2.0 || !hasBlocker(s, tc.kind) {
				t.Errorf("level %v, blockers %v; want level 2 naming %s", s["level"], s["blockers"], tc.kind)
			}
		})
	}
	t.Run("maturity below 3", func(t *testing.T) {
		c.ok("assess", id, "7.3", "--maturity", "2")
		s := c.summary(id)
		below, _ := s["below_level_3"].([]any)
		if s["level"] != 2.0 || len(below) != 1 || below[0].(map[string]any)["item"] != "7.3" || hasBlocker(s, "maturity_below_3") {
			t.Errorf("level %v, below_level_3 %v; want level 2 with 7.3 listed apart from the blockers", s["level"], s["below_level_3"])
		}
	})
	// An empty inventory and a system without an impact assessment: TestAcceptanceVerdict.
}

func hasBlocker(s map[string]any, kind string) bool {
	for _, b := range s["blockers"].([]any) {
		if b.(map[string]any)["kind"] == kind {
			return true
		}
	}
	return false
}

func fileSum(t *testing.T, path string) [32]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestForeignFilesAreRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("client notes\n"), 0o644)
	c := newCLI(t)
	c.ok("new", "--org", "Acme")
	newer := filepath.Join(dir, "newer.db")
	data, _ := os.ReadFile(c.db)
	os.WriteFile(newer, data, 0o600)
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 42")
	db.Close()
	for _, p := range []string{text, newer} {
		before := fileSum(t, p)
		var out, errs bytes.Buffer
		code := run([]string{"list", "--db", p}, &out, &errs)
		if code != 1 || strings.Count(strings.TrimSpace(errs.String()), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 with one sentence", filepath.Base(p), code, errs.String())
		}
		if fileSum(t, p) != before {
			t.Errorf("%s was changed", filepath.Base(p))
		}
	}
}

func TestVerifyNamesARowEditedBehindItsBack(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	c.ok("assess", id, "5.2", "--status", "conformant", "--maturity", "3", "--evidence", "AI policy v2")
	if out := c.ok("verify"); !strings.Contains(out, "Result        ok") {
		t.Fatalf("clean verify: %s", out)
	}
	db, _ := sql.Open("sqlite", c.db)
	db.Exec(`UPDATE records SET body = replace(body, '"maturity":3', '"maturity":5') WHERE kind = 'result'`)
	db.Close()
	out, errs, code := c.run("verify")
	if code != 1 || !strings.Contains(out, "judgement of 5.2 of assessment "+id+" was changed outside aimsbench") {
		t.Errorf("exit %d, stdout %s, stderr %s", code, out, errs)
	}
}

func TestInventoryImportIsAllOrNothing(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("\ufeffName;Owner;Roles;Impact level;In scope;Personal data\nFraud scoring;Zoë;provider;high;yes;yes\nOCR;Łukasz;customer;AI partner;low;no;no\n"), 0o600)
	_, errs, code := c.run("import", "--format", "inventory-csv", "--into", id, good)
	if code != 1 || !strings.Contains(errs, "line 3") {
		t.Errorf("row with an extra field: exit %d, %s", code, errs)
	}
	os.WriteFile(good, []byte("\ufeffName;Owner;Roles;Impact level;In scope;Personal data\nFraud scoring;Zoë;provider;high;yes;yes\nOCR;Łukasz;\"customer; partner\";low;yes;no\n"), 0o600)
	if out := c.ok("import", "--format", "inventory-csv", "--into", id, good); !strings.Contains(out, "added: 2 AI systems: Fraud scoring, OCR") {
		t.Errorf("import said %q", out)
	}
	// The client's inventory imported twice holds each system once; a changed cell updates.
	os.WriteFile(good, []byte("\ufeffName;Owner;Roles;Impact level;In scope;Personal data\nFraud scoring;Zoë Ångström;provider;high;yes;yes\nOCR;Łukasz;\"customer; partner\";low;yes;no\n"), 0o600)
	if out := c.ok("import", "--format", "inventory-csv", "--into", id, good, "--dry-run"); !strings.Contains(out, "would be updated: 1: Fraud scoring (owner)") || !strings.Contains(out, "nothing was written") {
		t.Errorf("dry run said %q", out)
	}
	if out := c.ok("import", "--format", "inventory-csv", "--into", id, good); !strings.Contains(out, "added: 0 AI systems") || !strings.Contains(out, "updated: 1: Fraud scoring (owner)") || !strings.Contains(out, "unchanged: 1") {
		t.Errorf("second import said %q", out)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,impact level,aisia date,roles\nA,extreme,2026-01-01,provider\n,low,01/02/2026,wizard\nC,low,2026-02-01,customer\n"), 0o600)
	_, errs, code = c.run("import", "--format", "inventory-csv", "--into", id, bad)
	for _, want := range []string{"line 2: impact level \"extreme\"", "line 3: the name is empty", "line 3: aisia date", "line 3: AI role \"wizard\"", "nothing was imported"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	if code != 1 {
		t.Errorf("bad import exit %d", code)
	}
	st, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, _ := st.Load(id)
	if len(a.Systems) != 2 || a.Systems[0].Name != "Fraud scoring" || a.Systems[1].Roles[0] != "customer" || a.Systems[1].Roles[1] != "partner" || !a.Systems[0].PersonalData {
		t.Errorf("after one good and one refused import the inventory is %+v", a.Systems)
	}
}

func TestCatalogueCommand(t *testing.T) {
	c := newCLI(t)
	var cat struct {
		Items []struct {
			ID         string
			Assessable bool
		}
		RequiredControls []struct{ ID string } `json:"required_controls"`
		Sources          struct {
			EUAIAct string `json:"eu_ai_act"`
		}
	}
	if err := json.Unmarshal([]byte(c.ok("catalogue", "--json")), &cat); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range cat.Items {
		if it.Assessable {
			n++
		}
	}
	if n != 70 || cat.Items[0].ID != "4" {
		t.Errorf("%d assessable items, first %q", n, cat.Items[0].ID)
	}
	if !strings.HasPrefix(cat.Sources.EUAIAct, "Indicative only") || len(cat.RequiredControls) != 6 {
		t.Errorf("catalogue --json: EU AI Act note %q, %d required-controls rows; want the indicative label and 6 rows", cat.Sources.EUAIAct, len(cat.RequiredControls))
	}
	bad := filepath.Join(t.TempDir(), "firm.json")
	os.WriteFile(bad, []byte(`{"id":"firm","version":"1","items":[{"id":"4","title":"Context","kind":"heading"},{"id":"4","title":"Dup","kind":"heading"},{"id":"4.1","title":"X","kind":"clause","parent":"9","verify":"v","evidence":"e"}]}`), 0o600)
	_, errs, code := c.run("catalogue", "--catalogue", bad)
	if code != 1 || !strings.Contains(errs, `duplicate ID "4"`) || !strings.Contains(errs, `parent "9", which does not exist`) {
		t.Errorf("bad catalogue: exit %d, %s", code, errs)
	}
}

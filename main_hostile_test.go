package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
)

// hostile is text that would act on a terminal if printed raw: an OSC 52 clipboard write, a
// screen clear, colour, bidirectional overrides and isolates, NUL, a bell, a C1 control as a
// character and as a stray byte, the C1 CSI introducer and DEL.
const hostile = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[31mRED\u202eevil\u202c\u2066iso\u2069\x00nul\u0085next\x85\u009b31m\x7fdel"

// hiddenIn returns the first character in out that a terminal would act on or hide: a C0
// control other than newline and tab, DEL, a C1 control, a bidirectional override or
// isolate, or a byte that is not UTF-8.
func hiddenIn(out string) (rune, bool) {
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			return r, true
		case r < 0x20 && r != '\n' && r != '\t', r >= 0x7f && r <= 0x9f:
			return r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// hostileCatalogue writes the built-in catalogue with the hostile text added to every title,
// guidance text and description, and to its own ID, so that every command printing catalogue
// text prints it.
func hostileCatalogue(t *testing.T, dir string) string {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(builtinCatalogue(t), &c); err != nil {
		t.Fatal(err)
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && strings.Contains(" title verify evidence hint description summary name unit formula ", " "+k+" ") {
					v[k] = s + " " + hostile
				} else {
					v[k] = walk(x)
				}
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x)
			}
		}
		return v
	}
	walk(c)
	c["id"], c["version"] = "firm"+hostile, "2026"+hostile
	data, _ := json.MarshalIndent(c, "", " ")
	path := filepath.Join(dir, "firm"+hostile[:9]+".json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func builtinCatalogue(t *testing.T) []byte {
	data, err := os.ReadFile(filepath.Join("checklists", checklists.BuiltinName))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestNoCommandPrintsARawControlCharacter fills a database, its file name and a catalogue
// with hostile text and runs every command, in text and JSON form, including ones that fail:
// no output may carry a character a terminal would act on, and JSON must still decode, to the
// hostile text itself.
func TestNoCommandPrintsARawControlCharacter(t *testing.T) {
	dir := t.TempDir()
	cat := hostileCatalogue(t, dir)
	c := &cli{t: t, db: filepath.Join(dir, "client"+hostile[:9]+".db")}
	run := func(args ...string) (string, string, int) { return c.run(append(args, "--catalogue", cat)...) }
	out, errs, code := run("new", "--org", hostile, "--title", hostile, "--assessor", hostile)
	if r, bad := hiddenIn(errs); code != 0 || bad || !strings.Contains(errs, "created a new database at") {
		t.Fatalf("new: exit %d, %U raw in %q", code, r, errs)
	}
	id := strings.TrimSpace(out)
	demo, _, _ := run("demo")
	demo = strings.TrimSpace(demo)
	evidence := filepath.Join(dir, "minutes"+hostile[:9]+".pdf")
	os.WriteFile(evidence, []byte("minutes"), 0o600)
	hostileRecords(t, c.db, cat, id, evidence)
	csv := filepath.Join(dir, "inventory.csv")
	printable := strings.ToValidUTF8(strings.ReplaceAll(hostile, "\x00", ""), "?") // what a CSV may hold
	os.WriteFile(csv, []byte("name,owner,purpose\n"+printable+",\"Ana "+printable+"\",x\n"), 0o600)
	bundle := filepath.Join(dir, "bundle"+hostile[:9]+".json")

	// Each command, and whether it must succeed (the others fail on purpose, to print errors).
	commands := []struct {
		args []string
		ok   bool
	}{
		{[]string{"list"}, true}, {[]string{"list", "--json"}, true},
		{[]string{"summary", id}, true}, {[]string{"summary", id, "--json"}, true}, {[]string{"summary", demo}, true},
		{[]string{"assess", id, "4.1", "--status", "partial", "--note", hostile, "--evidence", hostile}, true},
		{[]string{"assess", id, "A.2.2", "--soa", "excluded", "--justification", hostile + " is why this control does not apply here"}, true},
		{[]string{"assess", hostile, "4.1", "--status", "partial"}, false},
		{[]string{"assess", id, hostile, "--status", "partial"}, false},
		{[]string{"import", "--format", "inventory-csv", "--into", id, csv}, true},
		{[]string{"import", "--format", "inventory-csv", "--into", id, filepath.Join(dir, hostile[:9]+".csv")}, false},
		{[]string{"export", id, "--format", "json", "--out", bundle}, true},
		{[]string{"import", "--format", "json", bundle}, true},
		{[]string{"export", id, "--format", "pdf", "--out", filepath.Join(dir, "r"+hostile[:9]+".pdf")}, true},
		{[]string{"export", id, "--format", "csv", "--out", filepath.Join(dir, "r"+hostile[:9]+".csv")}, true},
		{[]string{"export", id, "--format", "xlsx", "--out", filepath.Join(dir, "r"+hostile[:9]+".xlsx")}, true},
		{[]string{"export", id, "--format", "pdf", "--out", c.db}, false},
		{[]string{"copy", id}, true}, {[]string{"copy", id, "--json"}, true},
		{[]string{"compare", id, demo}, true}, {[]string{"compare", id, demo, "--json"}, true},
		{[]string{"catalogue"}, true}, {[]string{"catalogue", "--json"}, true},
		{[]string{"verify"}, false}, {[]string{"verify", "--json"}, false}, // the evidence file is gone
		{[]string{"backup", "--out", filepath.Join(dir, "b"+hostile[:9]+".db")}, true},
		{[]string{"backup", "--out", c.db}, false},
		{[]string{"version"}, true}, {[]string{"--help"}, true}, {[]string{"export", "--help"}, true},
		{[]string{"summary", "--format", hostile}, false},
		{[]string{hostile}, false},
	}
	for _, cmd := range commands {
		args := cmd.args
		out, errs, code := run(args...)
		if (code == 0) != cmd.ok {
			t.Errorf("%q: exit %d: %s", args, code, errs)
		}
		for stream, text := range map[string]string{"stdout": out, "stderr": errs} {
			if r, bad := hiddenIn(text); bad {
				t.Errorf("%q: %s carries %U raw:\n%q", args, stream, r, text)
			}
		}
		if args[len(args)-1] == "--json" && out != "" && !json.Valid([]byte(out)) {
			t.Errorf("%q: not valid JSON:\n%s", args, out)
		}
	}
	var list []map[string]any
	json.Unmarshal([]byte(c.ok("list", "--json", "--catalogue", cat)), &list)
	found := false
	for _, e := range list {
		found = found || e["organisation"] == strings.ToValidUTF8(hostile, "\uFFFD")
	}
	if !found {
		t.Errorf("list --json does not decode to the stored organisation name: %v", list)
	}
}

// hostileRecords stores hostile text where the command line cannot put it: an AI system, a
// nonconformity, an evidence file path (then removed, so verify names it), and a record with
// a hostile key added behind aimsbench's back (so verify lists it).
func hostileRecords(t *testing.T, db, catPath, id, evidence string) {
	t.Helper()
	cat, err := checklists.LoadFile(catPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sys := assessment.AISystem{Name: hostile, Purpose: hostile, Owner: hostile, InScope: true, Impact: assessment.ImpactHigh}
	if _, err := s.SaveSystem(id, nil, sys); err != nil {
		t.Fatal(err)
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	item, _ := cat.Item("6.1.2")
	nc := assessment.NewNonconformity(a.NextNCNumber(), a.Result(item), item.Title, today())
	nc.Description = hostile
	if _, err := s.SaveNC(id, nil, nc); err != nil {
		t.Fatal(err)
	}
	size, sum, err := store.HashFile(evidence)
	if err != nil {
		t.Fatal(err)
	}
	ev := assessment.Evidence{Title: hostile, Kind: "document", Path: evidence, Size: size, SHA256: sum}
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{ev}, Finding: ptr(hostile)}); err != nil {
		t.Fatal(err)
	}
	os.Remove(evidence)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec("INSERT INTO records (assessment_id, kind, key, body) VALUES (?, ?, ?, '{}')", id, hostile, hostile); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

func TestMergeRecordAppliesOnlyWhatTheEditorChanged(t *testing.T) {
	tests := []struct {
		name                     string
		stored, base, next, want string
		conflicts                []string
	}{
		{"an unchanged edit keeps what another writer saved", `{"a":"theirs","b":1}`, `{"a":"old","b":1}`, `{"a":"old","b":1}`, `{"a":"theirs","b":1}`, nil},
		{"a changed field is applied", `{"a":"old","b":1}`, `{"a":"old","b":1}`, `{"a":"old","b":2}`, `{"a":"old","b":2}`, nil},
		{"different fields changed by two writers both survive", `{"a":"theirs","b":1}`, `{"a":"old","b":1}`, `{"a":"old","b":2}`, `{"a":"theirs","b":2}`, nil},
		{"the same change by both writers is no conflict", `{"a":"same"}`, `{"a":"old"}`, `{"a":"same"}`, `{"a":"same"}`, nil},
		{"the same field changed differently is a conflict", `{"a":"theirs"}`, `{"a":"old"}`, `{"a":"mine"}`, `{"a":"theirs"}`, []string{"a"}},
		{"a field only the stored record has is kept", `{"a":1,"z":true}`, `{"a":1}`, `{"a":2}`, `{"a":2,"z":true}`, nil},
		{"space inside a value is no change", `{"a":[1,2]}`, `{"a":[1, 2]}`, `{"a":[1,2]}`, `{"a":[1,2]}`, nil},
		{"a value that is not an object merges whole", `"open"`, `"open"`, `"done"`, `"done"`, nil},
		{"a whole value changed differently is a conflict", `"sent"`, `"open"`, `"done"`, `"sent"`, []string{"value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conflicts, err := MergeRecord([]byte(tt.stored), []byte(tt.base), []byte(tt.next))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("merged %s, want %s", got, tt.want)
			}
			var fields []string
			for _, c := range conflicts {
				fields = append(fields, c.Field)
			}
			if strings.Join(fields, ",") != strings.Join(tt.conflicts, ",") {
				t.Errorf("conflicts %v, want %v", fields, tt.conflicts)
			}
		})
	}
}

func TestMergeRecordRefusesInvalidJSON(t *testing.T) {
	if _, _, err := MergeRecord([]byte(`{"a":`), []byte(`{}`), []byte(`{}`)); err == nil {
		t.Error("a damaged stored record was merged")
	}
}

// twoWriters opens one database file through two store handles, as the workbench and the
// command line do at the same time.
func twoWriters(t *testing.T) (workbench, cli *Store, id string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	workbench, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { workbench.Close() })
	if id, err = workbench.Create(sample()); err != nil {
		t.Fatal(err)
	}
	if cli, err = Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cli.Close() })
	return workbench, cli, id
}

func TestEditsOfTwoWritersMergeFieldByField(t *testing.T) {
	cat, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	item, _ := cat.Item("4.1")
	text := func(s string) *string { return &s }
	tests := []struct {
		name      string
		theirs    assessment.Judgement // saved by the other writer after the workbench read the result
		mine      assessment.Judgement // the workbench's judgement, made on what it read
		finding   string               // the finding stored afterwards
		maturity  int
		conflict  bool
		evidences int
	}{
		{"an unchanged notes form keeps the finding saved meanwhile", assessment.Judgement{Finding: text("from assess")}, assessment.Judgement{Finding: text("")}, "from assess", 3, false, 1},
		{"a maturity change keeps the finding saved meanwhile", assessment.Judgement{Finding: text("from assess")}, assessment.Judgement{Maturity: ptr(4)}, "from assess", 4, false, 1},
		{"the same finding changed differently is refused", assessment.Judgement{Finding: text("from assess")}, assessment.Judgement{Finding: text("from the workbench")}, "from assess", 3, true, 1},
		{"evidence added by both writers is all kept", assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "theirs"}}}, assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "mine"}}}, "", 3, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workbench, cli, id := twoWriters(t)
			a, err := workbench.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			seen := a.Result(item)
			if _, err := cli.SaveJudgement(id, item, tt.theirs); err != nil {
				t.Fatal(err)
			}
			_, err = workbench.SaveJudgementFrom(id, item, seen, tt.mine)
			if tt.conflict != errors.Is(err, ErrConflict) {
				t.Fatalf("conflict %v, want %v (%v)", err, tt.conflict, err)
			}
			if tt.conflict && (!strings.Contains(err.Error(), `"from assess"`) || !strings.Contains(err.Error(), `"from the workbench"`) || !strings.Contains(err.Error(), "ctrl+r")) {
				t.Errorf("the conflict does not show both values and what to do: %v", err)
			}
			stored, _ := cli.Load(id)
			r := stored.Result(item)
			if r.Finding != tt.finding || r.Maturity != tt.maturity || len(r.Evidence) != tt.evidences {
				t.Errorf("stored finding %q maturity %d evidence %d, want %q %d %d", r.Finding, r.Maturity, len(r.Evidence), tt.finding, tt.maturity, tt.evidences)
			}
		})
	}
}

func TestAnUnchangedEditWritesNothing(t *testing.T) {
	cat, _ := checklists.Builtin()
	item, _ := cat.Item("4.1")
	s := openTemp(t)
	id, _ := s.Create(sample())
	a, _ := s.Load(id)
	before, _ := s.LastChange()
	same := ""
	if _, err := s.SaveJudgementFrom(id, item, a.Result(item), assessment.Judgement{Finding: &same}); err != nil {
		t.Fatal(err)
	}
	sys := a.Systems[0]
	if _, err := s.SaveSystem(id, &sys, sys); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.LastChange(); after != before {
		t.Errorf("an unchanged edit wrote %d audit rows", after-before)
	}
}

func TestRecordEditsOfTwoWritersMergeFieldByField(t *testing.T) {
	tests := []struct {
		name     string
		theirs   func(s *Store, id string, a *assessment.Assessment) error
		mine     func(s *Store, id string, a *assessment.Assessment) error
		check    func(a *assessment.Assessment) string
		conflict bool
	}{
		{"a system's purpose and name edited by two writers both survive",
			func(s *Store, id string, a *assessment.Assessment) error {
				next := a.Systems[0]
				next.Purpose = "claims triage"
				_, err := s.SaveSystem(id, &a.Systems[0], next)
				return err
			},
			func(s *Store, id string, a *assessment.Assessment) error {
				next := a.Systems[0]
				next.Name = "Triage v2"
				_, err := s.SaveSystem(id, &a.Systems[0], next)
				return err
			},
			func(a *assessment.Assessment) string { return a.Systems[0].Name + "/" + a.Systems[0].Purpose }, false},
		{"a risk's title changed differently is refused",
			func(s *Store, id string, a *assessment.Assessment) error {
				next := a.Risks[0]
				next.Title = "Bias in triage"
				_, err := s.SaveRisk(id, &a.Risks[0], next)
				return err
			},
			func(s *Store, id string, a *assessment.Assessment) error {
				next := a.Risks[0]
				next.Title = "Unfair outcomes"
				_, err := s.SaveRisk(id, &a.Risks[0], next)
				return err
			},
			func(a *assessment.Assessment) string { return a.Risks[0].Title }, true},
		{"a role holder edited after it was deleted elsewhere is refused",
			func(s *Store, id string, a *assessment.Assessment) error {
				return s.write(id, func(t *tx) error { return t.remove(id, kindRole, "aims-manager") })
			},
			func(s *Store, id string, a *assessment.Assessment) error {
				next := a.RoleHolders[0]
				next.Name = "Bea"
				_, err := s.SaveRoleHolder(id, &a.RoleHolders[0], next)
				return err
			},
			func(a *assessment.Assessment) string { return "" }, true},
	}
	want := map[string]string{
		"a system's purpose and name edited by two writers both survive": "Triage v2/claims triage",
		"a risk's title changed differently is refused":                  "Bias in triage",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workbench, cli, id := twoWriters(t)
			a, _ := workbench.Load(id)
			if err := tt.theirs(cli, id, a); err != nil {
				t.Fatal(err)
			}
			err := tt.mine(workbench, id, a)
			if tt.conflict != (err != nil) {
				t.Fatalf("refused: %v, want refused %v", err, tt.conflict)
			}
			stored, _ := cli.Load(id)
			if got := tt.check(stored); got != want[tt.name] {
				t.Errorf("stored %q, want %q", got, want[tt.name])
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

package store

import (
	"slices"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// titles lists the titles of an item's stored evidence, in order.
func titles(t *testing.T, s *Store, id string, item checklists.Item) []string {
	t.Helper()
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range a.Result(item).Evidence {
		out = append(out, e.Title)
	}
	return out
}

// An evidence item edited or removed in the workbench is found in the list as stored by what
// it was, so the command line adding or removing items meanwhile loses nothing, and an item
// changed meanwhile refuses the edit.
func TestEvidenceIsEditedAndRemovedByIdentity(t *testing.T) {
	cat := catalogue(t)
	item, _ := cat.Item("4.1")
	policy := assessment.Evidence{Title: "AI policy v2", Kind: "document"}
	tests := []struct {
		name    string
		theirs  func(seen []assessment.Evidence) assessment.Judgement // the command line, after the workbench read the item
		edit    func(seen []assessment.Evidence) *assessment.EvidenceEdit
		want    []string
		wantErr string
	}{
		{"an edit keeps evidence added meanwhile",
			func([]assessment.Evidence) assessment.Judgement {
				return assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "Minutes"}}}
			},
			func(seen []assessment.Evidence) *assessment.EvidenceEdit {
				return &assessment.EvidenceEdit{Index: 1, Was: seen[1], Now: &assessment.Evidence{Title: "AI policy v3", Kind: "document"}}
			}, []string{"Context analysis", "AI policy v3", "Minutes"}, ""},
		{"a removal keeps evidence added meanwhile",
			func([]assessment.Evidence) assessment.Judgement {
				return assessment.Judgement{AddEvidence: []assessment.Evidence{{Title: "Minutes"}}}
			},
			func(seen []assessment.Evidence) *assessment.EvidenceEdit {
				return &assessment.EvidenceEdit{Index: 0, Was: seen[0]}
			}, []string{"AI policy v2", "Minutes"}, ""},
		{"an item that moved is still found",
			func(seen []assessment.Evidence) assessment.Judgement {
				return assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: 0, Was: seen[0]}}
			},
			func(seen []assessment.Evidence) *assessment.EvidenceEdit {
				return &assessment.EvidenceEdit{Index: 1, Was: seen[1], Now: &assessment.Evidence{Title: "AI policy v3"}}
			}, []string{"AI policy v3"}, ""},
		{"an item changed meanwhile refuses the edit",
			func(seen []assessment.Evidence) assessment.Judgement {
				return assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: 1, Was: seen[1], Now: &assessment.Evidence{Title: "AI policy (approved)"}}}
			},
			func(seen []assessment.Evidence) *assessment.EvidenceEdit {
				return &assessment.EvidenceEdit{Index: 1, Was: seen[1]}
			}, []string{"Context analysis", "AI policy (approved)"}, `the evidence item "AI policy v2" of 4.1 was changed or removed elsewhere meanwhile`},
		{"an item removed meanwhile refuses the edit",
			func(seen []assessment.Evidence) assessment.Judgement {
				return assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: 1, Was: seen[1]}}
			},
			func(seen []assessment.Evidence) *assessment.EvidenceEdit {
				return &assessment.EvidenceEdit{Index: 1, Was: seen[1], Now: &assessment.Evidence{Title: "AI policy v3"}}
			}, []string{"Context analysis"}, "press ctrl+r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workbench, cli, id := twoWriters(t)
			if _, err := workbench.SaveJudgement(id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{policy}}); err != nil {
				t.Fatal(err)
			}
			a, _ := workbench.Load(id)
			seen := a.Result(item)
			if _, err := cli.SaveJudgement(id, item, tt.theirs(seen.Evidence)); err != nil {
				t.Fatal(err)
			}
			_, err := workbench.SaveJudgementFrom(id, item, seen, assessment.Judgement{EditEvidence: tt.edit(seen.Evidence)})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if got := titles(t, cli, id, item); !slices.Equal(got, tt.want) {
				t.Errorf("stored evidence %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnEvidenceEditIsAudited(t *testing.T) {
	cat := catalogue(t)
	item, _ := cat.Item("4.1")
	s := openTemp(t)
	id, _ := s.Create(sample())
	a, _ := s.Load(id)
	seen := a.Result(item)
	if _, err := s.SaveJudgementFrom(id, item, seen, assessment.Judgement{EditEvidence: &assessment.EvidenceEdit{Index: 0, Was: seen.Evidence[0]}}); err != nil {
		t.Fatal(err)
	}
	var old, now string
	if err := s.db.QueryRow("SELECT old, new FROM audit WHERE assessment_id = ? AND key = '4.1' AND field = 'evidence' ORDER BY seq DESC LIMIT 1", id).Scan(&old, &now); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(old, "Context analysis") || strings.Contains(now, "Context analysis") {
		t.Errorf("the audit trail does not record the removal: old %s new %s", old, now)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after the removal: %+v %v", rep, err)
	}
}

package store

import (
	"strings"
	"testing"

	"aimsbench/assessment"
)

// TestVerifyNamesTheFirstBrokenLink tampers with the audit trail twice and expects verify to
// name the earlier of the two places.
func TestVerifyNamesTheFirstBrokenLink(t *testing.T) {
	for _, tc := range []struct {
		name, tamper, want string
	}{
		{"two rows edited", `UPDATE audit SET new = '"x"' WHERE seq = 7; UPDATE audit SET actor = 'mallory' WHERE seq = 4`, "audit row 4 "},
		{"a row deleted, a later one edited", `DELETE FROM audit WHERE seq = 5; UPDATE audit SET at = '2020-01-01' WHERE seq = 8`, "audit rows 5 to 5 are missing"},
		{"two rows swapped", `UPDATE audit SET seq = -1 WHERE seq = 6; UPDATE audit SET seq = 6 WHERE seq = 7; UPDATE audit SET seq = 7 WHERE seq = -1`, "audit row 6 does not link to row 5"},
		{"the first row moved to the end", `UPDATE audit SET seq = 1000 WHERE seq = 1; UPDATE audit SET seq = seq - 1 WHERE seq < 1000; UPDATE audit SET seq = (SELECT max(seq) + 1 FROM audit WHERE seq < 1000) WHERE seq = 1000`, "audit row 1 does not start the chain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			id, err := s.Create(sample())
			if err != nil {
				t.Fatal(err)
			}
			item, _ := catalogue(t).Item("5.2")
			for _, note := range []string{"one", "two", "three"} {
				if _, err := s.SaveJudgement(id, item, assessment.Judgement{Finding: &note}); err != nil {
					t.Fatal(err)
				}
			}
			if n := auditCount(t, s); n < 10 {
				t.Fatalf("only %d audit rows", n)
			}
			if _, err := s.db.Exec(tc.tamper); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Verify()
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || !strings.HasPrefix(rep.BrokenLink, tc.want) {
				t.Errorf("broken link %q, want it to start %q", rep.BrokenLink, tc.want)
			}
		})
	}
}

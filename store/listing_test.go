package store

import (
	"errors"
	"testing"

	"aimsbench/assessment"
)

// TestOneDamagedRecordHidesNothingElse damages the header of one assessment and a
// nonconformity of another, as a byte changed on disk or an edit outside aimsbench would:
// every assessment is still listed, the two damaged ones are named with the record that
// cannot be read, and the third loads as usual.
func TestOneDamagedRecordHidesNothingElse(t *testing.T) {
	s := openTemp(t)
	var ids []string
	for range 3 {
		id, err := s.Create(sample())
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	damage := map[string][2]string{ids[0]: {kindHeader, ""}, ids[1]: {kindNC, "1"}}
	for id, rec := range damage {
		if _, err := s.db.Exec("UPDATE records SET body = '{\"title\": ' WHERE assessment_id = ? AND kind = ? AND key = ?", id, rec[0], rec[1]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.List(); err == nil {
		t.Error("List hides the damaged header")
	}
	listings, err := s.Listings()
	if err != nil || len(listings) != 3 {
		t.Fatalf("Listings: %d, %v; want all 3 assessments", len(listings), err)
	}
	seen := map[string]string{}
	err = s.Walk(func(l Listing, a *assessment.Assessment) error {
		switch {
		case l.Damage != nil && a == nil:
			seen[l.ID] = l.Damage.Record()
		case l.Damage == nil && a != nil && a.Organisation.Name == sample().Organisation.Name:
			seen[l.ID] = "ok"
		default:
			t.Errorf("%s: damage %v with assessment %v", l.ID, l.Damage, a != nil)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ids[0]: "details", ids[1]: "nonconformity 1", ids[2]: "ok"}
	for id, w := range want {
		if seen[id] != w {
			t.Errorf("%s: %q, want %q", id, seen[id], w)
		}
	}
	_, err = s.Load(ids[1])
	var dmg *DamagedRecordError
	if !errors.As(err, &dmg) || dmg.Kind != kindNC || dmg.Key != "1" || dmg.Error() != "nonconformity 1 of assessment "+ids[1]+" cannot be read (unexpected end of JSON input); restore the database from a backup" {
		t.Errorf("Load of the damaged assessment: %v", err)
	}
}

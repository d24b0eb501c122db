package store

import (
	"testing"
	"time"

	"aimsbench/assessment"
)

func TestRequestUpdatesAreAuditedAndRefusalsWriteNothing(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	got, err := s.UpdateRequest(id, "EV-GOV-01", assessment.RequestChange{State: assessment.Reviewed, Date: today.AddDate(0, 0, -1)}, today)
	if err != nil || got.State != assessment.Reviewed || !got.Reviewed.Equal(today.AddDate(0, 0, -1)) {
		t.Fatalf("update from the old string form: %+v, %v", got, err)
	}
	rows := auditCount(t, s)
	if _, err := s.UpdateRequest(id, "EV-GOV-01", assessment.RequestChange{State: assessment.Received, Date: today.AddDate(0, 0, 1)}, today); err == nil {
		t.Error("a date in the future was accepted")
	}
	if auditCount(t, s) != rows {
		t.Error("a refused change wrote to the audit trail")
	}
	if _, err := s.UpdateRequest("nosuch", "EV-GOV-01", assessment.RequestChange{State: assessment.Requested}, today); err == nil {
		t.Error("a change to a missing assessment was accepted")
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if r := a.Requests["EV-GOV-01"]; r.State != assessment.Reviewed || r.Reviewed.IsZero() {
		t.Errorf("the request reads back as %+v", r)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after the update: %+v, %v", rep, err)
	}
}

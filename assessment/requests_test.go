package assessment

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestRequestChangeFollowsTheRequestsLife(t *testing.T) {
	nov := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	today := nov(30)
	requested := RequestStatus{State: Requested, Requested: nov(10), Contact: "Jo"}
	received := RequestStatus{State: Received, Requested: nov(10), Received: nov(14)}
	contact := "Ana"
	tests := []struct {
		name    string
		from    RequestStatus
		change  RequestChange
		want    RequestStatus
		wantErr string
	}{
		{name: "requesting dates the request and keeps the contact", from: RequestStatus{Contact: "Jo"},
			change: RequestChange{State: Requested, Date: nov(10)}, want: requested},
		{name: "no date means today", from: RequestStatus{}, change: RequestChange{State: Requested},
			want: RequestStatus{State: Requested, Requested: today}},
		{name: "received after requested keeps the request date", from: requested,
			change: RequestChange{State: Received, Date: nov(14), Contact: &contact},
			want:   RequestStatus{State: Received, Requested: nov(10), Received: nov(14), Contact: "Ana"}},
		{name: "received without a request is allowed", from: RequestStatus{},
			change: RequestChange{State: Received, Date: nov(14)}, want: RequestStatus{State: Received, Received: nov(14)}},
		{name: "reviewed keeps both earlier dates", from: received, change: RequestChange{State: Reviewed, Date: nov(15)},
			want: RequestStatus{State: Reviewed, Requested: nov(10), Received: nov(14), Reviewed: nov(15)}},
		{name: "moving back to requested clears the receipt", from: received, change: RequestChange{State: Requested, Date: nov(20)},
			want: RequestStatus{State: Requested, Requested: nov(20)}},
		{name: "not available clears the receipt", from: received, change: RequestChange{State: NotAvailable, Date: nov(20)},
			want: RequestStatus{State: NotAvailable, Requested: nov(10), Unavailable: nov(20)}},
		{name: "not requested clears every date", from: received, change: RequestChange{State: NotRequested},
			want: RequestStatus{State: NotRequested}},
		{name: "received before requested is refused", from: requested, change: RequestChange{State: Received, Date: nov(9)},
			wantErr: "before it was requested on 2026-11-10"},
		{name: "reviewed before received is refused", from: received, change: RequestChange{State: Reviewed, Date: nov(13)},
			wantErr: "before it was received on 2026-11-14"},
		{name: "a date in the future is refused", from: requested, change: RequestChange{State: Received, Date: nov(31)},
			wantErr: "is in the future"},
		{name: "an unknown state is refused", from: requested, change: RequestChange{State: "lost"}, wantErr: "is not known"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.change.Apply(tt.from, today)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || got != tt.from {
					t.Errorf("got %+v, %v; want the entry unchanged and %q", got, err, tt.wantErr)
				}
			case err != nil || got != tt.want:
				t.Errorf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestRequestStatusReadsTheOldStringForm(t *testing.T) {
	var m map[string]RequestStatus
	if err := json.Unmarshal([]byte(`{"EV-GOV-01": "received", "EV-GOV-02": {"state": "reviewed", "reviewed": "2026-11-20T00:00:00Z"}}`), &m); err != nil {
		t.Fatal(err)
	}
	if m["EV-GOV-01"].State != Received || !m["EV-GOV-01"].InHand() || m["EV-GOV-02"].Since().Day() != 20 {
		t.Errorf("decoded %+v", m)
	}
	if err := json.Unmarshal([]byte(`{"EV-GOV-01": {"state": "received", "colour": "red"}}`), &m); err == nil {
		t.Error("an unknown field in an entry was accepted")
	}
	out, _ := json.Marshal(RequestStatus{State: Requested})
	if string(out) != `{"state":"requested"}` {
		t.Errorf("an entry without dates encodes as %s", out)
	}
}

func TestLinkedRequestsNameTheRequestsOfAnItem(t *testing.T) {
	cat, _ := readyAssessment(t)
	var ids []string
	for _, e := range LinkedRequests(cat, "5.3") {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, ",") != "EV-GOV-02,EV-GOV-03" {
		t.Errorf("requests supporting 5.3: %v", ids)
	}
	if e, c, ok := FindRequest(cat, "ev-gov-03"); !ok || e.Title != "RACI matrix" || c.ID != "EV-GOV" {
		t.Errorf("FindRequest: %+v %+v %v", e, c, ok)
	}
}

func TestEvidenceRequestsLineHoldsOnceEveryRequestIsInHand(t *testing.T) {
	tests := []struct {
		name  string
		state RequestState
		holds bool
	}{
		{"received", Received, true},
		{"reviewed", Reviewed, true},
		{"requested", Requested, false},
		{"not available", NotAvailable, false},
		{"not requested", NotRequested, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			a.Requests["EV-GOV-01"] = RequestStatus{State: tt.state}
			for _, line := range Checklist(cat, a, ruleDay) {
				if line.ID == "RC-15" && line.Holds != tt.holds {
					t.Errorf("RC-15 holds = %v with one request %s, want %v (%v)", line.Holds, tt.state.Label(), tt.holds, line.Why)
				}
			}
		})
	}
}

func TestReportIsDraftUntilCompleteNamedAndSignedOff(t *testing.T) {
	signed := SignOff{By: "Priya Shah", Role: "Lead assessor", Date: ruleDay}
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		want   string
	}{
		{"complete, named and signed off is final", func(a *Assessment) {}, ""},
		{"an item not assessed keeps it a draft", func(a *Assessment) { a.Results["4.1"].Status = NotAssessed }, "not complete (69 of 70"},
		{"no assessor keeps it a draft", func(a *Assessment) { a.Assessor = " " }, "no assessor is named"},
		{"no sign-off keeps it a draft", func(a *Assessment) { a.SignOff = SignOff{} }, "no sign-off is recorded"},
		{"a sign-off without a date is not recorded", func(a *Assessment) { a.SignOff.Date = time.Time{} }, "no sign-off is recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			a.Assessor, a.SignOff = "Priya Shah", signed
			tt.mutate(a)
			got := strings.Join(DraftReasons(a, Evaluate(cat, a, ruleDay)), "; ")
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("draft reasons %q, want %q", got, tt.want)
			}
		})
	}
}

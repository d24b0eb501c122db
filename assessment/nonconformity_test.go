package assessment

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// readyToMove is a nonconformity with everything closing and verifying need, so only the
// life-cycle rule decides whether a move is allowed.
func readyToMove(from NCStatus) Nonconformity {
	return Nonconformity{Number: 7, ItemID: "8.2", Grade: MinorNC, Status: from,
		Correction: "Risk criteria drafted", CorrectiveAction: "Risk method approved by the board",
		CheckDate: daysBefore(1), CheckBy: "Internal audit", CheckResult: "Criteria applied to all systems"}
}

func TestNCLifeCycleTransitions(t *testing.T) {
	allowed := map[NCStatus][]NCStatus{
		NCOpen:       {NCInProgress, NCClosed},
		NCInProgress: {NCClosed},
		NCClosed:     {NCVerified, NCReopened},
		NCVerified:   {NCReopened},
		NCReopened:   {NCInProgress, NCClosed},
	}
	for _, from := range NCStatuses {
		for _, to := range NCStatuses {
			want := slices.Contains(allowed[from], to)
			verb := "is refused"
			if want {
				verb = "is allowed"
			}
			t.Run(string(from)+" to "+string(to)+" "+verb, func(t *testing.T) {
				nc := readyToMove(from)
				err := nc.Transition(to, ruleDay)
				if want != (err == nil) {
					t.Fatalf("got error %v, want allowed %v", err, want)
				}
				if !want {
					if nc.Status != from || !strings.Contains(err.Error(), "NC-007") {
						t.Errorf("refused move left status %s, error %q", nc.Status, err)
					}
					return
				}
				if nc.Status != to {
					t.Errorf("status %s, want %s", nc.Status, to)
				}
			})
		}
	}
	for from, next := range allowed {
		if got := (Nonconformity{Status: from}).NextStates(); !slices.Equal(got, next) {
			t.Errorf("NextStates from %s = %v, want %v", from, got, next)
		}
	}
}

func TestNCClosureAndVerificationRules(t *testing.T) {
	tests := []struct {
		name    string
		from    NCStatus
		edit    func(nc *Nonconformity)
		to      NCStatus
		wantErr string
		check   func(nc Nonconformity) bool
	}{
		{name: "closing without correction or corrective action is refused", from: NCInProgress, to: NCClosed,
			edit: func(nc *Nonconformity) { nc.Correction, nc.CorrectiveAction = "", " " }, wantErr: "without a correction or corrective action",
			check: func(nc Nonconformity) bool { return nc.Closed.IsZero() }},
		{name: "closing with a correction only is allowed", from: NCInProgress, to: NCClosed,
			edit:  func(nc *Nonconformity) { nc.CorrectiveAction = "" },
			check: func(nc Nonconformity) bool { return !nc.Closed.IsZero() }},
		{name: "closing with a corrective action only is allowed", from: NCOpen, to: NCClosed,
			edit:  func(nc *Nonconformity) { nc.Correction = "" },
			check: func(nc Nonconformity) bool { return !nc.Closed.IsZero() }},
		{name: "closing records the closing day", from: NCInProgress, to: NCClosed,
			edit:  func(*Nonconformity) {},
			check: func(nc Nonconformity) bool { return nc.Closed.Equal(ruleDay) }},
		{name: "verifying without a check date is refused", from: NCClosed, to: NCVerified,
			edit: func(nc *Nonconformity) { nc.CheckDate = time.Time{} }, wantErr: "without an effectiveness check"},
		{name: "verifying without who checked is refused", from: NCClosed, to: NCVerified,
			edit: func(nc *Nonconformity) { nc.CheckBy = " " }, wantErr: "without an effectiveness check"},
		{name: "verifying without a check result is refused", from: NCClosed, to: NCVerified,
			edit: func(nc *Nonconformity) { nc.CheckResult = "" }, wantErr: "without an effectiveness check"},
		{name: "verifying with the effectiveness check is allowed", from: NCClosed, to: NCVerified,
			edit:  func(nc *Nonconformity) { nc.Closed = daysBefore(10) },
			check: func(nc Nonconformity) bool { return nc.Closed.Equal(daysBefore(10)) }},
		{name: "reopening clears the closing day", from: NCVerified, to: NCReopened,
			edit:  func(nc *Nonconformity) { nc.Closed = daysBefore(10) },
			check: func(nc Nonconformity) bool { return nc.Closed.IsZero() && nc.IsOpen() }},
	}
	at := ruleDay.Add(15*time.Hour + 4*time.Minute) // the clock time is dropped
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := readyToMove(tt.from)
			tt.edit(&nc)
			err := nc.Transition(tt.to, at)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				if nc.Status != tt.from {
					t.Errorf("refused move changed status to %s", nc.Status)
				}
			} else if err != nil || nc.Status != tt.to {
				t.Fatalf("got %v, status %s; want %s", err, nc.Status, tt.to)
			}
			if tt.check != nil && !tt.check(nc) {
				t.Errorf("after the move: %+v", nc)
			}
		})
	}
}

func TestNCOverdue(t *testing.T) {
	tests := []struct {
		name   string
		status NCStatus
		due    time.Time
		want   bool
	}{
		{name: "open past its due date is overdue", status: NCOpen, due: daysBefore(1), want: true},
		{name: "in progress past its due date is overdue", status: NCInProgress, due: daysBefore(30), want: true},
		{name: "reopened past its due date is overdue", status: NCReopened, due: daysBefore(1), want: true},
		{name: "due today is not overdue", status: NCOpen, due: ruleDay},
		{name: "due later today is not overdue", status: NCOpen, due: ruleDay.Add(9 * time.Hour)},
		{name: "due tomorrow is not overdue", status: NCOpen, due: daysBefore(-1)},
		{name: "no due date is never overdue", status: NCOpen},
		{name: "closed past its due date is not overdue", status: NCClosed, due: daysBefore(5)},
		{name: "verified past its due date is not overdue", status: NCVerified, due: daysBefore(5)},
	}
	asOf := ruleDay.Add(18 * time.Hour)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := Nonconformity{Number: 1, Status: tt.status, Due: tt.due}
			if got := nc.Overdue(asOf); got != tt.want {
				t.Errorf("Overdue = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNCLabel(t *testing.T) {
	tests := []struct {
		number int
		want   string
	}{{1, "NC-001"}, {7, "NC-007"}, {42, "NC-042"}, {999, "NC-999"}, {1000, "NC-1000"}}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := (Nonconformity{Number: tt.number}).Label(); got != tt.want {
				t.Errorf("Label() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewNonconformityPreFill(t *testing.T) {
	due := daysBefore(-30)
	tests := []struct {
		name      string
		result    *Result
		wantGrade Grade
		wantDesc  string
	}{
		{name: "nonconformant item raises a major NC",
			result:    &Result{ItemID: "8.2", Status: Nonconformant, Finding: " No AI risk assessment performed ", Owner: "CRO", Due: due},
			wantGrade: MajorNC, wantDesc: "No AI risk assessment performed"},
		{name: "partially conformant item raises a minor NC",
			result:    &Result{ItemID: "8.2", Status: Partial, Finding: "Risk criteria informal", Owner: "CRO", Due: due},
			wantGrade: MinorNC, wantDesc: "Risk criteria informal"},
		{name: "an item without finding gets a description naming it",
			result:    &Result{ItemID: "8.2", Status: Partial, Owner: "CRO", Due: due},
			wantGrade: MinorNC, wantDesc: "8.2 AI risk assessment judged partially conformant."},
	}
	raised := ruleDay.Add(11 * time.Hour)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := NewNonconformity(7, tt.result, "AI risk assessment", raised)
			if nc.Grade != tt.wantGrade || nc.Description != tt.wantDesc {
				t.Errorf("grade %s, description %q; want %s, %q", nc.Grade, nc.Description, tt.wantGrade, tt.wantDesc)
			}
			if nc.Label() != "NC-007" || nc.ItemID != "8.2" || nc.Source != "gap" || nc.Status != NCOpen ||
				nc.Owner != "CRO" || !nc.Due.Equal(due) || !nc.Raised.Equal(ruleDay) {
				t.Errorf("pre-fill %+v", nc)
			}
		})
	}
	t.Run("without a result the NC is blank but numbered and open", func(t *testing.T) {
		nc := NewNonconformity(3, nil, "", raised)
		if nc.Label() != "NC-003" || nc.ItemID != "" || nc.Status != NCOpen || nc.Grade != MinorNC || !nc.IsOpen() {
			t.Errorf("got %+v", nc)
		}
	})
}

func TestNextNCNumber(t *testing.T) {
	tests := []struct {
		name string
		ncs  []Nonconformity
		want int
	}{
		{name: "first NC is number 1", want: 1},
		{name: "next follows the highest, not the count", ncs: []Nonconformity{{Number: 3}, {Number: 9}, {Number: 4}}, want: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (&Assessment{NCs: tt.ncs}).NextNCNumber(); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestParseNCStatus(t *testing.T) {
	tests := []struct {
		in      string
		want    NCStatus
		wantErr bool
	}{
		{in: "open", want: NCOpen},
		{in: "In progress", want: NCInProgress},
		{in: "verified effective", want: NCVerified},
		{in: "reopened", want: NCReopened},
		{in: "done", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNCStatus(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("got %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestNonconformityRecordMatchesItsState(t *testing.T) {
	base := Nonconformity{Number: 3, Description: "No V&V plan", Status: NCOpen}
	cases := []struct {
		name string
		edit func(nc *Nonconformity)
		want string
	}{
		{"open with a description", func(*Nonconformity) {}, ""},
		{"no description", func(nc *Nonconformity) { nc.Description = "  " }, "describe the nonconformity"},
		{"closed without action", func(nc *Nonconformity) { nc.Status = NCClosed }, "keep its correction"},
		{"closed with a correction", func(nc *Nonconformity) { nc.Status, nc.Correction = NCClosed, "Plan written" }, ""},
		{"verified without check", func(nc *Nonconformity) { nc.Status, nc.Correction = NCVerified, "Plan written" }, "keep its effectiveness check"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nc := base
			tc.edit(&nc)
			err := nc.Check()
			if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("want %q, got %v", tc.want, err)
			}
		})
	}
}

func TestNCWithdrawal(t *testing.T) {
	const reason = "Raised on the wrong item by a slip of the key"
	tests := []struct {
		name    string
		from    NCStatus
		reason  string
		wantErr string
	}{
		{"an open NC raised in error is withdrawn with its reason", NCOpen, reason, ""},
		{"an NC in progress may be withdrawn", NCInProgress, reason, ""},
		{"a closed NC may be withdrawn", NCClosed, reason, ""},
		{"a reopened NC may be withdrawn", NCReopened, reason, ""},
		{"an NC verified effective was real and stays", NCVerified, reason, "was verified effective"},
		{"an NC is withdrawn once", NCWithdrawn, reason, "already withdrawn"},
		{"a placeholder is not a reason", NCOpen, "n/a", `"n/a" is a placeholder`},
		{"no reason is refused", NCOpen, "  ", "none was given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := readyToMove(tt.from)
			nc.Description, nc.Raised = "Risk criteria missing", daysBefore(20)
			err := nc.Withdraw(tt.reason, ruleDay)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if nc.Status != tt.from {
					t.Errorf("a refused withdrawal changed the status to %s", nc.Status)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !nc.IsWithdrawn() || nc.WithdrawnReason != reason || !nc.Withdrawn.Equal(ruleDay) || nc.IsOpen() || nc.MayWithdraw() {
				t.Errorf("after withdrawal: %+v", nc)
			}
			if err := nc.Check(); err != nil {
				t.Errorf("a withdrawn NC with its reason is refused by Check: %v", err)
			}
			if err := nc.Transition(NCReopened, ruleDay); err == nil {
				t.Error("a withdrawn NC moved on in the life cycle")
			}
		})
	}
}

func TestAWithdrawnNCCountsForNoRule(t *testing.T) {
	cat, a := readyAssessment(t)
	major := Nonconformity{Number: 2, ItemID: "6.1.2", Source: "gap", Grade: MajorNC, Status: NCOpen,
		Description: "Raised by a slip", Raised: daysBefore(40), Due: daysBefore(5)}
	a.NCs = append(a.NCs, major)
	before := Evaluate(cat, a, ruleDay)
	if !slices.ContainsFunc(before.Blockers, func(b Blocker) bool { return b.Ref == "NC-002" }) {
		t.Fatalf("the open major NC does not block: %+v", before.Blockers)
	}
	if err := a.NCs[1].Withdraw("Raised on the wrong item by a slip of the key", ruleDay); err != nil {
		t.Fatal(err)
	}
	after := Evaluate(cat, a, ruleDay)
	for _, b := range after.Blockers {
		if b.Ref == "NC-002" {
			t.Errorf("a withdrawn NC still blocks: %+v", b)
		}
	}
	if tally := TallyNCs(a, ruleDay); tally.Total != 1 || tally.Withdrawn != 1 || tally.Open != 0 {
		t.Errorf("tally %+v, want 1 counted and 1 withdrawn", tally)
	}
	next := NextCycle(a, ruleDay)
	if slices.ContainsFunc(next.NCs, Nonconformity.IsWithdrawn) {
		t.Error("a withdrawn NC was carried into the next cycle")
	}
	if p := Compare(cat, &Assessment{Results: map[string]*Result{}}, a, ruleDay); len(p.NCsNew) != 1 {
		t.Errorf("compare counts %d new NCs, want 1 (the withdrawn one is not counted)", len(p.NCsNew))
	}
}

func TestDatesFollowEachOther(t *testing.T) {
	tests := []struct {
		name           string
		earlier, later time.Time
		ok             bool
	}{
		{"the same day is in order", ruleDay, ruleDay.Add(3 * time.Hour), true},
		{"a later day is in order", ruleDay, ruleDay.AddDate(0, 0, 1), true},
		{"an earlier day is refused", ruleDay, ruleDay.AddDate(0, 0, -1), false},
		{"an unknown earlier date passes", time.Time{}, ruleDay, true},
		{"an unknown later date passes", ruleDay, time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDateOrder("the end date", tt.later, "the start date", tt.earlier)
			if (err == nil) != tt.ok {
				t.Fatalf("error %v, want ok %v", err, tt.ok)
			}
			if err != nil && !strings.Contains(err.Error(), "is before the start date") {
				t.Errorf("error %q does not say which date comes first", err)
			}
		})
	}
}

package records

import (
	"slices"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// evidenceLine is the readiness checklist line that asks for every evidence request in hand.
func evidenceLine(t *testing.T, list []assessment.ChecklistResult) assessment.ChecklistResult {
	t.Helper()
	i := slices.IndexFunc(list, func(c assessment.ChecklistResult) bool { return c.ID == "RC-15" })
	if i < 0 {
		t.Fatal("the readiness checklist has no RC-15 line")
	}
	return list[i]
}

func notReceivedYet(c assessment.ChecklistResult) bool {
	return slices.ContainsFunc(c.Why, func(w string) bool { return strings.Contains(w, "not received yet") })
}

// findRequest puts the cursor on one request by searching for its ID.
func findRequest(h *uitest.Harness, id string) {
	h.T.Helper()
	h.Keys("/", "text:"+id, "enter")
	if h.Work.Typing() {
		h.T.Fatal("enter did not leave the search")
	}
}

func TestReceivingTheLastRequestLetsTheEvidenceChecklistLineHold(t *testing.T) {
	h := uitest.New(t)
	// Every request but one is in hand, the certification body is named and 7.5.1 is
	// conformant: only the last request keeps RC-15 from holding.
	last := "EV-GOV-01"
	for _, c := range h.Cat.EvidenceRequests {
		for _, e := range c.Items {
			state := assessment.Received
			if e.ID == last {
				state = assessment.NotRequested
			}
			if _, err := h.Store.UpdateRequest(h.ID, e.ID, assessment.RequestChange{State: state}, uitest.Day); err != nil {
				t.Fatal(err)
			}
		}
	}
	a := h.Stored()
	next := *a
	next.Certification.Body = "Certa Assurance"
	if _, err := h.Store.SaveHeader(a, &next); err != nil {
		t.Fatal(err)
	}
	item, _ := h.Cat.Item("7.5.1")
	if _, err := h.Store.SaveJudgementFrom(h.ID, item, a.Result(item), assessment.Judgement{Status: ptr(assessment.Conformant), Maturity: ptr(3)}); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.Records, New)
	if line := evidenceLine(t, h.Work.Summary().Checklist); !notReceivedYet(line) {
		t.Fatalf("RC-15 before: %+v", line)
	}
	findRequest(h, last)
	h.Contains(last, "not requested", "AI policy", "Supports 2 items", "5.2", "A.2.2")
	h.Press("requested")
	h.Press("received")
	h.Contains("received", "2026-11-26")
	h.Press("received") // again: nothing moves
	h.Contains("is received already")

	stored := h.Stored().Requests[last]
	if stored.State != assessment.Received || !stored.Received.Equal(uitest.Day.Truncate(24*60*60*1e9)) || stored.Requested.IsZero() {
		t.Fatalf("stored request: %+v", stored)
	}
	if line := evidenceLine(t, h.Work.Summary().Checklist); !line.Holds {
		t.Fatalf("RC-15 on screen after the last request was received: %+v", line)
	}
	if line := evidenceLine(t, assessment.Checklist(h.Cat, h.Stored(), uitest.Day)); !line.Holds {
		t.Fatalf("RC-15 as stored: %+v", line)
	}
	if done, total := h.Step().Progress(); done != total {
		t.Fatalf("progress %d/%d with every request in hand", done, total)
	}
}

func TestRequestFormKeepsTheDateWhenOnlyTheContactChanges(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	id := "EV-RISK-01"
	findRequest(h, id)
	h.Press("requested")
	before := h.Stored().Requests[id]
	h.Keys("enter", "enter", "enter", "text:Dana Ortiz", "ctrl+s")
	after := h.Stored().Requests[id]
	if after.Contact != "Dana Ortiz" || after.State != assessment.Requested || !after.Requested.Equal(before.Requested) {
		t.Fatalf("after the form: %+v (before %+v)", after, before)
	}
	h.Contains("Dana Ortiz")

	// Received before it was requested is refused by the rules, and nothing changes.
	h.Keys("enter", "down", "enter", "text:2020-01-01", "ctrl+s")
	if got := h.Stored().Requests[id]; got.State != assessment.Requested {
		t.Fatalf("a date before the request was accepted: %+v", got)
	}
	h.Contains("check the date", "2020-01-01") // the form is open again with what was typed
}

func TestRequestFiltersNarrowTheList(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	h.Press("filter by category")
	h.Contains("category: Governance and leadership", "EV-GOV-01")
	if strings.Contains(h.Screen(), "EV-CTX-01") {
		t.Fatal("the category filter shows another category")
	}
	for range len(assessment.RequestStates) {
		h.Press("filter by status")
		if !strings.Contains(h.Screen(), "status: ") {
			t.Fatal("no status filter shown")
		}
	}
	h.Press("filter by status") // back to every status
	h.Contains("status: all")
}

func ptr[T any](v T) *T { return &v }

func TestTheListsSwitchWithBracketsAndArrowsButNotWhileSearching(t *testing.T) {
	h := uitest.New(t).Open(steps.Records, New)
	h.Keys("right")
	h.Contains("Internal audits ·")
	h.Keys("left", "left")
	h.Contains("Suppliers ·")
	h.Keys("]")
	h.Contains("Evidence requests ·")
	h.Keys("/", "text:]x")
	h.Contains("Evidence requests ·", "]x")
	h.Keys("esc")
	if h.Work.Typing() || h.Closed {
		t.Fatal("esc in the search did not just clear it")
	}
}

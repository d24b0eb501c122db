package assessment

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"aimsbench/checklists"
)

// RequestStates lists the states in the order a request usually moves through them, with
// "not available" last: the client's answer that the document does not exist.
var RequestStates = []RequestState{NotRequested, Requested, Received, Reviewed, NotAvailable}

// Label is the state as a reader sees it.
func (s RequestState) Label() string {
	switch s {
	case Requested:
		return "requested"
	case Received:
		return "received"
	case Reviewed:
		return "reviewed"
	case NotAvailable:
		return "not available"
	}
	return "not requested"
}

// ParseRequestState accepts a state's code (not_requested, requested, received, reviewed,
// not_available) or its label.
func ParseRequestState(s string) (RequestState, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, st := range RequestStates {
		if s == string(st) || s == st.Label() || s == strings.ReplaceAll(string(st), "_", "-") {
			return st, nil
		}
	}
	return "", fmt.Errorf("evidence request status %q is not known; use not_requested, requested, received, reviewed or not_available", s)
}

// UnmarshalJSON reads an entry of the working list: an object, or the bare state string that
// databases and version-1 bundles hold. Unknown fields are refused, as a bundle's are.
func (r *RequestStatus) UnmarshalJSON(data []byte) error {
	var state string
	if json.Unmarshal(data, &state) == nil {
		*r = RequestStatus{State: RequestState(state)}
		return nil
	}
	type plain RequestStatus // without this method, so decoding does not recurse
	var p plain
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("evidence request: %w", err)
	}
	*r = RequestStatus(p)
	return nil
}

// Current is the request's state, an empty one read as not requested.
func (r RequestStatus) Current() RequestState {
	if r.State == "" {
		return NotRequested
	}
	return r.State
}

// InHand reports whether the document has been received (and perhaps reviewed): what the
// readiness checklist's "evidence requests received" line asks of every request.
func (r RequestStatus) InHand() bool { return r.State == Received || r.State == Reviewed }

// Since is the day the request reached its current state; zero when not recorded.
func (r RequestStatus) Since() time.Time {
	switch r.State {
	case Requested:
		return r.Requested
	case Received:
		return r.Received
	case Reviewed:
		return r.Reviewed
	case NotAvailable:
		return r.Unavailable
	}
	return time.Time{}
}

// RequestChange is one update of an evidence request: the state it moves to and the day it
// did (zero: today); Contact and Note change only when set.
type RequestChange struct {
	State   RequestState
	Date    time.Time
	Contact *string
	Note    *string
}

// Apply checks a change against the request as it stands and returns the updated entry. A
// date in the future, or before the step it follows (received before requested, reviewed
// before received), is refused. Moving back clears the dates of the steps undone, so the
// entry never claims a document is in hand when it is not.
func (c RequestChange) Apply(cur RequestStatus, today time.Time) (RequestStatus, error) {
	if !isRequestState(c.State) {
		return cur, fmt.Errorf("evidence request status %q is not known; use not_requested, requested, received, reviewed or not_available", c.State)
	}
	on := day(c.Date)
	if c.Date.IsZero() {
		on = day(today)
	}
	if on.After(day(today)) {
		return cur, fmt.Errorf("the date %s is in the future; give the day the request was %s, today at the latest", on.Format("2006-01-02"), c.State.Label())
	}
	next := RequestStatus{State: c.State, Contact: cur.Contact, Note: cur.Note}
	after := func(step string, earlier time.Time) error {
		if !earlier.IsZero() && on.Before(earlier) {
			return fmt.Errorf("the request cannot be %s on %s, before it was %s on %s; check the date", c.State.Label(),
				on.Format("2006-01-02"), step, earlier.Format("2006-01-02"))
		}
		return nil
	}
	var err error
	switch c.State {
	case Requested:
		next.Requested = on
	case Received:
		next.Requested, next.Received = cur.Requested, on
		err = after("requested", cur.Requested)
	case Reviewed:
		next.Requested, next.Received, next.Reviewed = cur.Requested, cur.Received, on
		err = cmp.Or(after("received", cur.Received), after("requested", cur.Requested))
	case NotAvailable:
		next.Requested, next.Unavailable = cur.Requested, on
		err = after("requested", cur.Requested)
	}
	if err != nil {
		return cur, err
	}
	if c.Contact != nil {
		next.Contact = strings.TrimSpace(*c.Contact)
	}
	if c.Note != nil {
		next.Note = strings.TrimSpace(*c.Note)
	}
	return next, nil
}

func isRequestState(s RequestState) bool {
	for _, st := range RequestStates {
		if s == st {
			return true
		}
	}
	return false
}

// FindRequest looks up an entry of the catalogue's evidence request list by ID, ignoring
// case, and returns it with its category.
func FindRequest(cat *checklists.Catalogue, id string) (checklists.EvidenceItem, checklists.EvidenceCategory, bool) {
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			if strings.EqualFold(e.ID, strings.TrimSpace(id)) {
				return e, c, true
			}
		}
	}
	return checklists.EvidenceItem{}, checklists.EvidenceCategory{}, false
}

// LinkedRequests lists the evidence requests that support an item, in catalogue order.
func LinkedRequests(cat *checklists.Catalogue, itemID string) []checklists.EvidenceItem {
	var out []checklists.EvidenceItem
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			for _, s := range e.Supports {
				if s == itemID {
					out = append(out, e)
					break
				}
			}
		}
	}
	return out
}

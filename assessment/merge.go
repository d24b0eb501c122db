package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Two assessors who started from the same bundle each work on their own copy; a merge brings
// one copy's bundle into the other field by field (SPEC §12 "Two laptops"). The types below
// are what a bundle carries for that, and the plan a merge shows before it writes anything:
// plain values the command line prints and the workbench shows and settles one by one.

// Origin is where a copy of an assessment started and what was done to it since, as a
// bundle carries it, so that the copy can be merged with another of the same lineage.
type Origin struct {
	// Lineage is the first assessment the copies came from: only copies of one lineage merge.
	Lineage string `json:"lineage"`
	// Exported is this bundle's own hand-over: the assessment it was exported from, where
	// that assessment's audit trail stood, when and by whom.
	Exported Handover `json:"exported"`
	// Base is the hand-over the exporter itself started from, with the state handed over;
	// absent when the exporter is the lineage's first assessment.
	Base *Handover `json:"base,omitempty"`
	// Changes are the exporter's edits, from its audit trail: since its Base when it has
	// one, else since it was created.
	Changes []FieldChange `json:"changes"`
	// Merges are the merges the exporter made, so the other side can tell their numbers and
	// settled conflicts apart.
	Merges []MergeNote `json:"merges,omitempty"`
}

// Handover is one moment an assessment's state left its database in a bundle.
type Handover struct {
	From  string      `json:"from"`            // the assessment exported
	Seq   int64       `json:"seq"`             // the position its database's audit trail had then
	At    time.Time   `json:"at"`              // when
	By    string      `json:"by,omitempty"`    // who exported it
	State *Assessment `json:"state,omitempty"` // the state handed over, when a bundle carries it as a base
}

// FieldChange is one entry of an assessment's audit trail: a field of a part changed, or the
// part created (Field "created", New its content) or deleted (Field "deleted").
type FieldChange struct {
	Part  string    `json:"part"`
	Field string    `json:"field"`
	Old   string    `json:"old,omitempty"` // the field's JSON text before
	New   string    `json:"new,omitempty"` // and after
	By    string    `json:"by"`
	At    time.Time `json:"at"`
	Seq   int64     `json:"seq"` // the row's position in its database's audit trail
}

// Field changes that are about a whole part rather than one of its fields.
const (
	ChangeCreated = "created"
	ChangeDeleted = "deleted"
)

// MergeNote records one merge in the audit trail of the assessment merged into: whose bundle,
// the numbers its new entries were given here, and the bundle's values the assessor did not
// take, so the next merge of a bundle from the same copy neither duplicates nor asks again.
type MergeNote struct {
	From    string      `json:"from"` // the assessment the bundle was exported from
	File    string      `json:"file,omitempty"`
	SHA256  string      `json:"sha256,omitempty"`
	At      time.Time   `json:"at"`
	By      string      `json:"by"`
	Numbers []NumberMap `json:"numbers,omitempty"`
	Kept    []KeptValue `json:"kept,omitempty"`
}

// NumberMap is a numbered entry (an AI system, risk or nonconformity) taken from a bundle:
// its number there and here.
type NumberMap struct {
	Kind   string `json:"kind"`
	Theirs int64  `json:"theirs"`
	Ours   int64  `json:"ours"`
}

// KeptValue is a conflict settled for ours: the field and the bundle's value not taken.
type KeptValue struct {
	Ref    string `json:"ref"`
	Theirs string `json:"theirs"`
}

// Side is one of the two copies in a merge: ours (the assessment merged into) or theirs (the
// bundle's).
type Side string

// The two sides of a merge.
const (
	Ours   Side = "ours"
	Theirs Side = "theirs"
)

// ParseSide reads "ours" or "theirs".
func ParseSide(s string) (Side, error) {
	switch side := Side(strings.ToLower(strings.TrimSpace(s))); side {
	case Ours, Theirs:
		return side, nil
	}
	return "", fmt.Errorf("%q is not a side of the merge; say ours (this assessment) or theirs (the bundle)", s)
}

// FieldRef names one field of one part, "result/4.1/status", or a whole part, "risk/7", as a
// conflict is settled on the command line (--take theirs=result/4.1/status).
func FieldRef(part, field string) string {
	if field == "" {
		return part
	}
	return part + "/" + field
}

// Version is one side's value of a field in conflict, and who changed it when.
type Version struct {
	Value   string    `json:"value,omitempty"`   // the JSON text; empty when Deleted
	Deleted bool      `json:"deleted,omitempty"` // the record is deleted on this side
	By      string    `json:"by,omitempty"`      // who changed it (from the audit trail; empty when not known)
	At      time.Time `json:"at,omitzero"`
}

// Conflict is a field both copies changed differently since they started, or a record one
// deleted and the other changed. Nothing is written while one is unsettled; Take says which
// side the assessor chose.
type Conflict struct {
	Ref    string  `json:"ref"`    // FieldRef: "result/4.1/status", or "risk/7" for the whole record
	Record string  `json:"record"` // PartLabel: "the judgement of 4.1"
	Field  string  `json:"field,omitempty"`
	Base   string  `json:"base,omitempty"` // the JSON text both started from; empty when the record was new
	Ours   Version `json:"ours"`
	Theirs Version `json:"theirs"`
	Take   Side    `json:"take,omitempty"`
}

// MergeChange is something a merge takes from the bundle: a field changed there only, a
// record added there, or one deleted there that was not changed here.
type MergeChange struct {
	Ref    string    `json:"ref"`
	Record string    `json:"record"`
	Field  string    `json:"field,omitempty"`
	Action string    `json:"action"`          // changed, added or deleted
	Value  string    `json:"value,omitempty"` // the JSON text taken
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at,omitzero"`
}

// What a merge does to a record it takes.
const (
	MergeChanged = "changed"
	MergeAdded   = "added"
	MergeDeleted = "deleted"
)

// MergePlan is everything a merge of a bundle into an assessment does: what it takes, which
// new entries it numbers anew, and the conflicts the assessor settles one by one before
// anything is written.
type MergePlan struct {
	Into       string        `json:"into"`     // the assessment merged into
	From       string        `json:"from"`     // the assessment the bundle was exported from
	Lineage    string        `json:"lineage"`  // the first assessment both copies came from
	Exported   time.Time     `json:"exported"` // when the bundle was exported
	Taken      []MergeChange `json:"taken"`
	Renumbered []NumberMap   `json:"renumbered"` // new entries of the bundle whose number was taken here
	Conflicts  []Conflict    `json:"conflicts"`
}

// Settle chooses a side for the conflict named by ref (Conflict.Ref).
func (p *MergePlan) Settle(ref string, side Side) error {
	i := slices.IndexFunc(p.Conflicts, func(c Conflict) bool { return c.Ref == ref })
	if i < 0 {
		return fmt.Errorf("there is no conflict on %s in this merge; run the merge with --dry-run to see the conflicts", ref)
	}
	p.Conflicts[i].Take = side
	return nil
}

// Unsettled lists the conflicts no side was chosen for yet.
func (p *MergePlan) Unsettled() []Conflict {
	var out []Conflict
	for _, c := range p.Conflicts {
		if c.Take == "" {
			out = append(out, c)
		}
	}
	return out
}

// Settlements are the sides chosen so far, by conflict reference: what a merge is applied
// with.
func (p *MergePlan) Settlements() map[string]Side {
	out := map[string]Side{}
	for _, c := range p.Conflicts {
		if c.Take != "" {
			out[c.Ref] = c.Take
		}
	}
	return out
}

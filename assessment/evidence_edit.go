package assessment

import (
	"fmt"
	"strings"
)

// EvidenceEdit changes or removes one evidence item of a result. The item is named by its
// place in the list and by what it was when the assessor saw it, so the edit never lands on
// another item: another writer may have added or removed items meanwhile (the item is then
// found where it moved), and if the item itself changed or went, the edit is refused.
type EvidenceEdit struct {
	Index int
	Was   Evidence
	Now   *Evidence // nil removes the item
}

// ChangesEvidence reports whether the judgement adds, changes or removes evidence items:
// those edits are applied to the list as stored, never merged as a whole.
func (j Judgement) ChangesEvidence() bool { return len(j.AddEvidence) > 0 || j.EditEvidence != nil }

// EvidenceOn is an item's evidence list after the judgement's evidence edits: the edited or
// removed item found by identity, then the added items at the end. Every item it leaves must
// have a title and dates in order.
func (j Judgement) EvidenceOn(itemID string, list []Evidence) ([]Evidence, error) {
	out := append([]Evidence(nil), list...)
	if e := j.EditEvidence; e != nil {
		i := e.find(out)
		if i < 0 {
			return nil, fmt.Errorf("the evidence item %q of %s was changed or removed elsewhere meanwhile; press ctrl+r to see it, then edit again", e.Was.Title, itemID)
		}
		if e.Now == nil {
			out = append(out[:i], out[i+1:]...)
		} else {
			if err := e.Now.check(); err != nil {
				return nil, err
			}
			out[i] = *e.Now
		}
	}
	for _, e := range j.AddEvidence {
		if err := e.check(); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// find is where the item the edit names is in list now: at its index if it is still there,
// else wherever it moved; -1 when it changed or is gone.
func (e *EvidenceEdit) find(list []Evidence) int {
	if e.Index >= 0 && e.Index < len(list) && list[e.Index].same(e.Was) {
		return e.Index
	}
	for i := range list {
		if list[i].same(e.Was) {
			return i
		}
	}
	return -1
}

// same reports whether two evidence items are the same in every field (times by instant).
func (e Evidence) same(o Evidence) bool {
	return e.Title == o.Title && e.Kind == o.Kind && e.Reference == o.Reference && e.Path == o.Path &&
		e.Size == o.Size && e.SHA256 == o.SHA256 && e.AttachedAt.Equal(o.AttachedAt) &&
		e.Collected.Equal(o.Collected) && e.ValidUntil.Equal(o.ValidUntil) && e.Interview == o.Interview
}

// check refuses an evidence item without a title, with its dates out of order, or citing an
// interview of the log while not of kind interview.
func (e Evidence) check() error {
	switch {
	case strings.TrimSpace(e.Title) == "":
		return fmt.Errorf("an evidence item needs a title")
	case e.Interview < 0:
		return fmt.Errorf("evidence %q cites interview number %d; interview numbers start at 1", e.Title, e.Interview)
	case e.Interview > 0 && e.Kind != "interview":
		return fmt.Errorf("evidence %q cites an interview of the log, so it must be of kind interview", e.Title)
	}
	return e.checkDates()
}

package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"aimsbench/assessment"
)

// Where an assessment's copies started, and what each copy did since, is told by the audit
// trail: a copy made from a bundle keeps one origin record (which bundle, exported from which
// assessment and when), and the content it started from is the records its creation wrote.

// Records kept beside an assessment, not part of it: Load leaves them out, and neither a
// bundle nor a merge carries them as content.
const (
	kindOrigin = "origin" // key "": where an assessment made from a bundle started
	kindMerge  = "merge"  // audit rows only, key: the bundle's assessment; new: an assessment.MergeNote
)

// besideAssessment reports whether records of a kind are kept beside an assessment rather
// than in it (origin, proposals) or are audit rows of no record (merges).
func besideAssessment(kind string) bool {
	return kind == kindOrigin || kind == kindMerge || kind == kindProposal
}

// fieldMerged names the audit row that records a merge.
const fieldMerged = "merged"

// localOrigin is the origin record of an assessment made from a bundle: the lineage it
// belongs to and the hand-over it started from (without the state: that is in the audit
// trail, as the records its creation wrote).
type localOrigin struct {
	Lineage  string              `json:"lineage"`
	Handover assessment.Handover `json:"handover"`
}

// Import stores an assessment restored from a bundle, like Create, and remembers where it
// started (from: the bundle's origin; nil for a bundle that does not say), so the copy can
// later be merged with another of the same lineage. It returns the new ID.
func (s *Store) Import(a *assessment.Assessment, from *assessment.Origin) (string, error) {
	return s.create(a, func(t *tx, id string) error {
		if from == nil || from.Exported.From == "" {
			return nil
		}
		h := from.Exported
		h.State = nil
		return t.put(id, kindOrigin, "", localOrigin{Lineage: from.Lineage, Handover: h})
	})
}

// Origin is what a bundle of the assessment carries so that it can be merged with another
// copy (see assessment.Origin): the lineage, this export as a hand-over, the hand-over this
// copy started from with the state then (for a copy made from a bundle), the field changes
// since, and the merges made.
func (s *Store) Origin(aid string) (*assessment.Origin, error) {
	var updated string
	var head int64
	err := s.db.QueryRow(`SELECT updated, (SELECT COALESCE(MAX(seq), 0) FROM audit WHERE assessment_id = ?)
		FROM assessments WHERE id = ?`, aid, aid).Scan(&updated, &head)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("%w %q", ErrNotFound, aid)
	case err != nil:
		return nil, fmt.Errorf("cannot read assessment %s: %w", aid, err)
	}
	// The state handed over is the assessment as of its last change: the same data always
	// gives the same origin, so two exports of it are identical.
	o := &assessment.Origin{Lineage: aid, Exported: assessment.Handover{From: aid, Seq: head, At: parseTime(updated), By: s.actor}}
	lo, copied, err := readLocalOrigin(s.db, aid)
	if err != nil {
		return nil, err
	}
	if copied {
		state, err := startingState(s.db, aid)
		if err != nil {
			return nil, err
		}
		base := lo.Handover
		base.State = state
		o.Lineage, o.Base = lo.Lineage, &base
	}
	since, err := creationEnd(s.db, aid)
	if err != nil {
		return nil, err
	}
	if o.Changes, err = changesSince(s.db, aid, since); err != nil {
		return nil, err
	}
	if o.Merges, err = mergeNotes(s.db, aid); err != nil {
		return nil, err
	}
	return o, nil
}

// readLocalOrigin reads an assessment's origin record; false when it was not made from a
// bundle.
func readLocalOrigin(q querier, aid string) (localOrigin, bool, error) {
	var lo localOrigin
	var body string
	err := q.QueryRow(sqlGetRecord, aid, kindOrigin, "").Scan(&body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return lo, false, nil
	case err != nil:
		return lo, false, fmt.Errorf("cannot read where assessment %s started: %w", aid, err)
	}
	if err := json.Unmarshal([]byte(body), &lo); err != nil {
		return lo, false, &DamagedRecordError{Assessment: aid, Kind: kindOrigin, Err: err}
	}
	return lo, true, nil
}

// creationEnd is the last audit row of the transaction that created the assessment: its
// rows share that transaction's time.
func creationEnd(q querier, aid string) (int64, error) {
	var seq int64
	err := q.QueryRow(`SELECT COALESCE(MAX(seq), 0) FROM audit WHERE assessment_id = ?
		AND at = (SELECT at FROM audit WHERE assessment_id = ? ORDER BY seq LIMIT 1)`, aid, aid).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("cannot read the audit trail of assessment %s: %w", aid, err)
	}
	return seq, nil
}

// startingState is the assessment as its creation wrote it, read back from the audit trail:
// for a copy made from a bundle, the state it started from.
func startingState(q querier, aid string) (*assessment.Assessment, error) {
	end, err := creationEnd(q, aid)
	if err != nil {
		return nil, err
	}
	return assembleRows(q, aid, "the audit trail of assessment "+aid, func(kind string) bool { return !besideAssessment(kind) },
		"SELECT kind, key, new FROM audit WHERE assessment_id = ? AND seq <= ? AND field = 'created' ORDER BY seq", aid, end)
}

// changesSince lists the assessment's audit rows after seq as field changes of its parts,
// leaving out what is kept beside it. A deleted part's last content is left out: a merge
// needs to know that it was deleted, by whom and when, not what it held.
func changesSince(q querier, aid string, seq int64) ([]assessment.FieldChange, error) {
	rows, err := q.Query("SELECT seq, at, actor, kind, key, field, old, new FROM audit WHERE assessment_id = ? AND seq > ? ORDER BY seq", aid, seq)
	if err != nil {
		return nil, fmt.Errorf("cannot read the audit trail of assessment %s: %w", aid, err)
	}
	defer rows.Close()
	out := []assessment.FieldChange{}
	for rows.Next() {
		var c assessment.FieldChange
		var at, kind, key string
		if err := rows.Scan(&c.Seq, &at, &c.By, &kind, &key, &c.Field, &c.Old, &c.New); err != nil {
			return nil, fmt.Errorf("cannot read the audit trail of assessment %s: %w", aid, err)
		}
		if besideAssessment(kind) || c.Field == fieldReopened {
			continue
		}
		c.Part, c.At = partName(kind, key), parseTime(at)
		if c.Field == assessment.ChangeDeleted {
			c.Old = ""
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// mergeNotes reads the merges recorded in the assessment's audit trail, oldest first.
func mergeNotes(q querier, aid string) ([]assessment.MergeNote, error) {
	rows, err := q.Query("SELECT new FROM audit WHERE assessment_id = ? AND kind = ? AND field = ? ORDER BY seq", aid, kindMerge, fieldMerged)
	if err != nil {
		return nil, fmt.Errorf("cannot read the merges of assessment %s: %w", aid, err)
	}
	defer rows.Close()
	var out []assessment.MergeNote
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("cannot read the merges of assessment %s: %w", aid, err)
		}
		var n assessment.MergeNote
		if err := json.Unmarshal([]byte(body), &n); err != nil {
			return nil, fmt.Errorf("a merge recorded in the audit trail of assessment %s cannot be read (%v); restore the database from a backup", aid, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// notesFrom keeps the merge notes of bundles exported from one assessment.
func notesFrom(notes []assessment.MergeNote, from string) []assessment.MergeNote {
	return slices.DeleteFunc(slices.Clone(notes), func(n assessment.MergeNote) bool { return n.From != from })
}

// partName names a record as a part of its assessment (assessment.Parts).
func partName(kind, key string) string {
	if kind == kindHeader {
		return assessment.PartHeader
	}
	return assessment.PartName(kind, key)
}

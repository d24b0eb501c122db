package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// kindProposal is the record of a client's questionnaire answer to one item (key: catalogue
// item ID). It is kept beside the assessment, not in it: Load leaves proposals out, so no
// rule, report or bundle sees an answer the assessor has not accepted.
const kindProposal = "proposal"

// ErrNoProposal is returned when an item has no proposal to decide.
var ErrNoProposal = errors.New("no proposal")

// ReceiveProposals stores the answers read from a questionnaire as proposals, all in one
// transaction, each audited: who imported it and when are recorded with it. Following
// assessment.Receive, a different answer replaces the item's pending proposal and the same
// answer again changes nothing, so importing a workbook twice never duplicates anything.
// It returns, item by item, what happened.
func (s *Store) ReceiveProposals(aid string, answers []assessment.Proposal) ([]assessment.ProposalReceipt, error) {
	var receipts []assessment.ProposalReceipt
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		receipts = receipts[:0]
		for _, in := range answers {
			in.ImportedBy, in.ImportedAt = t.s.actor, t.when()
			current, err := t.proposal(aid, in.ItemID)
			if err != nil && !errors.Is(err, ErrNoProposal) {
				return err
			}
			next, outcome := assessment.Receive(current, in)
			if next != nil {
				if err := t.put(aid, kindProposal, in.ItemID, next); err != nil {
					return err
				}
			}
			receipts = append(receipts, assessment.ProposalReceipt{ItemID: in.ItemID, Sheet: in.Source.Sheet, Row: in.Source.Row, Outcome: outcome})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return receipts, nil
}

// Proposals returns every proposal of an assessment, pending and decided, by item ID (see
// assessment.PendingProposals and OrderProposals to show them).
func (s *Store) Proposals(aid string) ([]assessment.Proposal, error) {
	var one int
	switch err := s.db.QueryRow(sqlExists, aid).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("%w %q", ErrNotFound, aid)
	case err != nil:
		return nil, fmt.Errorf("cannot read the proposals of assessment %s: %w", aid, err)
	}
	rows, err := s.db.Query("SELECT key, body FROM records WHERE assessment_id = ? AND kind = ? ORDER BY key", aid, kindProposal)
	if err != nil {
		return nil, fmt.Errorf("cannot read the proposals of assessment %s: %w", aid, err)
	}
	defer rows.Close()
	var out []assessment.Proposal
	for rows.Next() {
		var key, body string
		if err := rows.Scan(&key, &body); err != nil {
			return nil, fmt.Errorf("cannot read the proposals of assessment %s: %w", aid, err)
		}
		var p assessment.Proposal
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			return nil, fmt.Errorf("%s cannot be read (%v); restore from a backup", describeRecord(kindProposal, key, aid), err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AcceptProposal accepts the pending proposal of an item following assessment's rule
// (Proposal.Accept): the answer becomes a questionnaire evidence item, and goes into the
// finding too when toFinding is set. The result and the proposal change in one audited
// transaction; no status or maturity is touched. It returns the item's new result.
func (s *Store) AcceptProposal(aid string, item checklists.Item, toFinding bool) (*assessment.Result, error) {
	var saved *assessment.Result
	err := s.write("", func(t *tx) error {
		if err := t.touch(aid); err != nil {
			return err
		}
		p, err := t.proposal(aid, item.ID)
		if err != nil {
			return err
		}
		var decided assessment.Proposal
		saved, err = t.judge(aid, item, nil, func(current *assessment.Result) (assessment.Judgement, error) {
			j, d, err := p.Accept(current, t.s.actor, t.when(), toFinding)
			decided = d
			return j, err
		})
		if err != nil {
			return err
		}
		return t.put(aid, kindProposal, item.ID, decided)
	})
	return saved, err
}

// RejectProposal rejects the pending proposal of an item, with the assessor's reason when
// given; nothing else changes. One audited transaction.
func (s *Store) RejectProposal(aid, itemID, reason string) error {
	return s.write("", func(t *tx) error {
		if err := t.touch(aid); err != nil {
			return err
		}
		p, err := t.proposal(aid, itemID)
		if err != nil {
			return err
		}
		decided, err := p.Reject(t.s.actor, t.when(), reason)
		if err != nil {
			return err
		}
		return t.put(aid, kindProposal, itemID, decided)
	})
}

// proposal reads an item's proposal in the transaction; ErrNoProposal when it has none.
func (t *tx) proposal(aid, itemID string) (*assessment.Proposal, error) {
	var p assessment.Proposal
	_, ok, err := t.getJSON(aid, kindProposal, itemID, &p)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, fmt.Errorf("%w from the client on %s in assessment %s; run 'aimsbench proposals %s' to see the items with one", ErrNoProposal, itemID, aid, aid)
	}
	return &p, nil
}

// when is the moment of the edit the transaction carries.
func (t *tx) when() time.Time { return parseTime(t.at) }

// parseTime reads a time as the store writes it (RFC 3339 with nanoseconds, UTC).
func parseTime(s string) time.Time {
	at, _ := time.Parse(time.RFC3339Nano, s)
	return at
}

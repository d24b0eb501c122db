package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// ErrFinalised is what every FinalisedError is (errors.Is), for callers that only ask whether
// an edit was refused because the assessment is finalised.
var ErrFinalised = errors.New("the assessment is finalised")

// FinalisedError refuses an edit of a finalised assessment: its sign-off is recorded and its
// report is FINAL, so nothing in it changes until it is reopened with a reason.
type FinalisedError struct {
	Assessment string
	SignOff    assessment.SignOff
}

func (e *FinalisedError) Error() string {
	return fmt.Sprintf("assessment %s is finalised (%s); reopen it with 'aimsbench reopen %s --reason …' to change it",
		e.Assessment, e.SignOff.Describe(), e.Assessment)
}

// Is makes errors.Is(err, ErrFinalised) true.
func (e *FinalisedError) Is(target error) bool { return target == ErrFinalised }

// FinaliseRefusedError says why an assessment cannot be finalised yet: every reason, each a
// short clause (assessment.FinaliseRefusals).
type FinaliseRefusedError struct {
	Assessment string
	Reasons    []string
}

func (e *FinaliseRefusedError) Error() string {
	return fmt.Sprintf("assessment %s cannot be finalised yet; deal with each of these and finalise it again:\n  - %s",
		e.Assessment, strings.Join(e.Reasons, "\n  - "))
}

// editable refuses any change to a finalised assessment. Every path that changes an
// assessment's records passes through it (mustExist, touch, replace, remove), so the lock
// holds for every edit the store makes, whoever asks: the command line, the workbench, an
// import, a merge. It reads the assessment's header once per transaction.
func (t *tx) editable(aid string) error {
	if t.open[aid] {
		return nil
	}
	body, _, err := t.get(aid, kindHeader, "")
	if err != nil {
		return err
	}
	// Every edit passes here: a header without a sign-off (the field is left out when empty,
	// and cannot appear inside a string unescaped) is not decoded at all.
	if bytes.Contains(body, []byte(`"sign_off"`)) {
		var h struct {
			SignOff assessment.SignOff `json:"sign_off"`
		}
		if err := json.Unmarshal(body, &h); err != nil {
			return &DamagedRecordError{Assessment: aid, Kind: kindHeader, Err: err}
		}
		if h.SignOff.Recorded() {
			return &FinalisedError{Assessment: aid, SignOff: h.SignOff}
		}
	}
	t.unlock(aid)
	return nil
}

// unlock lets this transaction change the assessment: it is not finalised, or this edit is
// the one that reopens it.
func (t *tx) unlock(aid string) {
	if t.open == nil {
		t.open = map[string]bool{}
	}
	t.open[aid] = true
}

// Finalise records the sign-off and so locks the assessment (SPEC §12), in one audited
// transaction, after checking inside it that the assessment as stored may be finalised
// (assessment.FinaliseRefusals, evaluated as of today): otherwise it returns a
// *FinaliseRefusedError listing every reason, and a *FinalisedError when it is finalised
// already. A draft's report version becomes 1.0 (assessment.FinalVersion). It returns the
// assessment as finalised.
func (s *Store) Finalise(cat *checklists.Catalogue, aid string, so assessment.SignOff, today time.Time) (*assessment.Assessment, error) {
	var done *assessment.Assessment
	err := s.write(aid, func(t *tx) error {
		a, err := t.load(aid)
		if err != nil {
			return err
		}
		if a.Finalised() {
			return &FinalisedError{Assessment: aid, SignOff: a.SignOff}
		}
		if why := assessment.FinaliseRefusals(cat, a, so, today); len(why) > 0 {
			return &FinaliseRefusedError{Assessment: aid, Reasons: why}
		}
		a.SignOff, a.ReportVersion = so, assessment.FinalVersion(a.ReportVersion)
		done = a
		return t.put(aid, kindHeader, "", header(a))
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// Reopen unlocks a finalised assessment for changes: the sign-off is cleared, the report
// version becomes the next revision (assessment.ReopenedVersion: 1.0 → 1.1) and the reason,
// which must be a justification (assessment.CheckJustification), is written to the audit
// trail beside the change, all in one transaction. It returns the assessment as reopened.
func (s *Store) Reopen(aid, reason string) (*assessment.Assessment, error) {
	if err := assessment.CheckJustification("reopening assessment "+aid, reason); err != nil {
		return nil, err
	}
	var done *assessment.Assessment
	err := s.write(aid, func(t *tx) error {
		a, err := t.load(aid)
		if err != nil {
			return err
		}
		if !a.Finalised() {
			return fmt.Errorf("assessment %s is not finalised, so there is nothing to reopen; it takes edits as it is", aid)
		}
		signed := a.SignOff
		a.SignOff, a.ReportVersion = assessment.SignOff{}, assessment.ReopenedVersion(a.ReportVersion)
		t.unlock(aid) // reopening is the one edit a finalised assessment takes
		body, err := json.Marshal(header(a))
		if err != nil {
			return fmt.Errorf("cannot encode the details of assessment %s: %w", aid, err)
		}
		if err := t.put(aid, kindHeader, "", header(a)); err != nil {
			return err
		}
		was, _ := json.Marshal(signed)
		done = a
		return t.audit(aid, kindHeader, "", fieldReopened, string(was), strings.TrimSpace(reason), recordHash(body))
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// fieldReopened is the audit trail's name for the row that records why an assessment was
// reopened: old is the sign-off it had, new the reason.
const fieldReopened = "reopened"

package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"aimsbench/assessment"
)

// The field registers of SPEC §11: one record kind each, keyed by the entry's number. The
// store numbers a new entry (number 0) after the highest number the register ever had in the
// assessment, deleted ones included (nextKey reads the audit trail), so a number is never
// reused and an old reference never points at a new entry. Every save and delete is one
// audited transaction.
//
// Each save takes the entry as the editor last saw it (base, nil for a new one) and as
// edited (next), and returns it as stored. Today the whole entry is written; putEntry is the
// one place that will apply only the changed fields once saves merge field by field.

// SaveAudit stores an internal audit of the programme (9.2).
func (s *Store) SaveAudit(aid string, base *assessment.InternalAudit, next assessment.InternalAudit) (assessment.InternalAudit, error) {
	return putEntry(s, aid, kindAudit, base, next)
}

// SaveReview stores a management review (9.3).
func (s *Store) SaveReview(aid string, base *assessment.ManagementReview, next assessment.ManagementReview) (assessment.ManagementReview, error) {
	return putEntry(s, aid, kindReview, base, next)
}

// SaveSupplier stores a supplier and its due diligence (A.10.3).
func (s *Store) SaveSupplier(aid string, base *assessment.Supplier, next assessment.Supplier) (assessment.Supplier, error) {
	return putEntry(s, aid, kindSupplier, base, next)
}

// SaveTraining stores a competence and training record (7.2, 7.3).
func (s *Store) SaveTraining(aid string, base *assessment.TrainingRecord, next assessment.TrainingRecord) (assessment.TrainingRecord, error) {
	return putEntry(s, aid, kindTraining, base, next)
}

// SaveIncident stores an AI incident (A.8.4, A.3.3).
func (s *Store) SaveIncident(aid string, base *assessment.Incident, next assessment.Incident) (assessment.Incident, error) {
	return putEntry(s, aid, kindIncident, base, next)
}

// SaveInterview stores an entry of the interview log.
func (s *Store) SaveInterview(aid string, base *assessment.Interview, next assessment.Interview) (assessment.Interview, error) {
	return putEntry(s, aid, kindInterview, base, next)
}

// DeleteAudit removes an internal audit; its number is not given out again.
func (s *Store) DeleteAudit(aid string, number int) error {
	return s.deleteEntry(aid, kindAudit, number)
}

// DeleteReview removes a management review; its number is not given out again.
func (s *Store) DeleteReview(aid string, number int) error {
	return s.deleteEntry(aid, kindReview, number)
}

// DeleteSupplier removes a supplier; its number is not given out again.
func (s *Store) DeleteSupplier(aid string, number int) error {
	return s.deleteEntry(aid, kindSupplier, number)
}

// DeleteTraining removes a training record; its number is not given out again.
func (s *Store) DeleteTraining(aid string, number int) error {
	return s.deleteEntry(aid, kindTraining, number)
}

// DeleteIncident removes an AI incident; its number is not given out again.
func (s *Store) DeleteIncident(aid string, number int) error {
	return s.deleteEntry(aid, kindIncident, number)
}

// DeleteInterview removes an entry of the interview log, refusing while evidence cites it.
func (s *Store) DeleteInterview(aid string, number int) error {
	return s.write(aid, func(t *tx) error {
		results, err := t.results(aid)
		if err != nil {
			return err
		}
		if err := assessment.CheckDeleteInterview(results, number); err != nil {
			return err
		}
		return t.remove(aid, kindInterview, strconv.Itoa(number))
	})
}

// entry is a register entry the store can number and check.
type entry[T any] interface {
	*T
	assessment.Entry
}

// putEntry stores a register entry in its own transaction: it refuses what the entry's rules
// refuse, numbers a new one, and otherwise applies the fields changed from base (the entry
// as the editor last saw it) to the entry as stored, like every other edit (mergeInto). It
// returns the entry as stored, which must still pass the entry's rules.
func putEntry[T any, P entry[T]](s *Store, aid, kind string, base *T, next T) (T, error) {
	if err := P(&next).Check(); err != nil {
		return next, err
	}
	var stored T
	err := s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		e := P(&next)
		if e.EntryNumber() == 0 {
			n, err := t.nextKey(aid, kind)
			if err != nil {
				return err
			}
			e.SetEntryNumber(int(n))
			base = nil
		}
		key := strconv.Itoa(e.EntryNumber())
		var err error
		if stored, err = mergeInto(t, aid, kind, key, base, next, strings.TrimSuffix(describeRecord(kind, key, aid), " of assessment "+aid)); err != nil {
			return err
		}
		return P(&stored).Check()
	})
	return stored, err
}

// deleteEntry removes one register entry in its own audited transaction.
func (s *Store) deleteEntry(aid, kind string, number int) error {
	return s.write(aid, func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		return t.remove(aid, kind, strconv.Itoa(number))
	})
}

// results reads every judgement of an assessment in the transaction, by item ID.
func (t *tx) results(aid string) (map[string]*assessment.Result, error) {
	rows, err := t.Query("SELECT key, body FROM records WHERE assessment_id = ? AND kind = ?", aid, kindResult)
	if err != nil {
		return nil, fmt.Errorf("cannot read the judgements of assessment %s: %w", aid, err)
	}
	defer rows.Close()
	out := map[string]*assessment.Result{}
	for rows.Next() {
		var key, body string
		if err := rows.Scan(&key, &body); err != nil {
			return nil, fmt.Errorf("cannot read the judgements of assessment %s: %w", aid, err)
		}
		var r assessment.Result
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			return nil, fmt.Errorf("the judgement of %s in assessment %s cannot be read (%v); restore from a backup", key, aid, err)
		}
		out[key] = &r
	}
	return out, rows.Err()
}

// checkCitations refuses evidence citing an interview the assessment's log does not hold; it
// reads the log only when some evidence cites an interview.
func (t *tx) checkCitations(aid string, evidence []assessment.Evidence) error {
	if !slices.ContainsFunc(evidence, func(e assessment.Evidence) bool { return e.Interview != 0 }) {
		return nil
	}
	var interviews []assessment.Interview
	for _, e := range evidence {
		if e.Interview == 0 {
			continue
		}
		var iv assessment.Interview
		if _, ok, err := t.getJSON(aid, kindInterview, strconv.Itoa(e.Interview), &iv); err != nil {
			return err
		} else if ok {
			interviews = append(interviews, iv)
		}
	}
	return assessment.CheckCitations(interviews, evidence)
}

// putRegisters adds the field registers' records to the records of a whole assessment.
func putRegisters(a *assessment.Assessment, add func(kind, key string, v any)) {
	for _, x := range a.Audits {
		add(kindAudit, strconv.Itoa(x.Number), x)
	}
	for _, x := range a.Reviews {
		add(kindReview, strconv.Itoa(x.Number), x)
	}
	for _, x := range a.Suppliers {
		add(kindSupplier, strconv.Itoa(x.Number), x)
	}
	for _, x := range a.Training {
		add(kindTraining, strconv.Itoa(x.Number), x)
	}
	for _, x := range a.Incidents {
		add(kindIncident, strconv.Itoa(x.Number), x)
	}
	for _, x := range a.Interviews {
		add(kindInterview, strconv.Itoa(x.Number), x)
	}
}

// decodeRegister decodes a field register's record; ok is false for any other kind.
func decodeRegister(kind string, body []byte) (value any, ok bool, err error) {
	switch kind {
	case kindAudit:
		value, err = decodeAs[assessment.InternalAudit](body)
	case kindReview:
		value, err = decodeAs[assessment.ManagementReview](body)
	case kindSupplier:
		value, err = decodeAs[assessment.Supplier](body)
	case kindTraining:
		value, err = decodeAs[assessment.TrainingRecord](body)
	case kindIncident:
		value, err = decodeAs[assessment.Incident](body)
	case kindInterview:
		value, err = decodeAs[assessment.Interview](body)
	default:
		return nil, false, nil
	}
	return value, true, err
}

// placeRegister puts a decoded register entry into the assessment being loaded.
func placeRegister(a *assessment.Assessment, v any) {
	switch v := v.(type) {
	case assessment.InternalAudit:
		a.Audits = append(a.Audits, v)
	case assessment.ManagementReview:
		a.Reviews = append(a.Reviews, v)
	case assessment.Supplier:
		a.Suppliers = append(a.Suppliers, v)
	case assessment.TrainingRecord:
		a.Training = append(a.Training, v)
	case assessment.Incident:
		a.Incidents = append(a.Incidents, v)
	case assessment.Interview:
		a.Interviews = append(a.Interviews, v)
	}
}

// sortRegisters puts the loaded registers in the order of their numbers.
func sortRegisters(a *assessment.Assessment) {
	slices.SortFunc(a.Audits, func(x, y assessment.InternalAudit) int { return x.Number - y.Number })
	slices.SortFunc(a.Reviews, func(x, y assessment.ManagementReview) int { return x.Number - y.Number })
	slices.SortFunc(a.Suppliers, func(x, y assessment.Supplier) int { return x.Number - y.Number })
	slices.SortFunc(a.Training, func(x, y assessment.TrainingRecord) int { return x.Number - y.Number })
	slices.SortFunc(a.Incidents, func(x, y assessment.Incident) int { return x.Number - y.Number })
	slices.SortFunc(a.Interviews, func(x, y assessment.Interview) int { return x.Number - y.Number })
}

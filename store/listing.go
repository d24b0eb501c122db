package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
)

// List returns every assessment's header, most recently updated first. It fails with a
// *DamagedRecordError when a header cannot be read; Listings and Walk mark that assessment
// instead and go on.
func (s *Store) List() ([]assessment.Header, error) {
	listings, err := s.Listings()
	if err != nil {
		return nil, err
	}
	out := make([]assessment.Header, 0, len(listings))
	for _, l := range listings {
		if l.Damage != nil {
			return nil, l.Damage
		}
		out = append(out, l.Header)
	}
	return out, nil
}

// Listing is one assessment as a list shows it: its header, or, when a record of it cannot be
// read, which one (Damage; the header then holds what could be read, at least the ID).
type Listing struct {
	assessment.Header
	Damage *DamagedRecordError
}

// Listings returns every assessment, most recently updated first. An assessment whose header
// cannot be read is listed with its Damage instead of failing the list, so one damaged record
// never hides the rest of the database.
func (s *Store) Listings() ([]Listing, error) {
	rows, err := s.db.Query(`SELECT a.id, a.updated, r.body FROM assessments a
		LEFT JOIN records r ON r.assessment_id = a.id AND r.kind = 'header' AND r.key = ''
		ORDER BY a.updated DESC, a.id`)
	if err != nil {
		return nil, fmt.Errorf("cannot list assessments: %w", err)
	}
	defer rows.Close()
	var out []Listing
	for rows.Next() {
		var id, updated string
		var body sql.NullString
		if err := rows.Scan(&id, &updated, &body); err != nil {
			return nil, fmt.Errorf("cannot list assessments: %w", err)
		}
		u, _ := time.Parse(time.RFC3339Nano, updated)
		l := Listing{Header: assessment.Header{ID: id, Updated: u}}
		var a assessment.Assessment
		switch err := json.Unmarshal([]byte(body.String), &a); {
		case !body.Valid:
			l.Damage = &DamagedRecordError{Assessment: id, Kind: kindHeader, Err: errors.New("it is missing")}
		case err != nil:
			l.Damage = &DamagedRecordError{Assessment: id, Kind: kindHeader, Err: err}
		default:
			l.Title, l.Organisation = a.Title, a.Organisation.Name
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Walk loads every assessment, in list order, and hands each to visit whole — or, when one of
// its records cannot be read, with a nil assessment and the Listing's Damage naming the
// record. The list and the home screen go through it, so a damaged assessment is shown as
// damaged and every other one as usual. It stops at the first error visit returns.
func (s *Store) Walk(visit func(l Listing, a *assessment.Assessment) error) error {
	listings, err := s.Listings()
	if err != nil {
		return err
	}
	for _, l := range listings {
		var a *assessment.Assessment
		if l.Damage == nil {
			a, err = s.Load(l.ID)
			if !errors.As(err, &l.Damage) && err != nil {
				return err
			}
		}
		if err := visit(l, a); err != nil {
			return err
		}
	}
	return nil
}

// DamagedRecordError names a record of an assessment that cannot be read — changed outside
// aimsbench, or damaged on disk — so the user knows what is lost and everything else stays
// usable.
type DamagedRecordError struct {
	Assessment string
	Kind, Key  string // the record's kind ("header", "system", "result", "nc", …) and key
	Err        error
}

func (e *DamagedRecordError) Error() string {
	return fmt.Sprintf("%s cannot be read (%v); restore the database from a backup", describeRecord(e.Kind, e.Key, e.Assessment), e.Err)
}

func (e *DamagedRecordError) Unwrap() error { return e.Err }

// Record names the damaged record for a person, within its assessment: "nonconformity 3".
func (e *DamagedRecordError) Record() string {
	return strings.TrimSuffix(describeRecord(e.Kind, e.Key, e.Assessment), " of assessment "+e.Assessment)
}

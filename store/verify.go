package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"aimsbench/userfile"
)

// VerifyReport is what verify found. OK is true when nothing is wrong.
type VerifyReport struct {
	Integrity    string          `json:"integrity"` // PRAGMA integrity_check
	AuditRows    int             `json:"audit_rows"`
	ChainHead    string          `json:"chain_head"`  // hash of the last audit row: the data fingerprint
	BrokenLink   string          `json:"broken_link"` // first audit row whose hash or link fails
	Tampered     []string        `json:"tampered"`    // records changed outside aimsbench
	EvidenceFail []EvidenceCheck `json:"evidence"`    // evidence files changed or missing
	OK           bool            `json:"ok"`
}

// EvidenceCheck is one evidence file that no longer matches what was attached.
type EvidenceCheck struct {
	Assessment string `json:"assessment"`
	Item       string `json:"item"`
	Path       string `json:"path"`
	Problem    string `json:"problem"`
}

// Verify checks the file's integrity, recomputes the audit chain, compares every record with
// the audit trail's last word on it, and re-hashes attached evidence files.
func (s *Store) Verify() (*VerifyReport, error) {
	rep := &VerifyReport{}
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&rep.Integrity); err != nil {
		return nil, damaged(s.path, err)
	}
	latest, err := s.verifyChain(rep)
	if err != nil {
		return nil, err
	}
	if err := s.verifyRecords(rep, latest); err != nil {
		return nil, err
	}
	rep.OK = rep.Integrity == "ok" && rep.BrokenLink == "" && len(rep.Tampered) == 0 && len(rep.EvidenceFail) == 0
	return rep, nil
}

// verifyChain recomputes every audit row's hash and link, and returns each record's last
// known hash ("" when deleted).
func (s *Store) verifyChain(rep *VerifyReport) (map[[3]string]string, error) {
	rows, err := s.db.Query("SELECT seq, at, actor, assessment_id, kind, key, field, old, new, record_hash, prev, hash FROM audit ORDER BY seq")
	if err != nil {
		return nil, fmt.Errorf("cannot read the audit trail: %w", err)
	}
	defer rows.Close()
	latest := map[[3]string]string{}
	prev, lastSeq := "", int64(0)
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Assessment, &r.Kind, &r.Key, &r.Field, &r.Old, &r.New, &r.RecordHash, &r.Prev, &r.Hash); err != nil {
			return nil, fmt.Errorf("cannot read the audit trail: %w", err)
		}
		rep.AuditRows++
		if rep.BrokenLink == "" {
			switch {
			case r.Seq != lastSeq+1:
				rep.BrokenLink = fmt.Sprintf("audit rows %d to %d are missing", lastSeq+1, r.Seq-1)
			case r.Prev != prev && r.Seq == 1:
				rep.BrokenLink = "audit row 1 does not start the chain (rows deleted or reordered)"
			case r.Prev != prev:
				rep.BrokenLink = fmt.Sprintf("audit row %d does not link to row %d (rows deleted or reordered)", r.Seq, lastSeq)
			case r.computeHash() != r.Hash:
				rep.BrokenLink = fmt.Sprintf("audit row %d (%s, field %s, at %s) was altered", r.Seq, describeRecord(r.Kind, r.Key, r.Assessment), r.Field, r.At)
			}
		}
		prev, lastSeq = r.Hash, r.Seq
		latest[[3]string{r.Assessment, r.Kind, r.Key}] = r.RecordHash
	}
	rep.ChainHead = prev
	return latest, rows.Err()
}

// verifyRecords compares each stored record with the hash the audit trail recorded for it,
// and re-hashes evidence files.
func (s *Store) verifyRecords(rep *VerifyReport, latest map[[3]string]string) error {
	rows, err := s.db.Query("SELECT assessment_id, kind, key, body FROM records ORDER BY assessment_id, kind, key")
	if err != nil {
		return fmt.Errorf("cannot read records: %w", err)
	}
	defer rows.Close()
	seen := map[[3]string]bool{}
	for rows.Next() {
		var k [3]string
		var body []byte
		if err := rows.Scan(&k[0], &k[1], &k[2], &body); err != nil {
			return fmt.Errorf("cannot read records: %w", err)
		}
		seen[k] = true
		want, known := latest[k]
		switch {
		case !known || want == "":
			rep.Tampered = append(rep.Tampered, describeRecord(k[1], k[2], k[0])+" was added outside aimsbench")
		case want != recordHash(body):
			rep.Tampered = append(rep.Tampered, describeRecord(k[1], k[2], k[0])+" was changed outside aimsbench")
		}
		if k[1] == kindResult {
			rep.EvidenceFail = append(rep.EvidenceFail, checkEvidence(k[0], k[2], body)...)
		}
	}
	for k, h := range latest {
		if h != "" && !seen[k] {
			rep.Tampered = append(rep.Tampered, describeRecord(k[1], k[2], k[0])+" was deleted outside aimsbench")
		}
	}
	return rows.Err()
}

// checkEvidence re-hashes the files attached to one result.
func checkEvidence(aid, item string, body []byte) []EvidenceCheck {
	var r struct {
		Evidence []struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
		} `json:"evidence"`
	}
	if json.Unmarshal(body, &r) != nil {
		return nil
	}
	var out []EvidenceCheck
	for _, e := range r.Evidence {
		if e.Path == "" {
			continue
		}
		_, sum, err := HashFile(e.Path)
		var notFile *userfile.NotRegularError
		var tooLarge *userfile.TooLargeError
		switch {
		case errors.As(err, &notFile):
			out = append(out, EvidenceCheck{aid, item, e.Path, "not a regular file (" + notFile.Kind + "), so it was not read"})
		case errors.As(err, &tooLarge):
			out = append(out, EvidenceCheck{aid, item, e.Path, "larger than " + userfile.Size(MaxEvidenceSize) + ", so it was not read"})
		case err != nil:
			out = append(out, EvidenceCheck{aid, item, e.Path, "missing or unreadable"})
		case sum != e.SHA256:
			out = append(out, EvidenceCheck{aid, item, e.Path, "changed since it was attached"})
		}
	}
	return out
}

// MaxEvidenceSize is the largest evidence file aimsbench fingerprints: far above any
// document or recording an assessor attaches, low enough that verify always ends.
const MaxEvidenceSize = 2 << 30

// HashFile returns a file's size and SHA-256, as recorded when evidence is attached. Only a
// regular file of at most MaxEvidenceSize is read: anything else is refused with a
// *userfile.NotRegularError or *userfile.TooLargeError, untouched.
func HashFile(path string) (int64, string, error) {
	f, err := userfile.Open(path, MaxEvidenceSize, "the evidence file")
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, MaxEvidenceSize+1))
	switch {
	case err != nil:
		return 0, "", fmt.Errorf("cannot read the evidence file %s: %w", path, err)
	case n > MaxEvidenceSize:
		return 0, "", &userfile.TooLargeError{What: "the evidence file " + path, Limit: MaxEvidenceSize}
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// ChainHead is the hash of the last audit row: the fingerprint a report prints so it can be
// tied to the exact data it came from.
func (s *Store) ChainHead() (string, error) {
	var h string
	err := s.db.QueryRow("SELECT COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '')").Scan(&h)
	return h, err
}

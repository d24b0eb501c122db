package store

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// ErrNotFound is returned for an assessment ID that is not in the database.
var ErrNotFound = errors.New("no such assessment")

func newID() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// header is the assessment without its collections, as stored in its header record.
func header(a *assessment.Assessment) assessment.Assessment {
	h := *a
	h.RoleHolders, h.Systems, h.Results, h.Risks, h.Tests, h.NCs, h.Requests, h.KPIValues = nil, nil, nil, nil, nil, nil, nil, nil
	h.Audits, h.Reviews, h.Suppliers, h.Training, h.Incidents, h.Interviews = nil, nil, nil, nil, nil, nil
	return h
}

// Create stores a whole assessment (new, demo, import, next cycle) in one transaction and
// returns its new ID. Created and Updated are kept when set (an imported bundle keeps its
// dates) and set to now otherwise.
func (s *Store) Create(a *assessment.Assessment) (string, error) { return s.create(a, nil) }

// create is Create, running also (when given) in the same transaction once the records are
// written.
func (s *Store) create(a *assessment.Assessment, also func(t *tx, id string) error) (string, error) {
	id := newID()
	now := s.now().UTC()
	err := s.write("", func(t *tx) error {
		if _, err := t.Exec("INSERT INTO assessments (id, created, updated) VALUES (?, ?, ?)", id, t.at, t.at); err != nil {
			return fmt.Errorf("cannot create the assessment: %w", err)
		}
		c := *a
		c.ID = id
		if c.Created.IsZero() {
			c.Created = now
		}
		if c.Updated.IsZero() {
			c.Updated = now
		}
		if err := t.putAll(&c); err != nil || also == nil {
			return err
		}
		return also(t, id)
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// putAll writes every record of an assessment.
func (t *tx) putAll(a *assessment.Assessment) error {
	for _, p := range recordsOf(a) {
		if err := t.put(a.ID, p.kind, p.key, p.value); err != nil {
			return err
		}
	}
	return nil
}

// record is one record of an assessment as the store keeps it: its kind, its key within the
// kind, and the value stored as its JSON body.
type record struct {
	kind, key string
	value     any
}

// recordsOf splits an assessment into the records the store keeps: its header and one record
// per entry of each collection (assessment.Parts names the same pieces).
func recordsOf(a *assessment.Assessment) []record {
	puts := []record{{kindHeader, "", header(a)}}
	add := func(kind, key string, v any) { puts = append(puts, record{kind, key, v}) }
	for _, h := range a.RoleHolders {
		add(kindRole, h.RoleID, h)
	}
	for _, sys := range a.Systems {
		add(kindSystem, strconv.FormatInt(sys.ID, 10), sys)
	}
	for _, itemID := range sortedKeys(a.Results) {
		add(kindResult, itemID, a.Results[itemID])
	}
	for _, r := range a.Risks {
		add(kindRisk, strconv.FormatInt(r.ID, 10), r)
	}
	for _, test := range a.Tests {
		add(kindTest, test.ControlID, test)
	}
	for _, nc := range a.NCs {
		add(kindNC, strconv.Itoa(nc.Number), nc)
	}
	for _, k := range sortedKeys(a.Requests) {
		add(kindRequest, k, a.Requests[k])
	}
	for _, k := range sortedKeys(a.KPIValues) {
		add(kindKPI, k, a.KPIValues[k])
	}
	putRegisters(a, add)
	return puts
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Resolve turns an ID, or a unique prefix of one, into the full ID.
func (s *Store) Resolve(ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("no assessment ID given; run 'aimsbench list' to see them")
	}
	rows, err := s.db.Query("SELECT id FROM assessments WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2", ref, escapeLike(ref)+"%")
	if err != nil {
		return "", fmt.Errorf("cannot look up assessment %s: %w", ref, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	switch {
	case len(ids) == 0:
		return "", fmt.Errorf("%w %q in %s; run 'aimsbench list' to see the IDs", ErrNotFound, ref, s.path)
	case len(ids) > 1 && !slices.Contains(ids, ref):
		return "", fmt.Errorf("%q matches more than one assessment; give more of the ID", ref)
	case slices.Contains(ids, ref):
		return ref, nil
	}
	return ids[0], rows.Err()
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Load reads a whole assessment with one query. The records of a large assessment are
// decoded on every core: decoding, not reading, is most of the time it takes to open one.
func (s *Store) Load(id string) (*assessment.Assessment, error) { return loadFrom(s.db, id) }

// load reads a whole assessment inside the transaction, as it is at this point of the edit.
func (t *tx) load(id string) (*assessment.Assessment, error) { return loadFrom(t.Tx, id) }

// querier is what reads the database: the connection pool, or a transaction.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

func loadFrom(q querier, id string) (*assessment.Assessment, error) {
	return assembleRows(q, id, "assessment "+id, nil, "SELECT kind, key, body FROM records WHERE assessment_id = ?", id)
}

// assembleRows reads the (kind, key, body) rows a query gives into an assessment, keeping the
// records keep accepts (all when nil); from names where they come from in an error.
func assembleRows(q querier, id, from string, keep func(kind string) bool, query string, args ...any) (*assessment.Assessment, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", from, err)
	}
	defer rows.Close()
	var recs []loadedRecord
	found := false
	for rows.Next() {
		var r loadedRecord
		if err := rows.Scan(&r.kind, &r.key, &r.body); err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", from, err)
		}
		if keep == nil || keep(r.kind) {
			recs = append(recs, r)
			found = found || r.kind == kindHeader
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", from, err)
	}
	rows.Close() // the connection is free again before the records are decoded
	return assemble(id, recs, found)
}

// assemble decodes an assessment's records into the assessment; found says its header is
// among them.
func assemble(id string, recs []loadedRecord, found bool) (*assessment.Assessment, error) {
	decodeRecords(recs)
	a := &assessment.Assessment{}
	var results = map[string]*assessment.Result{}
	requests, kpis := map[string]assessment.RequestStatus{}, map[string]assessment.KPIValue{}
	for _, r := range recs {
		if err := r.place(a, results, requests, kpis); err != nil {
			return nil, &DamagedRecordError{Assessment: id, Kind: r.kind, Key: r.key, Err: err}
		}
	}
	if !found {
		return nil, fmt.Errorf("%w %q", ErrNotFound, id)
	}
	a.ID, a.Results, a.Requests, a.KPIValues = id, results, requests, kpis
	sortCollections(a)
	return a, nil
}

// loadedRecord is one record read by Load, and its decoded value once decodeRecords ran.
type loadedRecord struct {
	kind, key string
	body      []byte
	value     any
	err       error
}

// parallelDecodeFrom is the number of records from which Load decodes on several cores.
const parallelDecodeFrom = 64

// decodeRecords decodes every record but the header, on as many cores as there are when
// there are many records. Each record is decoded exactly as on its own.
func decodeRecords(recs []loadedRecord) {
	workers := min(runtime.GOMAXPROCS(0), len(recs)/(parallelDecodeFrom/2))
	if len(recs) < parallelDecodeFrom || workers < 2 {
		for i := range recs {
			recs[i].decode()
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(recs); i = int(next.Add(1) - 1) {
				recs[i].decode()
			}
		})
	}
	wg.Wait()
}

// decode decodes the record's body into a value of its kind.
func (r *loadedRecord) decode() {
	switch r.kind {
	case kindRole:
		r.value, r.err = decodeAs[assessment.RoleHolder](r.body)
	case kindSystem:
		r.value, r.err = decodeAs[assessment.AISystem](r.body)
	case kindResult:
		r.value, r.err = decodeAs[assessment.Result](r.body)
	case kindRisk:
		r.value, r.err = decodeAs[assessment.Risk](r.body)
	case kindTest:
		r.value, r.err = decodeAs[assessment.ControlTest](r.body)
	case kindNC:
		r.value, r.err = decodeAs[assessment.Nonconformity](r.body)
	case kindRequest:
		r.value, r.err = decodeAs[assessment.RequestStatus](r.body)
	case kindKPI:
		r.value, r.err = decodeAs[assessment.KPIValue](r.body)
	default:
		r.value, _, r.err = decodeRegister(r.kind, r.body)
	}
}

func decodeAs[T any](body []byte) (T, error) {
	var v T
	err := json.Unmarshal(body, &v)
	return v, err
}

// place puts one decoded record into the assessment being loaded. The header is decoded
// here, into the assessment itself, in the order the records were read.
func (r *loadedRecord) place(a *assessment.Assessment, results map[string]*assessment.Result, requests map[string]assessment.RequestStatus, kpis map[string]assessment.KPIValue) error {
	if r.kind == kindHeader {
		return json.Unmarshal(r.body, a)
	}
	if r.err != nil {
		return r.err
	}
	switch v := r.value.(type) {
	case assessment.RoleHolder:
		a.RoleHolders = append(a.RoleHolders, v)
	case assessment.AISystem:
		a.Systems = append(a.Systems, v)
	case assessment.Result:
		results[r.key] = &v
	case assessment.Risk:
		a.Risks = append(a.Risks, v)
	case assessment.ControlTest:
		a.Tests = append(a.Tests, v)
	case assessment.Nonconformity:
		a.NCs = append(a.NCs, v)
	case assessment.RequestStatus:
		requests[r.key] = v
	case assessment.KPIValue:
		kpis[r.key] = v
	default:
		placeRegister(a, v)
	}
	return nil
}

// sortCollections puts loaded collections in a stable order: by ID, number or control.
func sortCollections(a *assessment.Assessment) {
	slices.SortFunc(a.RoleHolders, func(x, y assessment.RoleHolder) int { return strings.Compare(x.RoleID, y.RoleID) })
	slices.SortFunc(a.Systems, func(x, y assessment.AISystem) int { return int(x.ID - y.ID) })
	slices.SortFunc(a.Risks, func(x, y assessment.Risk) int { return int(x.ID - y.ID) })
	slices.SortFunc(a.NCs, func(x, y assessment.Nonconformity) int { return x.Number - y.Number })
	slices.SortFunc(a.Tests, func(x, y assessment.ControlTest) int { return strings.Compare(x.ControlID, y.ControlID) })
	sortRegisters(a)
}

// Delete removes an assessment and everything in it. The audit trail keeps the record of it.
func (s *Store) Delete(id string) error {
	return s.write("", func(t *tx) error {
		rows, err := t.Query("SELECT kind, key FROM records WHERE assessment_id = ? ORDER BY kind, key", id)
		if err != nil {
			return fmt.Errorf("cannot delete assessment %s: %w", id, err)
		}
		var keys [][2]string
		for rows.Next() {
			var k [2]string
			rows.Scan(&k[0], &k[1])
			keys = append(keys, k)
		}
		rows.Close()
		for _, k := range keys {
			if err := t.remove(id, k[0], k[1]); err != nil {
				return err
			}
		}
		res, err := t.Exec("DELETE FROM assessments WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("cannot delete assessment %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w %q", ErrNotFound, id)
		}
		return nil
	})
}

// SaveJudgement applies one judgement to an item's result as stored, through the rules of
// package assessment, and stores it durably: the command line's intent, stated without a
// base. A refused judgement changes nothing.
func (s *Store) SaveJudgement(aid string, item checklists.Item, j assessment.Judgement) (*assessment.Result, error) {
	return s.SaveJudgementFrom(aid, item, nil, j)
}

// SaveJudgementFrom applies a judgement made while the editor saw base (the item's result
// as last read; nil for none). The rules check the judgement on base; then only the fields
// it changed are applied to the result as stored, so a finding saved meanwhile by another
// writer survives, and a field changed elsewhere to a different value refuses the edit with
// a ConflictError. Evidence items are added to, changed in or removed from the stored list
// by identity (assessment.EvidenceEdit), never merged as a whole. A judgement that
// changes nothing writes nothing. It returns the result as stored.
func (s *Store) SaveJudgementFrom(aid string, item checklists.Item, base *assessment.Result, j assessment.Judgement) (*assessment.Result, error) {
	var saved *assessment.Result
	err := s.write("", func(t *tx) error {
		if err := t.mustExist(aid); err != nil {
			return err
		}
		if err := t.checkCitations(aid, j.AddEvidence); err != nil {
			return err
		}
		var err error
		saved, err = t.judge(aid, item, base, func(*assessment.Result) (assessment.Judgement, error) { return j, nil })
		return err
	})
	return saved, err
}

// judge applies a judgement to an item's result as it is on disk in this transaction,
// merged from base as judgeOn says; build makes the judgement from that result (most edits
// do not need it). The assessment is stamped only when the result changes.
func (t *tx) judge(aid string, item checklists.Item, base *assessment.Result, build func(current *assessment.Result) (assessment.Judgement, error)) (*assessment.Result, error) {
	current := assessment.NewResult(item)
	old, exists, err := t.getJSON(aid, kindResult, item.ID, current)
	if err != nil {
		return nil, err
	}
	j, err := build(current)
	if err != nil {
		return nil, err
	}
	next, err := judgeOn(item, current, base, j)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(next)
	if err != nil {
		return nil, fmt.Errorf("cannot encode %s %s: %w", kindResult, item.ID, err)
	}
	if exists && bytes.Equal(old, body) {
		return next, nil
	}
	if err := t.touch(aid); err != nil {
		return nil, err
	}
	return next, t.replace(aid, kindResult, item.ID, old, exists, body)
}

// judgeOn is the result after judgement j: applied to current (as stored) when there is no
// base, else applied to base and merged into current field by field.
func judgeOn(item checklists.Item, current, base *assessment.Result, j assessment.Judgement) (*assessment.Result, error) {
	if base == nil {
		return j.Apply(item, current)
	}
	mine, err := j.Apply(item, base)
	if err != nil {
		return nil, err
	}
	seen := *base
	if j.ChangesEvidence() { // on the list as stored, whatever others added or removed meanwhile
		seen.Evidence = current.Evidence
		if mine.Evidence, err = j.EvidenceOn(item.ID, current.Evidence); err != nil {
			return nil, err
		}
	}
	curBody, err := json.Marshal(current)
	if err != nil {
		return nil, err
	}
	mineBody, err := json.Marshal(mine)
	if err != nil {
		return nil, err
	}
	merged, err := mergeEdit(curBody, &seen, mineBody, item.ID)
	if err != nil {
		return nil, err
	}
	next := assessment.NewResult(item)
	if err := json.Unmarshal(merged, next); err != nil {
		return nil, fmt.Errorf("cannot merge the result of %s: %w", item.ID, err)
	}
	return assessment.Judgement{}.Apply(item, next) // the rules hold for the merged result too
}

// touch stamps the assessment as updated by this edit; one statement both records the edit
// and proves the assessment exists.
func (t *tx) touch(aid string) error {
	if err := t.editable(aid); err != nil {
		return err
	}
	res, err := t.exec(sqlTouch, t.at, aid)
	if err != nil {
		return fmt.Errorf("cannot save: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("%w %q", ErrNotFound, aid)
	}
	return nil
}

func (t *tx) mustExist(aid string) error {
	if err := t.editable(aid); err != nil {
		return err
	}
	var one int
	err := t.queryRow(sqlExists, aid).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w %q", ErrNotFound, aid)
	}
	return err
}

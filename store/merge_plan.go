package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"aimsbench/assessment"
)

// merger works out the merge of a bundle into an assessment, part by part (assessment.Parts):
// base is the state both copies started from, ours the assessment as stored, theirs the
// bundle's; merged is the result with every conflict kept as ours until it is settled.
type merger struct {
	aid                    string
	in                     MergeInput
	plan                   *assessment.MergePlan
	base, ours, theirs     map[string][]byte
	merged                 map[string][]byte
	oursLog, theirsLog     changeLog
	numbers                []assessment.NumberMap // new numbered entries taken: number there and here
	goneHere               []string               // entries an earlier merge took and this side deleted since
	fixes                  map[string]conflictFix // what taking theirs means, by conflict reference
	oursState, theirsState *assessment.Assessment
}

// conflictFix is what settling a conflict for theirs writes: a field's value, or the whole
// record (nil: deleted).
type conflictFix struct {
	part, field string
	theirs      []byte
}

// planMerge works out the merge through q, writing nothing.
func planMerge(q querier, aid string, in MergeInput) (*merger, error) {
	if in.Theirs == nil || in.Origin == nil {
		return nil, fmt.Errorf("the bundle does not record where its assessment started (it was exported without its origin), so it cannot be merged; export it with 'aimsbench export ID --format json'")
	}
	ours, err := loadFrom(q, aid)
	if err != nil {
		return nil, err
	}
	if ours.Finalised() {
		return nil, &FinalisedError{Assessment: aid, SignOff: ours.SignOff}
	}
	start, err := commonStart(q, aid, in.Origin)
	if err != nil {
		return nil, err
	}
	m := &merger{aid: aid, in: in, oursState: ours, theirsState: in.Theirs.Clone(), fixes: map[string]conflictFix{}}
	m.plan = &assessment.MergePlan{Into: aid, From: in.Origin.Exported.From, Lineage: in.Origin.Lineage, Exported: in.Origin.Exported.At,
		Taken: []assessment.MergeChange{}, Renumbered: []assessment.NumberMap{}, Conflicts: []assessment.Conflict{}}
	oursChanges, err := changesSince(q, aid, start.oursSince)
	if err != nil {
		return nil, err
	}
	notes, err := mergeNotes(q, aid)
	if err != nil {
		return nil, err
	}
	own, their := notesFrom(notes, m.plan.From), notesFrom(in.Origin.Merges, aid)
	m.oursLog = newChangeLog(oursChanges, own)
	moves, err := m.renumber(q, start.state, own, their)
	if err != nil {
		return nil, err
	}
	m.theirsLog = newChangeLog(renumbered(start.theirsChanges, moves), their)
	if err := m.split(start.state); err != nil {
		return nil, err
	}
	for _, name := range assessment.SortedPartNames(union(m.base, m.ours, m.theirs)) {
		if err := m.mergePart(name); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// split turns the three states into parts; the header's own fields (ID, dates, sign-off)
// are ours on every side, so a merge never touches them.
func (m *merger) split(base *assessment.Assessment) error {
	var err error
	if m.base, err = assessment.PartsOf(base); err != nil {
		return err
	}
	if m.ours, err = assessment.PartsOf(m.oursState); err != nil {
		return err
	}
	if m.theirs, err = assessment.PartsOf(m.theirsState); err != nil {
		return err
	}
	for _, name := range m.goneHere {
		delete(m.theirs, name)
	}
	for _, side := range []map[string][]byte{m.base, m.theirs} {
		if side[assessment.PartHeader], err = assessment.KeepOwnFields(side[assessment.PartHeader], m.ours[assessment.PartHeader]); err != nil {
			return fmt.Errorf("cannot read the assessment details to merge: %w", err)
		}
	}
	m.merged = map[string][]byte{}
	return nil
}

func union(sides ...map[string][]byte) map[string]bool {
	names := map[string]bool{}
	for _, side := range sides {
		for name := range side {
			names[name] = true
		}
	}
	return names
}

// mergePart decides one part: a record new on one side is kept, one deleted on one side and
// unchanged on the other is deleted, one changed on a side and deleted on the other is a
// conflict over the whole record, and one on both sides is merged field by field.
func (m *merger) mergePart(name string) error {
	b, inBase := m.base[name]
	o, inOurs := m.ours[name]
	t, inTheirs := m.theirs[name]
	switch {
	case inOurs && inTheirs:
		if !inBase {
			b = []byte("{}")
		}
		return m.mergeFields(name, b, o, t)
	case inOurs && inBase && !assessment.SameJSON(o, b):
		m.merged[name] = o
		m.conflict(name, "", b, o, nil)
	case inOurs && !inBase:
		m.merged[name] = o
	case inTheirs && !inBase:
		m.merged[name] = t
		m.take(name, "", assessment.MergeAdded, t)
	case inTheirs && !assessment.SameJSON(t, b):
		m.conflict(name, "", b, nil, t)
	case inOurs: // unchanged here, deleted there
		m.take(name, "", assessment.MergeDeleted, nil)
	}
	return nil
}

// mergeFields merges a record both sides hold: MergeRecord takes what only theirs changed,
// and every field both changed differently is settled by the rules (ResolveField) or listed
// as a conflict, keeping ours until it is settled.
func (m *merger) mergeFields(name string, b, o, t []byte) error {
	if bytes.Equal(o, t) || bytes.Equal(b, t) { // the same on both sides, or unchanged there: most records
		m.merged[name] = o
		return nil
	}
	merged, conflicts, err := MergeRecord(o, b, t)
	if err != nil {
		return fmt.Errorf("cannot merge %s: %w", assessment.PartLabel(name), err)
	}
	baseFields, _ := splitFields(b)
	for _, c := range conflicts {
		ref := assessment.FieldRef(name, c.Field)
		ours, theirs := rawOrNil(c.Stored), rawOrNil(c.Mine) // MergeRecord's stored record is ours, its edit theirs
		oursStale := m.oursLog.fromMerge(name, c.Field) || m.theirsLog.kept.Held(ref, ours)
		theirsStale := m.theirsLog.fromMerge(name, c.Field) || m.oursLog.kept.Held(ref, theirs)
		if v, ok := assessment.ResolveField(baseFields[c.Field], ours, theirs, oursStale, theirsStale); ok {
			if merged, err = setField(merged, c.Field, v); err != nil {
				return fmt.Errorf("cannot merge %s: %w", assessment.PartLabel(name), err)
			}
			continue
		}
		m.conflict(name, c.Field, baseFields[c.Field], ours, theirs)
	}
	m.merged[name] = merged
	for _, f := range changedFields(o, merged) {
		m.take(name, f.name, assessment.MergeChanged, []byte(f.new))
	}
	return nil
}

func rawOrNil(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s)
}

// setField sets (or, for nil, removes) one field of a JSON object.
func setField(body []byte, field string, value []byte) ([]byte, error) {
	fields, _ := splitFields(body)
	if fields == nil {
		return nil, fmt.Errorf("the record is not valid JSON")
	}
	if value == nil {
		delete(fields, field)
	} else {
		fields[field] = value
	}
	return json.Marshal(fields)
}

// take lists something taken from theirs, with who changed it there and when.
func (m *merger) take(part, field, action string, value []byte) {
	who := m.theirsLog.who(part, field)
	m.plan.Taken = append(m.plan.Taken, assessment.MergeChange{Ref: assessment.FieldRef(part, field), Record: assessment.PartLabel(part),
		Field: field, Action: action, Value: string(value), By: who.By, At: who.At})
}

// conflict lists a field (or, with no field, a whole record) both sides changed differently;
// nil for a side means the record is deleted there.
func (m *merger) conflict(part, field string, base, ours, theirs []byte) {
	ref := assessment.FieldRef(part, field)
	version := func(l changeLog, v []byte) assessment.Version {
		who := l.who(part, field)
		return assessment.Version{Value: string(v), Deleted: v == nil && field == "", By: who.By, At: who.At}
	}
	m.plan.Conflicts = append(m.plan.Conflicts, assessment.Conflict{Ref: ref, Record: assessment.PartLabel(part), Field: field,
		Base: string(base), Ours: version(m.oursLog, ours), Theirs: version(m.theirsLog, theirs)})
	m.fixes[ref] = conflictFix{part: part, field: field, theirs: theirs}
}

// changeLog is one side's edits since the copies started, from its audit trail: who last
// changed each field and each record, and when; when it merged the other copy's bundles; and
// the other copy's values it kept its own over in those merges.
type changeLog struct {
	field   map[string]assessment.FieldChange // by FieldRef: the field's last change
	created map[string]assessment.FieldChange // by part: its creation
	record  map[string]assessment.FieldChange // by part: its last change of any kind
	merges  map[time.Time]bool                // when this side merged the other's bundles
	kept    assessment.History
}

// newChangeLog reads a side's field changes and its notes of merging the other side's
// bundles.
func newChangeLog(changes []assessment.FieldChange, notes []assessment.MergeNote) changeLog {
	l := changeLog{field: map[string]assessment.FieldChange{}, created: map[string]assessment.FieldChange{},
		record: map[string]assessment.FieldChange{}, merges: map[time.Time]bool{}, kept: assessment.History{}}
	for _, c := range changes {
		l.record[c.Part] = c
		switch c.Field {
		case assessment.ChangeCreated:
			l.created[c.Part] = c
		case assessment.ChangeDeleted:
		default:
			l.field[assessment.FieldRef(c.Part, c.Field)] = c
		}
	}
	for _, n := range notes {
		l.merges[n.At.UTC()] = true
		for _, k := range n.Kept {
			l.kept.Add(k.Ref, []byte(k.Theirs))
		}
	}
	return l
}

// who is the last change of a field — its own, else its record's creation — or, for a whole
// record (no field), of the record; zero when not known (it was made before the copies
// parted).
func (l changeLog) who(part, field string) assessment.FieldChange {
	if field == "" {
		return l.record[part]
	}
	if c, ok := l.field[assessment.FieldRef(part, field)]; ok {
		return c
	}
	return l.created[part]
}

// fromMerge reports whether this side's value of a field came from a merge of the other
// side's bundle: its last change was written by that merge.
func (l changeLog) fromMerge(part, field string) bool {
	c := l.who(part, field)
	return !c.At.IsZero() && l.merges[c.At.UTC()]
}

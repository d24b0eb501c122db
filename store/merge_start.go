package store

import (
	"fmt"
	"slices"
	"strconv"

	"aimsbench/assessment"
)

// start is where the histories of the two copies in a merge meet: the state both started
// from, the audit row of ours after which its own edits begin, and theirs' edits since.
type start struct {
	state         *assessment.Assessment
	oursSince     int64
	theirsChanges []assessment.FieldChange
}

// commonStart finds the state the assessment and the bundle's copy both started from. The
// copies must be of one lineage, and one of them must know the state: the bundle's copy was
// made from this assessment (the bundle carries the state handed over), this assessment was
// made from the bundle's copy (this database has the state), or both were made from the same
// third copy (the earlier of the two hand-overs is the state both started from).
func commonStart(q querier, aid string, o *assessment.Origin) (start, error) {
	local, copied, err := readLocalOrigin(q, aid)
	if err != nil {
		return start{}, err
	}
	lineage := aid
	if copied {
		lineage = local.Lineage
	}
	from := o.Exported.From
	switch {
	case o.Lineage != lineage:
		return start{}, fmt.Errorf("the bundle's assessment started from assessment %s and this one from %s, so they are not copies of one assessment and cannot be merged; import the bundle as a new assessment instead", o.Lineage, lineage)
	case from == "":
		return start{}, fmt.Errorf("the bundle does not say which assessment it was exported from, so it cannot be merged; export it again with 'aimsbench export ID --format json'")
	case from == aid:
		return start{}, fmt.Errorf("the bundle is an export of assessment %s itself, so there is nothing to merge", aid)
	case o.Base != nil && o.Base.From == aid && o.Base.State != nil:
		return start{state: o.Base.State, oursSince: o.Base.Seq, theirsChanges: o.Changes}, nil
	}
	if !copied {
		return start{}, fmt.Errorf("the bundle's copy was not made from assessment %s, and this one was not made from a bundle, so the state both started from is not known; merge the bundle into the assessment its copy was made from", aid)
	}
	state, err := startingState(q, aid)
	if err != nil {
		return start{}, err
	}
	since, err := creationEnd(q, aid)
	if err != nil {
		return start{}, err
	}
	switch {
	case local.Handover.From == from: // this assessment was made from the bundle's copy
		later := slices.DeleteFunc(slices.Clone(o.Changes), func(c assessment.FieldChange) bool { return c.Seq <= local.Handover.Seq })
		return start{state: state, oursSince: since, theirsChanges: later}, nil
	case o.Base != nil && o.Base.State != nil && o.Base.From == local.Handover.From:
		if o.Base.Seq < local.Handover.Seq {
			state = o.Base.State
		}
		return start{state: state, oursSince: since, theirsChanges: o.Changes}, nil
	}
	return start{}, fmt.Errorf("the bundle's copy and assessment %s were made from different copies of assessment %s, so the state both started from is not known; merge each into the copy it was made from first", aid, lineage)
}

// renumber gives the bundle's new numbered entries (AI systems, risks, nonconformities added
// there since the copies parted) numbers of this assessment: an entry an earlier merge took
// keeps the number it was given (own notes, or the bundle's notes of merging from here), a
// number never used here is kept, and any other gets the next free one. References follow
// (assessment.Renumber); what the bundle renumbered is listed in the plan.
func (m *merger) renumber(q querier, base *assessment.Assessment, own, their []assessment.MergeNote) (map[string]map[int64]int64, error) {
	all := map[string]map[int64]int64{}
	for _, kind := range assessment.NumberedKinds() {
		known := knownNumbers(kind, own, their)
		free, err := nextNumber(q, m.aid, kind)
		if err != nil {
			return nil, err
		}
		unused := free
		theirs := m.theirsState.Numbers(kind)
		for _, n := range theirs {
			free = max(free, n+1)
		}
		inBase, inOurs := numberSet(base.Numbers(kind)), numberSet(m.oursState.Numbers(kind))
		moves := map[int64]int64{}
		for _, n := range theirs {
			to, seen := known[n]
			switch {
			case inBase[n]:
				continue
			case seen && !inOurs[to]:
				m.goneHere = append(m.goneHere, assessment.PartName(kind, fmt.Sprint(to))) // deleted here since
			case seen:
			case n >= unused:
				to = n
			default:
				to, free = free, free+1
				m.plan.Renumbered = append(m.plan.Renumbered, assessment.NumberMap{Kind: kind, Theirs: n, Ours: to})
			}
			if !seen {
				m.numbers = append(m.numbers, assessment.NumberMap{Kind: kind, Theirs: n, Ours: to})
			}
			if to != n {
				moves[n] = to
			}
		}
		m.theirsState.Renumber(kind, moves)
		all[kind] = moves
	}
	return all, nil
}

// knownNumbers maps the bundle's numbers of a kind to ours for the entries an earlier merge
// took, in either direction: our notes of merging their bundles, and theirs of merging ours.
func knownNumbers(kind string, own, their []assessment.MergeNote) map[int64]int64 {
	known := map[int64]int64{}
	for _, n := range own {
		for _, nm := range n.Numbers {
			if nm.Kind == kind {
				known[nm.Theirs] = nm.Ours
			}
		}
	}
	for _, n := range their { // their merge of our bundle: their "theirs" is ours
		for _, nm := range n.Numbers {
			if nm.Kind == kind {
				known[nm.Ours] = nm.Theirs
			}
		}
	}
	return known
}

// renumbered is the bundle's field changes with the parts of its renumbered entries named
// by their numbers here.
func renumbered(changes []assessment.FieldChange, moves map[string]map[int64]int64) []assessment.FieldChange {
	out := slices.Clone(changes)
	for i, c := range out {
		kind, key := assessment.SplitPartName(c.Part)
		if n, err := strconv.ParseInt(key, 10, 64); err == nil {
			if to, ok := moves[kind][n]; ok {
				out[i].Part = assessment.PartName(kind, strconv.FormatInt(to, 10))
			}
		}
	}
	return out
}

func numberSet(ns []int64) map[int64]bool {
	set := make(map[int64]bool, len(ns))
	for _, n := range ns {
		set[n] = true
	}
	return set
}

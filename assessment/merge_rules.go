package assessment

import (
	"bytes"
	"encoding/json"
	"slices"
)

// The rules that settle a field two copies changed differently, without asking, when the
// answer is not a matter of judgement. Everything else is a Conflict for the assessor.

// ownFields are the header fields each copy keeps for itself and a merge never takes: the
// copy's ID and dates, and its sign-off (a merge never finalises an assessment).
var ownFields = []string{"id", "created", "updated", "sign_off"}

// KeepOwnFields returns header (a header part) with the fields each copy keeps for itself
// copied from own, so a merge sees no change in them.
func KeepOwnFields(header, own []byte) ([]byte, error) {
	var h, o map[string]json.RawMessage
	if err := json.Unmarshal(header, &h); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(own, &o); err != nil {
		return nil, err
	}
	for _, f := range ownFields {
		if v, ok := o[f]; ok {
			h[f] = v
		} else {
			delete(h, f)
		}
	}
	return json.Marshal(h)
}

// SameJSON reports whether two JSON texts are the same value as json.Marshal writes it,
// ignoring insignificant space; nil is no value.
func SameJSON(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	var ca, cb bytes.Buffer
	return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && bytes.Equal(ca.Bytes(), cb.Bytes())
}

// History is a set of values by FieldRef: for one copy in a merge, the other copy's values it
// was offered in earlier merges and kept its own over.
type History map[string][][]byte

// Add records value for the field ref.
func (h History) Add(ref string, value []byte) {
	if len(value) > 0 {
		h[ref] = append(h[ref], value)
	}
}

// Held reports whether value is recorded for the field ref.
func (h History) Held(ref string, value []byte) bool {
	return slices.ContainsFunc(h[ref], func(v []byte) bool { return SameJSON(v, value) })
}

// ResolveField settles a field both copies changed differently since base, when that needs
// no judgement: a list both only added to keeps both additions (evidence gathered on two
// laptops), and a stale value gives way to the other copy's — a copy's value is stale when it
// took it from the other copy in an earlier merge, or the other copy already refused it in
// one (the usual case when two copies are merged again and again). It returns the merged
// value and true, or false for a conflict the assessor settles. Values are JSON texts; nil
// means the field is absent.
func ResolveField(base, ours, theirs []byte, oursStale, theirsStale bool) ([]byte, bool) {
	if merged, ok := bothAdded(base, ours, theirs); ok {
		return merged, true
	}
	switch {
	case oursStale && !theirsStale:
		return theirs, true
	case theirsStale && !oursStale:
		return ours, true
	}
	return nil, false
}

// bothAdded merges two lists that each only gained entries since base: ours, then what theirs
// added that ours does not hold. Any other change — an entry removed or edited — is not
// merged here.
func bothAdded(base, ours, theirs []byte) ([]byte, bool) {
	b, okB := jsonListEntries(base)
	o, okO := jsonListEntries(ours)
	t, okT := jsonListEntries(theirs)
	if !okB || !okO || !okT || !contains(o, b) || !contains(t, b) {
		return nil, false
	}
	merged := append(slices.Clone(o), minus(t, o)...)
	out, err := json.Marshal(merged)
	return out, err == nil
}

// jsonListEntries reads a JSON list (absent or null is the empty list); false for anything else.
func jsonListEntries(v []byte) ([]json.RawMessage, bool) {
	if len(v) == 0 || bytes.Equal(v, []byte("null")) {
		return nil, true
	}
	if t := bytes.TrimSpace(v); len(t) == 0 || t[0] != '[' {
		return nil, false
	}
	var list []json.RawMessage
	return list, json.Unmarshal(v, &list) == nil
}

// contains reports whether every entry of part is in whole, as many times as in part.
func contains(whole, part []json.RawMessage) bool {
	return len(minus(part, whole)) == 0
}

// minus is the entries of a not matched one for one by an entry of b, in a's order.
func minus(a, b []json.RawMessage) []json.RawMessage {
	used := make([]bool, len(b))
	var out []json.RawMessage
	for _, x := range a {
		matched := false
		for i, y := range b {
			if !used[i] && SameJSON(x, y) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			out = append(out, x)
		}
	}
	return out
}

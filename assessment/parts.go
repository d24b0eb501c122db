package assessment

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// An assessment is kept, sealed and merged in parts: its header (the assessment's own
// fields) and one part per entry of each collection — an AI system, the result of one item,
// a risk, a control test, a nonconformity, an evidence request, a KPI reading, a role holder.
// A part is named "header" or "KIND/KEY" ("result/4.1", "risk/7"); the kinds are the store's
// record kinds, so the audit trail of a record is the history of its part. A seal hashes each
// part, so a changed byte names the part it is in; a merge compares each part field by field.

// PartHeader names the header part: every field of the assessment that is not a collection.
const PartHeader = "header"

// collection is one collection of the assessment: the part kind of its entries, the JSON
// field holding them, the field of an entry that names it (empty for a map keyed by ID),
// whether the store numbers its entries, and how a reader names an entry.
type collection struct {
	kind, field, key string
	numbered         bool
	label            func(key string) string
}

// collections are the assessment's collections, in the order a bundle writes them. A new
// collection is one row here, and the store's records (store.recordsOf) must split the
// assessment the same way: a store test holds the two together.
var collections = []collection{
	{"role", "role_holders", "role_id", false, func(k string) string { return "the holder of role " + k }},
	{"system", "systems", "id", true, func(k string) string { return "AI system " + k }},
	{"result", "results", "", false, func(k string) string { return "the judgement of " + k }},
	{"risk", "risks", "id", true, func(k string) string { return "risk " + numberLabel("R-%02d", k) }},
	{"test", "tests", "control_id", false, func(k string) string { return "the control test of " + k }},
	{"nc", "nonconformities", "number", true, func(k string) string { return numberLabel("NC-%03d", k) }},
	{"request", "evidence_requests", "", false, func(k string) string { return "evidence request " + k }},
	{"kpi", "kpi_values", "", false, func(k string) string { return "the reading of " + k }},
	{"internal_audit", "internal_audits", "number", true, func(k string) string { return "internal audit " + numberLabel("IA-%02d", k) }},
	{"review", "management_reviews", "number", true, func(k string) string { return "management review " + numberLabel("MR-%02d", k) }},
	{"supplier", "suppliers", "number", true, func(k string) string { return "supplier " + numberLabel("SUP-%02d", k) }},
	{"training", "training", "number", true, func(k string) string { return "training record " + numberLabel("TR-%02d", k) }},
	{"incident", "incidents", "number", true, func(k string) string { return "AI incident " + numberLabel("INC-%03d", k) }},
	{"interview", "interviews", "number", true, func(k string) string { return "interview " + numberLabel("INT-%02d", k) }},
}

// numberLabel formats a numeric key as the register shows it ("R-07"), or leaves it as it is.
func numberLabel(format, key string) string {
	if n, err := strconv.Atoi(key); err == nil {
		return fmt.Sprintf(format, n)
	}
	return key
}

func collectionOfField(field string) (collection, bool) {
	i := slices.IndexFunc(collections, func(c collection) bool { return c.field == field })
	if i < 0 {
		return collection{}, false
	}
	return collections[i], true
}

func collectionOfKind(kind string) (collection, bool) {
	i := slices.IndexFunc(collections, func(c collection) bool { return c.kind == kind })
	if i < 0 {
		return collection{}, false
	}
	return collections[i], true
}

// PartName names the part of an entry of a collection: "risk/7".
func PartName(kind, key string) string { return kind + "/" + key }

// SplitPartName is PartName's inverse: "risk/7" gives "risk", "7"; "header" gives "header", "".
func SplitPartName(name string) (kind, key string) {
	kind, key, _ = strings.Cut(name, "/")
	return kind, key
}

// NumberedKind reports whether the store numbers the entries of a part kind (AI systems,
// risks, nonconformities), so two copies may give different entries the same number.
func NumberedKind(kind string) bool {
	c, ok := collectionOfKind(kind)
	return ok && c.numbered
}

// PartLabel names a part for a reader: "the judgement of 4.1", "risk R-07", "NC-003", "the
// assessment details".
func PartLabel(name string) string {
	if name == PartHeader {
		return "the assessment details"
	}
	kind, key := SplitPartName(name)
	if c, ok := collectionOfKind(kind); ok {
		return c.label(key)
	}
	return name
}

// PartError names the part of an assessment's JSON that could not be read.
type PartError struct {
	Part string // a part name, or where in a collection ("systems, entry 3")
	Err  error
}

func (e *PartError) Error() string { return fmt.Sprintf("%s cannot be read: %v", e.Part, e.Err) }

func (e *PartError) Unwrap() error { return e.Err }

// Parts splits an assessment, as JSON (a bundle's "assessment" object, or an Assessment as
// json.Marshal writes it), into its parts, each in canonical form (CanonicalJSON): the same
// values always give the same parts, however the JSON was indented, escaped or ordered. A
// value that is not valid JSON, or an entry without its key or given twice, is a *PartError
// naming where it is.
func Parts(data []byte) (map[string][]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, &PartError{PartHeader, err}
	}
	parts := map[string][]byte{}
	header := map[string]json.RawMessage{}
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return nil, &PartError{PartHeader, err}
		}
		field, _ := name.(string)
		if c, ok := collectionOfField(field); ok {
			if err := splitCollection(dec, c, parts); err != nil {
				return nil, err
			}
			continue
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &PartError{PartHeader, fmt.Errorf("field %q: %w", field, err)}
		}
		header[field] = raw
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, &PartError{PartHeader, err}
	}
	body, err := json.Marshal(header)
	if err == nil {
		body, err = CanonicalJSON(body)
	}
	if err != nil {
		return nil, &PartError{PartHeader, err}
	}
	parts[PartHeader] = body
	return parts, nil
}

// CanonicalJSON writes a JSON value in one canonical form: compact, object keys sorted,
// strings escaped as encoding/json escapes them, numbers as written. Two texts of the same
// value — one re-saved by another program, say — give the same bytes.
func CanonicalJSON(raw []byte) ([]byte, error) {
	v, err := decodeValue(raw)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// decodeValue decodes one JSON value with its numbers kept as written.
func decodeValue(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// PartsOf splits an assessment into its parts (see Parts).
func PartsOf(a *Assessment) (map[string][]byte, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("cannot encode the assessment: %w", err)
	}
	return Parts(data)
}

// splitCollection reads one collection — an array of entries named by their key field, a
// map keyed by ID, or null — into parts.
func splitCollection(dec *json.Decoder, c collection, parts map[string][]byte) error {
	tok, err := dec.Token()
	if err != nil {
		return &PartError{c.field, err}
	}
	if tok == nil {
		return nil
	}
	open, _ := tok.(json.Delim)
	if open != '[' && open != '{' {
		return &PartError{c.field, fmt.Errorf("%v is not a list of entries", tok)}
	}
	for i := 1; dec.More(); i++ {
		where, key := fmt.Sprintf("%s, entry %d", c.field, i), ""
		if open == '{' {
			k, err := dec.Token()
			if err != nil {
				return &PartError{where, err}
			}
			key, _ = k.(string)
			where = PartName(c.kind, key)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return &PartError{where, err}
		}
		value, err := decodeValue(raw)
		if err != nil {
			return &PartError{where, err}
		}
		if open == '[' {
			if key, err = entryKey(value, c.key); err != nil {
				return &PartError{where, err}
			}
		}
		name := PartName(c.kind, key)
		if _, twice := parts[name]; twice {
			return &PartError{name, errors.New("it is given twice")}
		}
		if parts[name], err = json.Marshal(value); err != nil {
			return &PartError{name, err}
		}
	}
	_, err = dec.Token() // the closing bracket
	if err != nil {
		return &PartError{c.field, err}
	}
	return nil
}

// entryKey reads the field naming an entry of a list (decoded by decodeValue): a number or a
// string.
func entryKey(entry any, field string) (string, error) {
	fields, ok := entry.(map[string]any)
	if !ok {
		return "", errors.New("it is not an object")
	}
	switch v := fields[field].(type) {
	case nil:
		return "", fmt.Errorf("it has no %q", field)
	case string:
		if v != "" {
			return v, nil
		}
	case json.Number:
		return v.String(), nil
	}
	return "", fmt.Errorf("its %q is %v, neither a number nor an ID", field, fields[field])
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err == io.EOF {
		return errors.New("the JSON ends early")
	}
	if err != nil {
		return err
	}
	if tok != want {
		return fmt.Errorf("found %v where %q was expected", tok, want)
	}
	return nil
}

// AssembleParts joins parts into an assessment: Parts' inverse. Entries of a collection come
// in the order of their keys (numbers in numeric order).
func AssembleParts(parts map[string][]byte) (*Assessment, error) {
	var buf bytes.Buffer
	header := parts[PartHeader]
	if len(header) < 2 {
		return nil, errors.New("the assessment has no header")
	}
	buf.Write(header[:len(header)-1])
	for _, c := range collections {
		var names []string
		for name := range parts {
			if kind, _ := SplitPartName(name); kind == c.kind && name != PartHeader {
				names = append(names, name)
			}
		}
		slices.SortFunc(names, comparePartNames)
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "%q:", c.field)
		buf.WriteByte(map[bool]byte{true: '{', false: '['}[c.key == ""])
		for i, name := range names {
			if i > 0 {
				buf.WriteByte(',')
			}
			if c.key == "" {
				_, key := SplitPartName(name)
				k, _ := json.Marshal(key)
				buf.Write(k)
				buf.WriteByte(':')
			}
			buf.Write(parts[name])
		}
		buf.WriteByte(map[bool]byte{true: '}', false: ']'}[c.key == ""])
	}
	buf.WriteByte('}')
	a := &Assessment{}
	if err := json.Unmarshal(buf.Bytes(), a); err != nil {
		return nil, fmt.Errorf("cannot assemble the assessment: %w", err)
	}
	return a, nil
}

// comparePartNames orders parts by kind, then by key: numbers in numeric order.
func comparePartNames(x, y string) int {
	xk, xkey := SplitPartName(x)
	yk, ykey := SplitPartName(y)
	if c := strings.Compare(xk, yk); c != 0 {
		return c
	}
	xn, xerr := strconv.ParseInt(xkey, 10, 64)
	yn, yerr := strconv.ParseInt(ykey, 10, 64)
	if xerr == nil && yerr == nil {
		return cmp.Compare(xn, yn)
	}
	return strings.Compare(xkey, ykey)
}

// SortedPartNames returns the names of parts in a stable reading order: the header, then
// each kind's entries by key.
func SortedPartNames[V any](parts map[string]V) []string {
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.SortFunc(names, func(x, y string) int {
		switch {
		case x == y:
			return 0
		case x == PartHeader:
			return -1
		case y == PartHeader:
			return 1
		}
		return comparePartNames(x, y)
	})
	return names
}

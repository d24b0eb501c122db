package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestObjectFieldsSplitsAsEncodingJSON proves the audit diff's fast split of a record into
// its fields finds exactly what json.Unmarshal into a map of raw messages finds, and leaves
// to encoding/json whatever it cannot split.
func TestObjectFieldsSplitsAsEncodingJSON(t *testing.T) {
	for _, tt := range []struct {
		name string
		body string
		ok   bool
	}{
		{"empty object", `{}`, true},
		{"empty object with space", " { \n} ", true},
		{"number last", `{"a":1,"b":-2.5e3}`, true},
		{"literals", `{"t":true,"f":false,"n":null}`, true},
		{"string with quote, brace and comma", `{"s":"say \"}\", then ,]","x":"y"}`, true},
		{"string ending in a backslash", `{"s":"c:\\","x":1}`, true},
		{"nested", `{"e":[{"a":[1,2,{"b":"}"}]},[]],"o":{"p":{"q":null}},"z":0}`, true},
		{"white space everywhere", "{ \"a\" : [ 1 , 2 ] ,\n\t\"b\" : { } , \"c\" : \"d\" }", true},
		{"non-ASCII", `{"name":"Zoë Ångström Łódź","ω":"Ωmega 🙂"}`, true},
		{"duplicate key, last wins", `{"a":1,"a":2}`, true},
		{"escaped key", `{"\u0061":1}`, false},
		{"not an object", `[1,2]`, false},
		{"null", `null`, false},
		{"not JSON", `{"a":}`, false},
		{"empty", ``, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := objectFields([]byte(tt.body), false)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			var want map[string]json.RawMessage
			if err := json.Unmarshal([]byte(tt.body), &want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(asStrings(got), asStrings(want)) {
				t.Errorf("fields %q, want %q", asStrings(got), asStrings(want))
			}
			if trusted, _ := objectFields([]byte(tt.body), true); !reflect.DeepEqual(asStrings(trusted), asStrings(want)) {
				t.Errorf("known-valid fields %q, want %q", asStrings(trusted), asStrings(want))
			}
		})
	}
}

// TestChangedFieldsFallsBackForUnsplittableRecords proves a record the fast split refuses
// is still diffed by encoding/json, and a damaged one as a whole.
func TestChangedFieldsFallsBackForUnsplittableRecords(t *testing.T) {
	got := changedFields([]byte(`{"\u0061":1,"b":2}`), []byte(`{"a":1,"b":3}`))
	if want := []fieldChange{{"b", "2", "3"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("escaped key: %v, want %v", got, want)
	}
	got = changedFields([]byte(`{"a":`), []byte(`{"a":1}`))
	if want := []fieldChange{{"*", `{"a":`, `{"a":1}`}}; !reflect.DeepEqual(got, want) {
		t.Errorf("damaged record: %v, want %v", got, want)
	}
}

func asStrings(m map[string]json.RawMessage) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

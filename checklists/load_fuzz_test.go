package checklists

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzLoad feeds the catalogue loader hostile files: it must never panic, and a file it
// refuses gets a *Problems listing each problem under the file's name with a line that
// exists in the file.
func FuzzLoad(f *testing.F) {
	f.Add(builtinJSON)
	f.Add([]byte(`{"id":"firm","version":"1","items":[{"id":"4","title":"Context","kind":"heading"},{"id":"4","title":"Dup","kind":"heading"},{"id":"4.1","title":"X","kind":"clause","parent":"9","verify":"v","evidence":"e"}]}`))
	f.Add([]byte(`{"id":"firm","items":[{"id":"4.1","kind":"clause","parent":"4"}],"unknown":1}`))
	f.Add([]byte(`{"items":[{"id":1}]}`))
	f.Add([]byte("{\"id\":\"\x1b[31mred\",\"title\":\"\xff\xfe\",\"items\":[]}"))
	f.Add([]byte(`[`))
	f.Add([]byte(`{"items":[[[[[[[[[[[[]]]]]]]]]]]]}`))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load(data, "fuzz.json")
		if err == nil {
			if c == nil {
				t.Fatal("no catalogue and no error")
			}
			for _, it := range c.Items {
				if got, ok := c.Item(it.ID); !ok || got.ID != it.ID {
					t.Fatalf("item %q cannot be looked up", it.ID)
				}
			}
			return
		}
		var ps *Problems
		if !errors.As(err, &ps) || len(ps.List) == 0 {
			t.Fatalf("refusal is not a list of problems: %v", err)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range ps.List {
			if p.File != "fuzz.json" || strings.TrimSpace(p.Message) == "" || p.Line < 0 || p.Line > lines {
				t.Fatalf("problem without file, message or a real line (file has %d lines): %+v", lines, p)
			}
		}
		if !strings.HasPrefix(err.Error(), "the catalogue has ") {
			t.Fatalf("refusal does not say what is wrong: %q", err)
		}
	})
}

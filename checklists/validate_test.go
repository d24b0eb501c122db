package checklists

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// mutate decodes the built-in catalogue, lets change edit it as plain JSON values, and
// returns the re-encoded file.
func mutate(t *testing.T, change func(c map[string]any)) []byte {
	t.Helper()
	var c map[string]any
	if err := json.Unmarshal(builtinJSON, &c); err != nil {
		t.Fatal(err)
	}
	change(c)
	out, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func list(c map[string]any, key string) []any { return c[key].([]any) }
func obj(c map[string]any, key string, i int) map[string]any {
	return list(c, key)[i].(map[string]any)
}

// itemIndex finds an entry of "items" by ID.
func itemIndex(c map[string]any, id string) int {
	for i, it := range list(c, "items") {
		if it.(map[string]any)["id"] == id {
			return i
		}
	}
	panic("no item " + id)
}

func TestValidatorRejects(t *testing.T) {
	cases := []struct {
		name   string
		change func(c map[string]any)
		want   []string // every substring must appear among the problems
	}{
		{"duplicate ID", func(c map[string]any) { obj(c, "items", itemIndex(c, "4.2"))["id"] = "4.1" }, []string{`items[2].id: duplicate ID "4.1"`}},
		{"dangling parent", func(c map[string]any) { obj(c, "items", itemIndex(c, "5.2"))["parent"] = "55" }, []string{`parent "55", which does not exist`}},
		{"parent listed after child", func(c map[string]any) { obj(c, "items", itemIndex(c, "4.1"))["parent"] = "10" }, []string{`parent "10", which appears later`}},
		{"assessable parent", func(c map[string]any) { obj(c, "items", itemIndex(c, "4.2"))["parent"] = "4.1" }, []string{`which is assessable`}},
		{"missing title", func(c map[string]any) { obj(c, "items", itemIndex(c, "7.3"))["title"] = " " }, []string{`item "7.3" has no title`}},
		{"missing id", func(c map[string]any) { delete(obj(c, "items", itemIndex(c, "7.3")), "id") }, []string{`an item has no id`}},
		{"missing verify text", func(c map[string]any) { delete(obj(c, "items", itemIndex(c, "8.1")), "verify") }, []string{`"8.1" has no text saying what to verify`}},
		{"missing evidence text", func(c map[string]any) { delete(obj(c, "items", itemIndex(c, "A.7.4")), "evidence") }, []string{`"A.7.4" has no typical evidence`}},
		{"missing control hint", func(c map[string]any) { delete(obj(c, "items", itemIndex(c, "A.9.2")), "hint") }, []string{`control "A.9.2" has no implementation hint`}},
		{"unknown kind", func(c map[string]any) { obj(c, "items", itemIndex(c, "A.9.2"))["kind"] = "rule" }, []string{`kind "rule"`}},
		{"unknown evidence reference", func(c map[string]any) {
			ev := obj(c, "evidence_requests", 0)["items"].([]any)[0].(map[string]any)
			ev["supports"] = []any{"A.6.1.1"}
		}, []string{`evidence_requests[0].items[0].supports[0]: reference to "A.6.1.1", which is not an item`}},
		{"reference to a heading", func(c map[string]any) { obj(c, "readiness_checklist", 0)["items"] = []any{"5"} }, []string{`reference to "5", which is a heading or objective`}},
		{"unknown condition", func(c map[string]any) { obj(c, "readiness_checklist", 1)["conditions"] = []any{"all_good"} }, []string{`unknown condition "all_good"`}},
		{"unknown item test", func(c map[string]any) { obj(c, "common_gaps", 1)["when"] = "weak" }, []string{`unknown item test "weak"`}},
		{"unknown system selector", func(c map[string]any) { obj(c, "common_gaps", 5)["systems"] = "all" }, []string{`unknown system selector "all"`}},
		{"gap without rule", func(c map[string]any) {
			g := obj(c, "common_gaps", 0)
			g["condition"] = ""
		}, []string{`has no rule`}},
		{"unknown computed KPI", func(c map[string]any) { obj(c, "kpis", 0)["computed"] = "magic" }, []string{`unknown computed KPI "magic"`}},
		{"phase weeks reversed", func(c map[string]any) { obj(c, "phases", 1)["end_week"] = 2 }, []string{`phase 2 runs from week 4 to week 2`}},
		{"four maturity levels", func(c map[string]any) { c["maturity_levels"] = list(c, "maturity_levels")[:4] }, []string{`must have 5 levels`}},
		{"sampling bands not rising", func(c map[string]any) {
			obj(c["sampling"].(map[string]any), "event_driven", 1)["max_population"] = 3
		}, []string{`population bands must rise`}},
		{"no version", func(c map[string]any) { c["version"] = "" }, []string{`the catalogue has no version`}},
		{"duplicate KPI", func(c map[string]any) { obj(c, "kpis", 1)["id"] = "KPI-01" }, []string{`kpis[1].id: duplicate ID "KPI-01"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(mutate(t, tc.change), "firm.json")
			var ps *Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want problems, got %v", err)
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("problems do not mention %q:\n%s", w, msg)
				}
			}
			for _, p := range ps.List {
				if p.File != "firm.json" || p.Line < 1 {
					t.Errorf("problem not located in the file: %+v", p)
				}
			}
		})
	}
}

// An author sees every problem of a file at once, not one per attempt.
func TestValidatorReportsAllProblemsAtOnce(t *testing.T) {
	data := mutate(t, func(c map[string]any) {
		items := list(c, "items")
		dup := map[string]any{}
		for k, v := range obj(c, "items", itemIndex(c, "4.2")) {
			dup[k] = v
		}
		dup["id"] = "4.1"
		c["items"] = append(items[:3:3], append([]any{dup}, items[3:]...)...)
		obj(c, "items", itemIndex(c, "6.3"))["parent"] = "A.99"
	})
	_, err := Load(data, "firm.json")
	if err == nil {
		t.Fatal("a file with a duplicate ID and a dangling parent was accepted")
	}
	var ps *Problems
	errors.As(err, &ps)
	if len(ps.List) != 2 || !strings.Contains(err.Error(), "duplicate ID") || !strings.Contains(err.Error(), `"A.99", which does not exist`) {
		t.Errorf("want exactly the two problems, got:\n%v", err)
	}
	// The line points at the offending value in the file.
	lines := strings.Split(string(data), "\n")
	for _, p := range ps.List {
		if !strings.Contains(lines[p.Line-1], `"4.1"`) && !strings.Contains(lines[p.Line-1], `"A.99"`) {
			t.Errorf("line %d is %q, not the offending value", p.Line, lines[p.Line-1])
		}
	}
}

func TestLoadRejectsMalformedFiles(t *testing.T) {
	cases := map[string]struct {
		data string
		want string
	}{
		"not JSON":              {"{\n \"id\": \"x\",\n oops\n}", "firm.json:3: not valid JSON"},
		"wrong type":            {"{\n \"id\": \"x\",\n \"items\": 7\n}", "firm.json:3: items: expected"},
		"unknown field":         {"{\n \"id\": \"x\",\n \"itemz\": []\n}", `unknown field "itemz"`},
		"trailing data":         {string(builtinJSON) + "\n{\"id\": \"second\"}\n", fmt.Sprintf("firm.json:%d: there is more after the catalogue's closing brace", bytes.Count(builtinJSON, []byte("\n"))+2)},
		"trailing text":         {string(builtinJSON) + "\nthanks, Ana", "there is more after the catalogue's closing brace"},
		"larger than the limit": {string(builtinJSON) + strings.Repeat(" ", MaxFileSize), "firm.json: the file is larger than 16 MiB"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load([]byte(tc.data), "firm.json")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want %q, got %v", tc.want, err)
			}
		})
	}
}

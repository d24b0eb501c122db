package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// checklistLine returns the readiness checklist entry with an ID from `summary --json`.
func checklistLine(t *testing.T, s map[string]any, id string) map[string]any {
	t.Helper()
	for _, e := range s["checklist"].([]any) {
		if line := e.(map[string]any); line["id"] == id {
			return line
		}
	}
	t.Fatalf("no checklist line %s", id)
	return nil
}

func TestRequestMovesTheWorkingListAndTheChecklistLineHolds(t *testing.T) {
	c := newCLI(t)
	id := c.demo()
	var list []requestJSON
	if err := json.Unmarshal([]byte(c.ok("request", id, "--json")), &list); err != nil || len(list) != 45 {
		t.Fatalf("request list: %d entries, %v", len(list), err)
	}
	if why := checklistLine(t, c.summary(id), "RC-15")["why"]; !strings.Contains(strings.Join(toStrings(why), ";"), "evidence requests are not received") {
		t.Fatalf("RC-15 before: %v", why)
	}
	for _, r := range list {
		if r.Status == "received" || r.Status == "reviewed" {
			continue
		}
		var got requestJSON
		out := c.ok("request", id, strings.ToLower(r.ID), "--status", "received", "--date", "2026-12-01", "--json")
		if err := json.Unmarshal([]byte(out), &got); err != nil || got.Status != "received" || got.Received != "2026-12-01" {
			t.Fatalf("%s: %s (%v)", r.ID, out, err)
		}
	}
	line := checklistLine(t, c.summary(id), "RC-15")
	if line["holds"] != true {
		t.Errorf("RC-15 does not hold once every request is received: %v", line["why"])
	}
}

func toStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}

func TestRequestRefusesWithOneSentence(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Acme"))
	c.ok("request", id, "EV-GOV-01", "--status", "requested", "--date", "2026-11-20")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown request", []string{"EV-XX-09", "--status", "received"}, 1, "is not on the evidence request list"},
		{"unknown status", []string{"EV-GOV-01", "--status", "lost"}, 2, "use not_requested, requested, received, reviewed or not_available"},
		{"date not a date", []string{"EV-GOV-01", "--status", "received", "--date", "1/12/2026"}, 2, "write it as YYYY-MM-DD"},
		{"received before requested", []string{"EV-GOV-01", "--status", "received", "--date", "2026-11-19"}, 1, "before it was requested on 2026-11-20"},
		{"date in the future", []string{"EV-GOV-01", "--status", "received", "--date", "2999-01-01"}, 1, "is in the future"},
		{"change without a request", []string{"--status", "received"}, 2, "name the request to change"},
		{"note without a status", []string{"EV-GOV-01", "--note", "chased twice"}, 2, "go with --status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := c.run(append([]string{"request", id}, tt.args...)...)
			if code != tt.code || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, errs, tt.code, tt.want)
			}
		})
	}
	var got requestJSON
	json.Unmarshal([]byte(c.ok("request", id, "EV-GOV-01", "--json")), &got)
	if got.Status != "requested" || got.Requested != "2026-11-20" || got.Received != "" {
		t.Errorf("a refused change altered the request: %+v", got)
	}
}

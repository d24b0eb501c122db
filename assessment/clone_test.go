package assessment

import (
	"reflect"
	"testing"
	"time"

	"aimsbench/checklists"
)

func TestCloneSharesNothingWithTheOriginal(t *testing.T) {
	cat, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a, err := Demo(cat, DemoStandard, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	c := a.Clone()
	if !reflect.DeepEqual(a, c) {
		t.Fatal("the copy differs from the original")
	}
	c.Systems[0].Name = "changed"
	c.Systems[0].Roles = append(c.Systems[0].Roles[:0], "changed")
	for _, r := range c.Results {
		r.Finding = "changed"
		if len(r.Evidence) > 0 {
			r.Evidence[0].Title = "changed"
		}
	}
	c.NCs[0].Description = "changed"
	c.Scope.Exclusions = append(c.Scope.Exclusions, Exclusion{What: "changed"})
	if reflect.DeepEqual(a, c) {
		t.Fatal("changing the copy changed nothing")
	}
	again := a.Clone()
	if !reflect.DeepEqual(a, again) || a.Systems[0].Name == "changed" || a.NCs[0].Description == "changed" {
		t.Error("changing the copy changed the original")
	}
	for _, r := range a.Results {
		if r.Finding == "changed" {
			t.Fatal("a result of the original changed with the copy")
		}
	}
}

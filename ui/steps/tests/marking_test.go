package tests

import (
	"fmt"
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// drawnTest opens the step on the first included control with a weekly, elevated-risk test
// whose 15 samples are drawn and none tested yet, and puts the samples under the keyboard.
func drawnTest(t *testing.T) (*uitest.Harness, string) {
	t.Helper()
	h := uitest.New(t).Open(steps.ControlTesting, New)
	item, cur, _ := testStep(h).selected()
	if cur != nil {
		t.Fatalf("%s already has a test in the demo", item.ID)
	}
	test := assessment.ControlTest{ControlID: item.ID, Frequency: "weekly", Elevated: true, Seed: 11}
	for i := range 15 {
		test.Samples = append(test.Samples, assessment.Sample{Ref: fmt.Sprintf("W%02d", i+1), Result: assessment.NotTested})
	}
	if _, err := h.Store.SaveTest(h.ID, nil, test); err != nil {
		t.Fatal(err)
	}
	h.Keys("ctrl+r") // read it as the next session would
	h.Press("mark samples")
	return h, item.ID
}

// results are the stored samples' results as one letter each: p, x or · for not tested.
func results(h *uitest.Harness, control string) string {
	var b strings.Builder
	for _, s := range h.Stored().TestOf(control).Samples {
		switch s.Result {
		case assessment.Pass:
			b.WriteString("p")
		case assessment.Exception:
			b.WriteString("x")
		default:
			b.WriteString("·")
		}
	}
	return b.String()
}

// TestSevenPassesAnExceptionAndSevenPassesRecordOneException is issue 14's acceptance: a
// consultant typing fast marks 15 samples p×7, x, p×7 and the test holds exactly one
// exception, where it was typed.
func TestSevenPassesAnExceptionAndSevenPassesRecordOneException(t *testing.T) {
	h, control := drawnTest(t)
	for _, k := range strings.Split("ppppppp"+"x"+"ppppppp", "") {
		h.Keys(k)
	}
	if got := results(h, control); got != "pppppppxppppppp" {
		t.Fatalf("stored results %s, want one exception on sample 8", got)
	}
	if n := h.Stored().TestOf(control).Exceptions(); n != 1 {
		t.Errorf("%d exceptions recorded, want 1", n)
	}
	h.Contains("14 pass, 1 exception, 0 to test")
}

func TestEveryResultKeyMarksAndMovesOnAndAChangeAsksFirst(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"p marks a pass and moves on", []string{"p", "p"}, "pp" + strings.Repeat("·", 13)},
		{"x marks an exception and moves on, like p", []string{"x", "p"}, "xp" + strings.Repeat("·", 13)},
		{"u leaves a sample untested and moves on", []string{"u", "p"}, "·p" + strings.Repeat("·", 13)},
		{"changing a recorded pass asks, and enter keeps it (No)", []string{"p", "up", "x", "enter"}, "p" + strings.Repeat("·", 14)},
		{"changing a recorded pass asks, and y changes it", []string{"p", "up", "x", "y"}, "x" + strings.Repeat("·", 14)},
		{"clearing a recorded exception asks first", []string{"x", "up", "u", "n"}, "x" + strings.Repeat("·", 14)},
		{"the same result again moves on without asking", []string{"p", "up", "p", "p"}, "pp" + strings.Repeat("·", 13)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, control := drawnTest(t)
			h.Keys(tt.keys...)
			if got := results(h, control); got != tt.want {
				t.Errorf("stored results %s, want %s\n%s", got, tt.want, h.Screen())
			}
		})
	}
}

func TestATestPeriodEndingBeforeItStartsIsRefused(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	item, _, _ := testStep(h).selected()
	h.Press("edit test")
	h.Keys("tab", "tab", "tab", "tab", "text:2026-10-01", "tab", "text:2026-09-01", "ctrl+s")
	h.Contains("the end of the test period 2026-09-01 is before its start")
	if h.Stored().TestOf(item.ID) != nil {
		t.Fatal("a test whose period ends before it starts was saved")
	}
}

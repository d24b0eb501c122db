package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func testStep(h *uitest.Harness) *ctlTests { return h.Work.Step(steps.ControlTesting).(*ctlTests) }

// designTest fills the test form of the selected control (which has no test yet): monthly,
// population 10, inspection, elevated by default.
func designTest(h *uitest.Harness) {
	h.T.Helper()
	h.Keys("enter", "text:Qpr", "enter",
		"down", "down", "x", "enter", // methods: inspection
		"enter",                         // nature manual
		"down", "down", "down", "enter", // frequency: monthly
		"enter", "enter", // test period left open
		"text:10", "enter",
		"enter",          // elevated: the default
		"enter", "enter") // no size override: submits
}

// draw draws a sample with a typed seed, optionally from pasted references or a file.
func draw(h *uitest.Harness, seed uint64, refs, file string) {
	h.T.Helper()
	h.Keys("r", "ctrl+u", fmt.Sprintf("text:%d", seed), "enter")
	if refs != "" {
		h.Send(tea.PasteMsg{Content: refs})
	}
	h.Keys("enter")
	if file != "" {
		h.Send(tea.PasteMsg{Content: file})
	}
	h.Keys("enter")
}

func TestDrawStoresSamplesAndSeedAndTheSameSeedRedraws(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	item, cur, _ := testStep(h).selected()
	if cur != nil {
		t.Fatalf("%s already has a test in the demo", item.ID)
	}
	designTest(h)
	stored := h.Stored().TestOf(item.ID)
	if stored == nil || stored.Frequency != "monthly" || stored.Population != 10 || !stored.Elevated ||
		!slices.Equal(stored.Methods, []string{"inspection"}) || !strings.Contains(stored.Procedure, "Qpr") {
		t.Fatalf("stored test design: %+v", stored)
	}
	h.Contains("Risk elevated — in-scope high-impact systems: Fraud scoring model")

	draw(h, 7, "", "")
	first := h.Stored().TestOf(item.ID)
	if first.Seed != 7 || len(first.Samples) != 5 {
		t.Fatalf("after drawing: seed %d, %d samples", first.Seed, len(first.Samples))
	}
	picks, _ := assessment.SelectSample(10, 5, 7)
	for i, p := range picks {
		if first.Samples[i].Ref != fmt.Sprintf("#%d", p) || first.Samples[i].Result != assessment.NotTested {
			t.Fatalf("sample %d is %+v, want #%d not tested", i, first.Samples[i], p)
		}
	}
	h.Contains("seed 7", first.Samples[0].Ref)

	h.Keys("left") // back to the controls: r works there too
	draw(h, 9, "", "")
	if h.Stored().TestOf(item.ID).Seed != 9 {
		t.Fatal("the second draw was not stored")
	}
	draw(h, 7, "", "")
	if again := h.Stored().TestOf(item.ID); !reflect.DeepEqual(again.Samples, first.Samples) {
		t.Fatalf("same seed, different sample:\n%v\n%v", again.Samples, first.Samples)
	}

	draw(h, 42, "INV-1\nINV-2\n\nINV-3\nINV-4\nINV-5\nINV-6\n", "")
	pasted := h.Stored().TestOf(item.ID)
	if pasted.Population != 6 || len(pasted.Samples) != 5 || !strings.HasPrefix(pasted.Samples[0].Ref, "INV-") {
		t.Fatalf("draw from a pasted list: population %d, samples %v", pasted.Population, pasted.Samples)
	}

	// A long population list comes from a file: more lines than a text field holds.
	var lines []string
	for i := 1; i <= 300; i++ {
		lines = append(lines, fmt.Sprintf("TKT-%04d", i))
	}
	path := filepath.Join(t.TempDir(), "population.txt")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	draw(h, 42, "", path)
	fromFile := h.Stored().TestOf(item.ID)
	if fromFile.Population != 300 || fromFile.Seed != 42 || len(fromFile.Samples) != 5 || !strings.HasPrefix(fromFile.Samples[0].Ref, "TKT-") {
		t.Fatalf("draw from a file: population %d, seed %d, samples %v", fromFile.Population, fromFile.Seed, fromFile.Samples)
	}
}

func TestRedrawOverTestedSamplesAsksFirst(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	h.Keys("j", "j") // A.2.4: its one sample passed
	item, cur, _ := testStep(h).selected()
	if item.ID != "A.2.4" || cur == nil || cur.Samples[0].Result != assessment.Pass {
		t.Fatalf("expected the demo's tested A.2.4, got %s %+v", item.ID, cur)
	}
	h.Keys("r")
	h.Contains("Please confirm", "already tested")
	h.Keys("enter") // No
	if got := h.Stored().TestOf("A.2.4"); got.Samples[0].Result != assessment.Pass {
		t.Fatal("declining the redraw changed the samples")
	}
}

func TestExceptionMakesTheTestIneffectiveAndOffersAnNC(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	h.Keys("j", "j") // A.2.4, concluded effective in the demo
	if c := h.Stored().TestOf("A.2.4").Conclusion(h.Cat.Sampling); c != assessment.Effective {
		t.Fatalf("demo A.2.4 concludes %s", c)
	}
	ncs := len(h.Stored().NCs)
	h.Keys("l", "x")
	h.Contains("is recorded as pass.", "Change it to exception?")
	h.Keys("y")
	stored := h.Stored().TestOf("A.2.4")
	if stored.Samples[0].Result != assessment.Exception || stored.Conclusion(h.Cat.Sampling) != assessment.Ineffective {
		t.Fatalf("after x: %+v", stored.Samples)
	}
	h.Contains("✗ ineffective", "1 exception in 1 sample", "N to raise a nonconformity")

	h.Keys("enter", "text:Qs", "enter", "ctrl+u", "text:M7", "enter")
	if s := h.Stored().TestOf("A.2.4").Samples[0]; s.Note != "Qs" || s.Evidence != "M7" {
		t.Fatalf("sample note: %+v", s)
	}

	h.Keys("N")
	after := h.Stored().NCs
	if len(after) != ncs+1 {
		t.Fatalf("%d NCs after N, want %d", len(after), ncs+1)
	}
	nc := after[len(after)-1]
	if nc.ItemID != "A.2.4" || nc.Source != "test" || !strings.Contains(nc.Description, "Qs") {
		t.Fatalf("raised NC: %+v", nc)
	}
	h.Keys("N")
	h.Contains("Please confirm", nc.Label()+" is already open")
	h.Keys("n")
	if len(h.Stored().NCs) != ncs+1 {
		t.Fatal("declining raised a second NC")
	}

	h.Keys("p", "y") // the exception was a mistake: back to effective, after a yes
	if c := h.Stored().TestOf("A.2.4").Conclusion(h.Cat.Sampling); c != assessment.Effective {
		t.Fatalf("after p: %s", c)
	}
}

func TestOverrideWithoutJustificationIsRefused(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	h.Keys("j", "j") // A.2.4, effective by the rule
	h.Keys("o", "down", "down", "enter", "enter")
	h.Contains("needs a justification")
	if testStep(h).editing == nil {
		t.Fatal("the override form closed without a justification")
	}
	if got := h.Stored().TestOf("A.2.4"); got.ConclusionOverride != "" {
		t.Fatalf("override stored without justification: %q", got.ConclusionOverride)
	}
	h.Keys("text:Qf the fourth sample was forged", "enter")
	got := h.Stored().TestOf("A.2.4")
	if got.ConclusionOverride != assessment.Ineffective || !strings.HasPrefix(got.OverrideJustification, "Qf") {
		t.Fatalf("override after justification: %q %q", got.ConclusionOverride, got.OverrideJustification)
	}
	h.Contains("override", "the rule says effective")
}

func TestQTypesInTheTestForm(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	h.Keys("enter", "text:qq")
	if !h.Work.Typing() {
		t.Fatal("q in the test form quit the application")
	}
	h.Contains("qq")
	h.Keys("esc")
	if h.Stored().TestOf("A.2.2") != nil {
		t.Fatal("a cancelled test form stored a test")
	}
}

func TestEscLeavesTheSamplesBeforeTheAssessment(t *testing.T) {
	h := uitest.New(t).Open(steps.ControlTesting, New)
	c := h.Work.Step(h.Work.Active()).(*ctlTests)
	c.inSamples = true
	h.Keys("esc")
	if h.Closed || c.inSamples {
		t.Fatal("esc in the samples left the assessment instead of the samples")
	}
	h.Keys("esc")
	if !h.Closed {
		t.Fatal("esc on the list of controls did not go home")
	}
}

func TestStoredSampleNoteWithEscapesIsShownVisibly(t *testing.T) {
	h := uitest.New(t)
	a := h.Stored()
	test := a.Tests[0]
	test.Samples = slices.Clone(test.Samples)
	test.Samples[0].Note = "note\x1b[2J"
	if _, err := h.Store.SaveTest(a.ID, nil, test); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.ControlTesting, New)
	h.Keys("j", "j", "l") // A.2.4, the demo's first test
	h.Contains("Note: note")
	if raw := h.Work.View(); strings.Contains(raw, "\x1b[2J") {
		t.Error("a stored sample note reached the terminal raw")
	}
}

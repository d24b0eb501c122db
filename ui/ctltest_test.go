package ui

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
)

func testStep(h *harness) *ctlTests { return h.app.work.Step(4).(*ctlTests) }

// designTest fills the test form of the selected control (which has no test yet): monthly,
// population 10, inspection, elevated by default.
func designTest(h *harness) {
	h.t.Helper()
	h.keys("enter", "text:Qpr", "enter",
		"down", "down", "x", "enter", // methods: inspection
		"enter",                         // nature manual
		"down", "down", "down", "enter", // frequency: monthly
		"enter", "enter", // test period left open
		"text:10", "enter",
		"enter",          // elevated: the default
		"enter", "enter") // no size override: submits
}

// draw draws a sample with a typed seed, optionally from pasted references or a file.
func draw(h *harness, seed uint64, refs, file string) {
	h.t.Helper()
	h.keys("r", "ctrl+u", fmt.Sprintf("text:%d", seed), "enter")
	if refs != "" {
		h.send(tea.PasteMsg{Content: refs})
	}
	h.keys("enter")
	if file != "" {
		h.send(tea.PasteMsg{Content: file})
	}
	h.keys("enter")
}

func TestDrawStoresSamplesAndSeedAndTheSameSeedRedraws(t *testing.T) {
	h := newHarness(t).open(5)
	item, cur, _ := testStep(h).selected()
	if cur != nil {
		t.Fatalf("%s already has a test in the demo", item.ID)
	}
	designTest(h)
	stored := h.stored().TestOf(item.ID)
	if stored == nil || stored.Frequency != "monthly" || stored.Population != 10 || !stored.Elevated ||
		!slices.Equal(stored.Methods, []string{"inspection"}) || !strings.Contains(stored.Procedure, "Qpr") {
		t.Fatalf("stored test design: %+v", stored)
	}
	h.contains("Risk elevated — in-scope high-impact systems: Fraud scoring model")

	draw(h, 7, "", "")
	first := h.stored().TestOf(item.ID)
	if first.Seed != 7 || len(first.Samples) != 5 {
		t.Fatalf("after drawing: seed %d, %d samples", first.Seed, len(first.Samples))
	}
	picks, _ := assessment.SelectSample(10, 5, 7)
	for i, p := range picks {
		if first.Samples[i].Ref != fmt.Sprintf("#%d", p) || first.Samples[i].Result != assessment.NotTested {
			t.Fatalf("sample %d is %+v, want #%d not tested", i, first.Samples[i], p)
		}
	}
	h.contains("seed 7", first.Samples[0].Ref)

	h.keys("left") // back to the controls: r works there too
	draw(h, 9, "", "")
	if h.stored().TestOf(item.ID).Seed != 9 {
		t.Fatal("the second draw was not stored")
	}
	draw(h, 7, "", "")
	if again := h.stored().TestOf(item.ID); !reflect.DeepEqual(again.Samples, first.Samples) {
		t.Fatalf("same seed, different sample:\n%v\n%v", again.Samples, first.Samples)
	}

	draw(h, 42, "INV-1\nINV-2\n\nINV-3\nINV-4\nINV-5\nINV-6\n", "")
	pasted := h.stored().TestOf(item.ID)
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
	fromFile := h.stored().TestOf(item.ID)
	if fromFile.Population != 300 || fromFile.Seed != 42 || len(fromFile.Samples) != 5 || !strings.HasPrefix(fromFile.Samples[0].Ref, "TKT-") {
		t.Fatalf("draw from a file: population %d, seed %d, samples %v", fromFile.Population, fromFile.Seed, fromFile.Samples)
	}
}

func TestRedrawOverTestedSamplesAsksFirst(t *testing.T) {
	h := newHarness(t).open(5)
	h.keys("j", "j") // A.2.4: its one sample passed
	item, cur, _ := testStep(h).selected()
	if item.ID != "A.2.4" || cur == nil || cur.Samples[0].Result != assessment.Pass {
		t.Fatalf("expected the demo's tested A.2.4, got %s %+v", item.ID, cur)
	}
	h.keys("r")
	h.contains("Please confirm", "already tested")
	h.keys("enter") // No
	if got := h.stored().TestOf("A.2.4"); got.Samples[0].Result != assessment.Pass {
		t.Fatal("declining the redraw changed the samples")
	}
}

func TestExceptionMakesTheTestIneffectiveAndOffersAnNC(t *testing.T) {
	h := newHarness(t).open(5)
	h.keys("j", "j") // A.2.4, concluded effective in the demo
	if c := h.stored().TestOf("A.2.4").Conclusion(h.cat.Sampling); c != assessment.Effective {
		t.Fatalf("demo A.2.4 concludes %s", c)
	}
	ncs := len(h.stored().NCs)
	h.keys("l", "x")
	stored := h.stored().TestOf("A.2.4")
	if stored.Samples[0].Result != assessment.Exception || stored.Conclusion(h.cat.Sampling) != assessment.Ineffective {
		t.Fatalf("after x: %+v", stored.Samples)
	}
	h.contains("✗ ineffective", "1 exception in 1 sample", "N to raise a nonconformity")

	h.keys("enter", "text:Qs", "enter", "ctrl+u", "text:M7", "enter")
	if s := h.stored().TestOf("A.2.4").Samples[0]; s.Note != "Qs" || s.Evidence != "M7" {
		t.Fatalf("sample note: %+v", s)
	}

	h.keys("N")
	after := h.stored().NCs
	if len(after) != ncs+1 {
		t.Fatalf("%d NCs after N, want %d", len(after), ncs+1)
	}
	nc := after[len(after)-1]
	if nc.ItemID != "A.2.4" || nc.Source != "test" || !strings.Contains(nc.Description, "Qs") {
		t.Fatalf("raised NC: %+v", nc)
	}
	h.keys("N")
	h.contains("Please confirm", nc.Label()+" is already open")
	h.keys("n")
	if len(h.stored().NCs) != ncs+1 {
		t.Fatal("declining raised a second NC")
	}

	h.keys("p") // the exception was a mistake: back to effective
	if c := h.stored().TestOf("A.2.4").Conclusion(h.cat.Sampling); c != assessment.Effective {
		t.Fatalf("after p: %s", c)
	}
}

func TestOverrideWithoutJustificationIsRefused(t *testing.T) {
	h := newHarness(t).open(5)
	h.keys("j", "j") // A.2.4, effective by the rule
	h.keys("o", "down", "down", "enter", "enter")
	h.contains("needs a justification")
	if testStep(h).editing == nil {
		t.Fatal("the override form closed without a justification")
	}
	if got := h.stored().TestOf("A.2.4"); got.ConclusionOverride != "" {
		t.Fatalf("override stored without justification: %q", got.ConclusionOverride)
	}
	h.keys("text:Qf", "enter")
	got := h.stored().TestOf("A.2.4")
	if got.ConclusionOverride != assessment.Ineffective || !strings.HasPrefix(got.OverrideJustification, "Qf") {
		t.Fatalf("override after justification: %q %q", got.ConclusionOverride, got.OverrideJustification)
	}
	h.contains("override", "the rule says effective")
}

func TestQTypesInTheTestForm(t *testing.T) {
	h := newHarness(t).open(5)
	h.keys("enter", "text:qq")
	if h.app.quitting {
		t.Fatal("q in the test form quit the application")
	}
	h.contains("qq")
	h.keys("esc")
	if h.stored().TestOf("A.2.2") != nil {
		t.Fatal("a cancelled test form stored a test")
	}
}

func TestEscLeavesTheSamplesBeforeTheAssessment(t *testing.T) {
	h := newHarness(t).open(5)
	c := h.app.work.Step(h.app.work.Active()).(*ctlTests)
	c.inSamples = true
	h.keys("esc")
	if h.app.work == nil || c.inSamples {
		t.Fatal("esc in the samples left the assessment instead of the samples")
	}
	h.keys("esc")
	if h.app.work != nil {
		t.Fatal("esc on the list of controls did not go home")
	}
}

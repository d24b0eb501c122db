package ui

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// updateGolden reports whether -update was given (the flag is defined by the golden package
// that teatest brings in).
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestEndToEndAssessThreeItemsAndQuit runs the real program loop: open the demo, judge three
// items with the keys an assessor uses, quit, and read the database afterwards.
func TestEndToEndAssessThreeItemsAndQuit(t *testing.T) {
	h := newHarness(t)
	app := New(h.s, h.cat, Options{})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Northwind Mutual Insurance")
	tm.Send(uitest.KeyMsg("enter"))
	waitFor(t, tm, "Scoping") // the first step with work left: a governance role is vacant
	tm.Send(uitest.KeyMsg("2"))
	waitFor(t, tm, "Gap analysis")
	for _, k := range []string{"c", "3", "j", "p", "2", "j", "n", "1", "j", "q"} {
		tm.Send(uitest.KeyMsg(k))
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	a := h.stored()
	want := map[string]struct {
		status   assessment.Status
		maturity int
	}{"4.1": {assessment.Conformant, 3}, "4.2": {assessment.Partial, 2}, "4.3": {assessment.Nonconformant, 1}}
	for id, w := range want {
		if r := a.Results[id]; r == nil || r.Status != w.status || r.Maturity != w.maturity {
			t.Errorf("%s after the session: %+v, want %s at %d", id, r, w.status, w.maturity)
		}
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

var tempPath = regexp.MustCompile(`/tmp/\S+\.db`)

// exportID is the assessment ID in a default export file name, new in every run.
var exportID = regexp.MustCompile(`(readiness-\d{4}-\d{2}-\d{2})-[0-9a-f]{8}\.`)

// TestGoldenScreens keeps the main screens at 100×30, as plain ASCII, under review: run
// `go test ./ui -update` after an intended change and read the diff.
func TestGoldenScreens(t *testing.T) {
	h := newHarness(t)
	h.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	screens := []struct {
		name string
		step int
	}{{"home", 0}}
	for i := 1; i <= int(steps.Report)+1; i++ {
		screens = append(screens, struct {
			name string
			step int
		}{"step" + strconv.Itoa(i), i})
	}
	for _, sc := range screens {
		if sc.step > 0 {
			if h.app.work == nil {
				h.Keys("enter")
			}
			h.app.work.Show(steps.ID(sc.step - 1))
		}
		got := exportID.ReplaceAllString(tempPath.ReplaceAllString(h.screen(), "DB"), "$1-ID.") + "\n"
		name := strings.ReplaceAll(sc.name, " ", "-")
		if sc.step > 0 {
			name = "step-" + strings.ToLower(strings.ReplaceAll(h.app.work.Step(h.app.work.Active()).Name(), " ", "-"))
			name = strings.NewReplacer("&", "and").Replace(name)
		}
		path := filepath.Join("testdata", name+".golden")
		if updateGolden() {
			os.MkdirAll("testdata", 0o755)
			os.WriteFile(path, []byte(got), 0o644)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run go test ./ui -update to create it", err)
		}
		if string(want) != got {
			t.Errorf("%s differs from %s; run go test ./ui -update if the change is intended\n--- got\n%s", sc.name, path, got)
		}
	}
}

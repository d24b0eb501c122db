package readiness

import (
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func TestFinaliseIsRefusedWithEveryReasonWhileIncomplete(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	sum := h.Work.Summary()
	h.Press("finalise with sign-off")
	h.Contains("Signed off by", "Role", "Date of the sign-off")
	h.Keys("tab", "text:Lead assessor", "ctrl+s")
	h.Contains("Not finalised. Deal with each of these",
		"the assessment is not complete (", "items assessed)")
	if sum.Complete {
		t.Fatal("the demo is complete; this test needs an incomplete one")
	}
	if h.Stored().Finalised() {
		t.Fatal("an incomplete assessment was finalised")
	}
}

// complete judges every item the demo left unassessed, through the store.
func complete(t *testing.T, h *uitest.Harness) {
	t.Helper()
	a := h.Stored()
	conformant, three := assessment.Conformant, 3
	for _, item := range h.Cat.Assessable() {
		r := a.Result(item)
		if r.Judged() {
			continue
		}
		j := assessment.Judgement{Maturity: &three}
		if r.Status == assessment.NotAssessed {
			j.Status = &conformant
		}
		if _, err := h.Store.SaveJudgement(h.ID, item, j); err != nil {
			t.Fatal(err)
		}
	}
	h.Keys("ctrl+r")
	if !h.Work.Summary().Complete {
		t.Fatal("the assessment is still incomplete")
	}
}

func TestFinaliseAsksFirstThenLocksTheAssessment(t *testing.T) {
	t.Cleanup(func() { xdg.Reload() }) // after the variable below is restored
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	xdg.Reload()
	h := uitest.New(t).Open(steps.Readiness, New)
	complete(t, h)
	h.Press("finalise with sign-off")
	h.Keys("tab", "text:Lead assessor", "ctrl+s")
	h.Contains("Please confirm", "signed off by")
	h.Keys("enter") // No is the default
	if h.Stored().Finalised() {
		t.Fatal("enter alone finalised the assessment")
	}
	h.Contains("Not finalised; nothing changed.")

	h.Press("finalise with sign-off")
	h.Keys("tab", "text:Lead assessor", "ctrl+s", "y")
	a := h.Stored()
	if !a.Finalised() || a.SignOff.Role != "Lead assessor" || a.SignOff.By != strings.TrimSpace(a.Assessor) || !report.ValidFingerprint(a.SignOff.Key) {
		t.Fatalf("sign-off stored as %+v; want it signed with the assessor's key", a.SignOff)
	}
	h.Contains("FINAL · signed off by "+a.SignOff.By+", Lead assessor,", "R reopen with a reason")

	item, _ := h.Cat.Item("8.4")
	partial := assessment.Partial
	h.Run(h.Step().(*readiness).h.Apply(steps.Judge{Item: item, Judgement: assessment.Judgement{Status: &partial}}))
	h.Contains("Not saved: this assessment is finalised")
	if got := h.Stored().Results["8.4"].Status; got != a.Results["8.4"].Status {
		t.Errorf("a finalised assessment took a judgement: 8.4 is %s", got)
	}
	if strings.Count(h.Screen(), "Not saved") != 1 {
		t.Errorf("the refusal is not one sentence:\n%s", h.Screen())
	}
}

func TestReopenNeedsAReason(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	complete(t, h)
	h.Press("finalise with sign-off")
	h.Keys("ctrl+s", "y")
	signed := h.Stored()
	if !signed.Finalised() {
		t.Fatal("not finalised")
	}
	h.Press("reopen with a reason")
	h.Keys("text:typo", "ctrl+s")
	if !h.Stored().Finalised() {
		t.Fatal("reopened without a reason")
	}
	h.Keys("text: in the scope statement found by the client after sign-off", "ctrl+s")
	a := h.Stored()
	if a.Finalised() || a.ReportVersion != assessment.ReopenedVersion(signed.ReportVersion) {
		t.Fatalf("not reopened: sign-off %+v, version %s", a.SignOff, a.ReportVersion)
	}
	h.Contains("Reopened: the report is a draft of version " + a.ReportVersion)
}

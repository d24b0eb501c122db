package assessment

import (
	"fmt"
	"strings"
)

// Recorded reports whether the sign-off names who signed and when.
func (s SignOff) Recorded() bool { return strings.TrimSpace(s.By) != "" && !s.Date.IsZero() }

// DraftReasons says why a report of the assessment must be marked DRAFT (SPEC §10a): it is
// FINAL only for a complete assessment with the assessor named and the sign-off recorded.
// An empty list means the report may be final.
func DraftReasons(a *Assessment, sum Summary) []string {
	why := readyToSign(a, sum)
	if !a.SignOff.Recorded() {
		why = append(why, "no sign-off is recorded")
	}
	return why
}

// readyToSign says what keeps the assessment from being signed off: it must be complete and
// name its assessor. It is the part of the FINAL rule that finalising checks before it records
// the sign-off.
func readyToSign(a *Assessment, sum Summary) []string {
	var why []string
	if !sum.Complete {
		why = append(why, fmt.Sprintf("the assessment is not complete (%d of %d items assessed)", sum.Assessed, sum.Total))
	}
	if strings.TrimSpace(a.Assessor) == "" {
		why = append(why, "no assessor is named")
	}
	return why
}

package assessment

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"aimsbench/checklists"
)

// Finalised reports whether the assessment is finalised (SPEC §12): its sign-off is recorded,
// so its report is FINAL and it takes no edit until it is reopened with a reason.
func (a *Assessment) Finalised() bool { return a.SignOff.Recorded() }

// FinaliseRefusals says why the assessment cannot be finalised with sign-off so today, one
// short clause per reason; an empty list means it can. The report rule decides (it must be
// complete and name its assessor, see DraftReasons), and the sign-off must name who signs
// and be dated no later than today.
func FinaliseRefusals(cat *checklists.Catalogue, a *Assessment, so SignOff, today time.Time) []string {
	if a.Finalised() {
		return []string{"it is finalised already (" + a.SignOff.Describe() + ")"}
	}
	why := readyToSign(a, Evaluate(cat, a, today))
	switch {
	case strings.TrimSpace(so.By) == "":
		why = append(why, "no one is named to sign it off")
	case so.Date.IsZero():
		why = append(why, "the sign-off has no date")
	case so.Date.After(today):
		why = append(why, fmt.Sprintf("the sign-off is dated %s, after today", so.Date.Format(time.DateOnly)))
	case so.Date.Before(day(cmp.Or(a.StartDate, a.Created))):
		why = append(why, fmt.Sprintf("the sign-off is dated %s, before the assessment began", so.Date.Format(time.DateOnly)))
	}
	return why
}

// Describe is the sign-off as a sentence reads it: "signed off by Priya Shah, Lead assessor,
// on 2026-12-02".
func (s SignOff) Describe() string {
	by := strings.TrimSpace(s.By)
	if role := strings.TrimSpace(s.Role); role != "" {
		by += ", " + role + ","
	}
	return "signed off by " + by + " on " + s.Date.Format(time.DateOnly)
}

// FinalVersion is the report version a finalised report carries. A draft numbered below 1
// (0.1, 0.2 …), or not numbered at all, becomes 1.0, the first issued version; any other
// version is kept, so a report reopened as 1.1 is issued as 1.1.
func FinalVersion(v string) string {
	major, _, _ := strings.Cut(strings.TrimSpace(v), ".")
	if n, err := strconv.Atoi(major); err != nil || n < 1 {
		return "1.0"
	}
	return strings.TrimSpace(v)
}

// ReopenedVersion is the report version after reopening: a revision of the issued report, so
// the number after the last dot goes up by one (1.0 → 1.1, 1.9 → 1.10, 2 → 2.1). The next
// issue is a new version, never the signed one again.
func ReopenedVersion(v string) string {
	v = strings.TrimSpace(v)
	head, last, found := cutLast(v, ".")
	n, err := strconv.Atoi(last)
	switch {
	case v == "":
		return "1.1"
	case !found || err != nil || n < 0:
		return v + ".1"
	}
	return head + "." + strconv.Itoa(n+1)
}

// cutLast is strings.Cut at the last occurrence of sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// Package assessment is the domain of an ISO/IEC 42001 readiness assessment: plain types for
// what the assessor records, and pure functions for the rules that judge it (refusals,
// consistency warnings, roll-ups, the readiness verdict, the readiness checklist, common
// gaps, KPIs, sampling and the nonconformity life cycle). No I/O happens here, so the TUI,
// the command line and the report all reach the same verdict from the same data.
package assessment

import (
	"fmt"
	"strings"
)

// Status is the assessor's judgement of one requirement or control.
type Status string

// The statuses of §4.1. NotAssessed is the default.
const (
	NotAssessed   Status = "not_assessed"
	Conformant    Status = "conformant"
	Partial       Status = "partial"
	Nonconformant Status = "nonconformant"
	NotApplicable Status = "na"
)

// Statuses lists the statuses in the order they are shown.
var Statuses = []Status{NotAssessed, Conformant, Partial, Nonconformant, NotApplicable}

// Label is the status as a reader sees it.
func (s Status) Label() string {
	switch s {
	case Conformant:
		return "conformant"
	case Partial:
		return "partially conformant"
	case Nonconformant:
		return "nonconformant"
	case NotApplicable:
		return "not applicable"
	}
	return "not assessed"
}

// ParseStatus accepts the command-line spellings (conformant, partial, nonconformant, na,
// not_assessed) and the labels.
func ParseStatus(s string) (Status, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "conformant", "c":
		return Conformant, nil
	case "partial", "partially conformant", "partially_conformant", "p":
		return Partial, nil
	case "nonconformant", "n":
		return Nonconformant, nil
	case "na", "n/a", "not applicable", "not_applicable", "x":
		return NotApplicable, nil
	case "not_assessed", "not assessed", "", "-":
		return NotAssessed, nil
	}
	return "", fmt.Errorf("status %q is not known; use conformant, partial, nonconformant or na", s)
}

// Decision is the Statement of Applicability decision for an Annex A control.
type Decision string

// SoA decisions; Included is the default.
const (
	Included Decision = "included"
	Excluded Decision = "excluded"
)

// ParseDecision accepts "included" or "excluded".
func ParseDecision(s string) (Decision, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "included", "include", "":
		return Included, nil
	case "excluded", "exclude":
		return Excluded, nil
	}
	return "", fmt.Errorf("SoA decision %q is not known; use included or excluded", s)
}

// Grade classifies a finding raised as a nonconformity or observation.
type Grade string

// Finding grades of §4.1.
const (
	MajorNC      Grade = "major"
	MinorNC      Grade = "minor"
	Observation  Grade = "observation"
	OFI          Grade = "ofi"
	GoodPractice Grade = "good_practice"
)

// Grades lists the grades from most to least severe.
var Grades = []Grade{MajorNC, MinorNC, Observation, OFI, GoodPractice}

// Label is the grade as a reader sees it.
func (g Grade) Label() string {
	switch g {
	case MajorNC:
		return "major nonconformity"
	case MinorNC:
		return "minor nonconformity"
	case Observation:
		return "observation"
	case OFI:
		return "opportunity for improvement"
	case GoodPractice:
		return "good practice"
	}
	return string(g)
}

// Priority ranks remediation work.
type Priority string

// Priorities of §4.1.
const (
	High   Priority = "high"
	Medium Priority = "medium"
	Low    Priority = "low"
)

// Impact is an AI system's impact level.
type Impact string

// Impact levels of AI systems.
const (
	ImpactLow    Impact = "low"
	ImpactMedium Impact = "medium"
	ImpactHigh   Impact = "high"
)

// DefaultTarget is the target maturity when the assessor sets none: the level the maturity
// model calls certification-ready.
const DefaultTarget = 3

// CheckMaturity refuses a maturity or target level outside 1–5 (0 means unset).
func CheckMaturity(what string, n int) error {
	if n < 0 || n > 5 {
		return fmt.Errorf("%s %d is outside the scale; use 1 to 5", what, n)
	}
	return nil
}

// ParseGrade accepts a grade's code or label.
func ParseGrade(s string) (Grade, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, g := range Grades {
		if s == string(g) || s == g.Label() {
			return g, nil
		}
	}
	return "", fmt.Errorf("grade %q is not known; use major, minor, observation, ofi or good_practice", s)
}

// ParsePriority accepts high, medium or low.
func ParsePriority(s string) (Priority, error) {
	switch p := Priority(strings.ToLower(strings.TrimSpace(s))); p {
	case High, Medium, Low, "":
		return p, nil
	}
	return "", fmt.Errorf("priority %q is not known; use high, medium or low", s)
}

// ParseImpact accepts low, medium or high.
func ParseImpact(s string) (Impact, error) {
	switch i := Impact(strings.ToLower(strings.TrimSpace(s))); i {
	case ImpactLow, ImpactMedium, ImpactHigh:
		return i, nil
	}
	return "", fmt.Errorf("impact level %q is not known; use low, medium or high", s)
}

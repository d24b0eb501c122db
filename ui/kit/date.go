package kit

import (
	"errors"
	"strings"
	"time"

	"aimsbench/assessment"
)

// The date field: every form shows a date as YYYY-MM-DD text, accepts it empty (no date)
// and reads it through assessment.ParseDate, so every screen accepts the same spellings.

// DateInput is the text a date field starts with: YYYY-MM-DD, or empty for no date.
func DateInput(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// OptionalDate validates a date field: empty, or a date.
func OptionalDate(s string) error {
	_, err := ParseOptionalDate(s)
	return err
}

// ParseOptionalDate reads a date field; empty text is no date (the zero time).
func ParseOptionalDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return assessment.ParseDate(s)
}

// DateValue reads a date field its form has validated; empty gives the zero date.
func DateValue(s string) time.Time {
	t, _ := ParseOptionalDate(s)
	return t
}

// NotBefore validates a date field that must be empty or not before the date in *earlier
// (another field of the same form), named what in the refusal.
func NotBefore(earlier *string, what string) func(string) error {
	return func(v string) error {
		b, err := ParseOptionalDate(v)
		if err != nil || b.IsZero() {
			return err
		}
		if a, errA := ParseOptionalDate(*earlier); errA == nil && !a.IsZero() && b.Before(a) {
			return errors.New("this date is before " + what)
		}
		return nil
	}
}

package kit

import (
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

// NotBefore validates a date field (named name) that must be empty or not before the date
// in *earlier, another field of the same form named earlierName: an end date after its
// start, Stage 2 after Stage 1.
func NotBefore(earlier *string, name, earlierName string) func(string) error {
	return NotBeforeDate(name, earlierName, func() time.Time { return DateValue(*earlier) })
}

// NotBeforeDate validates a date field (named name) that must be empty or not before the
// date earlier returns, named earlierName: a nonconformity's due date or effectiveness
// check after the day it was raised. Every form checks the order of its dates here, by
// assessment.CheckDateOrder, the rule an imported bundle meets too.
func NotBeforeDate(name, earlierName string, earlier func() time.Time) func(string) error {
	return func(v string) error {
		later, err := ParseOptionalDate(v)
		if err != nil {
			return err
		}
		return assessment.CheckDateOrder(name, later, earlierName, earlier())
	}
}

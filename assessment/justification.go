package assessment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The least a justification needs to be a reason rather than a gesture (SPEC §4.2a).
const (
	MinJustificationChars = 20
	MinJustificationWords = 3
)

// placeholders are the words people type when they mean to give a reason later. A
// justification made of nothing else is refused, however long it is.
var placeholders = map[string]bool{
	"n/a": true, "na": true, "n.a": true, "none": true, "nil": true, "null": true, "tbd": true, "tbc": true,
	"todo": true, "to do": true, "later": true, "pending": true, "xxx": true, "x": true, "-": true, "--": true,
	".": true, "...": true, "…": true, "?": true, "see above": true, "as above": true, "same": true,
}

// CheckJustification refuses a justification that gives no reason (§4.2a): a placeholder such
// as "n/a", "tbd" or "-", or fewer than 20 characters or three words. It is the one rule for
// every justification the assessor must give: an SoA exclusion, an out-of-scope AI system, a
// conclusion override and a sample-size override. what names the decision being justified,
// e.g. "excluding A.7.3 from the Statement of Applicability"; the error is one sentence
// saying what to write instead.
func CheckJustification(what, text string) error {
	if problem := justificationProblem(text); problem != "" {
		return fmt.Errorf("%s needs a justification that says why in at least %d characters and %d words; %s",
			what, MinJustificationChars, MinJustificationWords, problem)
	}
	return nil
}

// justificationProblem says in a few words why a justification is not acceptable, "" when it is.
func justificationProblem(text string) string {
	text = strings.TrimSpace(text)
	words := strings.FieldsFunc(text, blank)
	switch {
	case text == "":
		return "none was given"
	case isPlaceholder(text):
		return fmt.Sprintf("%q is a placeholder, not a reason", text)
	case utf8.RuneCountInString(strings.Join(words, " ")) < MinJustificationChars || len(words) < MinJustificationWords:
		return fmt.Sprintf("%q is too short to be a reason", text)
	}
	return ""
}

// blank separates words and shows nothing: a space, or an invisible format character such as
// a zero-width space. Length is counted with one space between words, so padding made of
// blanks is not part of a reason.
func blank(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// AcceptableJustification reports whether a justification passes CheckJustification.
func AcceptableJustification(text string) bool { return justificationProblem(text) == "" }

// isPlaceholder reports whether a text is nothing but placeholder words ("TBD - later",
// "n/a n/a n/a").
func isPlaceholder(text string) bool {
	lower := strings.ToLower(text)
	if placeholders[lower] {
		return true
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
	for _, w := range words {
		if !placeholders[strings.TrimRight(w, ".!:")] && !placeholders[w] {
			return false
		}
	}
	return len(words) > 0
}

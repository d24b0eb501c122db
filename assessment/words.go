package assessment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// lowerFirst lower-cases the first letter, unless the first word is an acronym or a name
// with capitals inside ("AI policy", "AISIA", "OpenAI" stay).
func lowerFirst(s string) string { return changeFirst(s, unicode.ToLower) }

// upperFirst upper-cases the first letter.
func upperFirst(s string) string { return changeFirst(s, unicode.ToUpper) }

func changeFirst(s string, to func(rune) rune) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	first, _, _ := strings.Cut(s, " ")
	if strings.IndexFunc(first[n:], unicode.IsUpper) >= 0 && unicode.IsUpper(r) {
		return s
	}
	return string(to(r)) + s[n:]
}
